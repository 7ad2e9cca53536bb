"""Article-level facts, computed once per article by the pipeline: province, province_2025, year.

``year`` is the article's own year: from ``published``; else the latest day- or
month-precise date of the text that is not a range, not unresolved, and not a
target or a vision (a cue of ``lang/vi/target_cues.tsv`` just before it:
"phấn đấu đến ngày...", "tầm nhìn đến..."); else null. Years an article only
remembers or plans never stand for it.
"""
from __future__ import annotations

from functools import cache
from typing import Any, Sequence

import regex

from .document import Document
from .lang import vi
from .records import DateMention

#: How far before a date a target cue is looked for.
CUE_REACH = 24


def facts(doc: Document) -> dict[str, Any]:
    """``{"province", "province_2025", "year", "achievement_types"}`` of a document the pipeline has run over."""
    from .extractors.units import main_province

    province = main_province(doc)
    return {
        "province": province, "province_2025": province_2025(province),
        "year": year(doc.article.published, doc.found.get("dates", []), doc.text),
        "achievement_types": sorted({a.type for a in doc.found.get("achievements", [])}),
    }


@cache
def province_2025(province: str | None) -> str | None:
    """The province of the 34-province map (after the 2025 merger) that holds ``province`` of the 63.

    The mapping is ``vietnamadminunits``' (MIT), which carries both maps; a name it
    does not know stays null.
    """
    if not province:
        return None
    from vietnamadminunits import convert_address

    try:
        return convert_address(province).short_province or None
    except Exception:  # noqa: BLE001 — an unknown name is no reason to fail an article
        return None


@cache
def _target_cue() -> regex.Pattern[str]:
    from .text import alternation

    return regex.compile(rf"(?:{alternation(vi.column('target_cues'))})\W*(?:\w+\W+){{0,3}}$",
                         regex.IGNORECASE)


def year(published: str | None, dates: Sequence[DateMention], text: str) -> int | None:
    if published and published[:4].isdigit():
        return int(published[:4])
    best = None
    for d in dates:
        if d.grain not in ("day", "month") or d.range_end or not d.resolved or not d.value[:4].isdigit():
            continue
        if _target_cue().search(text[max(0, d.start - CUE_REACH):d.start].lower()):
            continue
        best = max(best or 0, int(d.value[:4]))
    return best
