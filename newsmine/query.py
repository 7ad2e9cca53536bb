"""Search queries: what a researcher types, turned into safe SQLite FTS5 expressions.

Words, "quoted phrases", prefix* terms, AND / OR / NOT and parentheses are
understood. Every term is quoted before it reaches FTS5, so no input can be an
FTS syntax error; a query that cannot mean anything (an unbalanced quote, a
bare AND) raises :class:`QueryError` with a one-line explanation.

Two expressions come out: one over the original columns (the words as typed,
accents significant) and one over the folded column (accents and đ folded), so
"thi dua" finds "thi đua" and "thi đua" ranks exact matches first.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .fold import fold

_TOKEN = regex.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+))')
_OPERATORS = {"AND", "OR", "NOT"}
_TERM_CHARS = regex.compile(r"[\p{L}\p{N}]+")


class QueryError(ValueError):
    """A query that cannot be searched, with the reason in one line."""


@dataclass(frozen=True)
class Query:
    exact: str      # FTS5 expression over title, lead, text
    folded: str     # the same over the folded column
    terms: tuple[str, ...]   # folded words, for highlighting
    phrase: str | None = None  # plain words only: the words as one phrase, to rank adjacency first

    def match(self, exact_columns: str = "{title lead text}", folded_column: str = "folded") -> str:
        expr = f"({exact_columns} : ({self.exact})) OR ({folded_column} : ({self.folded}))"
        if self.phrase:
            expr += f" OR ({folded_column} : {_quoted(self.phrase)})"
        return expr


def parse(text: str) -> Query:
    """``parse('"đồng khởi" AND bến*')`` → a :class:`Query`; raises QueryError when meaningless."""
    if text.count('"') % 2:
        raise QueryError('unbalanced quote: close the phrase with a second "')
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        tokens.append((kind, m[kind]))
    if not tokens:
        raise QueryError("empty query: type at least one word")
    exact, folded, terms, depth = [], [], [], 0
    previous = None  # "term", "op", "(" or ")"
    for kind, value in tokens:
        if kind == "open":
            if previous in ("term", ")"):
                exact.append("AND"), folded.append("AND")
            exact.append("("), folded.append("(")
            depth += 1
            previous = "("
        elif kind == "close":
            depth -= 1
            if depth < 0 or previous in ("op", "("):
                raise QueryError("a closing parenthesis without a matching group")
            exact.append(")"), folded.append(")")
            previous = ")"
        elif kind == "word" and value.upper() in _OPERATORS and value.isupper():
            if previous in (None, "op", "(") and value != "NOT":
                raise QueryError(f"{value} needs a search term on each side")
            if value == "NOT" and previous in (None, "(", "op"):
                raise QueryError("NOT needs a search term before it: a NOT b")
            exact.append(value), folded.append(value)
            previous = "op"
        else:
            phrase, prefix = _term(kind, value)
            if phrase is None:
                continue
            if previous in ("term", ")"):
                exact.append("AND"), folded.append("AND")
            exact.append(_quoted(phrase) + prefix)
            folded.append(_quoted(fold(phrase)) + prefix)
            terms.extend(fold(phrase).split())
            previous = "term"
    if depth != 0:
        raise QueryError("unbalanced parenthesis: every ( needs a )")
    if previous == "op":
        raise QueryError(f"{exact[-1]} needs a search term after it")
    if not terms:
        raise QueryError("no searchable word in the query (only punctuation or operators)")
    plain = all(kind == "word" and not value.endswith("*") and value not in _OPERATORS for kind, value in tokens)
    phrase = " ".join(terms) if plain and len(terms) > 1 else None
    return Query(" ".join(exact), " ".join(folded), tuple(terms), phrase)


def _term(kind: str, value: str) -> tuple[str | None, str]:
    prefix = ""
    if kind == "phrase":
        value = value[1:-1]
    elif value.endswith("*"):
        value, prefix = value.rstrip("*"), "*"
    words = _TERM_CHARS.findall(value)
    return (" ".join(words), prefix) if words else (None, "")


def _quoted(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'
