"""Measured numbers: "gần 92 ngàn hồ sơ", "19,7 tỷ đồng", "tăng 5,29%", "15/19 tiêu chí".

Vietnamese writing: a dot groups thousands, a comma marks decimals. Dates,
directive numbers, ordinals, durations, ages and phone numbers are not
indicators.
"""
from __future__ import annotations

from functools import cache

import regex

from ..document import Document, overlaps
from ..lang import vi
from ..records import Indicator
from ..text import alternation
from . import select

_NUM = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,4})?|[0-9]{1,12}(?:,[0-9]{1,4})?|[0-9]{1,3}\.[0-9]{1,2}"
_WORD = regex.compile(r"\s{1,3}(?P<w>[\p{L}0-9²³][\p{L}0-9²³-]{0,12})")
_SYLLABLE = regex.compile(r" (?P<w>\p{Ll}{1,7})(?![\p{L}0-9])")
_NAME_BEFORE = regex.compile(r"(?:^|[^.!?:\n\s]\s{1,2})(?P<w>\p{Lu}[\p{L}0-9]*)\s$")
_BEFORE = regex.compile(r"(?P<w>(?:[\p{L}.]+\s+){0,2}[\p{L}.]+)\s*$")
_DATE_TAIL = regex.compile(r"\s+(?:năm|trong năm|tháng|quý)\s+[0-9IVX/]+\s*$|\s+[0-9]{4}\s*$", regex.IGNORECASE)


def parse_number(raw: str) -> float:
    """"11.991" → 11991.0, "96,69" → 96.69, "1.234,5" → 1234.5, "1.5" → 1.5."""
    if "," in raw:
        return float(raw.replace(".", "").replace(",", "."))
    groups = raw.split(".")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return float(raw.replace(".", ""))
    return float(raw)


@cache
def _lexicon() -> dict[str, object]:
    rows = vi.rows("counted_nouns")
    scales = {w: float(m) for w, m in vi.rows("scale_words")}
    currencies = vi.mapping("currencies")
    roles = dict(vi.rows("qualifiers"))
    durations = {w for w, role in vi.rows("time_words") if role == "duration"}
    return {
        "nouns": {w for w, role in rows if role == "noun"},
        "measures": {w for w, role in rows if role == "measure"},
        "exclude": {w for w, role in rows if role == "exclude"} | durations,
        "durations": durations,
        "scales": scales,
        "currencies": currencies,
        "roles": roles,
        "before": set(vi.column("not_indicator_before")),
        "heads": vi.column("metric_heads"),
        "words": vi.dictionary(),
    }


@cache
def _symbol_units() -> regex.Pattern[str]:
    units = alternation(vi.column("measure_units"))
    return regex.compile(rf"\s{{0,1}}(?P<u>{units}(?:/(?:{units}|người|tháng|năm|ngày|con|lượt|hộ))?)(?![\p{{L}}0-9])")


@cache
def _pattern() -> regex.Pattern[str]:
    lex = _lexicon()
    scales = alternation(list(lex["scales"]))
    currencies = alternation(list(lex["currencies"]))
    return regex.compile(
        rf"(?<![\p{{L}}0-9.,/:+-])(?P<num>{_NUM})(?![0-9]|[.,:][0-9])"
        rf"(?:(?:\s{{0,2}}[-–]\s{{0,2}}|\s+(?:đến|tới)\s+)(?P<num2>{_NUM})(?![0-9]|[.,/:][0-9])"
        rf"|\s{{0,1}}/\s{{0,1}}(?P<den>[0-9]{{1,6}})(?![0-9/]|[.,][0-9]))?"
        rf"(?:\s{{0,1}}(?P<pct>%)|\s+(?P<scale>{scales})(?!\p{{L}}))?"
        rf"(?:\s{{0,1}}(?P<cur>{currencies})(?!\p{{L}}))?",
        regex.VERSION1,
    )


def _word_before(text: str, end: int) -> tuple[int, str]:
    """The space-separated word that ends one space before ``end``: (its start, the word)."""
    if end < 2 or text[end - 1] != " ":
        return end, ""
    start = text.rfind(" ", max(0, end - 24), end - 1) + 1
    if start == 0 and end - 24 > 0:
        return end, ""
    return start, text[start:end - 1]


def _prefix(text: str, start: int) -> tuple[str | None, str | None, int]:
    """Qualifier and change words right before a number: "vượt 2,43%", "trên 2.205", "tăng thêm gần 5"."""
    roles = _lexicon()["roles"]
    qualifier = change = None
    s1, w1 = _word_before(text, start)
    s2, w2 = _word_before(text, s1)
    if w2 and roles.get(f"{w2} {w1}".lower()) == "qualifier":
        qualifier, start = f"{w2} {w1}", s2
    elif roles.get(w1.lower()) == "qualifier":
        qualifier, start = w1, s1
    elif roles.get(w1.lower()) == "change":
        return None, w1, s1
    if qualifier:
        s3, w3 = _word_before(text, start)
        if w3.lower() == "thêm":
            s3, w3 = _word_before(text, s3)
        if roles.get(w3.lower()) == "change":
            change, start = w3, s3
    return qualifier, change, start


