"""A searchable archive in one SQLite file: ``newsmine index``, ``search``, ``facets``, ``serve``.

Tables ``articles``, ``campaigns``, ``directives``, ``dates``, ``units``,
``indicators``, ``achievements`` (every mention row keeps its article id and
offsets), views counting distinct campaigns, directives and units, and the FTS5
table ``articles_fts`` (``content="articles"``, so datasette offers a search
box) over the title, lead, text and a folded copy of them.

Writes go through sqlite-utils in batched transactions, in WAL mode: a run
killed midway leaves a consistent file, readers can query while one writer
indexes, and running the same command again adds only what is missing.
Articles are keyed by id and a content hash; an article already archived with
the same hash is skipped before extraction.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .fold import fold
from .frames import COLUMNS, TABLES, rows
from .query import Query, QueryError, parse
from .records import MENTION_KINDS, Article, Record

SCHEMA_VERSION = 3
BATCH = 400
MIGRATIONS: list[tuple[str, str]] = [
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
        CREATE INDEX IF NOT EXISTS idx_campaigns_article ON campaigns(article_id);
        CREATE INDEX IF NOT EXISTS idx_directives_article ON directives(article_id);
        CREATE INDEX IF NOT EXISTS idx_units_article ON units(article_id);
        CREATE INDEX IF NOT EXISTS idx_achievements_article ON achievements(article_id, type);
        CREATE INDEX IF NOT EXISTS idx_dates_article ON dates(article_id);
        CREATE INDEX IF NOT EXISTS idx_indicators_article ON indicators(article_id);
    """),
]
_ARTICLE_EXTRA = [("hash", "string"), ("year", "int64"), ("province", "string"), ("folded", "string"),
                  ("record", "string")]


def content_hash(article: Article) -> str:
    """What makes two versions of an article the same: its id, title and text."""
    return hashlib.sha1(f"{article.id}\x00{article.title or ''}\x00{article.text}".encode()).hexdigest()


@dataclass
class IndexSummary:
    read: int = 0
    added: int = 0
    skipped: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MENTION_KINDS, 0))
    elapsed: float = 0.0


