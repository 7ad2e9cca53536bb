"""Typed records of the newsmine contract (``shared/spec/records.md``).

Every record is a frozen ``msgspec.Struct``; ``to_dict()`` gives exactly the
contract's JSON. Mentions carry ``text``, ``start`` and ``end`` with
``record.text[start:end] == mention.text``.

One deliberate naming choice: the contract calls both a date range's end and
a mention's end offset ``end``. Offsets win (every mention of every kind keeps
the same ``start``/``end`` invariant), and the range end is ``range_end``.
"""
from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar

import msgspec


class AchievementType(StrEnum):
    EMULATION_TITLE = "emulation_title"
    ORDER_MEDAL = "order_medal"
    HONORARY_TITLE = "honorary_title"
    PRIZE = "prize"
    MERIT_CERTIFICATE = "merit_certificate"
    TASK_RATING = "task_rating"
    TARGET_EXCEEDED = "target_exceeded"
    STANDARD_ATTAINED = "standard_attained"
    EXEMPLAR = "exemplar"


class UnitKind(StrEnum):
    AGENCY = "agency"
    PARTY = "party"
    GOVERNMENT = "government"
    ADMIN_AREA = "admin_area"
    SCHOOL = "school"
    ENTERPRISE = "enterprise"
    ASSOCIATION = "association"
    ARMED_FORCES = "armed_forces"
    OTHER = "other"


class Grain(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    RANGE = "range"


class _Struct(msgspec.Struct, frozen=True, kw_only=True):
    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)


class Mention(_Struct, frozen=True, kw_only=True):
    """A span of the record's ``text``."""

    group: ClassVar[str] = "mention"
    text: str
    start: int
    end: int


class Period(_Struct, frozen=True, kw_only=True):
    start: str | None = None
    end: str | None = None


class Campaign(Mention, frozen=True, kw_only=True):
    """A named emulation movement: phong trào thi đua “Đồng khởi mới”."""

    group: ClassVar[str] = "campaigns"
    name: str
    kind_: str = msgspec.field(name="kind", default="phong trào thi đua")
    period: Period | None = None
    launched_by: str | None = None
    directive: str | None = None


class Directive(Mention, frozen=True, kw_only=True):
    """A document reference: Chỉ thị số 01-CT/TU ngày 17-10-2020 của Ban Thường vụ Tỉnh ủy."""

    group: ClassVar[str] = "directives"
    type: str
    number: str | None = None
    symbol: str | None = None
    issued: str | None = None
    issuer: str | None = None


class DateMention(Mention, frozen=True, kw_only=True):
    """A calendar expression: "ngày 22/11/2012" → 2012-11-22; ranges keep ``range_end``."""

    group: ClassVar[str] = "dates"
    value: str
    range_end: str | None = None
    grain: Grain = Grain.DAY
    resolved: bool = True


class Unit(Mention, frozen=True, kw_only=True):
    """An organisation or administrative unit: "BHXH tỉnh Bến Tre"."""

    group: ClassVar[str] = "units"
    name: str
    canonical: str
    kind_: UnitKind = msgspec.field(name="kind", default=UnitKind.OTHER)


class Indicator(Mention, frozen=True, kw_only=True):
    """A measured number: "gần 92 ngàn hồ sơ" → 92000.0 hồ sơ, qualifier "gần"."""

    group: ClassVar[str] = "indicators"
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    change: str | None = None
    metric: str | None = None
    denominator: float | None = None


class Achievement(Mention, frozen=True, kw_only=True):
    """One distinct recognised result: "Bệnh viện ... được Chủ tịch nước tặng Huân chương Lao động hạng Ba".

    ``text``/``start``/``end`` is the clause that states it most fully; ``mentions`` every clause
    of the article that states the same achievement (award, type and recipient), this one included.
    """

    group: ClassVar[str] = "achievements"
    type: AchievementType
    award: str | None = None
    recipient: str | None = None
    conferred_by: str | None = None
    year: int | None = None
    mentions: list[Mention] = msgspec.field(default_factory=list)


class Article(_Struct, frozen=True, kw_only=True):
    """A cleaned article with its press metadata, before extraction."""

    id: str
    source: str
    title: str | None = None
    series: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] = msgspec.field(default_factory=list)
    lead: str | None = None
    text: str = ""
    warnings: list[str] = msgspec.field(default_factory=list)


#: Article-level facts the pipeline computes once (``newsmine.facts``), after the article's own fields.
FACTS: list[tuple[str, Any, Any]] = [
    ("province", str | None, None), ("province_2025", str | None, None), ("year", int | None, None),
]


def _mentions(self, kind: str) -> list[Mention]:
    return getattr(self, kind)


def _record_type() -> type[Article]:
    """``Record``: an article, its facts, one list field per declared kind, then ``achievement_types``."""
    from .kinds import kinds

    fields = [*FACTS, *((k.name, list[k.record], msgspec.field(default_factory=list)) for k in kinds().values()),
              ("achievement_types", list[AchievementType], msgspec.field(default_factory=list))]
    return msgspec.defstruct(
        "Record", fields, bases=(Article,), module=__name__, frozen=True, kw_only=True,
        namespace={"__doc__": "An article with everything extracted from it: one line of ``newsmine extract``.",
                   "mentions": _mentions})


def record_type() -> type[Article]:
    """``Record`` is built on first use, from the declared kinds (an installed kind adds its field)."""
    if "Record" not in globals():
        globals()["Record"] = _record_type()
    return globals()["Record"]


def __getattr__(name: str) -> Any:
    if name == "Record":
        return record_type()
    if name == "MENTION_TYPES":
        from .kinds import kinds

        return {k.name: k.record for k in kinds().values()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def article_fields(article: Article) -> dict[str, Any]:
    return {f: getattr(article, f) for f in Article.__struct_fields__}


_ENCODER = msgspec.json.Encoder()


def encode(record: "Record") -> bytes:
    """One JSON line (UTF-8, no trailing newline)."""
    return _ENCODER.encode(record)


def decode(line: bytes | str) -> "Record":
    return msgspec.json.decode(line, type=record_type())


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a record, as ``newsmine schema`` prints it."""
    schema = msgspec.json.schema(record_type())
    schema["title"] = "newsmine record"
    schema["$comment"] = "One JSON object per article; see shared/spec/records.md."
    return schema
