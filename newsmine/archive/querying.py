"""Reading the SQLite archive: tables, records, ranked search with snippets, facets and the report's figures."""
from __future__ import annotations

import json
import sqlite3
import zlib
from typing import Any, Callable, Iterable, Sequence

from ..query import Query, QueryError, accented, parse, snippet, value_keys
from .backend import Filters, Hits
from .schema import INTERNAL, RECORD_COLUMNS, ROW_KEY, VIEWS, layout, mention_tables


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of the articles table and of each mention table."""
    return {name: conn.execute(f"SELECT COUNT(*) FROM [{name}]").fetchone()[0] for name in layout()}


def table(conn: sqlite3.Connection, name: str) -> "pandas.DataFrame":  # noqa: F821
    import pandas as pd

    tables = layout()
    if name not in tables and name not in VIEWS:
        raise ValueError(f"no table {name!r}; tables: {', '.join(tables)}")
    hidden = set(INTERNAL) if name == "articles" else {ROW_KEY}
    columns = ", ".join(f"[{c}]" for c in _columns(conn, name) if c not in hidden)
    return pd.read_sql_query(f"SELECT {columns} FROM [{name}]", conn)


def _columns(conn: sqlite3.Connection, name: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")]


def records(conn: sqlite3.Connection, ids: Iterable[str]) -> list[Any]:
    import msgspec

    from ..records import record_type

    out = []
    for article_id in ids:
        row = conn.execute(f"SELECT record, {', '.join(RECORD_COLUMNS)} FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
        if row:
            data = json.loads(zlib.decompress(row[0]) if isinstance(row[0], bytes) else row[0])
            data.update(zip(RECORD_COLUMNS, row[1:]))
            out.append(msgspec.convert(data, type=record_type()))
    return out


#: Filters matched like the search (accents and case folded unless typed): (filter, mention table, columns).
FILTER_FIELDS = {"campaign": ("campaigns", ("name",)), "directive": ("directives", ("symbol", "text")),
                 "unit": ("units", ("canonical", "name")), "province": ("articles", ("province", "province_2025"))}


def value_match(field: str, value: str, placeholder: str = "?") -> tuple[str, list[Any]]:
    """SQL selecting the stored values of ``field`` that hold the typed syllables (see
    :func:`newsmine.query.value_keys`), with its argument; ``placeholder`` is the driver's ("?", "%s")."""
    folded, keyed = value_keys(value)
    column = "keyed" if accented(value) else "folded"
    pattern = "%" + (keyed if column == "keyed" else folded).replace("\\", "\\\\").replace("%", "\\%") \
        .replace("_", "\\_") + "%"
    return (f"SELECT value FROM filter_keys WHERE field = '{field}' AND {column} LIKE {placeholder} ESCAPE '\\'",
            [pattern])


def _bracketed(name: str) -> str:
    return f"[{name}]"


def filter_conditions(f: Filters, placeholder: str = "?",
                      quote: Callable[[str], str] = _bracketed) -> tuple[list[str], list[Any]]:
    """The filters as SQL conditions on ``articles a`` and their arguments, for either backend
    (its parameter ``placeholder`` and identifier ``quote``)."""
    out, args = [], []
    for field, (table, cols) in FILTER_FIELDS.items():
        value = getattr(f, field)
        if not value or not value.strip():
            continue
        values, values_args = value_match(field, value, placeholder)
        alias = "a" if table == "articles" else "x"
        test = " OR ".join(f"{alias}.{quote(c)} IN ({values})" for c in cols)
        if table == "articles":  # a province of either map: "Vĩnh Long" also finds what was Bến Tre and Trà Vinh
            out.append(f"({test})")
        else:
            out.append(f"EXISTS (SELECT 1 FROM {quote(table)} x WHERE x.article_id = a.id AND ({test}))")
        args += values_args * len(cols)
    more, more_args = f.bounds(placeholder)
    return out + more, args + more_args


