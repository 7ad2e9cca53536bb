"""The working state of one article while extractors run over it."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Callable, Iterator

import regex

from .records import Article, Mention

#: the ``regex`` engine finds runs of digits four times as fast as the standard library's here
_DIGITS = regex.compile(r"[0-9]+")
#: How far a number-bearing mention reaches before and after its digits
#: ("giai đoạn 2016-2020", "Chỉ thị số 01-CT/TU", "gần 92 ngàn hồ sơ lượt người").
WINDOW_BEFORE, WINDOW_AFTER = 80, 60
#: A sentence ends at final punctuation and spaces before a capital, a digit or an opening
#: quote or bracket, and at line breaks. Found with the standard library's engine, and written to
#: open with one class (``[.!?…;]\s+|\n+`` opens with two branches, which the engine tries at every
#: character instead of skipping to the next one of the class: three times as slow); :func:`_sentence_breaks`
#: checks what follows.
_BREAK = re.compile(r"[.!?…;\n](?:(?<=\n)\n*|(?<!\n)\s+)")
_NEWLINES = re.compile(r"\n+")
_OPENERS = frozenset("0123456789“\"(")


_FEW_NEEDS = 12  # up to this many words, looked for one by one (the first usually holds)


@lru_cache(maxsize=64)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _sentence_breaks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the spaces that end a sentence: after final punctuation when a capital,
    a digit or an opening quote or bracket follows, else only their line breaks; other line breaks."""
    for m in _BREAK.finditer(text):
        start, end = m.span()
        if text[start] == "\n":
            yield start, end
            continue
        nxt = text[end:end + 1]
        if nxt and (nxt in _OPENERS or unicodedata.category(nxt) == "Lu"):
            yield start + 1, end
        else:
            for n in _NEWLINES.finditer(text, start + 1, end):
                yield n.span()


