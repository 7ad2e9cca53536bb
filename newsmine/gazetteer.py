"""Bare place names in running text: countries ("sang Nhật Bản"), districts ("Ba Đình, Hà Nội"), communes.

Names come from ``lang/vi/countries.tsv`` and ``lang/vi/admin_units.tsv`` (districts and communes
of the 63 provinces before July 2025 and of the 34 after, generated from ``vietnamadminunits``).
One pass of an Aho-Corasick automaton of the names (case kept) finds where they are written; the
run of capitalised words around each is then read word by word against a dict, longest name first
(each distinct run once per process). A name is a place only when it stands alone, not as part of a longer
capitalised name ("Nguyễn Thanh Xuân"), not after a word of address or a street
("anh Đức", "đường Ngô Quyền"). Names that are also people's names or common words (one
syllable, a family name first, a dictionary word), and communes, need a word of place
before them ("tại Đức", "về Bửu Long") or an address after them ("Ba Đình, Hà Nội").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterator

import msgspec
import regex

from .lang import vi
from .text import alternation

_RUN = regex.compile(r"(?<![\p{L}0-9.&-])\p{Lu}[\p{L}]*+(?:[ ]\p{Lu}[\p{L}]*+)*+(?![\p{L}0-9&-])")
_BEFORE = regex.compile(r"(?:([\p{L}0-9]+)[ ])?([\p{L}0-9]+)[ ]$", regex.REVERSE)  # read from the end
#: what ends the text a match of ``_BEFORE`` ends (``$`` holds before a final newline too): a cheap test first
_BEFORE_ENDS = (" ", "\n")
#: what joins a name to the address after it ("Ba Đình, Hà Nội"), and one name to the next of a list
_ADDRESS_JOINS = (", ", ",", " (", " - ", " – ", " và ")
_LIST_JOINS = frozenset({", ", ",", " và ", " - ", " – ", "/"})
_AFTER = regex.compile(rf"{alternation(_ADDRESS_JOINS)}(\p{{Lu}}\p{{L}}*+(?: \p{{Lu}}\p{{L}}*+){{0,3}})")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;…\"“”'(\n-]\s*)$")
_MAX_WORDS = 5
#: a ward known by its number ("Phường V", "Phường 7"): named only after its level, which units read
_NUMBERED = regex.compile(r"[IVXLC]+|[0-9]+")


class Place(msgspec.Struct, frozen=True):  # a Struct: built several times per article, faster than a dataclass
    start: int
    end: int
    name: str
    canonical: str
    rank: str  # "country", "district" or "commune" ("province" names are not yielded)


@dataclass(frozen=True)
class _Entry:
    canonical: str
    rank: str
    ambiguous: bool  # needs a word of place before it or an address after it


@cache
def _names() -> dict[str, _Entry]:
    surnames = frozenset(vi.column("surnames"))
    words = vi.dictionary()

    def ambiguous(name: str) -> bool:
        parts = name.split(" ")
        return (len(parts) == 1 and len(name) <= 4) or parts[0] in surnames or name.lower() in words

    def personal(name: str) -> bool:  # "Lê Quý Đôn": a commune named after a person is the person
        parts = name.split(" ")
        return len(parts) > 2 and parts[0] in surnames

    out: dict[str, _Entry] = {}
    for row in vi.rows("admin_units"):  # districts first: a name that is both is read as a district
        name, rank = row[0], row[1]
        if personal(name) or _NUMBERED.fullmatch(name):
            continue
        if name not in out or out[name].rank == "commune":
            out[name] = _Entry(name, rank, rank == "commune" or ambiguous(name))
    for row in vi.rows("provinces"):  # known, so that they make lists and addresses, but read by units
        for name in [row[0]] + [a for a in (row[4].split("|") if len(row) > 4 else []) if a]:
            out[name] = _Entry(row[0], "province", False)
    for row in vi.rows("countries"):
        for name in [row[0]] + [a for a in (row[1].split("|") if len(row) > 1 else []) if a]:
            out[name] = _Entry(row[0], "country", ambiguous(name))
    return out


def is_country(name: str) -> bool:
    entry = _names().get(name)
    return entry is not None and entry.rank == "country"


@cache
def country_firsts() -> frozenset[str]:
    """The first words of the countries' names (as :func:`is_country` knows them)."""
    return frozenset(name.split(" ")[0] for name, entry in _names().items() if entry.rank == "country")


