"""Extractors: one module per kind of mention, each a callable ``Document -> list[Mention]``.

Each module ends with the ``KIND`` declaring its kind (see :mod:`newsmine.kinds`);
:class:`newsmine.pipeline.Pipeline` orders and runs them. Modules load on first
use, so ``newsmine --help`` imports none of them.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from typing import Callable

from ..document import Document
from ..records import Mention

Extractor = Callable[[Document], list[Mention]]


def get(name: str) -> Extractor:
    """The extractor of the kind ``name``."""
    from ..kinds import kinds

    try:
        return kinds()[name].extract
    except KeyError:
        raise KeyError(f"no extractor named {name!r}; known: {', '.join(sorted(kinds()))}") from None


def _longest_first(m: Mention) -> tuple[int, int]:
    return m.start - m.end, m.start


def select(candidates: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping candidates (earliest first on ties), in text order.

    Chosen spans never overlap, so sorted by start their ends are sorted too: a
    candidate only has to be checked against its two neighbours.
    """
    if len(candidates) < 2:
        return list(candidates)
    starts: list[int] = []
    spans: dict[int, Mention] = {}
    for m in sorted(candidates, key=_longest_first):
        i = bisect_left(starts, m.start)
        if i < len(starts) and starts[i] < m.end:
            continue
        if i > 0 and spans[starts[i - 1]].end > m.start:
            continue
        if m.start in spans:  # an empty span at the same place
            continue
        insort(starts, m.start)
        spans[m.start] = m
    return [spans[s] for s in starts]
