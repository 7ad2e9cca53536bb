"""The SQLite backend: one file, WAL mode (readers query while one writer indexes), FTS5 search."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..records import Record
from . import querying, schema, writing
from .backend import Filters


class SQLiteBackend:
    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.is_file():
            raise FileNotFoundError(f"no archive at {self.path}")
        self.conn = sqlite3.connect(self.path, timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA busy_timeout=30000")
        if not readonly:
            schema.migrate(self.conn, lambda ids: writing.write(self.conn, querying.records(self.conn, ids)))

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def known(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT id, hash FROM articles"))

    def write(self, records: Sequence[Record]) -> dict[str, int]:
        return writing.write(self.conn, records)

    def counts(self) -> dict[str, int]:
        return querying.counts(self.conn)

    def table(self, name: str) -> "pandas.DataFrame":  # noqa: F821
        return querying.table(self.conn, name)

    def records(self, ids: Iterable[str]) -> list[Record]:
        return querying.records(self.conn, ids)

    def search(self, query: str | None, filters: Filters, limit: int) -> list[dict[str, Any]]:
        return querying.search(self.conn, query, filters, limit)

    def facets(self, query: str | None, filters: Filters, limit: int) -> dict[str, list[tuple]]:
        return querying.facets(self.conn, query, filters, limit)

    def summary(self, top: int) -> dict[str, Any]:
        return querying.summary(self.conn, top)

    def close(self) -> None:
        self.conn.close()
