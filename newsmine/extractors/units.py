"""Organisations and administrative units: "BHXH tỉnh Bến Tre", "Ban Thường vụ Tỉnh ủy", "huyện Chợ Lách".

A name is a head from ``unit_heads.tsv`` followed by its field (capitalised
words, abbreviations like "GD-ĐT") and a place ("tỉnh Bến Tre", "Việt Nam").
``canonical`` expands abbreviations and completes a bare level ("UBND tỉnh")
with the province the article is about, when one province dominates it.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from ..document import Document, overlaps
from ..lang import vi
from ..records import Unit, UnitKind
from ..text import alternation
from . import register, select

_CAP = r"\p{Lu}[\p{Ll}]{0,7}"
_ABBR = r"\p{Lu}{1,6}(?:[-&]\p{Lu}{1,6}){0,3}"
_FIELD_WORD = rf"(?!Việt Nam)(?:{_ABBR}(?![\p{{Ll}}])|{_CAP}(?:\s\p{{Ll}}{{1,7}})?(?!\s\p{{Ll}}{{1,7}}\s\p{{Ll}}))"
_PLACE_NAME = r"\p{Lu}[\p{Ll}0-9]{0,7}(?:\s(?:\p{Lu}[\p{Ll}]{0,7}|[0-9]{1,2})){0,4}"


@cache
def _data() -> dict[str, object]:
    heads = {}
    for row in vi.rows("unit_heads"):
        heads[row[0]] = (UnitKind(row[1]), len(row) > 2 and row[2] == "yes")
    levels = vi.mapping("admin_levels")
    provinces: dict[str, str] = {}
    for row in vi.rows("provinces"):
        provinces[row[0]] = row[0]
        for alias in (row[4].split("|") if len(row) > 4 and row[4] else []):
            provinces[alias] = row[0]
    return {"heads": heads, "levels": levels, "provinces": provinces,
            "abbr": vi.mapping("abbreviations")}


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    data = _data()
    heads = alternation(list(data["heads"]))
    levels = alternation(list(data["levels"]))
    levels_any = alternation([w for lv in data["levels"] for w in (lv, lv[:1].upper() + lv[1:])])
    place = rf"(?:\s(?:{levels})(?:\s{_PLACE_NAME})?|\sViệt Nam)"
    field = rf"(?:\s{_FIELD_WORD}(?:(?:\s(?:và|&)|,|\s[-–])\s{_FIELD_WORD}){{0,3}})?"
    return {
        "org": regex.compile(rf"(?<![\p{{L}}])(?P<head>{heads})(?P<field>{field})(?P<place>{place})?(?![\p{{L}}])"),
        "area": regex.compile(rf"(?<![\p{{L}}])(?P<level>{levels_any})\s(?P<name>{_PLACE_NAME})(?![\p{{L}}])"),
        "province": regex.compile(rf"(?<![\p{{L}}])(?P<name>{alternation(list(data['provinces']))})(?![\p{{L}}])"),
    }


def main_province(text: str) -> str | None:
    """The province an article is about: the most cited one, if it is cited more than any other."""
    counts = Counter(_data()["provinces"][m["name"]] for m in _patterns()["province"].finditer(text))
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def canonical(name: str, province: str | None) -> str:
    """"BHXH tỉnh" → "Bảo hiểm xã hội tỉnh Bến Tre" (abbreviations expanded, bare level completed)."""
    abbr = _data()["abbr"]
    words = [abbr.get(w, w) for w in name.split(" ")]
    out = " ".join(words)
    for composite, full in abbr.items():
        if " " in composite and composite in out:
            out = out.replace(composite, full)
    if province:
        if out.endswith(" tỉnh") or out.endswith(" thành phố"):
            out = f"{out} {province}"
        elif out in ("Tỉnh ủy", "Thành ủy"):
            out = f"{out} {province}"
    return out


def _kind(head: str) -> UnitKind:
    return _data()["heads"][head][0]


@register("units")
def extract(doc: Document) -> list[Unit]:
    text = doc.text
    data = _data()
    province = main_province(text)
    inside_names = doc.taken("campaigns")
    found: list[Unit] = []
    for m in _patterns()["org"].finditer(text):
        head, full = m["head"], data["heads"][m["head"]][1]
        if not (full or m["field"] or m["place"]):
            continue
        if m["place"] and not m["field"] and not full and m["place"].strip() in data["levels"] and head in ("Ban", "Phòng", "Văn phòng", "Trung tâm", "Hội", "Đoàn"):
            continue
        name = m.group(0)
        found.append(Unit(text=name, start=m.start(), end=m.end(), name=name,
                          canonical=canonical(name, province), kind_=_kind(head)))
    for m in _patterns()["area"].finditer(text):
        name = m.group(0)
        found.append(Unit(text=name, start=m.start(), end=m.end(), name=name,
                          canonical=canonical(name, None), kind_=UnitKind.ADMIN_AREA))
    for m in _patterns()["province"].finditer(text):
        found.append(Unit(text=m["name"], start=m.start(), end=m.end(), name=m["name"],
                          canonical=data["provinces"][m["name"]], kind_=UnitKind.ADMIN_AREA))
    return select([u for u in found if not overlaps(u.start, u.end, inside_names)])
