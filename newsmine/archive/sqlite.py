"""The SQLite backend: one file, WAL mode (readers query while one writer indexes), FTS5 search."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..records import Record
from . import querying, schema, writing
from .backend import Filters, Hits

BUSY_MS = 60000
#: Pages of a new archive: articles are a few kB each, and on 2 kB pages far less of a page is left
#: empty beside them than on SQLite's default 4 kB (about 5 % of the file on news text).
PAGE_SIZE = 2048


class SQLiteBackend:
    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = False):
        self.path = Path(path)
        if not self.path.is_file() and (readonly or not create):
            raise FileNotFoundError(f"no archive at {self.path}" + ("" if readonly else " (create=True makes one)"))
        if readonly:
            self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_MS / 1000)
        else:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000)
            self.conn.execute(f"PRAGMA page_size={PAGE_SIZE}")  # only a file still empty takes it
        self.conn.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        if not readonly:
            _wal(self.conn)
            schema.migrate(self.conn, lambda ids: writing.write(self.conn, querying.records(self.conn, ids)),
                           writing.reindex_search)

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def known(self) -> dict[str, tuple[str, str | None]]:
        return {i: (h, f) for i, h, f in self.conn.execute("SELECT id, hash, fingerprint FROM articles")}

    def write(self, records: Sequence[Record],
              made_by: Mapping[str, tuple[str | None, str | None]] | None = None) -> dict[str, int]:
        return writing.write(self.conn, records, made_by)

    def counts(self) -> dict[str, int]:
        return querying.counts(self.conn)

    def table(self, name: str) -> "pandas.DataFrame":  # noqa: F821
        return querying.table(self.conn, name)

    def records(self, ids: Iterable[str]) -> list[Record]:
        return querying.records(self.conn, ids)

    def search(self, query: str | None, filters: Filters, limit: int) -> Hits:
        return querying.search(self.conn, query, filters, limit)

    def facets(self, query: str | None, filters: Filters, limit: int) -> dict[str, list[tuple]]:
        return querying.facets(self.conn, query, filters, limit)

    def summary(self, top: int) -> dict[str, Any]:
        return querying.summary(self.conn, top)

    def close(self) -> None:
        self.conn.close()


def _wal(conn: sqlite3.Connection) -> None:
    """WAL mode; a new file's first writers may find it locked for an instant, so try again a while."""
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
