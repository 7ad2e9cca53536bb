"""Document references: "Chỉ thị số 01-CT/TU", "Nghị quyết 21-NQ/TW", "Luật Thi đua, khen thưởng".

Symbols are normalised by removing spaces ("18/CTT - TTg" → "18/CTT-TTg").
The issue date and issuer are read from the words that follow the reference
("ngày 22/11/2012 của Bộ Chính trị").

References with a number are searched in the digit windows only. References
by name ("Luật HTX", "Nghị quyết Trung ương 4 (khóa XII)", "Đề án nâng cao
chất lượng ...") start at a word of one alternation built from the data files
(document types, named documents); each pattern is then tried at that place.
"""
from __future__ import annotations

from functools import cache

import msgspec
import regex

from ..candidates import of as candidates_of, scan
from ..document import Document
from ..lang import vi
from ..records import Directive
from ..text import alternation
from . import select

_CODE = r"\p{Lu}\p{Ll}?\p{Lu}[\p{L}0-9&]{0,8}"
#: A code with a department in parentheses, as police and ministries write it: "CAT(PV11)".
_PART = rf"{_CODE}(?:\s{{0,2}}\(\s{{0,2}}{_CODE}\s{{0,2}}\))?"
_PARTY = (rf"(?P<num>[0-9]{{1,5}})\s{{0,2}}[-–]\s{{0,2}}(?P<code>{_CODE})\s{{0,2}}/\s{{0,2}}(?P<iss>{_PART})"
          rf"(?:[-–]{_PART}){{0,2}}")
_STATE = (rf"(?P<num>[0-9]{{1,5}})\s{{0,2}}/\s{{0,2}}(?:(?P<yr>(?:19|20)[0-9]{{2}})\s{{0,2}}/\s{{0,2}})?"
          rf"(?P<code>{_CODE})(?:\s{{0,2}}\(\s{{0,2}}{_CODE}\s{{0,2}}\))?"
          rf"(?:\s{{0,2}}[-–/]\s{{0,2}}(?P<iss>{_PART})){{0,3}}")
_SYMBOL = rf"(?P<sym>{_PARTY}|{_STATE})(?![\p{{L}}0-9/])"
_SYMBOL_SEPARATORS = frozenset("-–/")  # after a symbol's number
_YEAR = r"(?:\s{1,2}(?:năm\s{1,2})?(?:19|20)[0-9]{2}(?![0-9]|[/.,-][0-9]))?"
_ROMAN = r"[IVXL]{1,6}"
_TERM = r"(?:\s{0,2},?\s{0,2}\(\s{0,2}[Kk]h(?:óa|oá)\s+[IVXL]{1,6}\s{0,2}\)|\s{0,2},?\s{1,2}[Kk]h(?:óa|oá)\s+[IVXL]{1,6})?"
_AFTER_DATE = regex.compile(
    r"\s{0,2},?\s{0,2}(?:ban hành\s+)?(?:ngày|ký ngày)\s+(?P<d>[0-9]{1,2})\s?(?P<s>[/.-]|\s+tháng\s+)\s?"
    r"(?P<m>[0-9]{1,2})\s?(?:(?P=s)|,?\s+năm\s+)\s?(?P<y>[0-9]{4})(?![0-9])",
    regex.IGNORECASE,
)
_ISSUER_START = regex.compile(r"\s{0,2},?\s{0,2}(?:của|do)\s+(?=[\p{Lu}])")
_ISSUER_END = regex.compile(r"[,.;:()“”\"\n]|\s[-–]\s")
#: A title ends at strong punctuation (a dot only before a space: "TP.HCM" stays whole).
_TITLE_END = regex.compile(r"[;:!?()\[\]“”\"\n…]|\.(?:[\s/]|$)")
_WORD = regex.compile(r"\S+")
_FLAGS = regex.VERSION1


@cache
def _types() -> dict[str, tuple[str, bool]]:
    """Type name (as capitalised) → (canonical type, needs a symbol), for types written with a number."""
    return {r[0]: (r[0], len(r) > 2 and r[2] == "yes") for r in vi.rows("doc_types") if len(r) > 1 and r[1]}


