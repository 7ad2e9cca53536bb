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

    def write_encoded(self, lines: bytes) -> None:
        """Records already encoded, one per line (a worker's partition)."""
        self._stream.write(lines)

    def end_partition(self) -> None:
        """Nothing to do: partitions follow each other in the one file, in order."""

    def close(self) -> None:
        if self._own:
            self._stream.close()
        else:
            self._stream.flush()


class TableWriter:
    """Parquet or CSV files ``OUT/<table>.<ext>``, written batch by batch.

    ``partitioned``: a dataset ``OUT/<table>/part-00000.<ext>``, one file per partition (``end_partition``),
    that pandas, pyarrow.dataset and dask.dataframe open as one table.
    """

    def __init__(self, out: str | Path, fmt: str, *, partitioned: bool = False):
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
        self._partitioned, self._parts = partitioned, 0
        if partitioned:
            for name in self._schemas:
                (self._dir / name).mkdir(exist_ok=True)
                for old in (self._dir / name).glob(f"part-*.{fmt}"):  # a dataset holds this run only
                    old.unlink()

    def write(self, record: Record) -> None:
        for name, table in rows(record).items():
            self._pending[name].extend(table)
        if len(self._pending["articles"]) >= BATCH and not self._partitioned:
            self._flush()

    def end_partition(self) -> None:
        if not self._partitioned or not self._pending["articles"]:
            return
        import pyarrow as pa

        for name in self._schemas:
            table = pa.Table.from_pylist(self._pending[name], schema=self._schemas[name])
            path = self._dir / name / f"part-{self._parts:05d}.{self._fmt}"
            if self._fmt == "parquet":
                import pyarrow.parquet as pq
                pq.write_table(table, path)
            else:
                import pyarrow.csv as pcsv
                pcsv.write_csv(table, path)
            self._pending[name] = []
        self._parts += 1

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
        if self._partitioned:
            self.end_partition()
            return
        self._flush()
        for writer in self._writers.values():
            writer.close()


def open_writer(out: str | Path, fmt: str, *, partitioned: bool = False) -> JsonlWriter | TableWriter:
    """A writer for ``fmt``; ``partitioned`` tables are datasets of one file per partition (parallel runs)."""
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt in ("parquet", "csv"):
        return TableWriter(out, fmt, partitioned=partitioned)
    raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)}")
