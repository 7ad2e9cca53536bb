"""Calendar expressions: "ngày 22/11/2012", "tháng 3/2023", "quý I/2023", "giai đoạn 2016-2020".

Durations ("25 năm"), ratios ("4/4 làng"), decimals and directive numbers are
not dates. A day without a year ("sáng 10/6") takes the year of ``published``.
"""
from __future__ import annotations

import calendar
from bisect import bisect_left
from functools import cache, lru_cache
from typing import Callable

import regex

from ..candidates import of as candidates_of
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
Begins = tuple[str, ...]
#: Lower-case words a match can begin with ("năm <n>": the word, spaces, then a digit), or a shape
#: of a run of digits: four digits "19xx"/"20xx"; one or two digits before a separator ("10/6", "10 - 6");
#: one or two before the word "tháng" ("6 tháng", "10 Tháng"); a year, or one or two digits, before
#: a word or dash that joins the two ends of a range ("2016 - 2020", "10 đến 15/6", "3 và 4").
#: After a word, what its first digits must be: "<range>", one of the first three runs of digits
#: after it joins the two ends of a range (a range's first point ends there: "từ 5 đến 7",
#: "ngày 12/3/2017 - 15/3/2017"); "<d/m>", the first run is a day before a separator and a digit
#: ("sáng 2/9"); "<d/m/y>", the first three are a whole date; "<day> tháng", the first is a day
#: before the word "tháng".
_YEAR, _DAY_SEP, _DAY_MONTH = "<year>", "<day/>", "<day> tháng"
_RANGE, _TIGHT_DAY = "<range>", "<d/m>"
_DAY_SEP_RANGE = f"{_DAY_SEP} {_RANGE}"  # a day before a separator whose point ends in a joiner
_FULL_DATE = "<d/m/y>"  # a day, a month and a year, one separator between them ("12/3/2017")
_YEAR_TO, _DAY_TO = "<year> đến", "<day> đến"
#: a year, or a day before a separator, after "," or "và" and one or two spaces: the next of a list
_YEAR_LISTED, _DAY_SEP_LISTED = ", <year>", ", <day/>"
_SEPARATORS = frozenset("/.-")
_DIGITS = frozenset("0123456789")


def _mention(m: regex.Match[str], group: str, value: str, grain: Grain,
             range_end: str | None = None, resolved: bool = True) -> DateMention:
    start, end = m.span(group)
    return DateMention(text=m.string[start:end], start=start, end=end, value=value,
                       range_end=range_end, grain=grain, resolved=resolved)