class Archive:
    """An archive file; safe to open while another process writes to it."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.is_file():
            raise FileNotFoundError(f"no archive at {self.path}")
        self.conn = sqlite3.connect(self.path, timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA busy_timeout=30000")
        if not readonly:
            self._migrate()

    # ------------------------------------------------------------ schema

    def _migrate(self) -> None:
        import sqlite_utils

        db = sqlite_utils.Database(self.conn)
        with self.conn:
            for name in TABLES:
                columns = COLUMNS[name] + (_ARTICLE_EXTRA if name == "articles" else [("rowkey", "string")])
                if name not in db.table_names():
                    types = {c: {"string": str, "int64": int, "float64": float, "bool_": int}[t] for c, t in columns}
                    pk = "id" if name == "articles" else "rowkey"
                    db[name].create(types, pk=pk, not_null={pk})
            if "articles_fts" not in db.table_names():
                self.conn.execute(
                    'CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, text, folded, '
                    'content="articles", tokenize="unicode61 remove_diacritics 0")')
            db["_migrations"].create({"name": str, "applied": str}, pk="name", if_not_exists=True)
            done = {r["name"] for r in db["_migrations"].rows}
            for name, sql in MIGRATIONS:
                if name not in done:
                    for statement in filter(str.strip, sql.split(";")):
                        self.conn.execute(statement)
                    db["_migrations"].insert({"name": name, "applied": time.strftime("%Y-%m-%dT%H:%M:%S")})
            self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------ writing

    def known(self) -> dict[str, str]:
        """{article id: content hash} of what is archived."""
        return dict(self.conn.execute("SELECT id, hash FROM articles"))

    def index(self, items: Iterable[Article | Record], *, extract: Callable[[Article], Record] | None = None,
              on_batch: Callable[[IndexSummary], None] | None = None) -> IndexSummary:
        """Archive articles (extracting them) or records (as they are); skip what is already there."""
        if extract is None:
            from .pipeline import extract_article as extract
        summary, started = IndexSummary(), time.perf_counter()
        known = self.known()
        batch: list[Record] = []
        for item in items:
            summary.read += 1
            if known.get(item.id) == content_hash(item):
                summary.skipped += 1
                continue
            batch.append(item if isinstance(item, Record) else extract(item))
            known[item.id] = content_hash(item)
            if len(batch) >= BATCH:
                self._write(batch, summary)
                batch = []
                if on_batch:
                    on_batch(summary)
        if batch:
            self._write(batch, summary)
        summary.elapsed = time.perf_counter() - started
        return summary

    def _write(self, records: Sequence[Record], summary: IndexSummary) -> None:
        """One transaction: replace each article's rows (article, mentions, search index)."""
        tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for record in records:
            for name, table in rows(record).items():
                if name == "articles":
                    table[0].update(self._article_extra(record))
                else:  # the position in the record's list: two mentions never share a key
                    for n, row in enumerate(table):
                        row["rowkey"] = f"{record.id}:{n}"
                tables[name].extend(table)
        ids = [r.id for r in records]
        marks = ",".join("?" * len(ids))
        with self.conn:
            old = self.conn.execute(
                f"SELECT rowid, title, lead, text, folded FROM articles WHERE id IN ({marks})", ids).fetchall()
            for rowid, title, lead, text, folded in old:
                self.conn.execute("INSERT INTO articles_fts(articles_fts, rowid, title, lead, text, folded) "
                                  "VALUES ('delete', ?, ?, ?, ?, ?)", (rowid, title, lead, text, folded))
            for name in MENTION_KINDS:
                self.conn.execute(f"DELETE FROM {name} WHERE article_id IN ({marks})", ids)
            self.conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)
            for name in TABLES:
                if tables[name]:
                    cols = list(tables[name][0])
                    self.conn.executemany(
                        f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                        f"VALUES ({', '.join('?' * len(cols))})",
                        [tuple(r.get(c) for c in cols) for r in tables[name]])
            self.conn.execute(
                f"INSERT INTO articles_fts(rowid, title, lead, text, folded) "
                f"SELECT rowid, title, lead, text, folded FROM articles WHERE id IN ({marks})", ids)
        summary.added += len(records)
        for name in MENTION_KINDS:
            summary.rows[name] += len(tables[name])

    @staticmethod
    def _article_extra(record: Record) -> dict[str, Any]:
        from .extractors.units import main_province_of_text

        year = int(record.published[:4]) if record.published and record.published[:4].isdigit() else None
        if year is None:  # the year the article speaks of most, by its days and months first
            from collections import Counter

            exact = [int(d.value[:4]) for d in record.dates if d.value[:4].isdigit() and d.grain in ("day", "month")]
            loose = [int(d.value[:4]) for d in record.dates if d.value[:4].isdigit()]
            counted = Counter(exact or loose).most_common(1)
            year = counted[0][0] if counted else None
        meta = record.to_dict()
        meta.pop("text")
        return {
            "hash": content_hash(record), "year": year, "province": main_province_of_text(record.text),
            "folded": fold(record.text),  # text holds title and lead; same length, same offsets
            "record": json.dumps(meta, ensure_ascii=False),
        }

    # ------------------------------------------------------------ reading

    def table(self, name: str) -> "pandas.DataFrame":  # noqa: F821
        import pandas as pd

        if name not in TABLES and name not in ("campaign_counts", "directive_counts", "unit_counts"):
            raise ValueError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        columns = "*" if name != "articles" else ", ".join(c for c, _ in COLUMNS["articles"] + _ARTICLE_EXTRA[:3])
        return pd.read_sql_query(f"SELECT {columns} FROM [{name}]", self.conn)

    def articles(self, ids: Iterable[str]) -> list[Record]:
        from .records import Record as R
        import msgspec

        out = []
        for article_id in ids:
            row = self.conn.execute("SELECT record, text FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row:
                data = json.loads(row[0])
                data["text"] = row[1]
                out.append(msgspec.convert(data, type=R))
        return out

    def _filters(self, campaign: str | None, directive: str | None, unit: str | None, province: str | None,
                 type: str | None, year_from: int | None, year_to: int | None) -> tuple[list[str], list[Any]]:
        where, args = [], []
        if campaign:
            where.append("EXISTS (SELECT 1 FROM campaigns c WHERE c.article_id = a.id AND c.name LIKE ?)")
            args.append(f"%{campaign}%")
        if directive:
            where.append("EXISTS (SELECT 1 FROM directives d WHERE d.article_id = a.id AND "
                         "(d.symbol LIKE ? OR d.text LIKE ?))")
            args += [f"%{directive}%"] * 2
        if unit:
            where.append("EXISTS (SELECT 1 FROM units u WHERE u.article_id = a.id AND "
                         "(u.canonical LIKE ? OR u.name LIKE ?))")
            args += [f"%{unit}%"] * 2
        if province:
            where.append("a.province LIKE ?")
            args.append(f"%{province}%")
        if type:
            where.append("EXISTS (SELECT 1 FROM achievements x WHERE x.article_id = a.id AND x.type = ?)")
            args.append(type)
        if year_from is not None:
            where.append("a.year >= ?")
            args.append(year_from)
        if year_to is not None:
            where.append("a.year <= ?")
            args.append(year_to)
        return where, args

    def search(self, query: str | None = None, *, campaign: str | None = None, directive: str | None = None,
               unit: str | None = None, province: str | None = None, type: str | None = None,
               year_from: int | None = None, year_to: int | None = None, limit: int = 20
               ) -> "pandas.DataFrame":  # noqa: F821
        """Ranked hits with a highlighted snippet; ``query`` may be None to list by filters only.

        Raises :class:`~newsmine.query.QueryError` for a query that cannot be searched.
        """
        import pandas as pd

        where, args = self._filters(campaign, directive, unit, province, type, year_from, year_to)
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
            ranked = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"the search index could not run this query ({exc})") from None
        hits = []
        for rowid, rank in ranked:
            i, t, p, pv, text, folded = self.conn.execute(
                "SELECT id, title, published, province, text, folded FROM articles WHERE rowid = ?", (rowid,)
            ).fetchone()
            hits.append({"id": i, "title": t, "published": p, "province": pv, "rank": round(-rank, 6),
                         "snippet": snippet(text, folded, parsed.terms if parsed else ())})
        return pd.DataFrame(hits, columns=["id", "title", "published", "province", "snippet", "rank"])

    def facets(self, query: str | None = None, *, limit: int = 10, **filters: Any) -> dict[str, "pandas.DataFrame"]:  # noqa: F821
        """Counts of articles by campaign, directive, province, year and achievement type."""
        import pandas as pd

        where, args = self._filters(filters.get("campaign"), filters.get("directive"), filters.get("unit"),
                                    filters.get("province"), filters.get("type"), filters.get("year_from"),
                                    filters.get("year_to"))
        base, base_args = "SELECT a.id FROM articles a", list(args)
        if query and query.strip():
            base = "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid " \
                   "WHERE articles_fts MATCH ?"
            base_args = [parse(query).match(), *args]
            base += "".join(f" AND {w}" for w in where)
        elif where:
            base += " WHERE " + " AND ".join(where)
        specs = {
            "campaign": ("SELECT name AS value, COUNT(DISTINCT article_id) AS articles FROM campaigns "
                         "WHERE article_id IN ({base}) GROUP BY name"),
            "directive": ("SELECT COALESCE(symbol, text) AS value, COUNT(DISTINCT article_id) AS articles "
                          "FROM directives WHERE article_id IN ({base}) GROUP BY value"),
            "province": ("SELECT province AS value, COUNT(*) AS articles FROM articles "
                         "WHERE id IN ({base}) AND province IS NOT NULL GROUP BY province"),
            "year": ("SELECT year AS value, COUNT(*) AS articles FROM articles "
                     "WHERE id IN ({base}) AND year IS NOT NULL GROUP BY year"),
            "type": ("SELECT type AS value, COUNT(DISTINCT article_id) AS articles FROM achievements "
                     "WHERE article_id IN ({base}) GROUP BY type"),
        }
        out = {}
        for name, sql in specs.items():
            rows_ = self.conn.execute(sql.format(base=base) + " ORDER BY articles DESC, value LIMIT ?",
                                      [*base_args, limit]).fetchall()
            out[name] = pd.DataFrame(rows_, columns=["value", "articles"])
        return out

    def counts(self) -> dict[str, int]:
        """Rows of the articles table and of each mention table."""
        return {name: self.conn.execute(f"SELECT COUNT(*) FROM [{name}]").fetchone()[0] for name in TABLES}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def load_items(paths: Iterable[str], **options: Any) -> Iterator[Article | Record]:
    """Articles from any input, or records from JSONL files that ``newsmine extract`` wrote."""
    from .sources import read
    from .sources.files import Problem, log
    import msgspec

    for path in paths:
        p = Path(path)
        if p.is_file() and p.name.endswith((".jsonl", ".jsonl.gz")) and _is_records_file(p):
            decoder = msgspec.json.Decoder(type=Record)
            opener = __import__("gzip").open if p.name.endswith(".gz") else open
            with opener(p, "rb") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        try:
                            yield decoder.decode(line)
                        except msgspec.DecodeError as exc:
                            log(Problem(f"{p}:{n}", f"not a newsmine record ({exc}); line skipped"))
        else:
            yield from read([path], **options)


def _is_records_file(path: Path) -> bool:
    opener = __import__("gzip").open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            first = f.readline()
        data = json.loads(first)
    except (OSError, ValueError, EOFError):
        return False
    return isinstance(data, dict) and "campaigns" in data and "text" in data and "achievement_types" in data
