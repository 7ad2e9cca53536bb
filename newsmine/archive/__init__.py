"""A searchable archive: ``newsmine index``, ``search``, ``facets``, ``report``, ``serve``.

:class:`Archive` skips what is already archived (articles are keyed by id and a
content hash; an article archived with the same hash is not extracted again),
extracts the rest, writes them in batches, and answers queries — all through a
backend (:mod:`.backend`). The one backend today is SQLite (:mod:`.sqlite`):
tables ``articles`` and one per declared kind (every mention row keeps its
article id and offsets; an achievement's mentions are the rows of ``achievement_mentions``;
layout and migrations in :mod:`.schema`), views counting
distinct campaigns, directives and units, and the FTS5 table ``articles_fts``
(``content="articles"``, so datasette offers a search box) over the title, lead,
text and a folded copy of them. Each batch is one transaction, in WAL mode: a run
killed midway leaves a consistent file, and running the same command again adds
only what is missing.

The archive computes nothing about an article: ``province``, ``province_2025``
and ``year`` are the record's (:mod:`newsmine.facts`).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..records import Article, Record
from .backend import Backend, Filters
from .querying import snippet
from .writing import content_hash

BATCH = 400
__all__ = ["Archive", "Backend", "Filters", "IndexSummary", "content_hash", "snippet"]


@dataclass
class IndexSummary:
    read: int = 0
    added: int = 0
    skipped: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0


class Archive:
    """An archive file (SQLite unless another ``backend`` is given); safe to open while another process writes."""

    def __init__(self, path: str | Path, *, readonly: bool = False, backend: Backend | None = None):
        from .sqlite import SQLiteBackend

        self.path = Path(path)
        self.backend: Backend = backend or SQLiteBackend(self.path, readonly=readonly)

    @property
    def schema_version(self) -> int:
        return self.backend.schema_version

    def known(self) -> dict[str, str]:
        return self.backend.known()

    def index(self, items: Iterable[Article | Record], *, extract: Callable[[Article], Record] | None = None,
              on_batch: Callable[[IndexSummary], None] | None = None) -> IndexSummary:
        """Archive articles (extracting them) or records (as they are); skip what is already there."""
        from ..kinds import names
        from ..records import record_type

        if extract is None:
            from ..pipeline import extract_article as extract
        summary, started = IndexSummary(rows=dict.fromkeys(names(), 0)), time.perf_counter()
        known, record_class = self.backend.known(), record_type()
        batch: list[Record] = []
        for item in items:
            summary.read += 1
            if known.get(item.id) == content_hash(item):
                summary.skipped += 1
                continue
            batch.append(item if isinstance(item, record_class) else extract(item))
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

    def _write(self, records: list[Record], summary: IndexSummary) -> None:
        written = self.backend.write(records)
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
        """Ranked hits with a highlighted snippet; ``query`` may be None to list by filters only.

        Filters: ``campaign``, ``directive``, ``unit``, ``province``, ``type``, ``year_from``,
        ``year_to``. Raises :class:`~newsmine.query.QueryError` for a query that cannot be searched.
        """
        import pandas as pd

        hits = self.backend.search(query, Filters(**filters), limit)
        return pd.DataFrame(hits, columns=["id", "title", "published", "province", "province_2025", "year",
                                           "snippet", "rank"])

    def facets(self, query: str | None = None, *, limit: int = 10, **filters: Any) -> dict[str, "pandas.DataFrame"]:  # noqa: F821
        """Counts of articles by campaign, directive, province (either map), year and achievement type."""
        import pandas as pd

        return {name: pd.DataFrame(rows, columns=["value", "articles"])
                for name, rows in self.backend.facets(query, Filters(**filters), limit).items()}

    def summary(self, top: int = 15) -> dict[str, Any]:
        """The figures of ``newsmine report``."""
        return self.backend.summary(top)

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
