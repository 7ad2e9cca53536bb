"""Text normalisation shared by readers and extractors.

All article text is Unicode NFC. Some pages carry a tone mark twice, once
precomposed and once combining ("bắ́t", "độ̣ng"); NFC cannot absorb the
second mark, so :func:`normalize` drops a combining mark that repeats one the
base letter already carries.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

import regex

# plain character classes: the standard library's engine runs them twice as fast over a whole text
_SPACES = re.compile(r"[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
#: invisible characters and control bytes, removed in one pass
_DROPPED = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_COMBINING_RUN = regex.compile(r"(\P{M})(\p{M}+)")
_MARK = regex.compile(r"\p{M}")  # every character with a combining class is a mark


@cache
def _marks_of(char: str) -> frozenset[str]:
    return frozenset(c for c in unicodedata.normalize("NFD", char) if unicodedata.combining(c))


def _drop_repeated_marks(match: regex.Match[str]) -> str:
    base, marks = match.group(1), match.group(2)
    seen = set(_marks_of(base))
    kept = []
    for mark in marks:
        if mark not in seen:
            kept.append(mark)
            seen.add(mark)
    return base + "".join(kept)


def normalize(text: str) -> str:
    """NFC, repeated combining marks dropped, odd spaces and control characters removed.

    >>> normalize("vận độ\u0323ng") == "vận động"
    True
    """
    return _SPACES.sub(" ", _normalized(text))


def _normalized(text: str) -> str:
    """:func:`normalize` but for the odd spaces (no space takes part in NFC nor carries a mark)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DROPPED.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _MARK.search(text) and any(unicodedata.combining(c) for c in text):
        text = unicodedata.normalize("NFC", _COMBINING_RUN.sub(_drop_repeated_marks, text))
    return text


def lines(raw: str) -> list[str]:
    """``paragraphs(normalize(raw))``, the odd spaces left to the split of :func:`paragraphs`,
    which folds every kind of space anyway.

    A text with no character that :func:`_unusual` finds (nearly every field of a dump) is one
    line that normalising leaves as it is, its only space " ": one scan for those characters
    replaces the five passes of normalising and the line split."""
    if _unusual().search(raw) is None:
        line = _spaces_folded(raw)
        return [line] if line else []
    return paragraphs(_normalized(raw))


@cache
def _unusual() -> re.Pattern[str]:
    """A character that :func:`_normalized` or :func:`paragraphs` may change or split at: one with a
    combining class, one of :func:`_composing`, a space but " " (line breaks too), a dropped one, or
    one past U+FFFF. Written as the complement of the other BMP characters, which leaves past
    U+FFFF out, so the class is one table and checks one lookup a character (a range past U+FFFF
    would add a test to each)."""
    composing = _composing()
    usual = [
        c for c in map(chr, range(0x10000))
        if not (unicodedata.combining(c) or c in composing or (c.isspace() and c != " ") or _DROPPED.match(c))
    ]
    return re.compile(f"[^{_ranges(usual)}]")


def _composing() -> set[str]:
    """The BMP characters but marks whose NFC quick check is not "yes": those NFC changes ("Ω" →
    "Ω", "क़" → "क़"), the second of a pair NFC composes ("ா" of Tamil "ொ") and the Hangul vowels
    and final consonants. A text with none of them nor a mark is in NFC (UAX #15)."""
    chars = set()
    for c in map(chr, range(0x10000)):
        parts = unicodedata.decomposition(c).split()
        if unicodedata.normalize("NFC", c) != c:
            chars.add(c)
        elif len(parts) == 2 and not parts[0].startswith("<"):
            chars.add(chr(int(parts[1], 16)))
        after_hangul = ("\u1100" + c, "\uac00" + c)  # after a leading consonant, after a syllable
        if any(len(unicodedata.normalize("NFC", pair)) == 1 for pair in after_hangul):
            chars.add(c)
    return chars


def _ranges(chars: list[str]) -> str:
    """The body of a character class holding ``chars`` (in code point order), as ranges."""
    runs: list[list[str]] = []
    for c in chars:
        if runs and ord(runs[-1][1]) + 1 == ord(c):
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in runs)


def _spaces_folded(line: str) -> str:
    """``" ".join(line.split())`` for a line whose only space is " ": a few replaces, three times
    as fast as the split on a long line."""
    while "  " in line:
        line = line.replace("  ", " ")
    return line.strip(" ")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, each stripped and with runs of spaces folded."""
    out = []
    for line in text.split("\n"):
        # every space but " " is unprintable: a printable line with no doubled, leading or trailing
        # space is folded already (twice as fast as folding every line)
        if not (line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "):
            line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def word_after(text: str, end: int) -> str:
    """The letters of the word one space after ``end``, lower-cased ("" when no space, or no
    letter, follows): what comes after a word ("hai" → "giải" in "hai giải Nhất")."""
    if not text[end:end + 1].isspace():
        return ""
    space = text.find(" ", end + 1, end + 40)
    word = text[end + 1:space] if space > 0 else ""
    if not word.isalpha():  # at the end, or a mark after the word: its letters one by one
        j = end + 1
        while j < len(text) and text[j].isalpha():
            j += 1
        word = text[end + 1:j]
    return word.lower()


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first; never empty.

    An empty list gives a pattern that matches nothing, so a missing data file
    cannot turn into a pattern that matches everywhere.
    """
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not words:
        return r"(?!)"
    return "(?:" + "|".join(regex.escape(w) for w in words) + ")"
