"""The working state of one article while extractors run over it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

import regex

from .records import Article, Mention

_DIGITS = re.compile(r"[0-9]+")
#: How far a number-bearing mention reaches before and after its digits
#: ("giai đoạn 2016-2020", "Chỉ thị số 01-CT/TU", "gần 92 ngàn hồ sơ lượt người").
WINDOW_BEFORE, WINDOW_AFTER = 80, 60
_SENTENCE_END = regex.compile(r"(?<=[.!?…;])\s+(?=[\p{Lu}0-9“\"(])|\n+")


@dataclass
class Document:
    """An article plus what earlier extractors found in it (``found["directives"]``...)."""

    article: Article
    found: dict[str, list[Mention]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

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
        for m in _SENTENCE_END.finditer(self.text):
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    @cached_property
    def digit_windows(self) -> list[tuple[int, int]]:
        """Stretches of text around digits, merged: only there can dates, figures and symbols be."""
        text, spans = self.text, []
        for m in _DIGITS.finditer(text):
            start = max(0, m.start() - WINDOW_BEFORE)
            start = text.rfind(" ", 0, start) + 1 if start else 0
            end = min(len(text), m.end() + WINDOW_AFTER)
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        return [(s, e) for s, e in spans]

    def finditer(self, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        """``pattern.finditer`` over the digit windows only (for patterns that need a digit)."""
        for start, end in self.digit_windows:
            yield from pattern.finditer(self.text, start, end)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)

    def taken(self, *kinds: str) -> list[tuple[int, int]]:
        """Spans already claimed by mentions of ``kinds``."""
        return sorted((m.start, m.end) for k in kinds for m in self.found.get(k, []))


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