@dataclass
class Document:
    """An article plus what earlier extractors found in it (``found["directives"]``...)."""

    article: Article
    found: dict[str, list[Mention]] = field(default_factory=dict)
    memos: dict[str, Any] = field(default_factory=dict, repr=False)
    #: the article's text, read often enough by every extractor to be an attribute
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = self.article.text

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value computed once per document: where an extractor keeps what it reuses
        (``doc.memo("provinces", lambda: list(pattern.finditer(doc.text)))``)."""
        if key not in self.memos:
            self.memos[key] = compute()
        return self.memos[key]

    @cached_property
    def published_year(self) -> int | None:
        published = self.article.published
        if published and published[:4].isdigit():
            return int(published[:4])
        return None

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, split on final punctuation and line breaks."""
        spans, start = [], 0
        for b_start, b_end in _sentence_breaks(self.text):
            if b_start > start:
                spans.append((start, b_start))
            start = b_end
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    @cached_property
    def digit_runs(self) -> list[tuple[int, int]]:
        """(start, end) of each run of digits."""
        return [m.span() for m in _DIGITS.finditer(self.text)]

    @cached_property
    def digit_starts(self) -> list[int]:
        """Where each run of digits starts."""
        return [start for start, _ in self.digit_runs]

    @cached_property
    def digit_windows(self) -> list[tuple[int, int]]:
        """Stretches of text around digits, merged: only there can dates, figures and symbols be.

        A run of digits less than ``WINDOW_BEFORE + WINDOW_AFTER`` after the one before is in its window;
        only the first run of each such cluster opens a window, unless its word boundary reaches back
        into the window before."""
        text, runs, spans = self.text, self.digit_runs, []
        reach = WINDOW_BEFORE + WINDOW_AFTER
        opening = [k for k, ((_, end), (start, _)) in enumerate(zip(runs, runs[1:]), 1) if start - end > reach]
        for first, last in zip([0, *opening], [*opening, len(runs)]):
            if first == len(runs):
                break
            start, end = max(0, runs[first][0] - WINDOW_BEFORE), min(len(text), runs[last - 1][1] + WINDOW_AFTER)
            if start:  # back to a word boundary, looking at most 20 characters further
                space = text.rfind(" ", max(0, start - 20), start)
                start = space + 1 if space >= 0 else start
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], end))
            else:
                spans.append((start, end))
        return spans

    @cached_property
    def lowered_windows(self) -> list[str]:
        """The text of each digit window, lower-cased."""
        return [self.text[s:e].lower() for s, e in self.digit_windows]

    def _windows(self, needs: tuple[str, ...]) -> list[tuple[int, int]]:
        """The digit windows holding one of ``needs`` (every window for none), found once per ``needs``."""
        if not needs:
            return self.digit_windows
        cache = self.memos.setdefault("_windows", {})
        if needs not in cache:
            lowered = self.lowered_windows
            if len(needs) <= _FEW_NEEDS:
                cache[needs] = [w for w, low in zip(self.digit_windows, lowered) if any(word in low for word in needs)]
            else:  # many words (directives' document types): one search of them all per window
                holds = _any_of(needs).search
                cache[needs] = [w for w, low in zip(self.digit_windows, lowered) if holds(low)]
        return cache[needs]

    def _inside_windows(self, spans: list[tuple[int, int]]) -> Iterator[tuple[int, tuple[int, int]]]:
        """(index of the digit window, span) of each of ``spans`` (sorted by start) lying in a window whole."""
        windows = self.digit_windows
        w = 0
        for s, e in spans:
            while w < len(windows) and windows[w][1] <= s:
                w += 1
            if w == len(windows):
                break
            if windows[w][0] <= s and e <= windows[w][1]:
                yield w, (s, e)

    def spans_in_windows(self, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """For each digit window, the ``spans`` (sorted by start) that lie in it whole: where the
        one-pass candidates found a window's words."""
        out: list[list[tuple[int, int]]] = [[] for _ in self.digit_windows]
        for w, span in self._inside_windows(spans):
            out[w].append(span)
        return out

    def windows_with(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The digit windows that hold one of ``spans`` (sorted) whole, in text order."""
        windows = self.digit_windows
        return [windows[w] for w in dict.fromkeys(w for w, _ in self._inside_windows(spans))]

    def finditer(self, pattern: regex.Pattern[str], needs: tuple[str, ...] = (),
                 starts: list[int] | None = None,
                 windows: list[tuple[int, int]] | None = None) -> Iterator[regex.Match[str]]:
        """``pattern.finditer`` over the digit windows only (for patterns that need a digit),
        and of those only the windows holding one of ``needs`` (lower-case words) when given,
        or only ``windows``. With ``starts`` (sorted), the pattern is tried only there: the same
        matches when every match starts at one of them."""
        text = self.text
        if starts is not None and not starts:
            return
        for start, end in (self._windows(needs) if windows is None else windows):
            if starts is None:
                yield from pattern.finditer(text, start, end)
                continue
            last, i = start, bisect_left(starts, start)
            while i < len(starts) and starts[i] < end:
                pos, i = starts[i], i + 1
                if pos >= last and (m := pattern.match(text, pos, end)) is not None:
                    yield m
                    last = m.end() if m.end() > pos else pos + 1

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (the gap after a sentence belongs to it)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return 0, self.sentences[0][1] if self.sentences else len(self.text)
        start, end = self.sentences[i]
        return (start, end) if offset < end or i == len(self.sentences) - 1 else (start, self.sentences[i + 1][0])

    def between(self, kind: str, start: int, end: int) -> list[Mention]:
        """Mentions of ``kind`` that start in [start, end), in text order (found lists are sorted)."""
        found = self.found.get(kind, [])
        starts = self._starts(kind)
        return found[bisect_left(starts, start):bisect_left(starts, end)]

    def _starts(self, kind: str) -> list[int]:
        cache = self.memos.setdefault("_starts", {})
        found = self.found.get(kind, [])
        if cache.get(kind, (None,))[0] is not found:
            cache[kind] = (found, [m.start for m in found])
        return cache[kind][1]

    def taken(self, *kinds: str) -> "Spans":
        """Spans already claimed by mentions of ``kinds``."""
        return Spans((m.start, m.end) for k in kinds for m in self.found.get(k, []))


class Spans:
    """A set of (start, end) spans answering "does [start, end) overlap any?" in O(log n)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end, best = [], -1
        for _, e in ordered:
            best = max(best, e)
            self._max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        j = bisect_left(self._starts, end)
        return j > 0 and self._max_end[j - 1] > start


def overlaps(start: int, end: int, spans: Spans) -> bool:
    return spans.overlaps(start, end)
