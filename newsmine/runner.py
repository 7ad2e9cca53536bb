"""The extract job: read, extract, write, count. The CLI shows it; notebooks may call it too."""
from __future__ import annotations

import logging
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .pipeline import extract_article
from .kinds import names
from .sources import read
from .parallel import ClusterError  # noqa: F401 (raised by runs on Dask; the CLI catches it from here)
from .sources.problems import Problem


@dataclass
class Summary:
    articles: int = 0
    with_warnings: int = 0
    problems: int = 0
    chars: int = 0
    mentions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(names(), 0))
    started: float = field(default_factory=time.perf_counter)
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.elapsed if self.elapsed else 0.0


class ProblemCounter(logging.Handler):
    """Counts the problems readers report, and passes each one on to ``show``."""

    def __init__(self, summary: Summary, show: Callable[[str], None]):
        super().__init__(logging.WARNING)
        self.summary, self.show = summary, show

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(getattr(record, "problem", None), Problem):
            self.summary.problems += getattr(record, "problems", 1)
        self.show(record.getMessage())


def run_extract(inputs: Iterable[str], writer, *, input_format: str = "auto",
                fields: dict[str, str] | None = None, summary: Summary | None = None,
                on_article: Callable[[Summary], None] | None = None,
                workers: int = 1, scheduler: str | None = None) -> Summary:
    """Extract ``inputs`` into ``writer``: in this process, or on Dask (``workers`` > 1, or a ``scheduler``)."""
    summary = summary or Summary()
    try:
        if workers > 1 or scheduler:
            _run_parallel(inputs, writer, input_format, fields, summary, on_article, workers, scheduler)
            return summary
        for article in read(inputs, input_format=input_format, fields=fields):
            record = extract_article(article)
            with _uninterrupted():
                writer.write(record)
                summary.articles += 1
            summary.chars += len(record.text)
            summary.with_warnings += bool(record.warnings)
            for kind in summary.mentions:
                summary.mentions[kind] += len(record.mentions(kind))
            if on_article:
                on_article(summary)
    finally:
        writer.close()
        summary.elapsed = time.perf_counter() - summary.started
    return summary


def _run_parallel(inputs, writer, input_format, fields, summary, on_article, workers, scheduler) -> None:
    """On Dask: each partition comes back encoded; JSON Lines take its bytes as they are, tables its records."""
    from .parallel import partitions

    for done in partitions(inputs, workers=workers, scheduler=scheduler, input_format=input_format, fields=fields):
        with _uninterrupted():
            if hasattr(writer, "write_encoded"):
                writer.write_encoded(done.jsonl)
            else:
                for record in done.records():
                    writer.write(record)
            writer.end_partition()
            summary.articles += done.count
        summary.chars += done.chars
        summary.with_warnings += done.with_warnings
        for kind, n in done.mentions.items():
            summary.mentions[kind] += n
        if on_article and done.count:
            on_article(summary)


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C waits for the block to end: what is written is counted, and a record (a partition)
    is written whole, never cut off in the middle of a line."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        signal.raise_signal(signal.SIGINT)  # to the handler there was: KeyboardInterrupt by default
