"""The SQLite archive's layout: one table per record table (``newsmine.frames``) plus search columns,
views, indexes and named migrations. Every table and column comes from the declarations, so a new
kind (or a new field of one) is a new table (or column) the next time an archive is opened for writing;
a kind's list of spans is a table of its own (``achievement_mentions``: one row per clause telling an
achievement, keyed by ``article_id`` and ``achievement_index`` as the achievement's row is).
"""
from __future__ import annotations

import sqlite3
import time
from typing import Callable, Sequence

from ..frames import columns

SCHEMA_VERSION = 6
#: Columns only the archive keeps on ``articles``: re-index, the record as compressed JSON, and what
#: produced it (the newsmine version and the fingerprint of its extractors and data files).
ARTICLE_EXTRA = [("hash", "string"), ("record", "binary"), ("newsmine_version", "string"), ("fingerprint", "string")]
#: Fields of a record its compressed JSON leaves out: they are columns of ``articles``.
RECORD_COLUMNS = ("title", "lead", "text")
#: Columns of ``articles`` neither ``Archive.table()`` nor datasette shows (``folded``: archives before 5).
INTERNAL = ("hash", "record", "folded")
#: The full-text index: contentless, one token per syllable (:func:`newsmine.query.tokens`); its name
#: changes with the token rules, so an archive indexed by older rules is indexed again when opened.
FTS = ("CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, text, content='', "
       "tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")")
FTS_TOKENS = "search_tokens_1"
#: The values filters match, with their folded and keyed forms (:func:`newsmine.query.value_keys`).
FILTER_KEYS = ("CREATE TABLE IF NOT EXISTS filter_keys (field TEXT NOT NULL, value TEXT NOT NULL, folded TEXT, "
               "keyed TEXT, PRIMARY KEY (field, value)) WITHOUT ROWID")
#: Each mention table's key: ``<article id>:<position of the row among the article's rows of that table>``.
ROW_KEY = "rowkey"


#: Writes archived articles' rows again from their stored records (the backend's, given to :func:`migrate`).
Rewrite = Callable[[Sequence[str]], None]


def _span_tables(conn: sqlite3.Connection, rewrite: Rewrite) -> None:
    """Articles archived before a kind's spans had a table (an achievement's ``mentions`` was a JSON
    column) are written again from their stored records, a batch per transaction; the old column goes."""
    from ..kinds import kinds

    for kind in kinds().values():
        if not kind.children:
            continue
        old = [r[0] for r in conn.execute(
            f"SELECT DISTINCT article_id FROM [{kind.name}] WHERE [{kind.children[0].key}] IS NULL")]
        for n in range(0, len(old), 400):
            rewrite(old[n:n + 400])
        have = {r[1] for r in conn.execute(f"PRAGMA table_info([{kind.name}])")}
        for child in kind.children:
            if child.field in have:
                conn.execute(f"ALTER TABLE [{kind.name}] DROP COLUMN [{child.field}]")


MIGRATIONS: list[tuple[str, str | Callable[[sqlite3.Connection, Rewrite], None]]] = [
    ("0001_views", """
        CREATE VIEW IF NOT EXISTS campaign_counts AS
          SELECT name, kind, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
          FROM campaigns GROUP BY name ORDER BY articles DESC;
        CREATE VIEW IF NOT EXISTS directive_counts AS
          SELECT COALESCE(symbol, text) AS directive, type, COUNT(*) AS mentions,
                 COUNT(DISTINCT article_id) AS articles
          FROM directives GROUP BY COALESCE(symbol, text) ORDER BY articles DESC;
        CREATE VIEW IF NOT EXISTS unit_counts AS
          SELECT canonical, kind, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
          FROM units GROUP BY canonical ORDER BY articles DESC;
    """),
    ("0002_indexes", """
        CREATE INDEX IF NOT EXISTS idx_articles_year ON articles(year);
        CREATE INDEX IF NOT EXISTS idx_articles_province ON articles(province);
        CREATE INDEX IF NOT EXISTS idx_campaigns_name ON campaigns(name);
        CREATE INDEX IF NOT EXISTS idx_directives_symbol ON directives(symbol);
        CREATE INDEX IF NOT EXISTS idx_units_canonical ON units(canonical);
        CREATE INDEX IF NOT EXISTS idx_achievements_type ON achievements(type);
    """),
    ("0003_mention_article_ids", """
        CREATE INDEX IF NOT EXISTS idx_articles_published ON articles(published);
    """),
    ("0004_province_2025", """
        CREATE INDEX IF NOT EXISTS idx_articles_province_2025 ON articles(province_2025);
    """),
    ("0005_span_tables", _span_tables),
]
VIEWS = ("campaign_counts", "directive_counts", "unit_counts")
_SQL_TYPES = {"binary": "BLOB", "string": "TEXT", "int64": "INTEGER", "float64": "REAL", "bool_": "INTEGER"}


def layout() -> dict[str, list[tuple[str, str]]]:
    """(column, Arrow type name) of every archive table: the record tables plus the archive's own keys."""
    out = {}
    for name, cols in columns().items():
        out[name] = cols + (ARTICLE_EXTRA if name == "articles" else [(ROW_KEY, "string")])
    return out


def mention_tables() -> list[str]:
    return [name for name in columns() if name != "articles"]


def migrate(conn: sqlite3.Connection, rewrite: Rewrite, reindex: Callable[[sqlite3.Connection, set[str]], None]) -> None:
    """Create what is missing (tables, columns, the search index, indexes, views); apply new migrations
    (a migration that changes how a record is laid out writes the rows again with ``rewrite``).

    One immediate transaction: writers opening a new file at the same moment wait for each other
    (the busy timeout) instead of racing to create the same tables. ``reindex(conn, tables there
    before)`` builds the search index from the archived rows (:func:`newsmine.archive.writing.reindex_search`).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        _migrate(conn, rewrite, reindex)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _migrate(conn: sqlite3.Connection, rewrite: Rewrite, reindex: Callable[[sqlite3.Connection, set[str]], None]) -> None:
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name, cols in layout().items():
        key = "id" if name == "articles" else ROW_KEY
        if name not in existing:
            body = ", ".join(f"[{c}] {_SQL_TYPES[t]}" + (" PRIMARY KEY NOT NULL" if c == key else "")
                             for c, t in cols)
            conn.execute(f"CREATE TABLE [{name}] ({body})")
        else:
            have = {r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")}
            for c, t in cols:
                if c not in have:
                    conn.execute(f"ALTER TABLE [{name}] ADD COLUMN [{c}] {_SQL_TYPES[t]}")
        if name != "articles":
            conn.execute(f"CREATE INDEX IF NOT EXISTS [idx_{name}_article] ON [{name}](article_id)")
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY NOT NULL, applied TEXT)")
    done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    if FTS_TOKENS not in done:
        reindex(conn, existing)
        _applied(conn, FTS_TOKENS)
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        if callable(sql):
            sql(conn, rewrite)
        else:
            for statement in filter(str.strip, sql.split(";")):
                conn.execute(statement)
        _applied(conn, name)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _applied(conn: sqlite3.Connection, name: str) -> None:
    conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, time.strftime("%Y-%m-%dT%H:%M:%S")))