def fts5(node: tuple) -> str:
    """A parsed query (:func:`newsmine.query.parse`) as an FTS5 expression over the token columns."""
    if node[0] == "term":
        return " + ".join('"' + piece.replace('"', '""') + '"' + (" *" if prefix else "")
                          for piece, prefix in node[1].pieces())
    if node[0] == "not":
        return f"({fts5(node[1])} NOT {fts5(node[2])})"
    return "(" + f" {node[0].upper()} ".join(fts5(n) for n in node[1]) + ")"


def _select(tree: tuple | None, where: list[str], args: list[Any]) -> tuple[str, list[Any]]:
    """A SELECT of the articles matching a query tree and the filters: their rowids (``rid``) and score."""
    if tree:
        sql = ("SELECT f.rowid AS rid, bm25(articles_fts, 8.0, 4.0, 1.0) AS score FROM articles_fts f"
               + (" JOIN articles a ON a.rowid = f.rowid" if where else "")
               + " WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where))
        return sql, [fts5(tree), *args]
    sql = "SELECT a.rowid AS rid, 0.0 AS score FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return sql, list(args)


def _matching(query: str | None, where: list[str], args: list[Any]) -> tuple[Query | None, str, list[Any]]:
    """The parsed query and a SELECT of the matching articles' rowids (``rid``) with their score."""
    parsed = parse(query) if query and query.strip() else None
    return (parsed, *_select(parsed.tree if parsed else None, where, args))


def search(conn: sqlite3.Connection, query: str | None, filters: Filters, limit: int) -> Hits:
    """One statement gives the page, the total and the phrase count (filters are tested once per article).

    The phrase is a MATCH of its own whose rowids are tested in the select list: a ``rid IN (...)`` in
    a WHERE clause would make FTS5 look each article up again, one query per row.
    """
    where, args = filter_conditions(filters)
    parsed, base, params = _matching(query, where, args)
    phrase, phrase_args = "0", []
    if parsed and parsed.phrase:
        phrase, phrase_args = "rid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [
            fts5(("term", parsed.phrase))]
    order = "phrase DESC, score" if parsed else "(SELECT published FROM articles WHERE rowid = rid) DESC"
    sql = (f"SELECT rid, COUNT(*) OVER (), SUM(phrase) OVER () FROM (SELECT rid, score, {phrase} AS phrase "
           f"FROM ({base})) ORDER BY {order} LIMIT ?")
    try:
        page = conn.execute(sql, [*phrase_args, *params, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search index could not run this query ({exc})") from None
    ranked = [r for r, _, _ in page]
    total, together = (page[0][1], page[0][2]) if page else (0, 0)
    together = together if phrase_args else None
    rows = []
    for rowid in ranked:
        i, t, p, pv, pv25, year, text = conn.execute(
            "SELECT id, title, published, province, province_2025, year, text FROM articles "
            "WHERE rowid = ?", (rowid,)).fetchone()
        rows.append({"id": i, "title": t, "published": p, "province": pv, "province_2025": pv25, "year": year,
                     "snippet": snippet(text or "", parsed)})
    return Hits(rows, total, together)


#: Search facets: (name, SQL giving value and article count for the articles of ``{base}``).
#: A directive is one document however it is cited: "05-CT/TW" and "Chỉ thị 05" of the same issuer.
_DIRECTIVE_DOC = "COALESCE(type || ' ' || number || ' ' || COALESCE(issuer, ''), symbol, text)"
FACETS = {
    "campaign": "SELECT name AS value, COUNT(DISTINCT article_id) AS articles FROM campaigns "
                "WHERE article_id IN ({base}) GROUP BY name",
    "directive": f"SELECT COALESCE(MAX(symbol), MIN(text)) AS value, COUNT(DISTINCT article_id) AS articles "
                 f"FROM directives WHERE article_id IN ({{base}}) GROUP BY {_DIRECTIVE_DOC}",
    **{column: f"SELECT {column} AS value, COUNT(*) AS articles FROM articles "
               f"WHERE id IN ({{base}}) AND {column} IS NOT NULL GROUP BY {column}"
       for column in ("province", "province_2025", "year")},
    "type": "SELECT type AS value, COUNT(DISTINCT article_id) AS articles FROM achievements "
            "WHERE article_id IN ({base}) GROUP BY type",
}


def facets(conn: sqlite3.Connection, query: str | None, filters: Filters, limit: int) -> dict[str, list[tuple]]:
    where, args = filter_conditions(filters)
    _, matching, params = _matching(query, where, args)
    base = f"SELECT a.id FROM articles a WHERE a.rowid IN (SELECT rid FROM ({matching}))"
    try:
        return {name: conn.execute(sql.format(base=base) + " ORDER BY articles DESC, value LIMIT ?",
                                   [*params, limit]).fetchall()
                for name, sql in FACETS.items()}
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search index could not run this query ({exc})") from None


def summary(conn: sqlite3.Connection, top: int) -> dict[str, Any]:
    """Every figure ``newsmine report`` shows."""
    q = conn.execute
    return {
        "counts": {"articles": q("SELECT COUNT(*) FROM articles").fetchone()[0],
                   **{k: q(f"SELECT COUNT(*) FROM [{k}]").fetchone()[0] for k in mention_tables()}},
        "distinct": {
            "campaign names": q("SELECT COUNT(DISTINCT name) FROM campaigns").fetchone()[0],
            "directives": q("SELECT COUNT(DISTINCT COALESCE(symbol, text)) FROM directives").fetchone()[0],
            "units": q("SELECT COUNT(DISTINCT canonical) FROM units").fetchone()[0],
        },
        "years": q("SELECT year, COUNT(*) FROM articles WHERE year IS NOT NULL GROUP BY year ORDER BY year").fetchall(),
        "types": q("SELECT type, COUNT(*), COUNT(DISTINCT article_id), SUM(n_mentions) FROM achievements "
                   "GROUP BY type ORDER BY COUNT(*) DESC").fetchall(),
        "awards": q("SELECT award, type, COUNT(*), COUNT(DISTINCT article_id), SUM(n_mentions) FROM achievements "
                    "WHERE award IS NOT NULL GROUP BY award, type ORDER BY COUNT(*) DESC, award LIMIT ?",
                    (top,)).fetchall(),
        "campaigns": q("SELECT name, kind, articles, mentions FROM campaign_counts LIMIT ?", (top,)).fetchall(),
        "directives": q("SELECT directive, type, articles, mentions FROM directive_counts LIMIT ?",
                        (top,)).fetchall(),
        "units": q("SELECT canonical, kind, articles, mentions FROM unit_counts LIMIT ?", (top,)).fetchall(),
        "units_by_kind": q("SELECT kind, COUNT(*) FROM units GROUP BY kind ORDER BY COUNT(*) DESC").fetchall(),
        "metrics": q("SELECT metric, unit, COUNT(*), AVG(value), MIN(value), MAX(value) FROM indicators "
                     "WHERE metric IS NOT NULL GROUP BY metric, unit ORDER BY COUNT(*) DESC LIMIT ?",
                     (top,)).fetchall(),
        "indicator_units": q("SELECT unit, COUNT(*) FROM indicators WHERE unit IS NOT NULL GROUP BY unit "
                             "ORDER BY COUNT(*) DESC LIMIT ?", (top,)).fetchall(),
        "rates": q("SELECT a.province, a.year, COUNT(*), AVG(i.value) FROM indicators i JOIN articles a "
                   "ON a.id = i.article_id WHERE i.unit = '%' AND i.change IS NULL AND a.province IS NOT NULL "
                   "GROUP BY a.province, a.year ORDER BY COUNT(*) DESC LIMIT ?", (top,)).fetchall(),
    }
