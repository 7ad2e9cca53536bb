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
from itertools import islice
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
    return " ".join(map(token, SYLLABLE.findall(text or "")))


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


def _variants() -> dict[str, str]:
    """Each folded letter with every Latin letter folding to it (:func:`newsmine.fold.fold`), as a regex class."""
    out: dict[str, set[str]] = {}
    for r in (range(0x30, 0x3A), range(0x41, 0x5B), range(0x61, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        for c in map(chr, r):
            out.setdefault(fold(c), set()).add(c)
    return {f: "[" + "".join(regex.escape(c) for c in sorted(cs)) + "]" for f, cs in out.items() if len(f) == 1}


#: Snippets find where a term may be in the text itself with these classes, then check it with the rules above.
_VARIANTS = _variants()
_EDGE = r"(?<![\p{L}\p{N}\p{M}])"
_GAP = r"[^\p{L}\p{N}\p{M}]+"


def _ordered(query: Query) -> tuple[Term, ...]:
    """The terms to highlight, longest first (a phrase before its words)."""
    return tuple(sorted({*query.terms, *([query.phrase] if query.phrase else [])}, key=lambda t: -len(t.words)))


@lru_cache(maxsize=256)
def _finder(terms: tuple[Term, ...]) -> regex.Pattern:
    """Where any of ``terms`` may start: its syllables in any accents and case, whole (the last begun with ``*``)."""
    def word(w: str) -> str:
        return "".join(_VARIANTS.get(c) or regex.escape(c) for c in fold(w))

    bodies = (_GAP.join(map(word, t.words)) + ("" if t.prefix else r"(?![\p{L}\p{N}\p{M}])") for t in terms)
    return regex.compile(_EDGE + "(?:" + "|".join(bodies) + ")")


def _spans(text: str, terms: tuple[Term, ...], phrase: Term | None,
           start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, bool]]:
    finder, pos, end = _finder(terms), start, len(text) if end is None else end
    longest = len(terms[0].words)
    while (m := finder.search(text, pos, end)) is not None:
        found = list(islice(SYLLABLE.finditer(text, m.start()), longest))
        for term in terms:
            size = len(term.words)
            if term.matches([f[0] for f in found[:size]]):
                yield m.start(), found[size - 1].end(), term == phrase
                pos = found[size - 1].end()
                break
        else:
            pos = found[0].end() if found else m.end()


def spans(text: str, query: Query) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is the phrase) of every whole match of a query term in ``text``, in order; a phrase is one span."""
    return _spans(text, _ordered(query), query.phrase)


def snippet(text: str, query: Query | None, width: int = 90) -> str:
    """A window of ``text`` around the first match (the first phrase match if any), matches in [ ].

    Only the window is scanned for the matches to highlight, however long the text.
    """
    if query is None:
        return text[: 2 * width].replace("\n", " ")
    terms = _ordered(query)
    first = next(_spans(text, (query.phrase,), query.phrase), None) if query.phrase else None
    first = first or next(_spans(text, terms, query.phrase), None) or (0, 0, False)
    start, end = max(0, first[0] - width), min(len(text), first[0] + width)
    out, pos = [], start
    for s, e, _ in _spans(text, terms, query.phrase, start, end):
        if e <= end:
            out += [text[pos:s], f"[{text[s:e]}]"]
            pos = e
    out.append(text[pos:end])
    body = "".join(out).replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")
