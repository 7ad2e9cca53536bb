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


class Backend(Protocol):
    schema_version: int

    def known(self) -> dict[str, str]:
        """{article id: content hash} of what is archived."""

    def write(self, records: Sequence[Record]) -> dict[str, int]:
        """Replace these articles' rows, all or nothing; rows written per table."""

    def counts(self) -> dict[str, int]:
        """Rows per table: ``articles`` and each kind."""

    def table(self, name: str) -> "pandas.DataFrame":  # noqa: F821
        """A whole table or view."""

    def records(self, ids: Iterable[str]) -> list[Record]:
        """The archived records of these ids (those that are there)."""

    def search(self, query: str | None, filters: Filters, limit: int) -> list[dict[str, Any]]:
        """Ranked hits: id, title, published, province, province_2025, year, rank, snippet."""

    def facets(self, query: str | None, filters: Filters, limit: int) -> dict[str, list[tuple]]:
        """{facet: [(value, articles), ...]} over the matching articles."""

    def summary(self, top: int) -> dict[str, Any]:
        """The figures of ``newsmine report``."""

    def close(self) -> None: ...
