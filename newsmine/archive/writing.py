"""Writing records into the SQLite archive: each batch is one transaction that replaces its articles' rows."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from typing import Any, Mapping, Sequence

from ..frames import rows
from ..query import tokens, value_keys
from ..records import Article, Record
from .schema import FILTER_KEYS, FTS, RECORD_COLUMNS, ROW_KEY, mention_tables


def content_hash(article: Article) -> str:
    """What makes two versions of an article the same: its id, title and text."""
    return hashlib.sha1(f"{article.id}\x00{article.title or ''}\x00{article.text}".encode()).hexdigest()


def table_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``record`` in each archive table: the record's own, plus re-index columns."""
    out = rows(record)
    meta = record.to_dict()
    for column in RECORD_COLUMNS:  # kept once, in their columns
        meta.pop(column)
    out["articles"][0].update({
        "hash": content_hash(record),
        "record": zlib.compress(json.dumps(meta, ensure_ascii=False).encode(), 6),
    })
    for name in mention_tables():
        for n, row in enumerate(out[name]):  # the position in the record's list: two mentions never share a key
            row[ROW_KEY] = f"{record.id}:{n}"
    return out


def index_rows(conn: sqlite3.Connection, select: str, args: Sequence[Any] = (), *, delete: bool = False) -> None:
    """Add (or with ``delete`` take out) the articles ``select`` gives (rowid, title, lead, text) to the search index."""
    sql = ("INSERT INTO articles_fts(articles_fts, rowid, title, lead, text) VALUES ('delete', ?, ?, ?, ?)"
           if delete else "INSERT INTO articles_fts(rowid, title, lead, text) VALUES (?, ?, ?, ?)")
    conn.executemany(sql, [(rowid, tokens(title), tokens(lead), tokens(text))
                           for rowid, title, lead, text in conn.execute(select, args).fetchall()])


#: The values each filter matches: (filter, table, column).
FILTER_VALUES = [("campaign", "campaigns", "name"), ("directive", "directives", "symbol"),
                 ("directive", "directives", "text"), ("unit", "units", "canonical"), ("unit", "units", "name"),
                 ("province", "articles", "province"), ("province", "articles", "province_2025")]


def filter_rows(conn: sqlite3.Connection, ids: Sequence[str] | None) -> None:
    """Record the filterable values of these articles (all when ``ids`` is None) with their search forms."""
    for field, table, column in FILTER_VALUES:
        key = "id" if table == "articles" else "article_id"
        where = f" AND [{key}] IN ({','.join('?' * len(ids))})" if ids is not None else ""
        values = conn.execute(f"SELECT DISTINCT [{column}] FROM [{table}] WHERE [{column}] IS NOT NULL{where}",
                              list(ids or ())).fetchall()
        conn.executemany("INSERT OR IGNORE INTO filter_keys VALUES (?, ?, ?, ?)",
                         ((field, v, *value_keys(v)) for (v,) in values))


def write(conn: sqlite3.Connection, records: Sequence[Record],
          made_by: Mapping[str, tuple[str | None, str | None]] | None = None) -> dict[str, int]:
    """One transaction: replace each article's rows (article, mentions, search index). Rows written per table.

    ``made_by``: {id: (newsmine version, fingerprint)} of the records extracted now; an article not
    in it keeps what its archived version had.
    """
    records = list({r.id: r for r in records}.values())  # an id given twice: the later version wins
    tables: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        for name, table in table_rows(record).items():
            tables.setdefault(name, []).extend(table)
    ids = [r.id for r in records]
    marks = ",".join("?" * len(ids))
    own = not conn.in_transaction  # inside a migration, that migration's transaction holds the batch
    if own:
        conn.execute("BEGIN IMMEDIATE")  # a second writer waits here (busy timeout) rather than failing midway
    try:
        old = dict((i, (v, f)) for i, v, f in conn.execute(
            f"SELECT id, newsmine_version, fingerprint FROM articles WHERE id IN ({marks})", ids))
        for row in tables["articles"]:
            row["newsmine_version"], row["fingerprint"] = (made_by or {}).get(row["id"], old.get(row["id"], (None, None)))
        index_rows(conn, f"SELECT rowid, title, lead, text FROM articles WHERE id IN ({marks})", ids, delete=True)
        for name in mention_tables():
            conn.execute(f"DELETE FROM [{name}] WHERE article_id IN ({marks})", ids)
        conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)
        for name, table in tables.items():
            if table:
                cols = list(table[0])
                conn.executemany(f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                                 f"VALUES ({', '.join('?' * len(cols))})", [tuple(r.get(c) for c in cols) for r in table])
        index_rows(conn, f"SELECT rowid, title, lead, text FROM articles WHERE id IN ({marks})", ids)
        filter_rows(conn, ids)
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")
    return {name: len(table) for name, table in tables.items()}


def reindex_search(conn: sqlite3.Connection, existing: set[str]) -> None:
    """(Re)build the full-text index and the filter values from the archived rows; drop the old folded copy."""
    if "articles_fts" in existing:
        conn.execute("DROP TABLE articles_fts")
    conn.execute(FTS)
    conn.execute("DROP TABLE IF EXISTS filter_keys")
    conn.execute(FILTER_KEYS)
    if "folded" in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}:
        conn.execute("ALTER TABLE articles DROP COLUMN folded")
    index_rows(conn, "SELECT rowid, title, lead, text FROM articles")
    filter_rows(conn, None)