def type_words() -> list[str]:
    """The types written with a number (see :mod:`newsmine.candidates`)."""
    return list(_types())


@cache
def _titled() -> frozenset[str]:
    """Types whose capitalised word followed by a descriptive name is a reference ("Đề án ...")."""
    return frozenset(r[0] for r in vi.rows("doc_types") if len(r) > 3 and r[3] == "yes")


@cache
def _type_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for row in vi.rows("doc_types"):
        for code in (row[1].split("|") if len(row) > 1 and row[1] else ()):
            codes.setdefault(code, row[0])
    return codes


@cache
def _stops(where: str) -> frozenset[str]:
    return frozenset(r[0] for r in vi.rows("name_stops") if len(r) > 1 and r[1] in (where, "both"))


def _flexible(name: str) -> str:
    """A literal name as a pattern: any spacing, optional commas and dashes between words."""
    words = regex.split(r"\s*[,–-]\s*|\s+", name)
    return r"\s{0,2}[,–-]?\s{1,2}".join(regex.escape(w) for w in words if w)


@cache
def _named() -> tuple[dict[str, str], str, str]:
    """(lower-cased name → type, longest first; pattern of law names after their type word; of other names)."""
    kinds: dict[str, str] = {}
    laws, others = [], []
    for name, kind in (r[:2] for r in vi.rows("named_documents") if len(r) > 1):
        for variant in {name, vi.tone_variant(name)}:
            kinds[variant.lower()] = kind
        head = next((h for h in ("Bộ luật ", "Luật ", "Pháp lệnh ") if name.startswith(h)), None)
        if head:
            laws += [name[len(head):], vi.tone_variant(name[len(head):])]
        else:
            others.append(name)
    kinds = {name: kinds[name] for name in vi.longest_first(list(kinds))}  # longest first, for prefixes
    laws = [_flexible(n) for n in vi.longest_first(laws)]
    others = [_flexible(n) for n in vi.longest_first(others)]
    return kinds, "(?:" + "|".join(laws or ["(?!)"]) + ")", "(?:" + "|".join(others or ["(?!)"]) + ")"


