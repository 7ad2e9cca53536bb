"""Records as tables: one row per article, one table per declared kind of mention, keyed by ``article_id``.

A kind's list of spans is a table beside the kind's: ``achievement_mentions`` holds every clause
telling each achievement, keyed by ``article_id`` and ``achievement_index`` as the achievement's row is::

    frames["achievements"].merge(frames["achievement_mentions"], on=["article_id", "achievement_index"])
"""
from __future__ import annotations

from functools import cache
from typing import Any, Iterable

from .kinds import kinds
from .records import Record

LIST_SEPARATOR = "; "
_ARTICLE = [("id", "string"), ("source", "string"), ("title", "string"), ("series", "string"),
            ("outlet", "string"), ("published", "string"), ("authors", "string"), ("lead", "string"),
            ("text", "string"), ("province", "string"), ("province_2025", "string"), ("year", "int64"),
            ("achievement_types", "string"), ("warnings", "string")]


@cache
def columns() -> dict[str, list[tuple[str, str]]]:
    """Column names and Arrow type names of each table, in order. Writers build schemas from this."""
    out = {"articles": [*_ARTICLE, *((f"n_{name}", "int64") for name in kinds())]}
    for kind in kinds().values():
        out.update(kind.tables())
    return out


def tables() -> tuple[str, ...]:
    return tuple(columns())


def rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows ``record`` adds to each table."""
    article = {column: getattr(record, column) for column, _ in _ARTICLE}
    for listed in ("authors", "achievement_types", "warnings"):
        article[listed] = LIST_SEPARATOR.join(article[listed])
    out: dict[str, list[dict[str, Any]]] = {"articles": [article]}
    for name, kind in kinds().items():
        found = record.mentions(name)
        article[f"n_{name}"] = len(found)
        out.update(kind.rows(record.id, found))
    return out


def to_frames(records: Iterable[Record]) -> dict[str, "pandas.DataFrame"]:  # noqa: F821
    """``{"articles": DataFrame, "campaigns": DataFrame, ...}``, every table present even when empty."""
    import pandas as pd

    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in tables()}
    for record in records:
        for name, table in rows(record).items():
            collected[name].extend(table)
    frames = {}
    for name, cols in columns().items():
        frame = pd.DataFrame(collected[name], columns=[c for c, _ in cols])
        for column, kind in cols:
            if kind == "int64" and (name != "articles" or column == "year"):
                frame[column] = frame[column].astype("Int64")
        frames[name] = frame
    return frames