def _counted_noun(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun after ``pos`` and where it ends.

    A measurement symbol ("GB", "km/h"), an upper-case abbreviation ("HTX"), or
    the longest dictionary word of one or two syllables ("người", "hồ sơ",
    "khách hàng"; "người lao động" → "người"), skipping a measure word ("3.000
    bộ hồ sơ" → "hồ sơ") unless it starts a word itself ("bộ phận").
    """
    lex = _lexicon()
    if (sym := _symbol_units().match(text, pos)) is not None:
        return sym["u"], sym.end()
    m = _WORD.match(text, pos)
    if not m:
        return None, pos
    word = m["w"]
    if word.isupper() and len(word) >= 2 and word.isalpha():
        return word, m.end()
    found = _dictionary_word(text, m)
    if found is None and word.lower() in lex["measures"]:
        after = _WORD.match(text, m.end())
        if after and after["w"].lower() not in lex["exclude"]:
            found = _dictionary_word(text, after)
            m = after if found is None and after["w"][:1].islower() else m
    if found is not None:
        return found
    first = m["w"]
    if not first[:1].islower() or first in lex["exclude"] or first.isdigit():
        return None, pos
    return first, m.end()


def _dictionary_word(text: str, m: regex.Match[str]) -> tuple[str, int] | None:
    """A two-syllable noun starting at ``m`` when it is a word; a listed noun otherwise."""
    lex = _lexicon()
    nxt = _SYLLABLE.match(text, m.end())
    if nxt:
        pair = f"{m['w']} {nxt['w']}"
        key = pair.lower()
        if key in lex["nouns"] or (m["w"].lower() not in lex["exclude"] and key in lex["words"]):
            return pair, nxt.end()
    if m["w"].lower() in lex["nouns"]:
        return m["w"], m.end()
    return None


def _blocked_before(text: str, start: int) -> bool:
    """An identifier, an ordinal or a name's number: "lần thứ 5", "Sư đoàn 330", "Đài Thơm 8"."""
    name = _NAME_BEFORE.search(text[max(0, start - 40): start])
    if name and name["w"].lower() not in _lexicon()["roles"]:
        return True
    m = _BEFORE.search(text[max(0, start - 40): start])
    if not m:
        return False
    words = m["w"].split()
    before = _lexicon()["before"]
    return any(" ".join(words[-n:]) in before for n in (1, 2, 3) if len(words) >= n)


@cache
def _heads() -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\p{{L}}){alternation(_lexicon()['heads'])}(?!\p{{L}})")


@cache
def _verb_before_value() -> regex.Pattern[str]:
    return regex.compile(rf"\s(?:{alternation(vi.column('metric_verbs'))})\s+(?:mức\s+|khoảng\s+)?$")


def _metric(text: str, sentence_start: int, start: int) -> str | None:
    head = text[max(sentence_start, start - 300):start]
    m = _verb_before_value().search(head)
    if not m:
        return None
    head = head[: m.start()]
    lowered = head.lower()
    hits = [hit.start() for hit in _heads().finditer(lowered)]
    if not hits:
        return None
    best = hits[-1]
    metric = _DATE_TAIL.sub("", head[best:]).strip(" ,;:")
    return metric if 0 < len(metric.split()) <= 30 else None


def extract(doc: Document) -> list[Indicator]:
    text = doc.text
    lex = _lexicon()
    taken = doc.taken("dates", "directives")
    found: list[Indicator] = []
    for m in doc.finditer(_pattern()):
        num = m["num"]
        if len(num.replace(".", "").replace(",", "")) >= 9 and "." not in num and "," not in num:
            continue  # a phone or an id number
        value = parse_number(num)
        unit, end = None, m.end()
        scale = lex["scales"].get(m["scale"] or "", 1.0)
        if m["pct"]:
            unit = "%"
        elif m["cur"]:
            unit = lex["currencies"][m["cur"]]
        else:
            unit, end = _counted_noun(text, m.end())
            if unit is None and not m["scale"]:
                continue
            if unit in lex["durations"]:
                continue
        qualifier, change, start = _prefix(text, m.start("num"))
        if overlaps(m.start("num"), m.end(), taken) or _blocked_before(text, m.start("num")):
            continue
        if m["den"] and unit in (None, "%"):
            continue
        value_max = parse_number(m["num2"]) * scale if m["num2"] else None
        sentence_start, _ = doc.sentence_at(start)
        found.append(Indicator(
            text=text[start:end], start=start, end=end, value=value * scale, value_max=value_max,
            unit=unit, qualifier=qualifier, change=change,
            metric=_metric(text, sentence_start, start),
            denominator=float(m["den"]) if m["den"] else None,
        ))
    return select(found)


# ---- declaration: what the rest of the package knows about this kind
from ..compare import same_value  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="indicators", record=Indicator, extract=extract, requires=("dates", "directives"), label="INDICATOR",
    color="#ffd166",
    notes={"value": "normalised number", "unit": "%, đồng, USD or the counted noun",
           "metric": "what the number measures, when the sentence names it"},
    key=lambda p, g: same_value(p.get("value"), g.get("value")) and p.get("unit") == g.get("unit"),
    attributes=("value_max", "qualifier", "change", "metric"), facets=("unit",),
)
