"""The declarations of the kinds of mention: each kind is declared once, beside its extractor.

A :class:`Kind` says everything the rest of the package needs to know about one
kind: its name (the record field and the table), its record class, its
extractor and the kinds that extractor ``requires``, its spaCy label and
colour, notes on its table columns, its evaluation key and attributes, and the
columns search facets on. The record, the tables (Parquet, CSV, archive),
evaluation, the spaCy component, displaCy colours and datasette's metadata all
loop over :func:`kinds`; none keeps a list of its own.

Built-in kinds are the ``KIND`` of each module in :data:`BUILTIN`; another
installed package adds one through the ``newsmine_kinds`` entry point group
(``name = "package.module:KIND"``), as spaCy finds factories.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, cached_property
from importlib import import_module
from typing import TYPE_CHECKING, Any, Callable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .records import Mention

ENTRY_POINTS = "newsmine_kinds"
#: Modules of ``newsmine.extractors`` declaring a built-in kind, in the record's field order.
BUILTIN: tuple[str, ...] = ("campaigns", "directives", "dates", "units", "indicators", "achievements")
#: Columns every mention table has around the kind's own: its article, then its span.
LEADING, TRAILING = [("article_id", "string")], [("text", "string"), ("start", "int64"), ("end", "int64")]
_ARROW = {str: "string", int: "int64", float: "float64", bool: "bool_"}


def same_text(pred: dict, gold: dict) -> bool:
    return pred.get("text") == gold.get("text")


@dataclass(frozen=True, eq=False)
class Kind:
    """One kind of mention. ``extract(doc)`` may read ``doc.found[k]`` for every ``k`` in ``requires``."""

    name: str
    record: type["Mention"]
    extract: Callable[["Document"], list["Mention"]]
    requires: tuple[str, ...] = ()
    label: str = ""
    color: str = "#dddddd"
    notes: Mapping[str, str] = field(default_factory=dict)
    key: Callable[[dict, dict], bool] = same_text
    #: when entries count once per distinct value (campaigns, directives, units): the value that makes them the same
    distinct: Callable[[dict], str] | None = None
    attributes: tuple[str, ...] = ()
    facets: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name.upper())

    @cached_property
    def children(self) -> list[Child]:
        """The kind's list-of-spans fields (an achievement's ``mentions``), each a table of its own."""
        import msgspec

        out = []
        for f in msgspec.structs.fields(self.record):
            item = typing.get_args(f.type)[0] if typing.get_origin(f.type) is list else None
            if isinstance(item, type) and issubclass(item, msgspec.Struct) and \
                    {"text", "start", "end"} <= set(item.__struct_fields__):
                out.append(Child(f"{self.name.removesuffix('s')}_{f.encode_name}", f.encode_name, item,
                                 f"{self.name.removesuffix('s')}_index"))
        return out

    @cached_property
    def columns(self) -> list[tuple[str, str]]:
        """(column, Arrow type name) of the kind's table: a nested record's fields are flattened
        (``period`` → ``period_start``, ``period_end``), a list is kept as JSON text. A list of spans
        is a child table instead (:attr:`children`): the kind's table keeps the mention's position in
        the article (``achievement_index``) and how many spans the list holds (``n_mentions``)."""
        skip = {"text", "start", "end", *(c.field for c in self.children)}
        key = [(self.children[0].key, "int64")] if self.children else []
        counts = [(f"n_{c.field}", "int64") for c in self.children]
        return [*LEADING, *key, *_columns(self.record, skip=skip), *counts, *TRAILING]

    def tables(self) -> dict[str, list[tuple[str, str]]]:
        """The kind's table and its children's, by name, with their columns."""
        return {self.name: self.columns, **{c.table: c.columns for c in self.children}}

    def row(self, mention: "Mention") -> dict[str, Any]:
        """The table row of ``mention``, without ``article_id`` (nor, for a kind with children, its position)."""
        values = mention.to_dict()
        out = _flatten(values, self.record, skip={c.field for c in self.children})
        out.update({f"n_{c.field}": len(values.get(c.field) or []) for c in self.children})
        return out

    def rows(self, article_id: str, found: list["Mention"]) -> dict[str, list[dict[str, Any]]]:
        """The rows ``found`` (one article's mentions of this kind) add to each of :meth:`tables`."""
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in self.tables()}
        for n, mention in enumerate(found):
            key = {self.children[0].key: n} if self.children else {}
            out[self.name].append({"article_id": article_id, **key, **self.row(mention)})
            for child in self.children:
                out[child.table] += [{"article_id": article_id, **key, **_flatten(span.to_dict(), child.record)}
                                     for span in getattr(mention, child.field)]
        return out

    def spans(self, mention: "Mention") -> list["Mention"]:
        """Where ``mention`` is told: the spans of its children (every clause stating an achievement), else itself."""
        told = [span for child in self.children for span in getattr(mention, child.field)]
        return told or [mention]


@dataclass(frozen=True)
class Child:
    """A list-of-spans field of a kind as a table: ``achievement_mentions`` from ``Achievement.mentions``,
    one row per span, keyed by ``article_id`` and ``key`` (the owner's position in the article's list)."""

    table: str
    field: str
    record: type
    key: str

    @property
    def columns(self) -> list[tuple[str, str]]:
        return [*LEADING, (self.key, "int64"), *_columns(self.record, skip={"text", "start", "end"}), *TRAILING]


def _columns(cls: type, skip: set[str], prefix: str = "") -> list[tuple[str, str]]:
    import msgspec

    out = []
    for f in msgspec.structs.fields(cls):
        if f.encode_name in skip:
            continue
        name, base = prefix + f.encode_name, _base(f.type)
        if isinstance(base, type) and issubclass(base, msgspec.Struct):
            out += _columns(base, set(), prefix=f"{name}_")
        else:
            out.append((name, _arrow(base)))
    return out


def _flatten(values: dict[str, Any], cls: type, prefix: str = "", skip: frozenset[str] | set[str] = frozenset()
             ) -> dict[str, Any]:
    import json

    import msgspec

    out: dict[str, Any] = {}
    for f in msgspec.structs.fields(cls):
        if f.encode_name in skip:
            continue
        value, name, base = values.get(f.encode_name), prefix + f.encode_name, _base(f.type)
        if isinstance(base, type) and issubclass(base, msgspec.Struct):
            out.update(_flatten(value or {}, base, prefix=f"{name}_"))
        elif isinstance(value, (list, dict)):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def _base(tp: Any) -> Any:
    """``X`` of ``X | None``; ``list`` of ``list[X]``."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = args[0] if len(args) == 1 else str
    return typing.get_origin(tp) or tp


def _arrow(tp: Any) -> str:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "string"
    if isinstance(tp, type) and issubclass(tp, bool):
        return "bool_"
    return _ARROW.get(tp, "string")  # lists and dicts are stored as JSON text


@cache
def kinds() -> dict[str, Kind]:
    """Every declared kind by name: the built-in ones in record order, then installed ones by name."""
    from importlib.metadata import entry_points

    found = [import_module(f"newsmine.extractors.{name}").KIND for name in BUILTIN]
    found += [ep.load() for ep in sorted(entry_points(group=ENTRY_POINTS), key=lambda ep: ep.name)]
    out: dict[str, Kind] = {}
    for kind in found:
        if not isinstance(kind, Kind):
            raise TypeError(f"{kind!r} declared as a newsmine kind is not a newsmine.kinds.Kind")
        if kind.name in out:
            raise ValueError(f"two kinds are declared as {kind.name!r}")
        out[kind.name] = kind
    return out


def names() -> tuple[str, ...]:
    return tuple(kinds())
