"""Document references: "Chỉ thị số 01-CT/TU", "Nghị quyết 21-NQ/TW", "Luật Thi đua, khen thưởng".

Symbols are normalised by removing spaces ("18/CTT - TTg" → "18/CTT-TTg").
The issue date and issuer are read from the words that follow the reference
("ngày 22/11/2012 của Bộ Chính trị").
"""
from __future__ import annotations

from functools import cache

import regex

from ..document import Document
from ..lang import vi
from ..records import Directive
from ..text import alternation
from . import select

_CODE = r"\p{Lu}\p{Ll}?\p{Lu}[\p{L}0-9&]{0,8}"
_PARTY = (rf"(?P<num>[0-9]{{1,5}})\s{{0,2}}[-–]\s{{0,2}}(?P<code>{_CODE})\s{{0,2}}/\s{{0,2}}(?P<iss>{_CODE})"
          rf"(?:[-–]{_CODE}){{0,2}}")
_STATE = (rf"(?P<num>[0-9]{{1,5}})\s{{0,2}}/\s{{0,2}}(?:(?P<yr>(?:19|20)[0-9]{{2}})\s{{0,2}}/\s{{0,2}})?(?P<code>{_CODE})"
          rf"(?:\s{{0,2}}[-–]\s{{0,2}}{_CODE}){{0,3}}")
_SYMBOL = rf"(?P<sym>{_PARTY}|{_STATE})(?![\p{{L}}0-9/])"
_AFTER_DATE = regex.compile(
    r"\s{0,2},?\s{0,2}(?:ban hành\s+)?(?:ngày|ký ngày)\s+(?P<d>[0-9]{1,2})\s?(?P<s>[/.-]|\s+tháng\s+)\s?"
    r"(?P<m>[0-9]{1,2})\s?(?:(?P=s)|,?\s+năm\s+)\s?(?P<y>[0-9]{4})(?![0-9])",
    regex.IGNORECASE,
)
_ISSUER_START = regex.compile(r"\s{0,2},?\s{0,2}(?:của|do)\s+(?=[\p{Lu}])")
_ISSUER_END = regex.compile(r"[,.;:()“”\"\n]|\s[-–]\s")
_FLAGS = regex.VERSION1


@cache
def _types() -> dict[str, tuple[str, bool]]:
    """Type name → (canonical type, needs a symbol); lower-cased variants included."""
    out: dict[str, tuple[str, bool]] = {}
    for row in vi.rows("doc_types"):
        needs = len(row) > 2 and row[2] == "yes"
        out[row[0]] = (row[0], needs)
    return out


@cache
def _type_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for row in vi.rows("doc_types"):
        for code in row[1].split("|"):
            codes.setdefault(code, row[0])
    return codes


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    names = list(_types())
    capital = alternation(names)
    anycase = alternation(names + [n.lower() for n in names])
    named = alternation([r[0] for r in vi.rows("named_documents")])
    stops = alternation([*vi.column("issuer_stops"), "năm", "của", "mới", "sửa đổi", "hiện hành", "này", "có",
                         "quy", "khi", "thì", "nhưng", "vừa", "sẽ", "đang", "không", "chưa", "cũng"])
    law_word = rf"(?!{stops}(?!\p{{L}}))\p{{Ll}}{{1,7}}"
    return {
        "symbol": regex.compile(
            rf"(?P<all>(?P<type>{anycase})\s{{1,2}}(?:số\s{{0,2}}[:.]?\s{{0,2}})?{_SYMBOL})", _FLAGS),
        "bare_symbol": regex.compile(rf"(?<![\p{{L}}0-9/.-])(?P<all>{_SYMBOL})", _FLAGS),
        "number": regex.compile(
            rf"(?P<all>(?:(?P<type>{capital})\s{{1,2}}(?:số\s{{0,2}})?|(?P<type>{anycase})\s{{1,2}}số\s{{0,2}})"
            rf"(?P<num>[0-9]{{1,5}}))(?![0-9/.,-]|\s{{0,2}}[-–/]\s{{0,2}}\p{{Lu}}|\s+(?:năm|tháng|ngày)\b)", _FLAGS),
        "central": regex.compile(
            r"(?P<all>(?P<type>Nghị quyết|Kết luận)\s+(?:Hội nghị\s+)?(?:lần thứ\s+[0-9IVXL]{1,5}\s+)?"
            r"(?:Ban Chấp hành\s+)?Trung ương(?:\s+Đảng)?\s+(?:lần thứ\s+)?(?P<num>[0-9IVXL]{1,4})"
            r"(?:\s{0,2}\(\s{0,2}khóa\s+[IVXL]{1,6}\s{0,2}\)|\s+khóa\s+[IVXL]{1,6})?)(?![\p{L}0-9])", _FLAGS),
        "congress": regex.compile(
            r"(?P<all>(?P<type>Nghị quyết)\s+Đại hội\s+(?:[\p{L}]+\s+){0,8}?lần thứ\s+[0-9IVXL]{1,6}"
            r"(?:\s+của Đảng|\s+nhiệm kỳ\s+[0-9]{4}\s?[-–]\s?[0-9]{4})?)(?![\p{L}0-9])", _FLAGS),
        "named": regex.compile(rf"(?P<all>{named}(?:\s{{1,2}}số\s{{1,2}}{_SYMBOL})?)(?![\p{{L}}])", _FLAGS),
        "law": regex.compile(
            rf"(?P<all>(?P<type>Luật|Pháp lệnh|Bộ luật)\s(?P<name>\p{{Lu}}\p{{Ll}}{{0,7}}(?:\s{law_word}){{0,6}}"
            rf"(?:,\s{law_word}(?:\s{law_word}){{0,4}})?)"
            rf"(?:\s{{1,2}}(?:số\s{{1,2}})?{_SYMBOL})?)(?![\p{{L}}])", _FLAGS),
    }


