"""Calendar expressions: "ngày 22/11/2012", "tháng 3/2023", "quý I/2023", "giai đoạn 2016-2020".

Durations ("25 năm"), ratios ("4/4 làng"), decimals and directive numbers are
not dates. A day without a year ("sáng 10/6") takes the year of ``published``.
"""
from __future__ import annotations

import calendar
from functools import cache
from typing import Callable

import regex

from ..document import Document, Spans, overlaps
from ..lang import vi
from ..records import DateMention, Grain
from ..text import alternation
from . import select

_B = r"(?<![0-9/.,:-])"          # no digit or number punctuation before
_A = r"(?![0-9/]|[.,:-][0-9])"      # nor after
_Y = r"(?P<y>(?:19|20)[0-9]{2})"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FLAGS = regex.IGNORECASE | regex.VERSION1

Builder = Callable[[regex.Match[str], Document], DateMention | None]
Needs = tuple[str, ...]


def _mention(m: regex.Match[str], group: str, value: str, grain: Grain,
             range_end: str | None = None, resolved: bool = True) -> DateMention:
    start, end = m.span(group)
    return DateMention(text=m.string[start:end], start=start, end=end, value=value,
                       range_end=range_end, grain=grain, resolved=resolved)


def _valid_day(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _day(m: regex.Match[str], doc: Document) -> DateMention | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid_day(y, mo, d):
        return None
    return _mention(m, "all", f"{y:04d}-{mo:02d}-{d:02d}", Grain.DAY)


def _yearless_day(m: regex.Match[str], doc: Document) -> DateMention | None:
    mo, d = int(m["m"]), int(m["d"])
    year = doc.published_year
    if not _valid_day(year or 2000, mo, d):
        return None
    if year is None:
        return _mention(m, "all", f"--{mo:02d}-{d:02d}", Grain.DAY, resolved=False)
    return _mention(m, "all", f"{year:04d}-{mo:02d}-{d:02d}", Grain.DAY)


def _month(m: regex.Match[str], doc: Document) -> DateMention | None:
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None
    return _mention(m, "all", f"{m['y']}-{mo:02d}", Grain.MONTH)


def _yearless_month(m: regex.Match[str], doc: Document) -> DateMention | None:
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None
    if doc.published_year is None:
        return _mention(m, "all", f"--{mo:02d}", Grain.MONTH, resolved=False)
    return _mention(m, "all", f"{doc.published_year}-{mo:02d}", Grain.MONTH)


def _quarter(m: regex.Match[str], doc: Document) -> DateMention | None:
    return _mention(m, "all", f"{m['y']}-Q{_ROMAN[m['q'].upper()]}", Grain.QUARTER)


def _part_of_year(m: regex.Match[str], doc: Document) -> DateMention | None:
    n = int(m["n"])
    if not 1 <= n <= 12:
        return None
    first, last = (13 - n, 12) if (m["part"] or "").lower() == "cuối" else (1, n)
    y = m["y"]
    return _mention(m, "all", f"{y}-{first:02d}", Grain.RANGE, range_end=f"{y}-{last:02d}")


def _month_range(m: regex.Match[str], doc: Document) -> DateMention | None:
    a, b, y = int(m["m1"]), int(m["m2"]), m["y"]
    if not (1 <= a < b <= 12):
        return None
    return _mention(m, "all", f"{y}-{a:02d}", Grain.RANGE, range_end=f"{y}-{b:02d}")


def _day_range(m: regex.Match[str], doc: Document) -> DateMention | None:
    """"từ ngày 27/9 đến ngày 29/9(/2023)": a missing first year is the second's, else published's."""
    y2 = int(m["y2"]) if m["y2"] else doc.published_year
    y1 = int(m["y1"]) if m["y1"] else y2
    d1, m1, d2, m2 = int(m["d1"]), int(m["m1"]), int(m["d2"]), int(m["m2"])
    if y2 is None:
        if not (_valid_day(2000, m1, d1) and _valid_day(2000, m2, d2)):
            return None
        return _mention(m, "all", f"--{m1:02d}-{d1:02d}", Grain.RANGE, range_end=f"--{m2:02d}-{d2:02d}",
                        resolved=False)
    if y1 is None or not (_valid_day(y1, m1, d1) and _valid_day(y2, m2, d2)):
        return None
    if (y1, m1, d1) > (y2, m2, d2) and not m["y1"]:
        y1 -= 1  # "từ 20/12 đến 5/1/2024": the first day is in the year before
    return _mention(m, "all", f"{y1:04d}-{m1:02d}-{d1:02d}", Grain.RANGE, range_end=f"{y2:04d}-{m2:02d}-{d2:02d}")


def _month_year_range(m: regex.Match[str], doc: Document) -> DateMention | None:
    """"từ tháng 2/2022 đến tháng 5/2023"."""
    a, b = int(m["m1"]), int(m["m2"])
    if not (1 <= a <= 12 and 1 <= b <= 12) or (m["y1"], a) >= (m["y2"], b):
        return None
    return _mention(m, "all", f"{m['y1']}-{a:02d}", Grain.RANGE, range_end=f"{m['y2']}-{b:02d}")


def _year_range(m: regex.Match[str], doc: Document) -> DateMention | None:
    a, b = int(m["y1"]), int(m["y2"])
    if not 0 < b - a <= 100:
        return None
    return _mention(m, "all", str(a), Grain.RANGE, range_end=str(b))


def _year(m: regex.Match[str], doc: Document) -> DateMention | None:
    return _mention(m, "all", m["y"], Grain.YEAR)


@cache
def _bare_year_follow() -> regex.Pattern[str]:
    # a bare year must not be a count: "2023 hộ" is 2023 households
    words = ["và", "đến", "tới", "là", "đã", "vừa", "qua", "này", "nay", "trước", "sau", "tại",
             "khi", "thì", "được", "có", "nhưng", "với", "của", "trở", "về", "cho", "sẽ", "vẫn",
             "mới", "còn", "thành", "theo", "trong", "so", "bằng", "gồm", "lên"]
    return regex.compile(r"\s*(?:[^\s\p{Ll}]|$|" + alternation(words) + r"\b)")


def _bare_year(m: regex.Match[str], doc: Document) -> DateMention | None:
    y = int(m["y"])
    if not 1900 <= y <= 2100 or not _bare_year_follow().match(m.string, m.end()):
        return None
    return _mention(m, "all", m["y"], Grain.YEAR)


@cache
def _patterns() -> list[tuple[regex.Pattern[str], Builder, Needs]]:
    day_prefix = alternation([w for w, role in vi.rows("time_words") if role == "day_prefix"])
    range_prefix = alternation([w for w, role in vi.rows("time_words") if role == "range_prefix"])
    sep = r"\s?(?P<s>[/.-])\s?"
    dm = r"(?P<d{n}>[0-9]{{1,2}})\s?(?P<s{n}>[/.-])\s?(?P<m{n}>[0-9]{{1,2}})(?:\s?(?P=s{n})\s?(?P<y{n}>(?:19|20)[0-9]{{2}}))?"
    days = tuple(w for w, role in vi.rows("time_words") if role == "day_prefix")
    table: list[tuple[str, Builder, Needs]] = [
        (rf"(?P<all>từ\s+(?:ngày\s+)?{_B}{dm.format(n=1)}\s{{0,2}}(?:đến|tới|[-–])\s{{0,2}}(?:hết\s+)?(?:ngày\s+)?"
         rf"{dm.format(n=2)}{_A})", _day_range, ("từ",)),
        (rf"(?P<all>từ\s+tháng\s+(?P<m1>[0-9]{{1,2}})\s?(?:[/.-]\s?|\s+năm\s+)(?P<y1>(?:19|20)[0-9]{{2}})\s+"
         rf"(?:đến|tới)\s+(?:hết\s+)?tháng\s+(?P<m2>[0-9]{{1,2}})\s?(?:[/.-]\s?|\s+năm\s+)(?P<y2>(?:19|20)[0-9]{{2}}){_A})",
         _month_year_range, ("tháng",)),
        (rf"(?P<all>(?:{range_prefix}\s+|từ\s+(?:năm\s+)?)?{_B}(?P<y1>(?:19|20)[0-9]{{2}})\s{{0,2}}[-–—]\s{{0,2}}"
         rf"(?:năm\s+)?(?P<y2>(?:19|20)[0-9]{{2}}){_A})", _year_range, ("-", "–", "—")),
        (rf"(?P<all>từ\s+(?:năm\s+)?(?P<y1>(?:19|20)[0-9]{{2}})\s+(?:đến|tới)\s+(?:năm\s+)?(?P<y2>(?:19|20)[0-9]{{2}}){_A})",
         _year_range, ("từ",)),
        (rf"(?P<all>từ\s+tháng\s+(?P<m1>[0-9]{{1,2}})\s+(?:đến|tới)\s+tháng\s+(?P<m2>[0-9]{{1,2}})"
         rf"\s?(?:[/.-]\s?|\s+năm\s+){_Y}{_A})", _month_range, ("tháng",)),
        (rf"(?P<all>(?:ngày\s+)?{_B}(?P<d>[0-9]{{1,2}}){sep}(?P<m>[0-9]{{1,2}})\s?(?P=s)\s?{_Y}{_A})", _day, ()),
        (rf"(?P<all>(?:ngày\s+)?{_B}(?P<d>[0-9]{{1,2}})\s+tháng\s+(?P<m>[0-9]{{1,2}})\s*(?:,\s*)?năm\s+{_Y}{_A})", _day, ("tháng",)),
        (rf"(?P<all>{_B}(?P<n>[0-9]{{1,2}})\s+tháng\s+(?:(?P<part>đầu|cuối)\s+)?năm\s+{_Y}{_A})", _part_of_year, ("tháng",)),
        (rf"(?P<all>tháng\s+(?P<m>[0-9]{{1,2}})\s?(?:[/.-]\s?|\s+năm\s+){_Y}{_A})", _month, ("tháng",)),
        (rf"(?P<all>quý\s+(?P<q>IV|III|II|I|[1-4])\s?(?:[/.-]\s?|\s+năm\s+){_Y}{_A})", _quarter, ("quý",)),
        (rf"(?P<all>năm\s+{_Y}{_A})", _year, ("năm",)),
        (rf"{day_prefix}\s+(?P<all>(?:ngày\s+)?{_B}(?P<d>[0-9]{{1,2}})[/-](?P<m>[0-9]{{1,2}}){_A})", _yearless_day, days),
        (rf"(?P<all>ngày\s+(?P<d>[0-9]{{1,2}})\s+tháng\s+(?P<m>[0-9]{{1,2}}){_A})(?!\s*(?:,\s*)?năm)", _yearless_day, days),
        (rf"(?<![0-9]\s{{0,2}})(?P<all>tháng\s+(?P<m>[0-9]{{1,2}}){_A})(?!\s*(?:[/.-]|năm|[0-9]))", _yearless_month, ("tháng",)),
        (rf"(?P<all>{_B}{_Y}{_A})(?![.,][0-9])", _bare_year, ()),
    ]
    return [(regex.compile(p, _FLAGS), build, needs) for p, build, needs in table]


def extract(doc: Document) -> list[DateMention]:
    symbols = Spans((m.start, m.end) for m in doc.found.get("directives", []) if getattr(m, "symbol", None))
    candidates: list[DateMention] = []
    for pattern, build, needs in _patterns():
        for m in doc.finditer(pattern, needs):
            mention = build(m, doc)
            if mention and not overlaps(mention.start, mention.end, symbols):
                candidates.append(mention)
    return select(candidates)


# ---- declaration: what the rest of the package knows about this kind
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="dates", record=DateMention, extract=extract, requires=("directives",), label="DATE", color="#b5e48c",
    notes={"value": "ISO date, month, quarter or year", "range_end": "end of a range (giai đoạn 2016-2020)"},
    key=lambda p, g: (p.get("value"), p.get("range_end"), p.get("grain"))
    == (g.get("value"), g.get("range_end"), g.get("grain")),
    attributes=("resolved",), facets=("grain",),
)
