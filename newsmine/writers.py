"""Streaming writers: JSON Lines, and Parquet or CSV with one table per kind of record.

Each writer holds at most one batch of rows in memory, so memory does not grow
with the number of articles.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, BinaryIO

from .frames import columns, rows
from .records import Record, encode

FORMATS = ("jsonl", "parquet", "csv")
BATCH = 500


class JsonlWriter:
    def __init__(self, out: str | Path):
        self._own = str(out) != "-"
        if self._own:
            Path(out).parent.mkdir(parents=True, exist_ok=True)
        self._stream: BinaryIO = open(out, "wb") if self._own else sys.stdout.buffer

    def write(self, record: Record) -> None:
        self._stream.write(encode(record) + b"\n")

    def close(self) -> None:
        if self._own:
            self._stream.close()
        else:
            self._stream.flush()


class TableWriter:
    """Parquet or CSV files ``OUT/<table>.<ext>``, written batch by batch."""

    def __init__(self, out: str | Path, fmt: str):
        import pyarrow as pa

        if str(out) == "-":
            raise ValueError(f"{fmt} output needs a directory: -o DIR")
        self._dir = Path(out)
        self._dir.mkdir(parents=True, exist_ok=True)
        self._fmt = fmt
        self._schemas = {
            name: pa.schema([(col, getattr(pa, kind)()) for col, kind in cols]) for name, cols in columns().items()
        }
        self._pending: dict[str, list[dict[str, Any]]] = {name: [] for name in self._schemas}
        self._writers: dict[str, Any] = {}

    def write(self, record: Record) -> None:
        for name, table in rows(record).items():
            self._pending[name].extend(table)
        if len(self._pending["articles"]) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        for name in self._schemas:
            batch = pa.Table.from_pylist(self._pending[name], schema=self._schemas[name])
            self._writer(name).write_table(batch)
            self._pending[name] = []

    def _writer(self, name: str) -> Any:
        if name not in self._writers:
            path = self._dir / f"{name}.{self._fmt}"
            if self._fmt == "parquet":
                import pyarrow.parquet as pq
                self._writers[name] = pq.ParquetWriter(path, self._schemas[name])
            else:
                import pyarrow.csv as pcsv
                self._writers[name] = pcsv.CSVWriter(path, self._schemas[name])
        return self._writers[name]

    def close(self) -> None:
        self._flush()
        for writer in self._writers.values():
            writer.close()


def open_writer(out: str | Path, fmt: str) -> JsonlWriter | TableWriter:
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt in ("parquet", "csv"):
        return TableWriter(out, fmt)
    raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)}")
