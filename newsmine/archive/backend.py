"""What an archive backend does. :class:`~newsmine.archive.Archive` holds one and adds the rest
(skipping what is archived, batching, DataFrames); SQLite is the first, PostgreSQL can be the next.

A backend stores rows laid out as :func:`newsmine.archive.schema.layout` says (one table per
record table, keyed as there) and answers the questions below; it computes nothing about an
article itself — every value it stores comes from the record.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Protocol, Sequence

from ..records import Record


@dataclass(frozen=True)
class Filters:
    """Search filters; every one given must hold."""

    campaign: str | None = None
    directive: str | None = None
    unit: str | None = None
    province: str | None = None   # either map's name: the 63-province one or the 2025 one
    type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    published_from: str | None = None   # an ISO day: published on it or after
    published_to: str | None = None     # an ISO day: published on it or before

    def bounds(self, mark: str) -> tuple[list[str], list[Any]]:
        """SQL tests (on articles ``a``) and arguments for the type, year and day filters, shared by every
        SQL backend; ``mark`` is the driver's placeholder (``?``, ``%s``)."""
        where: list[str] = []
        args: list[Any] = []
        if self.type:
            where.append(f"EXISTS (SELECT 1 FROM achievements x WHERE x.article_id = a.id AND x.type = {mark})")
            args.append(self.type)
        for bound, test in (("year_from", "a.year >= {}"), ("year_to", "a.year <= {}"),
                            ("published_from", "substr(a.published, 1, 10) >= {}"),
                            ("published_to", "substr(a.published, 1, 10) <= {}")):
            if getattr(self, bound) is not None:
                where.append(test.format(mark))
                args.append(getattr(self, bound))
        if self.published_from is not None or self.published_to is not None:
            where.append("a.published IS NOT NULL")
        return where, args


@dataclass
class Hits:
    """The first hits of a search, best first, and how many articles match (``phrase``: hold the phrase)."""

    rows: list[dict[str, Any]]
    total: int
    phrase: int | None = None


class Backend(Protocol):
    schema_version: int

    def known(self) -> dict[str, tuple[str, str | None]]:
        """{article id: (content hash, extraction fingerprint)} of what is archived."""

    def write(self, records: Sequence[Record]) -> dict[str, int]:
        """Replace these articles' rows, all or nothing; rows written per table."""

    def counts(self) -> dict[str, int]:
        """Rows per table: ``articles`` and each kind."""

    def table(self, name: str) -> "pandas.DataFrame":  # noqa: F821
        """A whole table or view."""

    def records(self, ids: Iterable[str]) -> list[Record]:
        """The archived records of these ids (those that are there)."""

    def search(self, query: str | None, filters: Filters, limit: int) -> Hits:
        """Ranked hits (id, title, published, province, province_2025, year, snippet), semantics of
        :mod:`newsmine.query`: articles holding the phrase first, then by BM25 (title 8, lead 4, text 1)."""

    def facets(self, query: str | None, filters: Filters, limit: int) -> dict[str, list[tuple]]:
        """{facet: [(value, articles), ...]} over the matching articles."""

    def summary(self, top: int) -> dict[str, Any]:
        """The figures of ``newsmine report``."""

    def close(self) -> None: ...
