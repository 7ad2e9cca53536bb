"""Article-level facts, computed once per article by the pipeline: province, province_2025, year.

``year`` is the article's own year: from ``published``; else the latest day- or
month-precise date of the text that is not a range, not unresolved, not the
date of a cited document ("Chỉ thị số 05-CT/TW ngày 15/5/2016") and not a target,
a vision or a date something takes effect (a cue of ``lang/vi/target_cues.tsv``
just before it: "phấn đấu đến ngày...", "có hiệu lực từ ngày..."); else null.
When every such day and month is older than a bare year the article speaks of
as its own ("năm 2017, tỉnh ..."), those days are history it tells: null too.
Years an article only remembers or plans never stand for it.
"""
from __future__ import annotations

from functools import cache
from typing import Any

import regex

from .document import Document
from .lang import vi

#: How far before a date a target cue is looked for.
CUE_REACH = 24


def facts(doc: Document) -> dict[str, Any]:
    """``{"province", "province_2025", "year", "achievement_types"}`` of a document the pipeline has run over."""
    from .extractors.units import main_province

    province = main_province(doc)
    return {
        "province": province, "province_2025": province_2025(province),
        "year": year(doc),
        "achievement_types": sorted({a.type for a in doc.found.get("achievements", [])}),
    }


@cache
def province_2025(province: str | None) -> str | None:
    """The province of the 34-province map (after the 2025 merger) that holds ``province`` of the 63.

    The mapping is ``vietnamadminunits``' (MIT), which carries both maps; the name is
    spelled as ``province`` spells it; a name the package does not know stays null.
    """
    if not province:
        return None
    from vietnamadminunits import convert_address

    try:
        unit = convert_address(province)
    except Exception:  # noqa: BLE001 — an unknown name is no reason to fail an article
        return None
    ours = set(vi.column("provinces"))  # spelled as ``province`` is: "Thành phố Hồ Chí Minh"
    return next((n for n in (unit.short_province, unit.province) if n in ours), unit.short_province or None)


@cache
def _target_cue() -> regex.Pattern[str]:
    """A cue a few words before the end of the text: group ``any`` for every grain, ``year`` for years only."""
    from .text import alternation

    cues = {scope: alternation([r[0] for r in vi.rows("target_cues") if r[1:2] == (scope,)])
            for scope in ("any", "year")}
    return regex.compile(rf"(?:(?P<any>{cues['any']})|(?P<year>{cues['year']}))\W+(?:\w+\W+){{0,2}}$",
                         regex.IGNORECASE)


def year(doc: Document) -> int | None:
    published = doc.article.published
    if published and published[:4].isdigit():
        return int(published[:4])
    issued = {d.issued for d in doc.found.get("directives", []) if d.issued}  # dates the article remembers
    latest = floor = None
    for d in doc.found.get("dates", []):
        if d.range_end or not d.resolved or not d.value[:4].isdigit() or d.value in issued:
            continue
        cue = _target_cue().search(doc.text[max(0, d.start - CUE_REACH):d.start])
        if d.grain in ("day", "month") and not (cue and cue["any"]):
            latest = max(latest or 0, int(d.value[:4]))
        elif d.grain == "year" and not cue:
            floor = max(floor or 0, int(d.value[:4]))
    # days and months all older than a year the article speaks of as its own are history it tells
    return None if latest is None or (floor is not None and floor > latest) else latest