def _ordinal(word: str) -> str | None:
    """The number of "4", "IV" or "tư" ("lần thứ tư")."""
    if word.isdigit():
        return str(int(word))
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    if word and all(c in values for c in word):
        total = 0
        for i, c in enumerate(word):
            v = values[c]
            total += -v if i + 1 < len(word) and values[word[i + 1]] > v else v
        return str(total)
    return vi.mapping("ordinals").get(word.lower())


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    names = list(_types())
    capital = alternation(names)
    anycase = alternation(names + [n.lower() for n in names])
    _, law_names, other_names = _named()
    law_stops = alternation(list(_stops("law")))
    ordinal = rf"(?:[0-9]{{1,2}}|{_ROMAN}|{alternation(list(vi.column('ordinals')))})(?![\p{{L}}0-9])"
    low = rf"(?!{law_stops}(?![\p{{L}}]))\p{{Ll}}{{1,7}}"
    cap = r"\p{Lu}[\p{L}]{0,9}"
    law_head = r"(?P<type>Luật|Bộ luật|bộ luật|Pháp lệnh)\s{1,2}"
    amend = (r"(?:(?i:sửa\s{1,2}đổi,?\s{1,2}bổ\s{1,2}sung\s{1,2}(?:một\s{1,2}số\s{1,2}điều\s{1,2})?"
             r"(?:của\s{1,2})?(?:các\s{1,2})?)(?:Luật|Bộ luật|bộ luật|Pháp lệnh)\s{1,2})?")
    number_tail = r"(?!,[0-9]|[0-9/.-]|\s{0,2}[-–/]\s{0,2}\p{Lu}|\s+(?:năm|tháng|ngày)\b)"
    return {
        "symbol": regex.compile(
            rf"(?P<all>(?P<type>{anycase})(?:\s{{1,2}}liên tịch)?\s{{1,2}}(?:số\s{{0,2}}[:.]?\s{{0,2}})?{_SYMBOL})",
            _FLAGS),
        "bare_symbol": regex.compile(rf"(?<![\p{{L}}0-9/.-])(?P<all>{_SYMBOL})", _FLAGS),
        "number": regex.compile(
            rf"(?P<all>(?:(?P<type>{capital})\s{{1,2}}(?:số\s{{0,2}})?|(?P<type>{anycase})\s{{1,2}}số\s{{0,2}})"
            rf"(?P<num>[0-9]{{1,5}}){number_tail})"
            rf"(?:(?:\s{{0,2}},\s{{1,2}}|\s{{1,2}}và\s{{1,2}})(?P<more>[0-9]{{1,5}}){number_tail}"
            rf"(?=\s{{0,2}}[,;.:)”]|\s{{1,2}}(?:của|về|và|ngày|đã|được)(?!\p{{L}})|\s*$)){{0,4}}", _FLAGS),
        # wordly patterns: tried with .match at a word of _trigger()
        "central": regex.compile(
            rf"(?P<all>(?P<type>Nghị quyết|Kết luận)\s{{1,2}}(?:của\s+)?(?:Hội nghị\s+)?"
            rf"(?:(?:lần\s+)?thứ\s+(?P<ord>{ordinal})\s+)?(?:(?:Ban Chấp hành|BCH)\s+)?(?:Trung ương|TƯ|TW)"
            rf"(?:\s+Đảng)?(?(ord)|\s+(?:lần\s+)?(?:thứ\s+)?(?P<ord>{ordinal})){_TERM})(?![\p{{L}}0-9])", _FLAGS),
        "congress": regex.compile(
            rf"(?P<all>(?P<type>Nghị quyết)\s{{1,2}}(?:Đại hội|ĐH)\s+(?:[\p{{L}}]+\s+){{0,8}}?"
            rf"(?:lần\s+thứ\s+{ordinal}|{_ROMAN}(?![\p{{L}}0-9]))"
            rf"(?:\s+(?:của\s+)?Đảng(?:\s+Cộng sản\s+(?:Việt Nam|VN))?(?![\p{{L}}]))?"
            rf"(?:\s{{0,2}},?\s{{1,2}}nhiệm kỳ\s+[0-9]{{4}}\s?[-–]\s?[0-9]{{4}})?)(?![\p{{L}}0-9])", _FLAGS),
        "known_law": regex.compile(
            rf"(?P<all>{law_head}{amend}(?i:{law_names})(?![\p{{L}}0-9]){_YEAR}"
            rf"(?:\s{{1,2}}(?:số\s{{1,2}})?{_SYMBOL})?)(?![\p{{L}}0-9])", _FLAGS),
        "law": regex.compile(
            rf"(?P<all>{law_head}{amend}(?P<name>{cap}(?:\s(?:{low}|(?!{law_stops}){cap})){{0,7}}"
            rf"(?:,\s{low}(?:\s{low}){{0,4}})?)(?![\p{{L}}0-9]|\.\p{{L}}){_YEAR}"
            rf"(?:\s{{1,2}}(?:số\s{{1,2}})?{_SYMBOL})?)(?![\p{{L}}0-9])", _FLAGS),
        "named": regex.compile(rf"(?P<all>{other_names}(?![\p{{L}}0-9]){_YEAR}"
                               rf"(?:\s{{1,2}}số\s{{1,2}}{_SYMBOL})?)(?![\p{{L}}0-9])", _FLAGS),
    }


#: Wordly patterns in the order tried at a trigger word; the first that matches wins.
_WORDLY = ("central", "congress", "known_law", "law", "named")


def trigger_words() -> list[str]:
    """The words a reference by name starts with."""
    return ["Nghị quyết", "Kết luận", "Luật", "Bộ luật", "bộ luật", "Pháp lệnh", *_titled(),
            *(r[0] for r in vi.rows("named_documents") if not r[0].startswith(("Luật ", "Bộ luật ", "Pháp lệnh ")))]


