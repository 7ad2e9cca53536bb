"""The working state of one article while extractors run over it."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

from .records import Article, Mention

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
