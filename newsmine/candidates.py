"""Candidates found once: every key word of every extractor, in one pass over an article.

Extractors declare their key words in :data:`GROUPS` (``group: "module:function"``, the
function returning the literal words, read from the data files). One Aho-Corasick automaton
(``ahocorasick_rs``) holds them all, lower-cased, built once per process; :func:`of` runs it once over the
article's lower-cased text and keeps the hits that are whole words (no letter right before
or after; a group of :data:`ANYWHERE` keeps every hit). An extractor then tries its patterns only at its group's hits::

    for m in scan(pattern, doc.text, of(doc).starts("unit_heads")):  # as pattern.finditer(doc.text)

Hits are a superset of where a case-sensitive or IGNORECASE alternation of the same words
can match, so :func:`scan` finds exactly what ``finditer`` over the whole text finds, as
long as every match of the pattern starts with one of the group's words.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Container, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import regex

    from .document import Document

#: Each group's words, as "module:function" returning an iterable of words (case is ignored).
GROUPS: dict[str, str] = {
    "unit_heads": "newsmine.extractors.units:head_words",
    "admin_levels": "newsmine.extractors.units:level_words",
    "provinces": "newsmine.extractors.units:province_words",
    "doc_types": "newsmine.extractors.directives:type_words",
    "directive_triggers": "newsmine.extractors.directives:trigger_words",
    "campaign_kinds": "newsmine.extractors.campaigns:kind_words",
    "campaigns_known": "newsmine.extractors.campaigns:known_words",
    "campaign_context": "newsmine.extractors.campaigns:context_words",
    "quotes": "newsmine.extractors.campaigns:quote_marks",
    "achievement_cues": "newsmine.extractors.achievements:cue_words",
    "achievement_context": "newsmine.extractors.achievements:context_words",
    "achievement_outside": "newsmine.extractors.achievements:outside_words",
    "number_words": "newsmine.extractors.indicators:number_words",
    "date_words": "newsmine.extractors.dates:start_words",
}
#: Groups whose hits are kept inside words too.
ANYWHERE = frozenset({"date_words", "doc_types", "campaign_context", "quotes"})


@cache
def _automaton():
    """The automaton of every group's words, lower-cased, and for each of its words (by index) the
    groups that keep only its whole-word hits and those that keep every hit."""
    import ahocorasick_rs

    names = tuple(GROUPS)
    entries: dict[str, set[int]] = {}
    for i, name in enumerate(names):
        module, function = GROUPS[name].split(":")
        for word in getattr(import_module(module), function)():
            if word:
                entries.setdefault(_lower(word), set()).add(i)
    anywhere = {i for i, name in enumerate(names) if name in ANYWHERE}
    groups = [(tuple(sorted(g - anywhere)), tuple(sorted(g & anywhere))) for g in entries.values()]
    # a DFA: a third faster than the default automaton here, for 7 MB of memory over these 2,200 words
    automaton = ahocorasick_rs.AhoCorasick(list(entries) or ["\0"], implementation=ahocorasick_rs.Implementation.DFA)
    return automaton, groups or [((), ())], names


def _lower(text: str) -> str:
    """``text.lower()`` with every offset kept (a letter whose lower case is longer stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class Candidates:
    """The whole-word hits of every group in one text."""

    def __init__(self, text: str):
        automaton, groups, names = _automaton()
        hits: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
        lists = [hits[name] for name in names]
        n, lowered = len(text), text.lower()
        #: the hits were found in ``text.lower()`` (no letter lower-cases longer): an ANYWHERE group's
        #: hits are where ``word in text.lower()`` finds its words
        self.as_lowered = len(lowered) == n
        if not self.as_lowered:
            lowered = _lower(text)
        for word, start, end in automaton.find_matches_as_indexes(lowered, overlapping=True):
            words, anywhere = groups[word]
            if anywhere:
                for g in anywhere:
                    lists[g].append((start, end))
            if words and not (start and text[start - 1].isalpha()) and not text[end:end + 1].isalpha():
                span = (start, end)
                for g in words:
                    lists[g].append(span)
        for spans in lists:
            spans.sort()
        self._hits = hits
        self._starts: dict[str, list[int]] = {}

    def hits(self, group: str) -> list[tuple[int, int]]:
        """(start, end) of each whole-word hit of ``group``, sorted (overlapping hits all kept)."""
        return self._hits[group]

    def starts(self, group: str) -> list[int]:
        """Where a hit of ``group`` starts, each once, in order."""
        if group not in self._starts:
            self._starts[group] = sorted({s for s, _ in self._hits[group]})
        return self._starts[group]

    def between(self, group: str, start: int, end: int) -> list[tuple[int, int]]:
        """Hits of ``group`` starting in [start, end)."""
        spans = self._hits[group]
        return spans[bisect_left(spans, (start, -1)):bisect_left(spans, (end, -1))]

    def count(self, group: str) -> int:
        return len(self._hits[group])

    def count_apart(self, group: str) -> int:
        """How many hits of ``group`` ``finditer`` of a longest-first alternation of its words
        finds: the leftmost hit, the longest at its start, then none that starts inside it."""
        n, start, end = 0, -1, -1
        for s, e in self._hits[group]:  # sorted by start, then end
            if s == start:
                end = max(end, e)  # a longer word at the place just counted
            elif s >= end:
                n, start, end = n + 1, s, e
        return n


def of(doc: "Document") -> Candidates:
    """The candidates of ``doc``, found once."""
    return doc.memo("candidates", lambda: Candidates(doc.text))


def literal(text: str, hits: list[tuple[int, int]], words: Container[str], not_before: str = "",
            not_after: str = "") -> list[tuple[int, int]]:
    """What ``finditer`` of a longest-first alternation of the literal ``words`` (case kept), with
    no letter, nor a character of ``not_before``/``not_after``, right before or after, finds: read
    from a group's whole-word ``hits`` (sorted) that are one of ``words`` as written, with no
    regular expression. The group must hold every one of ``words``."""
    out: list[tuple[int, int]] = []
    n, end, i = len(text), 0, 0
    while i < len(hits):
        start, longest = hits[i][0], -1
        while i < len(hits) and hits[i][0] == start:
            e = hits[i][1]
            if e > longest and text[start:e] in words and (e == n or text[e] not in not_after):
                longest = e
            i += 1
        if longest > start >= end and not (start and text[start - 1] in not_before):
            out.append((start, longest))
            end = longest
    return out


def scan(pattern: "regex.Pattern[str]", text: str, starts: Iterable[int]) -> Iterator["regex.Match[str]"]:
    """What ``pattern.finditer(text)`` yields, trying the pattern only at ``starts`` (sorted): the
    same matches when every match starts at one of them."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = m.end() if m.end() > pos else pos + 1
