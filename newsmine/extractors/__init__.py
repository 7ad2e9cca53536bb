"""Extractors: one module per kind of mention, each a callable ``Document -> list[Mention]``.

Extractors register under a name; a pipeline is a list of names. Modules load
on first use, so ``newsmine --help`` imports none of them.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from importlib import import_module
from typing import Callable

from ..document import Document
from ..records import Mention

Extractor = Callable[[Document], list[Mention]]

DEFAULT_PIPELINE: tuple[str, ...] = (
    "directives", "dates", "indicators", "campaigns", "units", "achievements",
)
_MODULES = {name: f"{__name__}.{name}" for name in DEFAULT_PIPELINE}
_REGISTRY: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor under ``name`` (the record field it fills)."""
    def wrap(fn: Extractor) -> Extractor:
        _REGISTRY[name] = fn
        return fn
    return wrap


def get(name: str) -> Extractor:
    if name not in _REGISTRY and name in _MODULES:
        import_module(_MODULES[name])
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no extractor named {name!r}; known: {', '.join(sorted(_MODULES))}") from None


def select(candidates: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping candidates (earliest first on ties), in text order.

    Chosen spans never overlap, so sorted by start their ends are sorted too: a
    candidate only has to be checked against its two neighbours.
    """
    starts: list[int] = []
    spans: dict[int, Mention] = {}
    for m in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
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
