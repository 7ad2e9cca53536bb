"""Writing records into the SQLite archive: each batch is one transaction that replaces its articles' rows."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any, Sequence

from ..fold import fold
from ..frames import rows
from ..records import Article, Record
from .schema import ROW_KEY, mention_tables


def content_hash(article: Article) -> str:
    """What makes two versions of an article the same: its id, title and text."""
    return hashlib.sha1(f"{article.id}\x00{article.title or ''}\x00{article.text}".encode()).hexdigest()


def table_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``record`` in each archive table: the record's own, plus search and re-index columns."""
    out = rows(record)
    meta = record.to_dict()
    meta.pop("text")
    out["articles"][0].update({
        "hash": content_hash(record),
        "folded": fold(record.text),  # text holds title and lead; same length, same offsets
        "record": json.dumps(meta, ensure_ascii=False),
    })
    for name in mention_tables():
        for n, row in enumerate(out[name]):  # the position in the record's list: two mentions never share a key
            row[ROW_KEY] = f"{record.id}:{n}"
    return out


def write(conn: sqlite3.Connection, records: Sequence[Record]) -> dict[str, int]:
    """One transaction: replace each article's rows (article, mentions, search index). Rows written per table."""
    records = list({r.id: r for r in records}.values())  # an id given twice: the later version wins
    tables: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        for name, table in table_rows(record).items():
            tables.setdefault(name, []).extend(table)
    ids = [r.id for r in records]
    marks = ",".join("?" * len(ids))
    with conn:
        old = conn.execute(f"SELECT rowid, title, lead, text, folded FROM articles WHERE id IN ({marks})", ids)
        for rowid, title, lead, text, folded in old.fetchall():
            conn.execute("INSERT INTO articles_fts(articles_fts, rowid, title, lead, text, folded) "
                         "VALUES ('delete', ?, ?, ?, ?, ?)", (rowid, title, lead, text, folded))
        for name in mention_tables():
            conn.execute(f"DELETE FROM [{name}] WHERE article_id IN ({marks})", ids)
        conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)
        for name, table in tables.items():
            if table:
                cols = list(table[0])
                conn.executemany(f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                                 f"VALUES ({', '.join('?' * len(cols))})", [tuple(r.get(c) for c in cols) for r in table])
        conn.execute("INSERT INTO articles_fts(rowid, title, lead, text, folded) "
                     f"SELECT rowid, title, lead, text, folded FROM articles WHERE id IN ({marks})", ids)
    return {name: len(table) for name, table in tables.items()}
