"""Recognised results and honours: "được tặng Bằng khen của UBND tỉnh", "4 xã đạt chuẩn NTM nâng cao".

Cues come from ``achievement_cues.tsv``; a cue preceded in its clause by a
word of proposal, plan or exhortation ("đề nghị", "phấn đấu", "cần") is not an
achievement. The clause that states it becomes the mention's text.
"""
from __future__ import annotations

from functools import cache

import regex

from .. import classify
from ..classify import Candidate
from ..document import Document, overlaps
from ..lang import vi
from ..records import Achievement, AchievementType
from ..text import alternation

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
    floor, ceil = max(floor, start - 400), min(ceil, end + 400)
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


@cache
def _parties() -> dict[str, regex.Pattern[str]]:
    rows = vi.rows("conferral_verbs")
    verbs = {role: alternation([w for w, r in rows if r == role]) for role in ("confer", "receive", "aux")}
    return {
        "passive": regex.compile(
            rf"^(?P<r>\S.{{0,80}}?)\s+(?:{verbs['aux']}\s+){{0,3}}(?:{verbs['receive']})(?!\p{{L}})"
            rf"(?:\s+(?P<by>\p{{Lu}}.{{0,80}}?)\s+(?:{verbs['confer']})(?!\p{{L}}))?"),
        "active": regex.compile(
            rf"^(?P<by>\p{{Lu}}.{{0,80}}?)\s+(?:{verbs['aux']}\s+){{0,3}}(?:{verbs['confer']})(?!\p{{L}})"),
        "for": regex.compile(r"^[^.;:]{0,120}?\scho\s+(?P<r>[^,.;:()]{2,80}?)(?=\s(?:vì|đã|có|về|do|nhờ|trong)\s|[,.;:()]|$)"),
    }


def _parties_of(text: str, clause_start: int, cue_start: int, cue_end: int, clause_end: int,
                ) -> tuple[str | None, str | None]:
    """(recipient, conferred_by) read from the clause: "X được Y tặng <cue>", "Y tặng <cue> cho X",
    "<cue> của Y"."""
    left = text[clause_start:cue_start]
    pats = _parties()
    recipient = conferred = None
    if (m := pats["passive"].match(left)) is not None:
        recipient, conferred = m["r"], m["by"]
    elif (m := pats["active"].match(left)) is not None:
        conferred = m["by"]
        if (f := pats["for"].match(text[cue_end:clause_end + 120])) is not None:
            recipient = f["r"]
    if (of := _OF.match(text, cue_end)) is not None:
        conferred = of["by"]
    clean = lambda s: s.strip(" ,;:") or None if s else None  # noqa: E731
    return clean(recipient), clean(conferred)


def candidates(doc: Document) -> list[Candidate]:
    """Every cue outside campaign names, with its sentence: what the classifier judges."""
    pattern, _ = _cues()
    names = doc.taken("campaigns")
    out = []
    for m in pattern.finditer(doc.text):
        if overlaps(m.start(), m.end(), names):
            continue
        s_start, s_end = doc.sentence_at(m.start())
        out.append(Candidate(m["cue"], m.start(), m.end(), s_start, s_end))
    return out


def _judge(doc: Document, c: Candidate) -> AchievementType | None:
    """The type the classifier gives, None for "not an achievement"; without a model, the cue's
    type unless a negation precedes it in the clause."""
    model = classify.current()
    if model is not None:
        label, _ = model.predict(classify.features(doc.text, doc.article.title, c))
        return None if label == classify.NONE else AchievementType(label)
    c_start, _ = _clause(doc.text, c.start, c.end, c.sentence_start, c.sentence_end)
    if _negation().search(doc.text, max(c.sentence_start, c_start - 30), c.start):
        return None
    return _cue_type(c.cue)


def extract(doc: Document) -> list[Achievement]:
    text = doc.text
    found: list[Achievement] = []
    for c in candidates(doc):
        kind = _judge(doc, c)
        if kind is None:
            continue
        c_start, c_end = _clause(text, c.start, c.end, c.sentence_start, c.sentence_end)
        recipient, conferred = _parties_of(text, c_start, c.start, c.end, c.sentence_end)
        year = None
        for d in doc.between("dates", c.sentence_start, c.sentence_end):
            if d.value[:4].isdigit():
                year = int(d.value[:4])
                break
        found.append(Achievement(
            text=text[c_start:c_end], start=c_start, end=c_end, type=kind,
            recipient=recipient, conferred_by=conferred, year=year,
        ))
    # one achievement per clause and type: two cues of one honour ("danh hiệu Thầy thuốc ưu tú") are one
    unique: dict[tuple[int, int, str], Achievement] = {}
    for a in found:
        unique.setdefault((a.start, a.end, a.type), a)
    return sorted(unique.values(), key=lambda a: a.start)


# ---- declaration: what the rest of the package knows about this kind
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="achievements", record=Achievement, extract=extract, requires=("campaigns", "dates"),
    label="ACHIEVEMENT", color="#ef476f",
    notes={"type": "emulation_title, order_medal, merit_certificate, task_rating...",
           "text": "the clause that states it"},
    key=lambda p, g: p.get("type") == g.get("type"),
    attributes=("recipient", "conferred_by", "year"), facets=("type", "year"),
)
