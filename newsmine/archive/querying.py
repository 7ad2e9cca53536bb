"""Reading the SQLite archive: tables, records, ranked search with snippets, facets and the report's figures."""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Sequence

from ..query import Query, QueryError, parse
from .backend import Filters
from .schema import VIEWS, layout, mention_tables


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of the articles table and of each mention table."""
    return {name: conn.execute(f"SELECT COUNT(*) FROM [{name}]").fetchone()[0] for name in layout()}


def table(conn: sqlite3.Connection, name: str) -> "pandas.DataFrame":  # noqa: F821
    import pandas as pd

    tables = layout()
    if name not in tables and name not in VIEWS:
        raise ValueError(f"no table {name!r}; tables: {', '.join(tables)}")
    columns = "*" if name != "articles" else ", ".join(f"[{c}]" for c, _ in tables["articles"]
                                                        if c not in ("folded", "record"))
    return pd.read_sql_query(f"SELECT {columns} FROM [{name}]", conn)


def records(conn: sqlite3.Connection, ids: Iterable[str]) -> list[Any]:
    import msgspec

    from ..records import record_type

    out = []
    for article_id in ids:
        row = conn.execute("SELECT record, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row:
            data = json.loads(row[0])
            data["text"] = row[1]
            out.append(msgspec.convert(data, type=record_type()))
    return out


def _where(f: Filters) -> tuple[list[str], list[Any]]:
    where, args = [], []
    if f.campaign:
        where.append("EXISTS (SELECT 1 FROM campaigns c WHERE c.article_id = a.id AND c.name LIKE ?)")
        args.append(f"%{f.campaign}%")
    if f.directive:
        where.append("EXISTS (SELECT 1 FROM directives d WHERE d.article_id = a.id AND "
                     "(d.symbol LIKE ? OR d.text LIKE ?))")
        args += [f"%{f.directive}%"] * 2
    if f.unit:
        where.append("EXISTS (SELECT 1 FROM units u WHERE u.article_id = a.id AND "
                     "(u.canonical LIKE ? OR u.name LIKE ?))")
        args += [f"%{f.unit}%"] * 2
    if f.province:  # a province of either map: "Vĩnh Long" also finds what was Bến Tre and Trà Vinh
        where.append("(a.province LIKE ? OR a.province_2025 LIKE ?)")
        args += [f"%{f.province}%"] * 2
    if f.type:
        where.append("EXISTS (SELECT 1 FROM achievements x WHERE x.article_id = a.id AND x.type = ?)")
        args.append(f.type)
    if f.year_from is not None:
        where.append("a.year >= ?")
        args.append(f.year_from)
    if f.year_to is not None:
        where.append("a.year <= ?")
        args.append(f.year_to)
    return where, args


def search(conn: sqlite3.Connection, query: str | None, filters: Filters, limit: int) -> list[dict[str, Any]]:
    where, args = _where(filters)
    parsed: Query | None = parse(query) if query and query.strip() else None
    # Phase 1 ranks row ids with narrow columns only; phase 2 reads the text of the hits.
    if parsed:
        sql = ("SELECT articles_fts.rowid, bm25(articles_fts, 8.0, 4.0, 1.0, 0.6) AS rank FROM articles_fts"
               + (" JOIN articles a ON a.rowid = articles_fts.rowid" if where else "")
               + " WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where)
               + " ORDER BY rank LIMIT ?")
        params = [parsed.match(), *args, limit]
    else:
        sql = ("SELECT a.rowid, 0.0 AS rank FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published DESC LIMIT ?")
        params = [*args, limit]
    try:
        ranked = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search index could not run this query ({exc})") from None
    hits = []
    for rowid, rank in ranked:
        i, t, p, pv, pv25, year, text, folded = conn.execute(
            "SELECT id, title, published, province, province_2025, year, text, folded FROM articles "
            "WHERE rowid = ?", (rowid,)).fetchone()
        hits.append({"id": i, "title": t, "published": p, "province": pv, "province_2025": pv25, "year": year,
                     "rank": round(-rank, 6), "snippet": snippet(text, folded, parsed.terms if parsed else ())})
    return hits


#: Search facets: (name, SQL giving value and article count for the articles of ``{base}``).
FACETS = {
    "campaign": "SELECT name AS value, COUNT(DISTINCT article_id) AS articles FROM campaigns "
                "WHERE article_id IN ({base}) GROUP BY name",
    "directive": "SELECT COALESCE(symbol, text) AS value, COUNT(DISTINCT article_id) AS articles "
                 "FROM directives WHERE article_id IN ({base}) GROUP BY value",
    **{column: f"SELECT {column} AS value, COUNT(*) AS articles FROM articles "
               f"WHERE id IN ({{base}}) AND {column} IS NOT NULL GROUP BY {column}"
       for column in ("province", "province_2025", "year")},
    "type": "SELECT type AS value, COUNT(DISTINCT article_id) AS articles FROM achievements "
            "WHERE article_id IN ({base}) GROUP BY type",
}


def facets(conn: sqlite3.Connection, query: str | None, filters: Filters, limit: int) -> dict[str, list[tuple]]:
    where, args = _where(filters)
    base, base_args = "SELECT a.id FROM articles a", list(args)
    if query and query.strip():
        base = "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid " \
               "WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where)
        base_args = [parse(query).match(), *args]
    elif where:
        base += " WHERE " + " AND ".join(where)
    return {name: conn.execute(sql.format(base=base) + " ORDER BY articles DESC, value LIMIT ?",
                               [*base_args, limit]).fetchall()
            for name, sql in FACETS.items()}


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


def snippet(text: str, folded: str, terms: Sequence[str], width: int = 90) -> str:
    """A window of ``text`` around the first matched term, terms wrapped in [ ].

    Folding keeps offsets, so a match found in the folded text is highlighted in the original.
    """
    import regex

    if not terms:
        return text[: 2 * width].replace("\n", " ")
    pattern = regex.compile("|".join(rf"(?<!\w){regex.escape(t)}" for t in sorted(set(terms), key=len, reverse=True)))
    first = pattern.search(folded)
    center = first.start() if first else 0
    start, end = max(0, center - width), min(len(text), center + width)
    out, pos = [], start
    for m in pattern.finditer(folded, start, end):
        out.append(text[pos:m.start()])
        out.append(f"[{text[m.start():m.end()]}]")
        pos = m.end()
    out.append(text[pos:end])
    body = "".join(out).replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")
