"""Named emulation movements: phong trào thi đua “Đồng khởi mới”, cuộc vận động “...”.

A quoted name counts when a campaign word introduces it ("phong trào TĐ",
"cuộc vận động", "chủ đề"), or when it repeats a name already introduced in
the article; names listed after the first ("“A”, “B” và “C”") take the
same kind. Well-known campaigns also count unquoted.
"""
from __future__ import annotations

from functools import cache

import regex

from ..document import Document
from ..lang import vi
from ..records import Campaign, Directive, Period
from ..text import alternation
from . import select

_QUOTED = r"[“\"](?P<name>[^“”\"\n]{3,250})[”\"]"
_LAUNCHED = regex.compile(r"do\s+(?P<by>\p{Lu}[^,.;:()“”\"]{2,60}?)\s+phát động")


@cache
def _context_words() -> tuple[regex.Pattern[str], tuple[str, ...]]:
    rows = vi.rows("campaign_context")
    not_before = alternation([w for w, role in rows if role == "not_before"])
    return (regex.compile(rf"(?<!\p{{L}}){not_before}\s{{1,2}}$", regex.IGNORECASE),
            tuple(w for w, role in rows if role == "context"))


def _award_before(text: str, quote_start: int) -> bool:
    """"Huy hiệu “Tuổi trẻ sáng tạo”": a quoted name right after an award or model word."""
    return bool(_context_words()[0].search(text[max(0, quote_start - 30):quote_start]))


def _in_emulation_context(doc: Document) -> bool:
    """Whether the article speaks of emulation work at all (a concert's "chương trình" does not)."""
    cache = doc.__dict__.setdefault("_emulation_context", {})
    if "yes" not in cache:
        lowered = doc.text.lower()
        cache["yes"] = any(word in lowered for word in _context_words()[1])
    return cache["yes"]


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    kinds = alternation(list(vi.mapping("campaign_kinds")))
    known = alternation([r[0] for r in vi.rows("campaigns_known")])
    return {
        "introduced": regex.compile(
            rf"(?<![\p{{L}}])(?P<kind>{kinds})(?:\s{{0,2}}\((?:TĐ|thi đua)\))?\s{{0,2}}(?::\s{{0,2}})?(?P<q>{_QUOTED})",
            regex.IGNORECASE),
        "next": regex.compile(rf"\s{{0,2}}(?:,|;|và|cùng)\s{{0,2}}(?P<q>{_QUOTED})"),
        "quoted": regex.compile(rf"(?P<q>{_QUOTED})"),
        "known": regex.compile(rf"(?<![\p{{L}}])(?P<name>{known})(?![\p{{L}}])", regex.IGNORECASE),
    }


def _kind(word: str) -> str:
    kinds = {k.lower(): v for k, v in vi.mapping("campaign_kinds").items()}
    return kinds.get(word.lower(), word.lower())


def _context(doc: Document, start: int, end: int, name: str, kind: str) -> Campaign:
    s_start, s_end = doc.sentence_at(start)
    period = None
    for d in doc.between("dates", end, min(end + 41, s_end)):
        if d.range_end:
            period = Period(start=d.value[:4], end=d.range_end[:4])
            break
    sentence = doc.text[s_start:s_end]
    launched = _LAUNCHED.search(sentence)
    directive: Directive | None = None
    for d in doc.between("directives", max(s_start, start - 400), start):
        if start - d.end < 300:
            directive = d
    launched_by = launched["by"].strip() if launched else None
    if launched_by is None and directive is not None and "phát động" in doc.text[directive.end:start]:
        launched_by = directive.issuer
    return Campaign(text=doc.text[start:end], start=start, end=end, name=name.strip(), kind_=kind,
                    period=period, launched_by=launched_by,
                    directive=directive.symbol if directive else None)


def extract(doc: Document) -> list[Campaign]:
    text = doc.text
    pats = _patterns()
    found: list[Campaign] = []
    names: dict[str, str] = {}
    for m in pats["introduced"].finditer(text):
        kind = _kind(m["kind"])
        if kind in ("phong trào", "chương trình", "chủ đề") and not _in_emulation_context(doc):
            continue
        found.append(_context(doc, *m.span("q"), m["name"], kind))
        names.setdefault(m["name"].strip(), kind)
        pos = m.end()
        while nxt := pats["next"].match(text, pos):
            found.append(_context(doc, *nxt.span("q"), nxt["name"], kind))
            names.setdefault(nxt["name"].strip(), kind)
            pos = nxt.end()
    known = {r[0].lower(): r[1] for r in vi.rows("campaigns_known")}
    for m in pats["known"].finditer(text):
        found.append(_context(doc, m.start(), m.end(), m["name"], known[m["name"].lower()]))
    for m in pats["quoted"].finditer(text):
        name = m["name"].strip()
        kind = names.get(name) or known.get(name.lower())
        if kind and not _award_before(text, m.start()):
            found.append(_context(doc, *m.span("q"), name, kind))
    return select(found)


# ---- declaration: what the rest of the package knows about this kind
from ..compare import loose  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="campaigns", record=Campaign, extract=extract, requires=("dates", "directives"),
    label="CAMPAIGN", color="#f4a261",
    notes={"name": "the campaign's name, without quotes", "kind": "phong trào thi đua, cuộc vận động...",
           "directive": "symbol of the directive it implements"},
    key=lambda p, g: loose(p.get("name")) == loose(g.get("name")),
    attributes=("kind", "period", "launched_by", "directive"), facets=("name", "kind"),
)
