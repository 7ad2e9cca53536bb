"""A searchable archive: ``newsmine index``, ``search``, ``facets``, ``report``, ``serve``.

:class:`Archive` skips what is already archived (articles are keyed by id and a
content hash; an article archived with the same hash is not extracted again),
extracts the rest, writes them in batches, and answers queries — all through a
backend (:mod:`.backend`): SQLite (:mod:`.sqlite`), or PostgreSQL for a ``postgresql://`` URL
(:mod:`.postgres`, the same tables and search rules). SQLite's layout:
tables ``articles`` and one per declared kind (every mention row keeps its
article id and offsets; an achievement's mentions are the rows of ``achievement_mentions``;
layout and migrations in :mod:`.schema`), views counting
distinct campaigns, directives and units, and the FTS5 table ``articles_fts``
over the title, lead and text: contentless, one token per syllable that carries both
the accent-free and the accented form (rules in :mod:`newsmine.query`, which every backend follows). Each batch is one transaction, in WAL mode: a run
killed midway leaves a consistent file, and running the same command again adds
only what is missing.

The archive computes nothing about an article: ``province``, ``province_2025``
and ``year`` are the record's (:mod:`newsmine.facts`).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from ..records import Article, Record
from ..query import snippet
from .backend import Backend, Filters, Hits
from .writing import content_hash

BATCH = 400
EXPORT_FORMATS = ("parquet", "csv", "jsonl")
__all__ = ["Archive", "Backend", "Filters", "Hits", "IndexSummary", "content_hash", "fingerprint", "snippet"]


@dataclass
class IndexSummary:
    read: int = 0
    added: int = 0
    skipped: int = 0
    reextracted: int = 0   # archived by other extractors or data files (an older newsmine), extracted again
    rows: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0


class Archive:
    """An archive file (SQLite unless another ``backend`` is given), or a ``postgresql://`` URL (:mod:`.postgres`);
    safe to open while another process writes.

    A missing file is a :class:`FileNotFoundError` unless ``create=True``; ``readonly=True`` opens it read-only.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = False,
                 backend: Backend | None = None):
        from .postgres import is_url

        self.path = Path(path)
        if backend is None and is_url(path):  # postgresql://user@host/db: the PostgreSQL backend
            from .postgres import PostgresBackend

            backend = PostgresBackend(str(path), readonly=readonly, create=create)
        if backend is None:
            from .sqlite import SQLiteBackend

            backend = SQLiteBackend(self.path, readonly=readonly, create=create)
        self.backend: Backend = backend

    @property
    def schema_version(self) -> int:
        return self.backend.schema_version

    def known(self) -> dict[str, tuple[str, str | None]]:
        return self.backend.known()

    def index(self, items: Iterable[Article | Record], *, extract: Callable[[Article], Record] | None = None,
              on_batch: Callable[[IndexSummary], None] | None = None, reextract: bool = False,
              fresh: bool = False) -> IndexSummary:
        """Archive articles (extracting them) or records (as they are); skip what is already there.

        An article archived by other extractors or data files (:func:`fingerprint`) is extracted
        again, as is every article with ``reextract``; a record given as it is keeps being skipped
        when its content is unchanged. ``fresh``: the records given were just extracted by this
        newsmine (on Dask workers) and are archived with its version and fingerprint, like articles.
        """
        from importlib.metadata import version  # as `newsmine --version`; importing newsmine here is a cycle
        from ..kinds import names
        from ..records import record_type

        if extract is None:
            from ..pipeline import extract_article as extract
        ours = version("newsmine")
        summary, started = IndexSummary(rows=dict.fromkeys(names(), 0)), time.perf_counter()
        known, record_class, current = self.backend.known(), record_type(), fingerprint()
        batch: list[Record] = []
        made_by: dict[str, tuple[str | None, str | None]] = {}
        for item in items:
            summary.read += 1
            digest, given = content_hash(item), isinstance(item, record_class)
            archived = known.get(item.id)
            if archived and archived[0] == digest:
                if (given and not fresh) or (archived[1] == current and not reextract):
                    summary.skipped += 1
                    continue
                summary.reextracted += 1
            batch.append(item if given else extract(item))
            made_by[item.id] = (None, None) if given and not fresh else (ours, current)
            known[item.id] = (digest, made_by[item.id][1])
            if len(batch) >= BATCH:
                self._write(batch, summary, made_by)
                batch, made_by = [], {}
                if on_batch:
                    on_batch(summary)
        if batch:
            self._write(batch, summary, made_by)
        summary.elapsed = time.perf_counter() - started
        return summary

    def _write(self, records: list[Record], summary: IndexSummary, made_by: dict) -> None:
        written = self.backend.write(records, made_by)
        summary.added += len(records)
        for name in summary.rows:
            summary.rows[name] += written.get(name, 0)

    def counts(self) -> dict[str, int]:
        """Rows of the articles table and of each mention table."""
        return self.backend.counts()

    def table(self, name: str) -> "pandas.DataFrame":  # noqa: F821
        return self.backend.table(name)

    def articles(self, ids: Iterable[str]) -> list[Record]:
        return self.backend.records(ids)

    def search(self, query: str | None = None, *, limit: int = 20, **filters: Any) -> "pandas.DataFrame":  # noqa: F821
        """Ranked hits with a highlighted snippet; ``query`` may be None to list by filters only (newest first).

        Search rules: :mod:`newsmine.query`. Filters: ``campaign``, ``directive``, ``unit``,
        ``province`` (accents and case folded unless typed, as the search), ``type``, ``year_from``,
        ``year_to``, ``published_from``, ``published_to`` (ISO days, included). The frame's
        ``attrs`` hold ``total`` (matching articles) and ``phrase`` (how many hold the typed words as
        a phrase, or None). Raises :class:`~newsmine.query.QueryError` for a query that cannot be searched.
        """
        import pandas as pd

        hits = self.backend.search(query, Filters(**filters), limit)
        frame = pd.DataFrame(hits.rows, columns=["id", "title", "published", "province", "province_2025", "year",
                                                 "snippet"])
        frame["year"] = frame["year"].astype("Int64")
        frame.attrs.update(total=hits.total, phrase=hits.phrase)
        return frame

    def facets(self, query: str | None = None, *, limit: int = 10, **filters: Any) -> dict[str, "pandas.DataFrame"]:  # noqa: F821
        """Counts of articles by campaign, directive, province (either map), year and achievement type."""
        import pandas as pd

        return {name: pd.DataFrame(rows, columns=["value", "articles"])
                for name, rows in self.backend.facets(query, Filters(**filters), limit).items()}

    def export(self, folder: str | Path, fmt: str = "parquet", tables: Iterable[str] | None = None) -> list[Path]:
        """Write tables (all of the record's by default) to ``folder`` as parquet, csv or jsonl; the files written."""
        from .schema import VIEWS, layout

        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"format {fmt!r}: choose from {', '.join(EXPORT_FORMATS)}")
        names = list(tables or layout())
        for name in names:
            if name not in layout() and name not in VIEWS:
                raise ValueError(f"no table {name!r}; tables: {', '.join([*layout(), *VIEWS])}")
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for name in names:
            frame, path = self.table(name), folder / f"{name}.{fmt}"
            if fmt == "parquet":
                frame.to_parquet(path, index=False)
            elif fmt == "csv":
                frame.to_csv(path, index=False)
            else:
                frame.to_json(path, orient="records", lines=True, force_ascii=False)
            out.append(path)
        return out

    def summary(self, top: int = 15) -> dict[str, Any]:
        """The figures of ``newsmine report``."""
        return self.backend.summary(top)

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def fingerprint() -> str:
    """What produced an archived record: a digest of newsmine's extracting code and data files.

    Everything in the package but the archive, the command line and the viewers; a changed
    extractor, word list or model gives a new fingerprint, and ``newsmine index`` extracts again.
    """
    return _fingerprint(Path(__file__).resolve().parents[1])


_NOT_EXTRACTING = ("archive", "cli.py", "serve.py", "report.py", "report_text.py", "show.py", "__main__.py",
                   "query.py", "datasette_plugin")


@lru_cache(maxsize=None)
def _fingerprint(package: Path) -> str:
    import hashlib

    digest = hashlib.sha1()
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if not path.is_file() or rel.parts[0] in _NOT_EXTRACTING or "__pycache__" in rel.parts \
                or path.suffix in (".pyc", ".pyo"):
            continue
        digest.update(str(rel).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