@cache
def _trigger() -> regex.Pattern[str]:
    """One alternation of the words a reference by name starts with."""
    return regex.compile(rf"(?<![\p{{L}}0-9])(?:{alternation(trigger_words())})(?![\p{{L}}0-9])", _FLAGS)


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


def _not_after(text: str, start: int) -> bool:
    """Whether the word(s) before ``start`` make the reference part of a name ("Đại học Luật")."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and (before[-1] in _not_after_words() or " ".join(before[-2:]) in _not_after_words())


@cache
def _not_after_words() -> frozenset[str]:
    return frozenset(vi.column("reference_not_after"))


def _symbol_type(code: str | None, issuer: str | None) -> str | None:
    """The type a bare symbol stands for: its type code, or "Công văn" for number/ISSUER-DEPARTMENT."""
    canonical = _type_codes().get(code or "")
    if not canonical and issuer and len(code or "") >= 3 and code in vi.mapping("issuers"):
        canonical = "Công văn"  # Nghị định 30/2020/NĐ-CP: a letter's symbol is its issuer's code (TP, CP: too ambiguous)
    return canonical


def _build(m: regex.Match[str], kind: str) -> list[Directive]:
    text = m.string
    groups = m.groupdict()
    symbol = "".join(groups["sym"].split()) if groups.get("sym") else None
    code = groups.get("code")
    type_word = groups.get("type")
    start, end = m.span("all")
    if kind in ("law", "known_law", "central", "congress") and _not_after(text, start):
        return []
    if kind == "named":
        said = m["all"].lower()
        canonical = next((_named()[0][n] for n in _named()[0] if said.startswith(n)), "Luật")
    elif type_word:
        canonical, needs_symbol = _types().get(type_word[:1].upper() + type_word[1:], (type_word, False))
        if canonical == "Văn bản" and _type_codes().get(code or ""):
            canonical = _type_codes()[code]
        if type_word.lower() == "bộ luật":
            canonical = "Bộ luật"
        if needs_symbol and not symbol:
            return []
    else:
        canonical = _symbol_type(code, groups.get("iss"))
        if groups.get("yr"):
            canonical = canonical or ("Luật" if (code or "").startswith("QH") else None)
        if not canonical:
            return []
    if kind == "central":
        number = _ordinal(groups["ord"])
    elif kind == "congress":
        number = None
    else:
        num = groups.get("num")
        number = num if num and num.isdigit() else None
    issued, after = _issued(text, m.end())
    issuer = _issuer(text, after)
    out = [Directive(text=text[start:end], start=start, end=end, type=canonical, number=number,
                     symbol=symbol, issued=issued, issuer=issuer)]
    if kind == "number" and m.captures("more"):
        for (s, e), more in zip(m.spans("more"), m.captures("more")):
            out.append(Directive(text=more, start=s, end=e, type=canonical, number=more, issuer=issuer))
    return out


def _title(text: str, m: regex.Match[str]) -> Directive | None:
    """A capitalised document type followed by its descriptive name: "Quy hoạch phát triển ... đến năm 2030"."""
    start = m.start()
    before = text[max(0, start - 3):start].rstrip()
    if not before or not (before[-1].islower() or before[-1] in ",;)0123456789") or _not_after(text, start):
        return None
    window = text[m.end():m.end() + 320]
    cut = _TITLE_END.search(window)
    window = window[:cut.start()] if cut else window
    words = [(w.group(), w.start(), w.end()) for w in _WORD.finditer(window)]
    stops, types = _stops("title"), set(_titled()) | set(_types())
    kept_end, n, proper = None, 0, False
    for i, (word, _, w_end) in enumerate(words[:30]):
        bare = word.rstrip(",")
        ahead = [w.rstrip(",") for w, _, _ in words[i:i + 3]]
        compound = i > 0 and f"{words[i - 1][0]} {bare}".lower() in vi.dictionary()  # "tự do", not "do"
        if (not compound and any(" ".join(ahead[:k]) in stops for k in (1, 2, 3))
                or i == 0 and (not bare[:1].isalpha() or bare in ("và", "hoặc"))):
            break
        nxt = window[words[i + 1][1]:] if i + 1 < len(words) else ""
        if bare in ("và", "hoặc") and (nxt.startswith(("các ", "những ")) or any(nxt.startswith(t) for t in types)):
            break
        if bare not in ("và", "hoặc", "-", "–", "của", "với", "các"):
            kept_end, n, proper = w_end - (len(word) - len(bare)), n + 1, proper or bare[:1].isupper()
        if word.endswith(","):
            later = [w for w, _, _ in words[i + 1:i + 4]]
            if not (" ".join(later[:2]) in ("định hướng", "tầm nhìn")
                    or (later and later[0][:1].islower() and "và" in later[1:])):
                break
    if kept_end is None or n < (1 if proper else 3):
        return None
    end = m.end() + (kept_end if words else 0)
    return Directive(text=text[start:end], start=start, end=end, type=m.group())


def _trim_titles(titles: list[Directive]) -> list[Directive]:
    """A title that runs on past the name the article also writes alone is cut to that name."""
    out = []
    for t in titles:
        shorter = [o for o in titles if o.type == t.type and len(o.text) < len(t.text)
                   and t.text.startswith(o.text + " ")]
        if shorter:
            o = min(shorter, key=lambda o: len(o.text))
            t = msgspec.structs.replace(t, text=o.text, end=t.start + len(o.text))
        out.append(t)
    return out


def _symbol_numbers(doc: Document) -> list[int]:
    """Where a symbol can start: a run of up to five digits, then up to two spaces and "-", "–"
    or "/" ("01-CT/TU", "18/CT-TTg", "25 /NQ-TW")."""
    text, out = doc.text, []
    for s, e in doc.digit_runs:
        if e - s <= 5:
            k = e
            while k < min(len(text), e + 2) and text[k].isspace():
                k += 1
            if text[k:k + 1] in _SYMBOL_SEPARATORS:
                out.append(s)
    return out


def extract(doc: Document) -> list[Directive]:
    candidates: list[Directive] = []
    titles: list[Directive] = []
    patterns = _patterns()
    hits = candidates_of(doc)
    typed = hits.starts("doc_types")  # a typed reference starts with its type, a bare symbol with digits
    # the windows holding a type: from the type words' hits, which are where "in" finds them
    typed_windows = doc.windows_with(hits.hits("doc_types")) if hits.as_lowered else None
    for kind in ("symbol", "bare_symbol", "number"):
        if kind == "bare_symbol":
            found = doc.finditer(patterns[kind], starts=_symbol_numbers(doc))  # a symbol holds its "/" itself
        else:
            found = doc.finditer(patterns[kind], _needs(), typed, typed_windows)
        for m in found:
            candidates += _build(m, kind)
    titled = _titled()
    for t in scan(_trigger(), doc.text, candidates_of(doc).starts("directive_triggers")):
        for kind in _WORDLY:
            m = patterns[kind].match(doc.text, t.start())
            if m:
                candidates += _build(m, kind)
                break
        else:
            if t.group() in titled:
                title = _title(doc.text, t)
                if title:
                    titles.append(title)
    chosen = select(candidates)
    spans = [(d.start, d.end) for d in chosen]
    nested = [t for t in _trim_titles(select(titles)) if not any(s <= t.start < e or s < t.end <= e for s, e in spans)]
    return sorted(chosen + nested, key=lambda d: (d.start, -d.end))


@cache
def _needs() -> tuple[str, ...]:
    """Lower-case words a digit window must hold for a typed pattern to match in it."""
    return tuple(sorted({name.lower() for name in _types()}))


# ---- declaration: what the rest of the package knows about this kind
from .. import compare  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="directives", record=Directive, extract=extract, label="DIRECTIVE", color="#8ecae6",
    notes={"symbol": "normalised symbol: 01-CT/TU, 18/CT-TTg", "issued": "ISO date of issue"},
    key=compare.directive_match, distinct=compare.directive_key,
    attributes=("number", "issued", "issuer"), facets=("type", "symbol"),
)