def _valid_day(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= _month_days(y, mo)


@lru_cache(maxsize=4096)
def _month_days(y: int, mo: int) -> int:
    """How many days month ``mo`` of year ``y`` has: asked again and again of the same few months."""
    return calendar.monthrange(y, mo)[1]


def _day(m: regex.Match[str], doc: Document) -> DateMention | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid_day(y, mo, d):
        return None
    return _mention(m, "all", f"{y:04d}-{mo:02d}-{d:02d}", Grain.DAY)


def _yearless_day(m: regex.Match[str], doc: Document) -> DateMention | None:
    if "pre" in m.re.groupindex and m["s"] == "." and (m["pre"] or "").lower() in _decimal_openers():
        return None  # "từ 2.5 đến 3" is more likely decimals
    mo, d = int(m["m"]), int(m["d"])
    year = doc.published_year
    if not _valid_day(year or 2000, mo, d):
        return None
    if year is None:
        return _mention(m, "all", f"--{mo:02d}-{d:02d}", Grain.DAY, resolved=False)
    return _mention(m, "all", f"{year:04d}-{mo:02d}-{d:02d}", Grain.DAY)


@cache
def _decimal_openers() -> tuple[str, ...]:
    """The words before "a.b" that make it a decimal more likely than a day and month: "từ", "đến"."""
    return ("từ", *_words("to"))


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
    """"6 tháng đầu năm 2017" (January to June); without a year, the year of ``published``."""
    n = int(m["n"])
    if not 1 <= n <= 12:
        return None
    first, last = (13 - n, 12) if (m["part"] or "").lower() in _words("part_last") else (1, n)
    y = m.groupdict().get("y") or doc.published_year
    if y is None:
        return _mention(m, "all", f"--{first:02d}", Grain.RANGE, range_end=f"--{last:02d}", resolved=False)
    return _mention(m, "all", f"{y}-{first:02d}", Grain.RANGE, range_end=f"{y}-{last:02d}")


#: the groups of each end of a range: a year alone; a month and its year; a day, its month and its year
_POINT_GROUPS = {n: tuple(f"{g}{n}" for g in ("yy", "mm", "my", "d", "m", "y")) for n in (1, 2)}


def _point(m: regex.Match[str], n: int) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of one end of a range; None where it is not written."""
    yy, mm, my, d, mo, y = m.group(*_POINT_GROUPS[n])
    if yy:
        return int(yy), None, None
    if mm:
        return (int(my) if my else None), int(mm), None
    return (int(y) if y else None), (int(mo) if mo else None), int(d)


def _iso(y: int | None, mo: int | None, d: int | None) -> str:
    head = f"{y:04d}" if y is not None else "-"
    return head + (f"-{mo:02d}" if mo else "") + (f"-{d:02d}" if d else "")


def _span(m: regex.Match[str], doc: Document) -> DateMention | None:
    """"từ ngày 1 đến 15/1/2018", "10 và 11-5-2017", "từ năm 2011 đến tháng 2/2016", "24/5/1982-24/5/2017".

    The first end takes what it leaves out from the second ("từ 28 đến 3/4" starts
    on March 28), the second the year of ``published`` when it has none.
    """
    (y1, m1, d1), (y2, m2, d2) = _point(m, 1), _point(m, 2)
    if d2 is not None and m2 is None or d1 is not None and m1 is None and d2 is None:
        return None
    bare_day = d1 is not None and m1 is None
    if not m["from"]:  # "ngày 3 - 8/7/2017", "10 và 11-5-2017", "24/5/1982-24/5/2017"
        full = None not in (y1, m1, d1, y2, d2)
        if not (full or bare_day and (y2 is not None or _after_day_word(m))):
            return None
    elif m["to"].lower() == "và":
        return None
    if bare_day:
        m1 = m2 if d1 <= d2 else m2 - 1
    resolved = True
    if y2 is None:
        if y1 is None and (m1 is None or m2 is None) or "." in m["all"] and not _after_day_word(m):
            return None  # "từ 2.5 đến 3.5" is more likely two decimals
        y2, resolved = doc.published_year, doc.published_year is not None
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 == 0 or (m1, d1 or 0) > (m2 or 12, d2 or 0) else y2
    if m1 == 0:
        m1 = 12
    for y, mo, d in ((y1, m1, d1), (y2, m2, d2)):
        if mo is not None and not 1 <= mo <= 12 or d is not None and not _valid_day(y or 2000, mo, d):
            return None
    if y1 is not None and y2 is not None and y2 - y1 > 100:
        return None
    if (y1 or 0, m1 or 0, d1 or 0) >= (y2 or 0, m2 or 13, d2 or 32):
        return None
    return _mention(m, "all", _iso(y1, m1, d1), Grain.RANGE, range_end=_iso(y2, m2, d2), resolved=resolved)


@cache
def _day_word_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\p{{L}})(?:{alternation(_words('day_prefix'))})\s+$", _FLAGS)


def _after_day_word(m: regex.Match[str]) -> bool:
    start = m.start("all")
    return _day_word_before().search(m.string[max(0, start - 12):start]) is not None or \
        m["all"].lower().startswith("ngày")


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
    return regex.compile(r"\s*(?:[^\s\p{Ll}]|$|" + alternation(vi.column("year_followers")) + r"\b)")


def _bare_year(m: regex.Match[str], doc: Document) -> DateMention | None:
    y, (start, end) = m["y"], m.span()
    labelled = start > 0 and m.string[start - 1] == "-"  # "lần thứ XI-2016"
    if not 1900 <= int(y) <= 2100 or not (labelled or _bare_year_follow().match(m.string, end)):
        return None
    return _mention(m, "all", y, Grain.YEAR)


@cache
def _words(role: str) -> tuple[str, ...]:
    return tuple(w for w, r in vi.rows("time_words") if r == role)


@cache
def _patterns() -> list[tuple[regex.Pattern[str], Builder, Needs, Begins]]:
    day_prefix, range_prefix, to, until, part, lunar, lunar_before, day_suffix, year_prefix = (
        alternation(list(_words(role))) for role in (
            "day_prefix", "range_prefix", "to", "until", "part_first", "lunar", "lunar_before", "day_suffix",
            "year_prefix"))
    part = alternation([*_words("part_first"), *_words("part_last")])
    # "năm học" after "6 tháng đầu năm" is a school year, not the calendar year
    year_nouns = alternation([w.split(" ", 1)[1] for w in _words("range_prefix") if w.startswith("năm ")])
    amount = alternation([*(w for w, _ in vi.rows("scale_words")), *vi.column("currencies")])
    not_amount = rf"(?!\s?(?:%|(?:{amount})(?!\p{{L}})))"
    not_lunar = rf"(?!\s*\(?\s*(?:{lunar})(?!\p{{L}}))"
    sep = r"\s?(?P<s>[/.-])\s?"
    year = r"(?:19|20)[0-9]{{2}}"  # doubled: point is formatted
    point = (r"(?:năm\s+)?(?P<yy{n}>" + year + r")(?![0-9])"
             r"|tháng\s+(?P<mm{n}>[0-9]{{1,2}})(?:\s?(?:[/.-]\s?|\s+năm\s+)(?P<my{n}>" + year + r"))?(?![0-9])"
             r"|(?:ngày\s+)?(?P<d{n}>[0-9]{{1,2}})(?:\s?(?P<s{n}>[/.-])\s?(?P<m{n}>[0-9]{{1,2}})"
             r"(?:\s?(?P=s{n})\s?(?P<y{n}>" + year + r"))?)?(?![0-9])")
    days = _words("day_prefix")
    Y, DM, YT, DT, YL, DSL = _YEAR, _DAY_MONTH, _YEAR_TO, _DAY_TO, _YEAR_LISTED, _DAY_SEP_LISTED
    # each: (pattern, builder, words its windows need, what a match can begin with)
    table: list[tuple[str, Builder, Needs, Begins]] = [
        (rf"\b(?P<all>(?P<from>từ\s+)?{_B}(?:{point.format(n=1)})\s{{0,2}}(?P<to>{to}|và|[-–])\s{{0,2}}"
         rf"(?:(?:{until})\s+)?(?:{point.format(n=2)}){_A}){not_amount}", _span, (), 
         (YT, _DAY_SEP_RANGE, DT, *(f"{w} {_RANGE}" for w in ("từ", "năm", "tháng", "ngày")))),
        (rf"(?P<all>(?:{range_prefix}\s+|từ\s+(?:năm\s+)?)?{_B}(?P<y1>(?:19|20)[0-9]{{2}})\s{{0,2}}[-–—]\s{{0,2}}"
         rf"(?:năm\s+)?(?P<y2>(?:19|20)[0-9]{{2}}){_A})", _year_range, ("-", "–", "—"), (YT, "từ", *_words("range_prefix"),)),
        (rf"(?P<all>(?:ngày\s+)?{_B}(?P<d>[0-9]{{1,2}}){sep}(?P<m>[0-9]{{1,2}})\s?(?P=s)\s?{_Y}{_A})", _day, (),
         (_FULL_DATE, f"ngày {_FULL_DATE}")),
        (rf"(?P<all>(?:ngày\s+)?{_B}(?P<d>[0-9]{{1,2}})\s+tháng\s+(?P<m>[0-9]{{1,2}})\s*(?:,\s*)?năm\s+{_Y}{_A})", _day, ("tháng",), (DM, f"ngày {DM}")),
        (rf"(?P<all>{_B}(?P<n>[0-9]{{1,2}})\s+tháng\s+(?:(?P<part>{part})\s+)?năm\s+{_Y}{_A})", _part_of_year, ("tháng",), (DM,)),
        (rf"(?P<all>{_B}(?P<n>[0-9]{{1,2}})\s+tháng\s+(?P<part>{part})\s+năm)(?!\s*[0-9]|\s+(?:{year_nouns})(?!\p{{L}}))",
         _part_of_year, ("tháng",), (DM,)),
        (rf"(?P<all>tháng\s+(?P<m>[0-9]{{1,2}})\s?(?:[/.-]\s?|\s+năm\s+){_Y}{_A})", _month, ("tháng",), ("tháng <n>",)),
        (rf"(?P<all>quý\s+(?P<q>IV|III|II|I|[1-4])\s?(?:[/.-]\s?|\s+năm\s+){_Y}{_A})", _quarter, ("quý",), ("quý",)),
        (rf"(?P<all>năm\s+{_Y}{_A})", _year, ("năm",), ("năm <n>",)),
        (rf"(?P<all>(?<!\p{{L}})(?:{year_prefix})\s{{0,2}}{_Y}{_A})", _year, tuple(w.lower() for w in _words("year_prefix")), (*_words("year_prefix"),)),
        (rf"(?<!\p{{L}})(?P<pre>{day_prefix})(?:\s+(?:{day_suffix}))?(?:\s*[,(]\s*|\s+)"
         rf"(?P<all>(?:ngày\s+)?{_B}(?P<d>[0-9]{{1,2}})(?P<s>[/.-])(?P<m>[0-9]{{1,2}}){_A}){not_amount}{not_lunar}",
         _yearless_day, days, tuple(f"{d} {_TIGHT_DAY}" for d in days)),
        # the next day of a list: "ngày 20.10, 8.3", "sáng 2/9 và 5/9"
        (rf"(?<=(?<!\p{{L}})(?:{day_prefix})\s+[0-9]{{1,2}}[/.-][0-9]{{1,2}}\s{{0,2}}(?:,|và)\s{{1,2}})"
         rf"(?P<all>(?P<d>[0-9]{{1,2}})(?P<s>[/.-])(?P<m>[0-9]{{1,2}}){_A}){not_amount}{not_lunar}", _yearless_day, days, (DSL,)),
        (rf"(?P<all>ngày\s+(?P<d>[0-9]{{1,2}})\s+tháng\s+(?P<m>[0-9]{{1,2}}){_A})(?!\s*(?:,\s*)?năm){not_lunar}",
         _yearless_day, days, (f"ngày {DM}",)),
        (rf"(?<![0-9]\s{{0,2}}|(?:{lunar_before})\s{{1,2}})(?P<all>tháng\s+(?P<m>[0-9]{{1,2}}){_A})"
         rf"(?!\s*(?:[/.-]|năm|[0-9])){not_lunar}", _yearless_month, ("tháng",), ("tháng <n>",)),
        (rf"(?P<all>(?:{_B}|(?<=\p{{Lu}}-)){_Y}{_A})(?![.,][0-9])", _bare_year, (), (Y,)),
        # the next year of a list: "hai năm 2016, 2017 học sinh", "năm 2004 và 2011"
        (rf"(?<=(?:19|20)[0-9]{{2}}\s{{0,2}}(?:,|và)\s{{1,2}})(?P<all>{_Y}{_A})(?![.,][0-9])", _year, (), (YL,)),
    ]
    return [(regex.compile(p, _FLAGS), build, needs, begins) for p, build, needs, begins in table]


def start_words() -> list[str]:
    """Every word a date can start with, when not with a digit (see :mod:`newsmine.candidates`)."""
    return ["từ", "năm", "tháng", "ngày", "quý", *_words("range_prefix"), *_words("year_prefix"),
            *_words("day_prefix")]


@cache
def _masks() -> dict[str, int]:
    """What a match can begin with → the patterns (bits of their index) that may match there."""
    out: dict[str, int] = {}
    for i, (_, _, _, begins) in enumerate(_patterns()):
        for w in begins:
            out[w.lower()] = out.get(w.lower(), 0) | 1 << i
    return out


@cache
def _joins() -> tuple[str, ...]:
    """How a range joins its two ends: "đến", "tới", "và", a dash."""
    return (*(w.lower() for w in _words("to")), "và", "-", "–", "—")


@lru_cache(maxsize=1024)
def _indices(mask: int) -> tuple[int, ...]:
    return tuple(i for i in range(mask.bit_length()) if mask >> i & 1)


def _listed(text: str, start: int) -> bool:
    """Does "," or "và" and one or two spaces come right before ``start`` (the next of a list)?"""
    if not text[start - 1:start].isspace():
        return False
    k = start - 2 if text[start - 2:start - 1].isspace() else start - 1  # where the one or two spaces start
    if text[k - 1:k].isspace():  # three spaces or more
        return False
    return text[k - 1:k] == "," or text[max(0, k - 2):k].lower() == "và"


@cache
def _shape_masks() -> tuple[int, ...]:
    """The patterns that may match at a run of digits of each shape of :data:`Begins`."""
    masks = _masks()
    return tuple(masks.get(shape, 0) for shape in (
        _YEAR, _DAY_SEP_RANGE, _FULL_DATE, _DAY_MONTH, _YEAR_TO, _DAY_TO, _YEAR_LISTED, _DAY_SEP_LISTED))


def _attempts(doc: Document) -> list[tuple[int, tuple[int, ...]]]:
    """(position, indices of the patterns to try there), in text order: the hits of the start
    words (even inside a word) and the runs of digits, each by the shapes of :data:`Begins`."""
    at: dict[int, int] = {}
    joined, before_month = _digit_attempts(doc, at)
    _word_attempts(doc, at, joined, before_month)
    return [(pos, _indices(at[pos])) for pos in sorted(at)]


def _digit_attempts(doc: Document, at: dict[int, int]) -> tuple[list[bool], list[bool]]:
    """Adds to ``at`` (position → mask of patterns) the runs of digits, by their shapes; returns, for each
    run, does it join the two ends of a range, and is it a day before the word "tháng"."""
    text, joins, size = doc.text, _joins(), len(doc.text)
    year, day_sep_range, full_date, day_month, year_to, day_to, year_listed, day_sep_listed = _shape_masks()
    runs, days_before_separator = doc.digit_runs, []
    joined = [False] * len(runs)  # does the run join the two ends of a range
    before_month = [False] * len(runs)  # is the run a day before the word "tháng"
    for k, (s, e) in enumerate(runs):
        if e - s > 2 and (e - s != 4 or text[s:s + 2] not in ("19", "20")):
            continue
        j = e  # past the spaces after the run
        while j < size and text[j].isspace():
            j += 1
        if j - e <= 2 and text[j:j + 3].lower().startswith(joins):
            joined[k] = True
        if e - s == 4:
            mask = year | (year_to if joined[k] else 0) | (year_listed if _listed(text, s) else 0)
        else:
            mask, nxt = day_to if joined[k] else 0, text[e:e + 1]
            if nxt in _SEPARATORS or j == e + 1 and text[j:j + 1] in _SEPARATORS:
                mask |= (day_sep_listed if _listed(text, s) else 0) | (full_date if _full_date(text, runs, k) else 0)
                days_before_separator.append(k)
            elif j > e and text[j:j + 5].lower() == "tháng":
                mask |= day_month
                before_month[k] = True
        if mask:
            at[s] = mask
    for k in days_before_separator:  # its point is this run and the next two at most
        if any(joined[k:k + 3]):
            at[runs[k][0]] = at.get(runs[k][0], 0) | day_sep_range
    return joined, before_month


def _word_attempts(doc: Document, at: dict[int, int], joined: list[bool], before_month: list[bool]) -> None:
    """Adds to ``at`` (position → mask of patterns) the hits of the start words, by what follows them."""
    text, words, runs = doc.text, _word_masks(), doc.digit_runs
    for s, e in candidates_of(doc).hits("date_words"):
        if text[e:e + 1].isalpha() or (shapes := words.get(text[s:e].lower())) is None:
            continue  # no pattern has a letter after its first word: "từng" is no "từ"
        mask, before_digit, before_range, before_day, before_date, before_day_month = shapes
        if before_digit or before_range or before_day or before_date or before_day_month:
            k = bisect_left(runs, (e, e))  # the first run of digits after the word
            if k == len(runs):
                if mask:
                    at[s] = at.get(s, 0) | mask
                continue
            digits, digits_end = runs[k]
            if digits > e and text[e:digits].isspace():  # spaces, then a digit
                mask |= before_digit
            if before_range and any(joined[k:k + 3]):
                mask |= before_range
            if before_day and digits_end - digits <= 2 and \
                    text[digits_end:digits_end + 1] in _SEPARATORS and text[digits_end + 1:digits_end + 2] in _DIGITS:
                mask |= before_day
            if before_date and _full_date(text, runs, k):
                mask |= before_date
            if before_day_month and before_month[k]:
                mask |= before_day_month
        if mask:
            at[s] = at.get(s, 0) | mask


@cache
def _word_masks() -> dict[str, tuple[int, int, int, int, int, int]]:
    """Each start word → the patterns that may match where it is written: at once, or when a digit,
    a range's first point, a day and month, a whole date or a day before "tháng" follow it (see
    :data:`Begins`)."""
    masks = _masks()
    shapes = ("", "<n>", _RANGE, _TIGHT_DAY, _FULL_DATE, _DAY_MONTH)
    return {w: tuple(masks.get(f"{w} {shape}" if shape else w, 0) for shape in shapes) for w in _start_words()}


def _full_date(text: str, runs: list[tuple[int, int]], k: int) -> bool:
    """Can runs of digits ``k`` to ``k + 2`` be a day, a month and a year, each of the two
    separators a mark with a space at most on either side ("12/3/2017", "12 - 3 - 2017")?"""
    if k + 2 >= len(runs):
        return False
    (d, d_end), (m, m_end), (y, y_end) = runs[k:k + 3]
    return m - d_end <= 3 and y - m_end <= 3 and y_end - y == 4 and d_end - d <= 2 and m_end - m <= 2 and \
        text[y:y + 2] in ("19", "20") and text[d_end:m].strip() == text[m_end:y].strip() in _SEPARATORS


@cache
def _start_words() -> frozenset[str]:
    return frozenset(w.lower() for w in start_words())


class _WindowWords:
    """The start words written whole in each digit window (``words[w]``), read from the one-pass
    hits (sorted) of the window when first asked: most windows are never asked."""

    def __init__(self, doc: Document, hits: list[tuple[int, int]]):
        self._doc, self._hits, self._sets = doc, hits, {}

    def __getitem__(self, w: int) -> set[str]:
        if w not in self._sets:
            (start, end), text, hits = self._doc.digit_windows[w], self._doc.text, self._hits
            words, i = set(), bisect_left(hits, (start,))
            while i < len(hits) and hits[i][0] < end:  # a hit lies in the window whole or not at all in it
                if hits[i][1] <= end:
                    words.add(text[hits[i][0]:hits[i][1]].lower())
                i += 1
            self._sets[w] = words
        return self._sets[w]


def _words_in_windows(doc: Document) -> _WindowWords | None:
    """The start words written whole in each digit window, from the one-pass hits (where "in"
    finds them in the lower-cased window); None when the hits' offsets are not the lower-cased text's."""
    hits = candidates_of(doc)
    if not hits.as_lowered:
        return None
    return _WindowWords(doc, hits.hits("date_words"))


@cache
def _need_checks() -> tuple[tuple[bool, bool], ...]:
    """For each pattern, are its needs start words (read from the hits), and are they caseless (dashes)?"""
    return tuple((_start_words().issuperset(needs), all(word.lower() == word.upper() for word in needs))
                 for _, _, needs, _ in _patterns())


@cache
def _unasked() -> tuple[bool | None, ...]:
    """Does a window hold what each pattern needs, before it is asked: every window does for no needs."""
    return tuple(None if needs else True for _, _, needs, _ in _patterns())


def _holds(doc: Document, written: _WindowWords | None, w: int, i: int) -> bool:
    """Does digit window ``w`` hold one of the needs (some) of pattern ``i``?"""
    needs = _patterns()[i][2]
    start_words, caseless = _need_checks()[i]
    if written is not None and start_words:
        return not written[w].isdisjoint(needs)
    if caseless:
        start, end = doc.digit_windows[w]
        for word in needs:
            if doc.text.find(word, start, end) >= 0:
                return True
        return False
    return any(word in doc.lowered_windows[w] for word in needs)


def extract(doc: Document) -> list[DateMention]:
    windows = doc.digit_windows
    if not windows:
        return []
    text, patterns, unasked = doc.text, _patterns(), _unasked()
    written = _words_in_windows(doc)
    matches: list[list[regex.Match[str]]] = [[] for _ in patterns]
    last = [0] * len(patterns)  # where each pattern's last match ended
    w, n = 0, len(windows)
    holds: list[bool | None] = []  # pattern → does window w hold what it needs (None: not asked yet)
    held_in = -1  # the window ``holds`` is about
    for pos, indices in _attempts(doc):  # as finditer over each pattern's windows, tried only here
        while w < n and windows[w][1] <= pos:
            w += 1
        if w == n:
            break
        start, end = windows[w]
        if pos < start:
            continue
        if held_in != w:
            holds, held_in = list(unasked), w
        for i in indices:
            if pos < last[i]:
                continue
            if (ok := holds[i]) is None:
                ok = holds[i] = _holds(doc, written, w, i)
            if ok and (m := patterns[i][0].match(text, pos, end)) is not None:
                matches[i].append(m)
                last[i] = m.end() if m.end() > pos else pos + 1
    symbols = [(m.start, m.end) for m in doc.found.get("directives", []) if getattr(m, "symbol", None)]
    taken = Spans(symbols) if symbols else None  # most articles cite no directive by its symbol
    candidates: list[DateMention] = []
    for (_, build, _, _), found in zip(patterns, matches):
        for m in found:
            mention = build(m, doc)
            if mention and not (taken and overlaps(mention.start, mention.end, taken)):
                candidates.append(mention)
    return select(candidates)


# ---- declaration: what the rest of the package knows about this kind
from .. import compare  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="dates", record=DateMention, extract=extract, requires=("directives",), label="DATE", color="#b5e48c",
    notes={"value": "ISO date, month, quarter or year", "range_end": "end of a range (giai đoạn 2016-2020)"},
    key=compare.date_match,
    attributes=("resolved",), facets=("grain",),
)
