"""Records as tables: one row per article, one table per kind of mention, keyed by ``article_id``."""
from __future__ import annotations

import json
from typing import Any, Iterable

from .records import MENTION_KINDS, Record

#: Column names and Arrow type names of each table, in order. Writers build schemas from this.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "string"), ("source", "string"), ("title", "string"), ("series", "string"),
        ("outlet", "string"), ("published", "string"), ("authors", "string"), ("lead", "string"),
        ("text", "string"), ("achievement_types", "string"), ("warnings", "string"),
        *((f"n_{kind}", "int64") for kind in MENTION_KINDS),
    ],
    "campaigns": [("name", "string"), ("kind", "string"), ("period_start", "string"),
                  ("period_end", "string"), ("launched_by", "string"), ("directive", "string")],
    "directives": [("type", "string"), ("number", "string"), ("symbol", "string"),
                   ("issued", "string"), ("issuer", "string")],
    "dates": [("value", "string"), ("range_end", "string"), ("grain", "string"), ("resolved", "bool_")],
    "units": [("name", "string"), ("canonical", "string"), ("kind", "string")],
    "indicators": [("value", "float64"), ("value_max", "float64"), ("unit", "string"),
                   ("qualifier", "string"), ("change", "string"), ("metric", "string"),
                   ("denominator", "float64")],
    "achievements": [("type", "string"), ("award", "string"), ("recipient", "string"),
                     ("conferred_by", "string"), ("year", "int64"), ("mentions", "string")],
}
for _kind in MENTION_KINDS:
    COLUMNS[_kind] = [("article_id", "string"), *COLUMNS[_kind], ("text", "string"),
                      ("start", "int64"), ("end", "int64")]
TABLES: tuple[str, ...] = ("articles", *MENTION_KINDS)
LIST_SEPARATOR = "; "


def rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows ``record`` adds to each table."""
    article = {
        "id": record.id, "source": record.source, "title": record.title, "series": record.series,
        "outlet": record.outlet, "published": record.published,
        "authors": LIST_SEPARATOR.join(record.authors), "lead": record.lead, "text": record.text,
        "achievement_types": LIST_SEPARATOR.join(record.achievement_types),
        "warnings": LIST_SEPARATOR.join(record.warnings),
        **{f"n_{kind}": len(getattr(record, kind)) for kind in MENTION_KINDS},
    }
    out: dict[str, list[dict[str, Any]]] = {"articles": [article]}
    for kind in MENTION_KINDS:
        table = []
        for mention in getattr(record, kind):
            row = mention.to_dict()
            if kind == "campaigns":
                period = row.pop("period") or {}
                row["period_start"], row["period_end"] = period.get("start"), period.get("end")
            if kind == "achievements":  # its mentions as JSON [{text, start, end}, ...]
                row["mentions"] = json.dumps(row.get("mentions") or [], ensure_ascii=False)
            table.append({"article_id": record.id, **row})
        out[kind] = table
    return out


def to_frames(records: Iterable[Record]) -> dict[str, "pandas.DataFrame"]:  # noqa: F821
    """``{"articles": DataFrame, "campaigns": DataFrame, ...}``, every table present even when empty."""
    import pandas as pd

    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in records:
        for name, table in rows(record).items():
            collected[name].extend(table)
    frames = {}
    for name in TABLES:
        columns = [c for c, _ in COLUMNS[name]]
        frame = pd.DataFrame(collected[name], columns=columns)
        for column, kind in COLUMNS[name]:
            if kind == "int64" and name != "articles":
                frame[column] = frame[column].astype("Int64")
        frames[name] = frame
    return frames
