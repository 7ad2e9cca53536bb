"""A kind of mention from outside newsmine: e-mail addresses, with the unit named just before each.

Installed (``pip install tests/plugin``, or this folder on ``sys.path`` with its
``.dist-info``), it is found through the ``newsmine_kinds`` entry point: the
pipeline runs it after ``units``, which it requires, and its mentions reach the
JSONL record, the tables and the archive as ``emails``.
"""
from __future__ import annotations

import regex

from newsmine.kinds import Kind
from newsmine.records import Mention

_ADDRESS = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class Email(Mention, frozen=True, kw_only=True):
    domain: str
    labels: list[str]          # a nested list: stored as JSON text in the tables
    unit: str | None = None    # the canonical name of the last unit before it


def extract(doc) -> list[Email]:
    out = []
    for m in _ADDRESS.finditer(doc.text):
        before = doc.between("units", 0, m.start())
        domain = m.group().rsplit("@", 1)[1]
        out.append(Email(text=m.group(), start=m.start(), end=m.end(), domain=domain, labels=domain.split("."),
                         unit=before[-1].canonical if before else None))
    return out


KIND = Kind(name="emails", record=Email, extract=extract, requires=("units",), color="#90be6d",
            notes={"domain": "the part after @"}, facets=("domain",))