@cache
def _first_words() -> dict[str, tuple[int, ...]]:
    """First word of the names → the lengths in words of the names it starts, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in _names():
        words = name.split(" ")
        if len(words) <= _MAX_WORDS:
            lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


@cache
def _context() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(vi.column("place_cues")), frozenset(vi.column("place_blockers"))


@lru_cache(maxsize=1 << 16)
def _names_in(run: str) -> tuple[tuple[int, int, int, bool, _Entry], ...]:
    """The known names of a run of capitalised words, longest first from the left: (offset in the
    run, end offset, index of its first word, whether it ends the run, entry). Runs repeat across
    articles ("Việt Nam", "Theo"), so each is read once (a bounded cache: memory stays flat over a dump)."""
    names, firsts = _names(), _first_words()
    words = run.split(" ")
    if firsts.keys().isdisjoint(words):
        return ()
    offsets = [0]
    for w in words[:-1]:
        offsets.append(offsets[-1] + len(w) + 1)
    out, i = [], 0
    while i < len(words):
        for n in firsts.get(words[i], ()):  # the longest name that starts here
            if n <= len(words) - i and (entry := names.get(" ".join(words[i:i + n]))) is not None:
                out.append((offsets[i], offsets[i + n - 1] + len(words[i + n - 1]), i, i + n == len(words), entry))
                i += n
                break
        else:
            i += 1
    return tuple(out)


@cache
def _automaton():
    """Every known name, case kept: one pass finds where they are written (a contiguous NFA: as
    fast here as a DFA, which would take 30 MB more)."""
    import ahocorasick_rs

    names = list(_names()) or ["\0"]
    return ahocorasick_rs.AhoCorasick(names, implementation=ahocorasick_rs.Implementation.ContiguousNFA)


def _run_start(text: str, at: int) -> int:
    """Where the run of capitalised words holding the word at ``at`` starts (as ``_RUN`` finds
    runs): back over capitalised words one space apart, then forward past a first word that
    something other than a space or punctuation of a name precedes ("TP.Hồ Chí Minh" → "Chí")."""
    start = at
    while start >= 2 and text[start - 1] == " ":
        word = start - 1
        while word > 0 and text[word - 1].isalpha():
            word -= 1
        if word == start - 1 or not text[word].isupper():  # a letter: upper case exactly when "Lu"
            break
        start = word
    if start and (text[start - 1].isalpha() or text[start - 1] in "0123456789.&-"):
        space = text.find(" ", start, at + 1)
        start = space + 1 if space >= 0 else at + 1
    return start


def _runs(text: str) -> list[regex.Match[str]]:
    """The runs of capitalised words that hold a known name, in order: found from the names
    (one pass of an automaton), not by reading every run of the text."""
    starts: set[int] = set()
    for _, at, end in _automaton().find_matches_as_indexes(text, overlapping=True):
        if (at and text[at - 1].isalpha()) or text[end:end + 1].isalpha():
            continue  # inside a longer word ("An" in "Anh")
        starts.add(_run_start(text, at))
    runs, end = [], 0
    for start in sorted(starts):  # a start inside the last run is not matched again
        if start >= end and (run := _RUN.match(text, start)) is not None:
            runs.append(run)
            end = run.end()
    return runs


def places(text: str) -> Iterator[Place]:
    last_end = -1  # end of the last known name: an ambiguous name in a list of places is a place
    for run in _runs(text):
        run_text = run[0]
        found = _names_in(run_text)
        if not found:
            continue
        base = run.start()
        for s, e, index, ends, entry in found:  # index 1: the name opens on the run's second word
            start, end = base + s, base + e
            previous_end, last_end = last_end, end
            if entry.rank != "province" and ends and \
                    (index == 0 or (index == 1 and _SENTENCE_START.search(text, max(0, base - 3), base))) and \
                    _stands_alone(text, start, end, entry, run_text[:s - 1] if index == 1 else None, previous_end):
                yield Place(start, end, text[start:end], entry.canonical, entry.rank)


def _stands_alone(text: str, start: int, end: int, entry: _Entry, initial: str | None, previous_end: int) -> bool:
    """No word of address or street before it; when it is ambiguous, a word of place before it,
    an address after it, or other places beside it in a list (after the known name that ends at
    ``previous_end``, -1 for none) or in brackets."""
    cues, blockers = _context()
    if initial is not None:
        last = pair = initial.lower()
    else:  # the word before and, when one precedes it, the two words before (the match less its final space)
        m = _BEFORE.search(text, max(0, start - 30), start) if text[start - 1:start] in _BEFORE_ENDS else None
        last, pair = (m[2], m[0][:-1]) if m else ("", "")
    if last and (last in blockers or pair in blockers):
        return False
    if last[:1].isupper() or last[:1].isdigit():
        return False  # part of a longer name, or a street address ("số 12 Ngọc Hà")
    if not entry.ambiguous or (text[start - 1:start] == "(" and text[end:end + 1] == ")") or \
            (previous_end >= 0 and text[previous_end:start] in _LIST_JOINS):
        return True
    if last and (last in cues or pair in cues):
        return True
    after = _AFTER.match(text, end, end + 40) if text.startswith(_ADDRESS_JOINS, end) else None
    return bool(after) and after[1] in _names() and _names()[after[1]].rank != "commune"
