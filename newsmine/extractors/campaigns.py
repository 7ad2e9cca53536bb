"""Named emulation movements: phong trào thi đua “Đồng khởi mới”, cuộc vận động “...”.

A quoted name counts when a campaign word introduces it ("phong trào TĐ",
"cuộc vận động", "chủ đề thi đua năm 2023"), when it repeats a name already
introduced in the article, or when it opens with a drive word (“Tháng hành
động ...”); names listed after the first ("“A”, “B” và “C”") take the same
kind. Some campaign words also introduce an unquoted name, up to the next
punctuation or function word ("phong trào thi đua Quyết thắng năm 2016" →
"Quyết thắng"). Well-known campaigns count unquoted anywhere. Programmes of a
broadcast or a stage show are not drives. The cue words are in lang/vi
(campaign_kinds, campaign_context, campaigns_known).
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

import regex

from .. import candidates
from ..document import Document
from ..lang import vi
from ..records import Campaign, Directive, Period
from ..text import alternation
from . import select

_OPENING_QUOTES = ("“", '"')  # where a quoted name opens
_QUOTED = r"[“\"](?P<name>[^“”\"\n]{3,250})[”\"]"
_YEARS = r"[0-9]{4}(?:\s{0,2}[-–]\s{0,2}[0-9]{4})?"
#: Where an unquoted name ends at the latest: punctuation, a dash between spaces, a digit.
_BARE_END = regex.compile(r"[,.;:!?…()\[\]“”\"\n0-9]|\s[-–—]\s")
_BARE_WORDS = 14


@cache
def _words() -> dict[str, tuple[str, ...]]:
    """The words of campaign_context.tsv by role."""
    out: dict[str, list[str]] = {}
    for word, role in vi.rows("campaign_context"):
        out.setdefault(role, []).append(word)
    return {role: tuple(words) for role, words in out.items()}


def _award_before(text: str, quote_start: int) -> bool:
    """"Huy hiệu “Tuổi trẻ sáng tạo”": a quoted name right after an award or model word."""
    return bool(_patterns()["not_before"].search(text[max(0, quote_start - 30):quote_start]))


def _in_emulation_context(doc: Document) -> bool:
    """Whether the article speaks of emulation work at all (a concert's "chương trình" does not)."""
    def speaks_of_emulation() -> bool:  # one of the words, even inside a longer one
        hits = candidates.of(doc)
        if not hits.as_lowered:  # a letter whose lower case is longer: "word in lowered" by hand
            lowered = doc.text.lower()
            return any(word in lowered for word in _words()["context"])
        return bool(hits.hits("campaign_context"))

    return doc.memo("campaigns.emulation_context", speaks_of_emulation)


def _broadcast(doc: Document) -> tuple[list[tuple[int, int]], dict[str, list[str]]]:
    """Sentences that speak of a broadcast, and what follows "chương trình" in them (keyed by
    its first two words), found in one pass."""
    def find() -> tuple[list[tuple[int, int]], dict[str, list[str]]]:
        pats, spans, named = _patterns(), [], {}
        for m in pats["broadcast"].finditer(doc.text):
            if not spans or m.start() >= spans[-1][1]:
                spans.append(doc.sentence_at(m.start()))
                for p in pats["programme"].finditer(doc.text, *spans[-1]):
                    named.setdefault(_key(p["after"]), []).append(p["after"])
        return spans, named

    return doc.memo("campaigns.broadcast", find)


def _key(name: str) -> str:
    return " ".join(name.lower().split()[:2])


def _is_show(doc: Document, start: int, end: int, name: str, kind: str) -> bool:
    """A "chương trình" or "chủ đề" of a broadcast (told here, or where a broadcast sentence names
    "chương trình <name>"), or the theme of a stage show ("đêm giao lưu nghệ thuật chủ đề “...”")."""
    if kind == "chủ đề" and _patterns()["stage"].search(doc.text, max(0, start - 30), start):
        return True
    spans, named = _broadcast(doc)
    i = bisect_right(spans, (start, len(doc.text))) - 1
    if i >= 0 and spans[i][0] <= start < spans[i][1]:
        return True
    return any(after.startswith(name) for after in named.get(_key(name), ()))


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    rows = vi.rows("campaign_kinds")
    words = _words()
    kinds = alternation([r[0] for r in rows])

    def bare(how: str) -> str:
        return alternation([f for r in rows if r[2:3] == (how,) for f in (r[0], r[0][:1].upper() + r[0][1:])])

    qualifier = (rf"(?:\s{{0,2}}\({alternation(words['qualifier'])}\)|\s{{1,2}}{alternation(words['qualifier'])}"
                 rf"|\s{{1,2}}{alternation(words['year_qualifier'])}\s{{1,2}}{_YEARS}){{0,3}}")
    opener = rf"(?i:{alternation(words['opener'])})(?![\p{{L}}])"
    drive = rf"{alternation(words['drive'])}\s(?!{alternation(words['holiday'])}(?![\p{{L}}]))"
    known = alternation([r[0] for r in vi.rows("campaigns_known")])
    return {
        "introduced": regex.compile(
            rf"(?<![\p{{L}}])(?P<kind>{kinds}){qualifier}\s{{0,2}}(?::\s{{0,2}})?(?P<q>{_QUOTED})",
            regex.IGNORECASE),
        # cue words matched as written, so that "phong trào Thi đua Quyết thắng" keeps "Thi đua"
        "bare": regex.compile(
            rf"(?<![\p{{L}}])(?:(?P<kind>{bare('any')})\s{{1,2}}(?P<start>{opener}|\p{{Lu}})"
            rf"|(?P<kind>{bare('opener')})\s{{1,2}}(?P<start>{opener})"
            rf"|(?P<kind>{bare('drive')})\s{{1,2}}(?P<start>{drive}))"),
        "stop": regex.compile(
            rf"\s(?:{alternation(words['stop'])}|{kinds})(?![\p{{L}}])", regex.IGNORECASE),
        "plural": regex.compile(rf"(?<![\p{{L}}]){alternation(words['plural'])}\s{{1,2}}$", regex.IGNORECASE),
        "drive": regex.compile(rf"^{drive}"),
        "drive_verb": regex.compile(rf"(?<![\p{{L}}]){alternation(words['drive_verb'])}(?![\p{{L}}])",
                                    regex.IGNORECASE),
        "next": regex.compile(rf"\s{{0,2}}(?:,|;|{alternation(words['joiner'])})\s{{0,2}}(?P<q>{_QUOTED})"),
        "next_bare": regex.compile(rf",\s{{1,2}}(?={drive})"),
        "quoted": regex.compile(rf"(?P<q>{_QUOTED})"),
        "known": regex.compile(rf"(?<![\p{{L}}])(?P<name>{known})(?![\p{{L}}])", regex.IGNORECASE),
        "not_before": regex.compile(
            rf"(?<!\p{{L}}){alternation(words['not_before'])}\s{{1,2}}$", regex.IGNORECASE),
        # as written: "truyền hình" is a broadcast, "Đài Truyền hình" a unit
        "broadcast": regex.compile(rf"(?<!\p{{L}}){alternation(words['broadcast'])}(?!\p{{L}})"),
        "programme": regex.compile(r"(?i:chương trình)\s{1,2}[“\"]?(?P<after>[^“”\"\n]{1,80})"),
        "stage": regex.compile(rf"(?<!\p{{L}}){alternation(words['stage'])}(?!\p{{L}})", regex.IGNORECASE),
        "launched": regex.compile(
            rf"(?<!\p{{L}}){alternation(words['by'])}\s+(?P<by>\p{{Lu}}[^,.;:()“”\"]{{2,60}}?)\s+"
            rf"{alternation(words['launch'])}"),
    }


def _kind(word: str) -> str:
    kinds = {k.lower(): v for k, v in vi.mapping("campaign_kinds").items()}
    return kinds.get(word.lower(), word.lower())


def _bare_end(text: str, start: int) -> int | None:
    """Where an unquoted name starting at ``start`` ends, or None when it has no clear end."""
    window = text[start:start + 200]
    cut = _BARE_END.search(window)
    if cut is None:
        return None
    stop = _patterns()["stop"].search(window, 0, cut.start())
    end = (stop or cut).start()
    name = window[:end].rstrip()
    if not 2 <= len(name.split()) <= _BARE_WORDS:
        return None
    return start + len(name)


def _context(doc: Document, start: int, end: int, name: str, kind: str) -> Campaign:
    s_start, s_end = doc.sentence_at(start)
    period = None
    for d in doc.between("dates", end, min(end + 41, s_end)):
        if d.range_end:
            period = Period(start=d.value[:4], end=d.range_end[:4])
            break
    sentence = doc.text[s_start:s_end]
    launched = _patterns()["launched"].search(sentence)
    directive: Directive | None = None
    for d in doc.between("directives", max(s_start, start - 400), start):
        if start - d.end < 300:
            directive = d
    launched_by = launched["by"].strip() if launched else None
    if (launched_by is None and directive is not None
            and any(word in doc.text[directive.end:start] for word in _words()["launch"])):
        launched_by = directive.issuer
    return Campaign(text=doc.text[start:end], start=start, end=end, name=name.strip(), kind_=kind,
                    period=period, launched_by=launched_by,
                    directive=directive.symbol if directive else None)


def _bare(doc: Document) -> list[Campaign]:
    """Unquoted names right after a campaign word, and drives listed after them."""
    text, pats, found = doc.text, _patterns(), []
    for m in candidates.scan(pats["bare"], text, candidates.of(doc).starts("campaign_kinds")):
        if pats["plural"].search(text, max(0, m.start() - 10), m.start()):
            continue
        kind, start = _kind(m["kind"]), m.start("start")
        while (end := _bare_end(text, start)) is not None:
            if not (kind == "chương trình" and _is_show(doc, m.start(), end, text[start:end], kind)):
                found.append(_context(doc, start, end, text[start:end], kind))
            nxt = pats["next_bare"].match(text, end)
            if nxt is None:
                break
            start = nxt.end()
    return found


def extract(doc: Document) -> list[Campaign]:
    text = doc.text
    pats = _patterns()
    context = _in_emulation_context(doc)
    names: dict[str, str] = {}
    found = _introduced(doc, names, context)
    if context:
        found += _bare(doc)
    known = _known()
    for m in candidates.scan(pats["known"], text, candidates.of(doc).starts("campaigns_known")):
        found.append(_context(doc, m.start(), m.end(), m["name"], known[m["name"].lower()]))
    for m in candidates.scan(pats["quoted"], text, candidates.of(doc).starts("quotes")):
        name = m["name"].strip()
        kind = names.get(name) or known.get(name.lower())
        if kind is None and context and _is_drive(text, m.start(), name):
            kind = "chương trình"
        if kind and not _award_before(text, m.start()):
            found.append(_context(doc, *m.span("q"), name, kind))
    return select(found)


def _is_drive(text: str, quote_start: int, name: str) -> bool:
    """“Tháng hành động ...” right after "hưởng ứng", "phát động"...: a drive without a campaign word."""
    pats = _patterns()
    return (len(name.split()) <= _BARE_WORDS and bool(pats["drive"].match(name))
            and bool(pats["drive_verb"].search(text, max(0, quote_start - 30), quote_start)))


def kind_words() -> list[str]:
    """The campaign words of campaign_kinds.tsv: where "introduced" and "bare" names start."""
    return [r[0] for r in vi.rows("campaign_kinds")]


def quote_marks() -> list[str]:
    return list(_OPENING_QUOTES)


def context_words() -> list[str]:
    """The words that make an article speak of emulation work (``campaign_context.tsv``)."""
    return list(_words()["context"])


def known_words() -> list[str]:
    return [r[0] for r in vi.rows("campaigns_known")]


@cache
def _known() -> dict[str, str]:
    return {r[0].lower(): r[1] for r in vi.rows("campaigns_known")}


def _introduced(doc: Document, names: dict[str, str], context: bool) -> list[Campaign]:
    """Quoted names after a campaign word, and the names listed after them. "phong trào",
    "chương trình" and "chủ đề" count only in an article about emulation work."""
    text, pats, found = doc.text, _patterns(), []
    for m in candidates.scan(pats["introduced"], text, candidates.of(doc).starts("campaign_kinds")):
        kind = _kind(m["kind"])
        if kind in ("phong trào", "chương trình", "chủ đề") and not context:
            continue
        if kind in ("chương trình", "chủ đề") and _is_show(doc, m.start(), m.end(), m["name"], kind):
            continue
        found.append(_context(doc, *m.span("q"), m["name"], kind))
        names.setdefault(m["name"].strip(), kind)
        pos = m.end()
        while nxt := pats["next"].match(text, pos):
            found.append(_context(doc, *nxt.span("q"), nxt["name"], kind))
            names.setdefault(nxt["name"].strip(), kind)
            pos = nxt.end()
    return found


# ---- declaration: what the rest of the package knows about this kind
from .. import compare  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="campaigns", record=Campaign, extract=extract, requires=("dates", "directives"),
    label="CAMPAIGN", color="#f4a261",
    notes={"name": "the campaign's name, without quotes", "kind": "phong trào thi đua, cuộc vận động...",
           "directive": "symbol of the directive it implements"},
    key=compare.campaign_match, distinct=compare.name_key,
    attributes=("kind", "period", "launched_by", "directive"), facets=("name", "kind"),
)
