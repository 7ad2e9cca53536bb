"""Recognised results and honours: "được tặng Bằng khen của UBND tỉnh", "4 xã đạt chuẩn NTM nâng cao".

Cues come from ``achievement_cues.tsv``; a cue preceded in its clause by a
word of proposal, plan or exhortation ("đề nghị", "phấn đấu", "cần") is not an
achievement. The clause that states it becomes the mention's text.
"""
from __future__ import annotations

from functools import cache

import regex

from ..document import Document, overlaps
from ..lang import vi
from ..records import Achievement, AchievementType, Unit
from ..text import alternation
from . import register, select

_CLAUSE_LEFT = regex.compile(r"[.;:!?\n]|,\s(?=(?:và\s)?[\p{Lu}])")
_CLAUSE_RIGHT = regex.compile(r"[.;:!?\n,]")
_OF = regex.compile(r"\s{1,2}(?:của|do)\s{1,2}(?P<by>\p{Lu}[^,.;:()\n]{1,80}?)(?=\s(?:về|vì|đã|do|cho|năm|nhờ)\s|[,.;:()\n]|$)")


@cache
def _cues() -> tuple[regex.Pattern[str], dict[str, AchievementType]]:
    table = {cue: AchievementType(kind) for cue, kind in vi.rows("achievement_cues")}
    parts = []
    for cue in sorted(table, key=len, reverse=True):
        words = [regex.escape(w) for w in cue.split()]
        if words[0] == "vượt" and len(words) > 1:
            parts.append(r"vượt(?:\s[0-9.,]{1,12}\s?%?)?\s" + r"\s".join(words[1:]))
        else:
            parts.append(r"\s".join(words))
    pattern = regex.compile(rf"(?<![\p{{L}}])(?P<cue>{'|'.join(parts)})(?![\p{{L}}])", regex.IGNORECASE)
    return pattern, table


@cache
def _negation() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}]){alternation(vi.column('achievement_negations'))}(?![\p{{L}}])",
                         regex.IGNORECASE)


def _cue_type(cue: str) -> AchievementType:
    _, table = _cues()
    key = " ".join(cue.lower().split())
    if key in table:
        return table[key]
    key = regex.sub(r"^vượt\s[0-9.,]+\s?%?\s", "vượt ", key)
    return table.get(key, AchievementType.TARGET_EXCEEDED)


def _clause(text: str, start: int, end: int, floor: int, ceil: int) -> tuple[int, int]:
    left = floor
    for m in _CLAUSE_LEFT.finditer(text, floor, start):
        left = m.end()
    right_m = _CLAUSE_RIGHT.search(text, end, ceil)
    right = right_m.start() if right_m else ceil
    of = _OF.match(text, end)
    if of and of.end() > right:
        right = of.end()
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def _recipient(units: list[Unit], clause_start: int, cue_start: int, sentence_start: int) -> str | None:
    before = [u for u in units if sentence_start <= u.start and u.end <= cue_start]
    in_clause = [u for u in before if u.start >= clause_start]
    pick = (in_clause or before)
    return pick[0].name if pick else None


@register("achievements")
def extract(doc: Document) -> list[Achievement]:
    text = doc.text
    pattern, _ = _cues()
    found: list[Achievement] = []
    names = doc.taken("campaigns")
    for m in pattern.finditer(text):
        if overlaps(m.start(), m.end(), names):
            continue
        s_start, s_end = doc.sentence_at(m.start())
        c_start, c_end = _clause(text, m.start(), m.end(), s_start, s_end)
        if _negation().search(text, max(s_start, c_start - 30), m.start()):
            continue
        of = _OF.match(text, m.end())
        conferred = of["by"].strip() if of else None
        year = None
        for d in doc.between("dates", s_start, s_end):
            if d.value[:4].isdigit():
                year = int(d.value[:4])
                break
        found.append(Achievement(
            text=text[c_start:c_end], start=c_start, end=c_end, type=_cue_type(m["cue"]),
            recipient=_recipient(doc.between("units", s_start, m.start()), c_start, m.start(), s_start),
            conferred_by=conferred, year=year,
        ))
    # one achievement per cue: clauses may repeat, the cue position keeps them apart
    unique: dict[tuple[int, int, str], Achievement] = {}
    for a in found:
        unique.setdefault((a.start, a.end, a.type), a)
    return sorted(unique.values(), key=lambda a: a.start)
