"""Search queries, backend-neutral: what a researcher types, the tokens an archive indexes, and
how a hit is highlighted. A backend renders :class:`Query` in its own syntax (SQLite FTS5:
:func:`newsmine.archive.querying.fts5`); the rules live here so every backend gives the same hits.

Text is indexed one token per syllable (a run of letters and digits): ``<folded>_<key>``, where
``folded`` is the syllable without accents and case (``đồng`` → ``dong``) and ``key`` keeps the
letters' marks with the tone moved to the end as a digit (``đông2``), so the old and the new
tone placement are one key (``hoá`` = ``hóa`` → ``hoa_hoa1``; ``uỷ`` = ``ủy`` → ``uy_uy3``).

A query typed with accents (any word of it) matches words with those accents, whatever the tone
placement: the whole token. A query typed without accents matches any accents: the folded part
(``dong_`` as a prefix). ``word*`` matches every syllable starting with the folded word. Words,
"quoted phrases", AND / OR / NOT and parentheses are understood; every term is quoted before it
reaches the backend, so no input is a syntax error there; a query that cannot mean anything
(an unbalanced quote, a bare AND) raises :class:`QueryError` with a one-line explanation.

Several plain words typed together match articles holding all of them; those holding them as a
phrase rank first (:attr:`Query.phrase`).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from .fold import fold

_TOKEN = regex.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+))')
_OPERATORS = {"AND", "OR", "NOT"}
SYLLABLE = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


class QueryError(ValueError):
    """A query that cannot be searched, with the reason in one line."""


@lru_cache(maxsize=65536)
def key(syllable: str) -> str:
    """The accent-significant key of a syllable: lower case, tone mark as a final digit.

    >>> key("Hoá"), key("hóa"), key("Đồng")
    ('hoa1', 'hoa1', 'đông2')
    """
    tone, kept = "", []
    for c in unicodedata.normalize("NFD", syllable.lower()):
        if c in _TONES:
            tone = _TONES[c]
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


@lru_cache(maxsize=65536)
def token(syllable: str) -> str:
    """The indexed token of a syllable: ``<folded>_<key>``."""
    return f"{fold(syllable)}_{key(syllable)}"


def tokens(text: str | None) -> str:
    """The text a full-text index gets for ``text``: its syllables' tokens, separated by spaces."""
    return " ".join(token(s) for s in SYLLABLE.findall(text or ""))


def value_keys(value: str | None) -> tuple[str, str]:
    """(folded, keyed) forms of a filter value, each syllable between spaces: `` ha tinh ``."""
    words = SYLLABLE.findall(value or "")
    return " " + " ".join(fold(w) for w in words) + " ", " " + " ".join(key(w) for w in words) + " "


def accented(text: str) -> bool:
    """Whether ``text`` carries an accent (or đ): then it matches those accents only."""
    return any(fold(w) != w.lower() for w in SYLLABLE.findall(text))


@dataclass(frozen=True)
class Term:
    """One word or a phrase: syllables that must follow each other; ``prefix``: the last one starts a syllable."""

    words: tuple[str, ...]
    prefix: bool = False
    exact: bool = False   # accent-significant (the query was typed with accents)

    def pieces(self) -> list[tuple[str, bool]]:
        """(token or token prefix, is a prefix) per syllable, as the index holds them."""
        out = []
        for n, w in enumerate(self.words):
            last = n == len(self.words) - 1
            if last and self.prefix:
                out.append((fold(w), True))
            elif self.exact:
                out.append((token(w), False))
            else:
                out.append((fold(w) + "_", True))
        return out

    def matches(self, syllables: list[str]) -> bool:
        """Whether these syllables of a text are this term (used to highlight)."""
        for (piece, prefix), s in zip(self.pieces(), syllables):
            t = token(s)
            if not (t.startswith(piece) if prefix else t == piece):
                return False
        return len(syllables) == len(self.words)


@dataclass(frozen=True)
class Query:
    """A parsed query: ``tree`` of terms and operators, the terms to highlight, the phrase to rank first."""

    tree: tuple   # ("term", Term) | ("and"|"or", (node, ...)) | ("not", node, node)
    terms: tuple[Term, ...]
    phrase: Term | None = None


