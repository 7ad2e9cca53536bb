"""The PostgreSQL backend: the SQLite archive's tables, views and search rules on a server many
people and processes share (``Archive("postgresql://user@host/db")``; ``pip install newsmine[postgres]``).

The same tables (:func:`.schema.layout`), views and filter values; the full-text index is a
``tsvector`` column of ``articles`` (``search``, GIN-indexed) built here from the same syllable
tokens as SQLite's (:func:`newsmine.query.tokens`: folding, đ and tone keys are newsmine's, not a
server dictionary's), title, lead and text weighted A, B and D and kept apart by a gap in
positions, so a phrase never spans two of them. A parsed query becomes a ``tsquery`` (``<->``
for phrases, ``:*`` for prefixes): the same hits and totals as SQLite; articles holding the phrase
first, then ``ts_rank`` with the weights 8, 4, 1 (ties by id) instead of BM25.

Writers may run at once: each batch is one transaction that takes a lock per article id (in id
order, so two writers never wait for each other in a circle), upserts ``articles`` (``ON CONFLICT``)
and replaces the article's mention rows; schema changes are made under one lock. Positions past
16,383 and a syllable's occurrences past 256 in one article are PostgreSQL's limits: a phrase
there is not found (the words still are).
"""
from __future__ import annotations

import json
import time
import zlib
from typing import Any, Iterable, Mapping, Sequence

from ..query import SYLLABLE, Query, QueryError, parse, snippet, token, value_keys
from ..records import Record
from .backend import Filters, Hits
from .querying import FACETS, filter_conditions
from .schema import (FILTER_KEYS, INTERNAL, MIGRATIONS, RECORD_COLUMNS, ROW_KEY, SCHEMA_VERSION, VIEWS, layout,
                     mention_tables)
from .writing import FILTER_VALUES, table_rows

SCHEMES = ("postgresql://", "postgres://")
SEARCH = "search"   # the tsvector column of articles
MAX_POSITION, MAX_POSITIONS = 16383, 256
WEIGHTS = "'{0.1, 0.2, 0.4, 0.8}'"   # D (text), C, B (lead), A (title): 1, 4, 8 as SQLite's BM25 weights
_SCHEMA_LOCK = 0x6E65_7773   # the advisory lock schema changes are made under
_SQL_TYPES = {"binary": "BYTEA", "string": "TEXT", "int64": "BIGINT", "float64": "DOUBLE PRECISION",
              "bool_": "BOOLEAN"}
VIEW_SQL = {
    "campaign_counts": "SELECT name, MIN(kind) AS kind, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles "
                       "FROM campaigns GROUP BY name ORDER BY articles DESC",
    "directive_counts": "SELECT COALESCE(symbol, text) AS directive, MIN(type) AS type, COUNT(*) AS mentions, "
                        "COUNT(DISTINCT article_id) AS articles FROM directives GROUP BY COALESCE(symbol, text) "
                        "ORDER BY articles DESC",
    "unit_counts": "SELECT canonical, MIN(kind) AS kind, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles "
                   "FROM units GROUP BY canonical ORDER BY articles DESC",
}


