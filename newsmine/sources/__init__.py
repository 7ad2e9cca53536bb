"""Readers: one module per source kind, each yielding :class:`~newsmine.records.Article`.

``read(paths)`` walks files, directories (recursively) and ``-`` (standard
input), choosing the reader by file name or, failing that, by content.
Problems with one input are logged (logger ``newsmine``) naming the input and
line; the rest of the run goes on.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..records import Article
from . import files
from .problems import Problem, log

FORMATS = ("auto", "page", "threeline", "jsonl", "html")


def read(paths: Iterable[str | Path] | str | Path, *, input_format: str = "auto",
         fields: dict[str, str] | None = None, records: bool = False) -> Iterator[Article]:
    """Articles from files, directories and ``-``; with ``records``, the lines of a JSONL file that
    ``newsmine extract`` wrote come back as the records they are.

    >>> next(read(["../shared/seeds/004_1ebc1bc18e428362.txt"])).outlet  # doctest: +SKIP
    'BDK'
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if input_format not in FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; choose from {', '.join(FORMATS)}")
    for path in walk(paths, input_format):
        if path == "-":
            yield from files.read_stream(sys.stdin.buffer, "<stdin>", input_format, fields, records)
        else:
            yield from files.read_file(path, input_format, fields, records)


def walk(paths: Iterable[str | Path], input_format: str = "auto") -> Iterator[Path | str]:
    """The files ``read`` opens, in its order (directories walked, sorted); ``"-"`` for standard input."""
    for path in paths:
        if str(path) == "-":
            yield "-"
        elif Path(path).is_dir():
            yield from _walk_dir(Path(path), input_format)
        else:
            yield Path(path)


def _walk_dir(root: Path, input_format: str) -> Iterator[Path]:
    try:
        entries = sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p.relative_to(root)))
    except OSError as exc:
        log(Problem(str(root), f"cannot list directory ({exc.strerror or exc})"))
        return
    for path in entries:
        if files.kind_of(path) is not None or input_format != "auto":
            yield path


def size(paths: Iterable[str | Path]) -> int | None:
    """Bytes that :func:`read` will read from ``paths`` (as stored: compressed for .gz); None for ``-``."""
    total = 0
    for path in walk(paths):
        if path == "-":
            return None
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in rel.parts)


__all__ = ["read", "walk", "size", "FORMATS", "Problem"]