def parse(text: str) -> Query:
    """``parse('"đồng khởi" AND bến*')`` → a :class:`Query`; raises QueryError when meaningless."""
    if text.count('"') % 2:
        raise QueryError('unbalanced quote: close the phrase with a second "')
    tokens_ = [(m.lastgroup, m[m.lastgroup]) for m in _TOKEN.finditer(text)]
    if not tokens_:
        raise QueryError("empty query: type at least one word")
    exact = accented(text)
    out, terms, depth, previous = [], [], 0, None  # previous: "term", "op", "(" or ")"
    for kind, value in tokens_:
        if kind == "open":
            if previous in ("term", ")"):
                out.append("AND")
            out.append("(")
            depth += 1
            previous = "("
        elif kind == "close":
            depth -= 1
            if depth < 0 or previous in ("op", "("):
                raise QueryError("a closing parenthesis without a matching group")
            out.append(")")
            previous = ")"
        elif kind == "word" and value in _OPERATORS:
            if value != "NOT" and previous in (None, "op", "("):
                raise QueryError(f"{value} needs a search term on each side")
            if value == "NOT" and previous in (None, "(", "op"):
                raise QueryError("NOT needs a search term before it: a NOT b")
            out.append(value)
            previous = "op"
        else:
            term = _term(kind, value, exact)
            if term is None:
                continue
            if previous in ("term", ")"):
                out.append("AND")
            if not (out and out[-1] == "NOT"):
                terms.append(term)
            out.append(term)
            previous = "term"
    if depth != 0:
        raise QueryError("unbalanced parenthesis: every ( needs a )")
    if previous == "op":
        raise QueryError(f"{out[-1]} needs a search term after it")
    if not terms:
        raise QueryError("no searchable word in the query (only punctuation or operators)")
    plain = all(kind == "word" and not value.endswith("*") and value not in _OPERATORS for kind, value in tokens_)
    words = tuple(w for t in terms for w in t.words)
    phrase = Term(words, exact=exact) if plain and len(words) > 1 and len(terms) > 1 else None
    return Query(_tree(iter(out)), tuple(terms), phrase)


def _tree(items: Iterator) -> tuple:
    """Operator precedence as FTS5 has it: NOT binds tighter than AND, AND tighter than OR."""
    def operand() -> tuple:
        item = next(items)
        if item == "(":
            return expr(closing=True)
        return ("term", item)

    def expr(closing: bool = False) -> tuple:
        ors, ands, node = [], [], operand()
        for item in items:
            if item == ")" and closing:
                break
            if item == "NOT":
                node = ("not", node, operand())
            elif item == "AND":
                ands.append(node)
                node = operand()
            elif item == "OR":
                ands.append(node)
                ors.append(ands[0] if len(ands) == 1 else ("and", tuple(ands)))
                ands, node = [], operand()
        ands.append(node)
        ors.append(ands[0] if len(ands) == 1 else ("and", tuple(ands)))
        return ors[0] if len(ors) == 1 else ("or", tuple(ors))

    return expr()


def _term(kind: str, value: str, exact: bool) -> Term | None:
    prefix = False
    if kind == "phrase":
        value = value[1:-1]
    elif value.endswith("*"):
        value, prefix = value.rstrip("*"), True
    words = tuple(SYLLABLE.findall(value))
    return Term(words, prefix, exact) if words else None


def spans(text: str, query: Query) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is the phrase) of every whole match of a query term in ``text``, in order; a phrase is one span."""
    terms = sorted({*query.terms, *([query.phrase] if query.phrase else [])}, key=lambda t: -len(t.words))
    firsts = {fold(t.words[0])[:1] for t in terms}
    found = [(m.start(), m.end(), m[0]) for m in SYLLABLE.finditer(text)]
    n = 0
    while n < len(found):
        start, _, word = found[n]
        if word[:1].lower() in firsts or fold(word[:1]) in firsts:
            for term in terms:
                size = len(term.words)
                if term.matches([w for _, _, w in found[n:n + size]]):
                    yield start, found[n + size - 1][1], term == query.phrase
                    n += size - 1
                    break
        n += 1


def snippet(text: str, query: Query | None, width: int = 90) -> str:
    """A window of ``text`` around the first match (the first phrase match if any), matches in [ ]."""
    if query is None:
        return text[: 2 * width].replace("\n", " ")
    found, first = [], None
    for s, e, is_phrase in spans(text, query):
        found.append((s, e))
        if first is None and (is_phrase or not query.phrase):
            first = (s, e)
        if first and s > first[0] + width:
            break
    first = first or (found[0] if found else (0, 0))
    start, end = max(0, first[0] - width), min(len(text), first[0] + width)
    out, pos = [], start
    for s, e in found:
        if s >= start and e <= end:
            out += [text[pos:s], f"[{text[s:e]}]"]
            pos = e
    out.append(text[pos:end])
    body = "".join(out).replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")