def is_url(path: object) -> bool:
    return isinstance(path, str) and path.startswith(SCHEMES)


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def document(title: str | None, lead: str | None, text: str | None) -> str:
    """The ``tsvector`` (as its text form) of an article: each syllable's token at its position, weighted by field."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for weight, field in zip("ABD", (title, lead, text)):
        for syllable in SYLLABLE.findall(field or ""):
            pos += 1
            at = positions.setdefault(token(syllable), [])
            if len(at) < MAX_POSITIONS and pos <= MAX_POSITION:
                at.append(f"{pos}{weight}")
        pos += 1  # a gap: a phrase never runs from the title into the lead
    return " ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" + (":" + ",".join(p) if p else "")
                    for t, p in positions.items())


def tsquery(node: tuple) -> str:
    """A parsed query (:func:`newsmine.query.parse`) as ``tsquery`` text over the tokens."""
    if node[0] == "term":
        return "(" + " <-> ".join("'" + piece.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")
                                  for piece, prefix in node[1].pieces()) + ")"
    if node[0] == "not":
        return f"({tsquery(node[1])} & !{tsquery(node[2])})"
    return "(" + (" & " if node[0] == "and" else " | ").join(tsquery(n) for n in node[1]) + ")"


class PostgresBackend:
    def __init__(self, url: str, *, readonly: bool = False, create: bool = False):
        self.url = url
        self.conn = _connect(url, create=create and not readonly)
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")
        elif create or self._exists():
            self._migrate()
        if not self._exists():
            self.conn.close()
            raise FileNotFoundError(f"no archive at {_safe(url)}" + ("" if readonly else " (create=True makes one)"))

    def _exists(self) -> bool:
        return self.conn.execute("SELECT to_regclass('articles') IS NOT NULL").fetchone()[0]

    def _migrate(self) -> None:
        """Create what is missing (tables, columns, the search column and its index, indexes, views) under one lock."""
        c = self.conn
        with c.transaction():
            c.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            for name, cols in layout().items():
                key = "id" if name == "articles" else ROW_KEY
                c.execute(f"CREATE TABLE IF NOT EXISTS {q(name)} ({q(key)} TEXT PRIMARY KEY NOT NULL)")
                for col, kind in cols:
                    if col != key:
                        c.execute(f"ALTER TABLE {q(name)} ADD COLUMN IF NOT EXISTS {q(col)} {_SQL_TYPES[kind]}")
                if name != "articles":
                    c.execute(f"CREATE INDEX IF NOT EXISTS {q('idx_' + name + '_article')} ON {q(name)} (article_id)")
            c.execute(f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS {SEARCH} tsvector")
            c.execute(f"CREATE INDEX IF NOT EXISTS idx_articles_search ON articles USING GIN ({SEARCH})")
            c.execute(FILTER_KEYS.replace(" WITHOUT ROWID", ""))
            for _, sql in MIGRATIONS:
                if isinstance(sql, str) and "CREATE INDEX" in sql:  # the same indexes as on SQLite
                    for statement in filter(str.strip, sql.split(";")):
                        c.execute(statement)
            for name, sql in VIEW_SQL.items():
                c.execute(f"CREATE OR REPLACE VIEW {q(name)} AS {sql}")
            c.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY NOT NULL, applied TEXT)")
            c.execute("INSERT INTO _migrations VALUES (%s, %s) ON CONFLICT DO NOTHING",
                      (f"postgres_{SCHEMA_VERSION}", time.strftime("%Y-%m-%dT%H:%M:%S")))

    @property
    def schema_version(self) -> int:
        names = [r[0] for r in self.conn.execute("SELECT name FROM _migrations WHERE name LIKE 'postgres\\_%%'")]
        return max((int(n.split("_")[1]) for n in names), default=0)

    def known(self) -> dict[str, tuple[str, str | None]]:
        return {i: (h, f) for i, h, f in self.conn.execute("SELECT id, hash, fingerprint FROM articles")}

    def write(self, records: Sequence[Record],
              made_by: Mapping[str, tuple[str | None, str | None]] | None = None) -> dict[str, int]:
        """One transaction: lock these ids, upsert their articles, replace their mention rows and filter values."""
        records = list({r.id: r for r in records}.values())
        tables: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            for name, rows in table_rows(record).items():
                tables.setdefault(name, []).extend(rows)
        ids = sorted(r.id for r in records)
        for row in tables["articles"]:
            row[SEARCH] = document(row["title"], row["lead"], row["text"])
        c = self.conn
        with c.transaction(), c.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(i, 0) AS k "
                        "FROM unnest(%s::text[]) AS i ORDER BY k) AS s", (ids,))
            old = {i: (v, f) for i, v, f in cur.execute(
                "SELECT id, newsmine_version, fingerprint FROM articles WHERE id = ANY(%s)", (ids,))}
            for row in tables["articles"]:
                row["newsmine_version"], row["fingerprint"] = (made_by or {}).get(row["id"], old.get(row["id"],
                                                                                                   (None, None)))
            for name in mention_tables():
                cur.execute(f"DELETE FROM {q(name)} WHERE article_id = ANY(%s)", (ids,))
            for name, rows in tables.items():
                if rows:
                    key = "id" if name == "articles" else ROW_KEY
                    cols = list(rows[0])
                    marks = ", ".join("%s::tsvector" if c_ == SEARCH else "%s" for c_ in cols)
                    update = ", ".join(f"{q(c_)} = EXCLUDED.{q(c_)}" for c_ in cols if c_ != key)
                    cur.executemany(f"INSERT INTO {q(name)} ({', '.join(map(q, cols))}) VALUES ({marks}) "
                                    f"ON CONFLICT ({q(key)}) DO UPDATE SET {update}",
                                    [tuple(r.get(c_) for c_ in cols) for r in rows])
            values = {(field, row[column]) for field, table, column in FILTER_VALUES
                      for row in tables.get(table, ()) if row.get(column) is not None}
            if values:
                cur.executemany("INSERT INTO filter_keys VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                                [(f, v, *value_keys(v)) for f, v in sorted(values)])
        return {name: len(rows) for name, rows in tables.items()}

    def counts(self) -> dict[str, int]:
        return {name: self.conn.execute(f"SELECT COUNT(*) FROM {q(name)}").fetchone()[0] for name in layout()}

    def table(self, name: str) -> "pandas.DataFrame":  # noqa: F821
        import pandas as pd

        tables = layout()
        if name not in tables and name not in VIEWS:
            raise ValueError(f"no table {name!r}; tables: {', '.join(tables)}")
        if name in VIEWS:
            cur = self.conn.execute(f"SELECT * FROM {q(name)}")
        else:
            hidden = {*INTERNAL, SEARCH} if name == "articles" else {ROW_KEY}
            cols = [c for c, _ in tables[name] if c not in hidden]
            cur = self.conn.execute(f"SELECT {', '.join(map(q, cols))} FROM {q(name)}")
        return pd.DataFrame(cur.fetchall(), columns=[d.name for d in cur.description])

    def records(self, ids: Iterable[str]) -> list[Record]:
        import msgspec

        from ..records import record_type

        ids = list(ids)
        found = {row[0]: row[1:] for row in self.conn.execute(
            f"SELECT id, record, {', '.join(RECORD_COLUMNS)} FROM articles WHERE id = ANY(%s)", (ids,))}
        out = []
        for article_id in ids:
            if article_id in found:
                blob, *fields = found[article_id]
                data = json.loads(zlib.decompress(blob))
                data.update(zip(RECORD_COLUMNS, fields))
                out.append(msgspec.convert(data, type=record_type()))
        return out

    def search(self, query: str | None, filters: Filters, limit: int) -> Hits:
        where, args = filter_conditions(filters, "%s", q)
        parsed = parse(query) if query and query.strip() else None
        if parsed:
            phrase = f"CASE WHEN a.{SEARCH} @@ %s::tsquery THEN 1 ELSE 0 END" if parsed.phrase else "0"
            sql = (f"SELECT a.id, COUNT(*) OVER (), SUM({phrase}) OVER () FROM articles a "
                   f"WHERE a.{SEARCH} @@ %s::tsquery{''.join(' AND ' + w for w in where)} "
                   f"ORDER BY {phrase + ' DESC, ' if parsed.phrase else ''}ts_rank({WEIGHTS}, a.{SEARCH}, %s::tsquery, 1) DESC, a.id LIMIT %s")
            text, together = tsquery(parsed.tree), [tsquery(("term", parsed.phrase))] if parsed.phrase else []
            params = [*together, text, *args, *together, text, limit]
        else:
            sql = (f"SELECT a.id, COUNT(*) OVER (), 0 FROM articles a{' WHERE ' + ' AND '.join(where) if where else ''}"
                   f" ORDER BY a.published DESC NULLS LAST, a.id LIMIT %s")
            params, together = [*args, limit], []
        page = self._run(sql, params)
        total, phrase_count = (page[0][1], page[0][2]) if page else (0, 0)
        rows = []
        by_id = {r[0]: r for r in self._run("SELECT id, title, published, province, province_2025, year, text "
                                            "FROM articles WHERE id = ANY(%s)", [[r[0] for r in page]])}
        for article_id, *_ in page:
            i, t, p, pv, pv25, year, text = by_id[article_id]
            rows.append({"id": i, "title": t, "published": p, "province": pv, "province_2025": pv25, "year": year,
                         "snippet": snippet(text or "", parsed)})
        return Hits(rows, total, int(phrase_count) if together else None)

    def facets(self, query: str | None, filters: Filters, limit: int) -> dict[str, list[tuple]]:
        where, args = filter_conditions(filters, "%s", q)
        parsed: Query | None = parse(query) if query and query.strip() else None
        if parsed:
            where, args = [f"a.{SEARCH} @@ %s::tsquery", *where], [tsquery(parsed.tree), *args]
        base = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        return {name: [tuple(r) for r in self._run(
            f"SELECT * FROM ({sql.format(base=base)}) f ORDER BY articles DESC, value"
            + ("" if name == "year" else ' COLLATE "C"') + " LIMIT %s", [*args, limit])] for name, sql in FACETS.items()}

    def _run(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        import psycopg

        try:
            return self.conn.execute(sql, params).fetchall()
        except psycopg.Error as exc:
            raise QueryError(f"the search index could not run this query ({str(exc).strip().splitlines()[0]})") \
                from None

    def summary(self, top: int) -> dict[str, Any]:
        """Every figure ``newsmine report`` shows, as the SQLite backend gives them."""
        def x(sql: str, *args: Any) -> list[tuple]:
            return [tuple(r) for r in self.conn.execute(sql, args).fetchall()]

        one = lambda sql: x(sql)[0][0]  # noqa: E731
        return {
            "counts": {"articles": one("SELECT COUNT(*) FROM articles"),
                       **{k: one(f"SELECT COUNT(*) FROM {q(k)}") for k in mention_tables()}},
            "distinct": {
                "campaign names": one("SELECT COUNT(DISTINCT name) FROM campaigns"),
                "directives": one("SELECT COUNT(DISTINCT COALESCE(symbol, text)) FROM directives"),
                "units": one("SELECT COUNT(DISTINCT canonical) FROM units"),
            },
            "years": x("SELECT year, COUNT(*) FROM articles WHERE year IS NOT NULL GROUP BY year ORDER BY year"),
            "types": x("SELECT type, COUNT(*), COUNT(DISTINCT article_id), SUM(n_mentions)::bigint FROM achievements "
                       "GROUP BY type ORDER BY COUNT(*) DESC, type"),
            "awards": x("SELECT award, type, COUNT(*), COUNT(DISTINCT article_id), SUM(n_mentions)::bigint "
                        "FROM achievements WHERE award IS NOT NULL GROUP BY award, type "
                        "ORDER BY COUNT(*) DESC, award LIMIT %s", top),
            "campaigns": x("SELECT name, kind, articles, mentions FROM campaign_counts LIMIT %s", top),
            "directives": x("SELECT directive, type, articles, mentions FROM directive_counts LIMIT %s", top),
            "units": x("SELECT canonical, kind, articles, mentions FROM unit_counts LIMIT %s", top),
            "units_by_kind": x("SELECT kind, COUNT(*) FROM units GROUP BY kind ORDER BY COUNT(*) DESC"),
            "metrics": x("SELECT metric, unit, COUNT(*), AVG(value), MIN(value), MAX(value) FROM indicators "
                         "WHERE metric IS NOT NULL GROUP BY metric, unit ORDER BY COUNT(*) DESC LIMIT %s", top),
            "indicator_units": x("SELECT unit, COUNT(*) FROM indicators WHERE unit IS NOT NULL GROUP BY unit "
                                 "ORDER BY COUNT(*) DESC LIMIT %s", top),
            "rates": x("SELECT a.province, a.year, COUNT(*), AVG(i.value) FROM indicators i JOIN articles a "
                       "ON a.id = i.article_id WHERE i.unit = '%%' AND i.change IS NULL AND a.province IS NOT NULL "
                       "GROUP BY a.province, a.year ORDER BY COUNT(*) DESC LIMIT %s", top),
        }

    def close(self) -> None:
        self.conn.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    import re

    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _connect(url: str, *, create: bool):
    """A connection (autocommit; writes open their own transactions); with ``create`` a missing database is made.

    A missing database is :class:`FileNotFoundError` (as a missing SQLite file), other connection failures
    :class:`ConnectionError` (an OSError too), in one line.
    """
    try:
        import psycopg
    except ImportError:
        raise ConnectionError("a PostgreSQL archive needs psycopg: pip install 'newsmine[postgres]'") from None
    from psycopg import conninfo

    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.OperationalError as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        missing = "does not exist" in message and "database" in message
        if missing and not create:
            raise FileNotFoundError(f"no archive at {_safe(url)}: {message.split('FATAL:')[-1].strip()}") from None
        if not missing:
            raise ConnectionError(f"cannot connect to {_safe(url)}: {message}") from None
    params = conninfo.conninfo_to_dict(url)
    name = params.pop("dbname")
    try:
        with psycopg.connect(conninfo.make_conninfo(**params, dbname="postgres"), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {q(name)}")
    except (psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
        pass  # another writer made it a moment ago
    except psycopg.Error as exc:
        raise ConnectionError(f"cannot create database {name!r}: {str(exc).strip().splitlines()[0]}") from None
    return psycopg.connect(url, autocommit=True)