def _issuer(text: str, pos: int) -> str | None:
    m = _ISSUER_START.match(text, pos)
    if not m:
        return None
    window = text[m.end(): m.end() + 120]
    cut = _ISSUER_END.search(window)
    words = (window[: cut.start()] if cut else window).split()
    stops = set(vi.column("issuer_stops"))
    kept: list[str] = []
    for i, word in enumerate(words[:16]):
        if word in stops or " ".join(words[i:i + 2]) in stops:
            break
        kept.append(word)
    return " ".join(kept) or None


def _issued(text: str, pos: int) -> tuple[str | None, int]:
    m = _AFTER_DATE.match(text, pos)
    if not m:
        return None, pos
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None, pos
    return f"{y:04d}-{mo:02d}-{d:02d}", m.end()


def _build(m: regex.Match[str], kind: str) -> Directive | None:
    text = m.string
    groups = m.groupdict()
    symbol = "".join(groups["sym"].split()) if groups.get("sym") else None
    code = groups.get("code")
    type_word = groups.get("type")
    if type_word:
        canonical, needs_symbol = _types().get(type_word[:1].upper() + type_word[1:], (type_word, False))
        if needs_symbol and not symbol:
            return None
    elif kind == "named":
        canonical = next(r[1] for r in vi.rows("named_documents") if m["all"].startswith(r[0]))
    else:
        canonical = _type_codes().get(code or "")
        if groups.get("yr"):
            canonical = canonical or ("Luật" if (code or "").startswith("QH") else None)
        if not canonical:
            return None
    num = groups.get("num")
    number = num if kind not in ("central", "congress") and num and num.isdigit() else None
    start, end = m.span("all")
    issued, after = _issued(text, end)
    return Directive(text=text[start:end], start=start, end=end, type=canonical, number=number,
                     symbol=symbol, issued=issued, issuer=_issuer(text, after))


#: Patterns that need no digit, and a word without which they cannot match.
_WORDLY = {"central": ("Trung ương",), "congress": ("Đại hội",), "named": ("Luật", "Hiến pháp", "Điều lệ"),
           "law": ("Luật", "Pháp lệnh")}


@cache
def _needs(kind: str) -> tuple[str, ...]:
    """Lower-case words a digit window must hold for ``kind`` to match in it."""
    if kind == "bare_symbol":
        return ("/",)
    return tuple(sorted({name.lower() for name in _types()}))


def extract(doc: Document) -> list[Directive]:
    candidates: list[Directive] = []
    for kind, pattern in _patterns().items():
        if kind in _WORDLY:
            if not any(word in doc.text for word in _WORDLY[kind]):
                continue
            matches = pattern.finditer(doc.text)
        else:
            matches = doc.finditer(pattern, _needs(kind))
        for m in matches:
            directive = _build(m, kind)
            if directive:
                candidates.append(directive)
    return select(candidates)


# ---- declaration: what the rest of the package knows about this kind
from ..compare import loose  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="directives", record=Directive, extract=extract, label="DIRECTIVE", color="#8ecae6",
    notes={"symbol": "normalised symbol: 01-CT/TU, 18/CT-TTg", "issued": "ISO date of issue"},
    key=lambda p, g: p.get("type") == g.get("type") and (
        loose(p.get("symbol")) == loose(g.get("symbol")) if g.get("symbol")
        else not p.get("symbol") and (p.get("number") or None) == (g.get("number") or None)),
    attributes=("number", "issued", "issuer"), facets=("type", "symbol"),
)
