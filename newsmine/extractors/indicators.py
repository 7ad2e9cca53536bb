"""Measured numbers: "gần 92 ngàn hồ sơ", "19,7 tỷ đồng", "tăng 5,29%", "15/19 tiêu chí".

Vietnamese writing: a dot groups thousands, a comma marks decimals. Dates,
directive numbers, ordinals, durations, ages and phone numbers are not
indicators.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from ..candidates import of as candidates_of, scan
from ..document import Document, overlaps
from ..lang import vi
from ..records import Indicator
from ..text import alternation, word_after
from . import select

_NUM = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,4})?|[0-9]{1,12}(?:,[0-9]{1,4})?|[0-9]{1,3}\.[0-9]{1,2}"
# A match's groups are read by number here: by name the ``regex`` module takes four times as long.
#: A word after spaces, and the lower-case syllable one space after it when there is one (read
#: in the same match: "hồ" and "sơ" in " hồ sơ"); the word ends at ``end(1)``.
_WORD = regex.compile(r"[^\S\n]{1,3}([\p{L}0-9²³][\p{L}0-9²³-]{0,12})(?: (\p{Ll}{1,7})(?![\p{L}0-9]))?")
# Patterns that end at the end of a window before a number are searched from the right (REVERSE):
# the same match, found without trying every start in the window.
_COMPOUND_BEFORE = regex.compile(r"(?:^|[^.!?:\n\s]\s{1,2})(\p{Lu}\p{Ll}*\s\p{Ll}+)\s$", regex.REVERSE)
_NAME_BEFORE = regex.compile(r"(?:^|[^.!?:\n\s]\s{1,2})(\p{Lu}[\p{L}0-9]*)\s$", regex.REVERSE)
_BEFORE = regex.compile(r"((?:[\p{L}.]+\s+){0,2}[\p{L}.]+)\s*$", regex.REVERSE)
_DATE_TAIL = regex.compile(r"\s+(?:năm|trong năm|tháng|quý)\s+[0-9IVX/]+\s*$|\s+[0-9]{4}\s*$", regex.IGNORECASE)


def parse_number(raw: str) -> float:
    """"11.991" → 11991.0, "96,69" → 96.69, "1.234,5" → 1234.5, "1.5" → 1.5."""
    if "," in raw:
        return float(raw.replace(".", "").replace(",", "."))
    if "." not in raw:
        return float(raw)
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
        "pair_ends": {w.split(" ")[-1] for w, role in roles.items() if role == "qualifier" and " " in w},
        "before": {r[0] for r in vi.rows("not_indicator_before") if r[1:2] != ("allow",)},
        "allow": {r[0] for r in vi.rows("not_indicator_before") if r[1:2] == ("allow",)},
        "capital": {w for w, role in rows if role == "capital"},
        "not_spelled": {w for w, role in rows if role == "not_spelled"},
        "heads": vi.column("metric_heads"),
        "words": vi.dictionary(),
    }


@cache
def _symbol_units() -> regex.Pattern[str]:
    units = alternation(vi.column("measure_units"))
    return regex.compile(rf"[^\S\n]?({units}(?:/(?:{units}|người|tháng|năm|ngày|con|lượt|hộ))?)(?![\p{{L}}0-9])")


@cache
def _unit_openings() -> tuple[frozenset[str], frozenset[str]]:
    """The first character of each measurement symbol, and its first two (the whole of a one-character one)."""
    units = vi.column("measure_units")
    return frozenset(unit[0] for unit in units), frozenset(unit[:2] for unit in units)


def _may_open_a_unit(text: str, pos: int) -> bool:
    """Can a measurement symbol start at ``pos`` or one character after it (where
    ``_symbol_units`` looks)? False, without a regular expression, for most words ("tuổi", "lần")."""
    firsts, openings = _unit_openings()
    return (text[pos + 1:pos + 2] in firsts and (text[pos + 1:pos + 3] in openings or text[pos + 1:pos + 2] in openings)
            or text[pos:pos + 1] in firsts and (text[pos:pos + 2] in openings or text[pos:pos + 1] in openings))


@cache
def _pattern() -> regex.Pattern[str]:
    """A number and what follows it; the rest is tried only where one of its openings is next
    (after spaces): most numbers have none, and its parts take ~0.6 µs to fail."""
    return regex.compile(
        rf"(?<![\p{{L}}0-9.,/:+-])(?P<num>{_NUM})(?![0-9]|[.,:][0-9])"
        rf"(?:(?=\s*+(?:{_after_number_openings()})){_after_number()})?",
        regex.VERSION1,
    )


def _after_number() -> str:
    """What may follow a number, every part optional: a range or a ratio, a percent or a scale word,
    a currency ("5-7", "15/19", "5,29%", "19,7 tỷ đồng", "184 triệu 200 nghìn đồng")."""
    lex = _lexicon()
    scales = alternation(list(lex["scales"]))
    currencies = alternation(list(lex["currencies"]))
    return (
        rf"(?:(?:\s{{0,1}}%(?=\s{{0,2}}(?:[-–]|đến|tới)\s{{0,2}}[0-9.,]{{1,12}}\s{{0,1}}%))?"
        rf"(?:\s{{0,2}}[-–]\s{{0,2}}|\s+(?:đến|tới)\s+)(?P<num2>{_NUM})(?![0-9]|[.,/:][0-9])"
        rf"|\s{{0,1}}/\s{{0,1}}(?P<den>[0-9]{{1,6}})(?![0-9/]|[.,][0-9]))?"
        rf"(?:\s{{0,1}}(?P<pct>%)|\s+(?P<scale>{scales})(?!\p{{L}})"
        rf"(?:\s+(?P<num3>[0-9]{{1,3}})\s+(?P<scale2>{scales})(?!\p{{L}}))?)?"
        rf"(?:\s{{0,1}}(?P<cur>{currencies})(?!\p{{L}}))?"
    )


def _after_number_openings() -> str:
    """What anything of ``_after_number`` opens with, past its spaces: a mark, a range word, a scale, a currency."""
    return alternation(_openings())


@cache
def _openings() -> tuple[str, ...]:
    """The openings of ``_after_number_openings``, as strings."""
    lex = _lexicon()
    return ("%", "/", "–", "-", "đến", "tới", *lex["scales"], *lex["currencies"])


@cache
def _openings_by_first() -> dict[str, tuple[str, ...]]:
    """The openings of ``_after_number_openings`` by their first character."""
    by_first: dict[str, tuple[str, ...]] = {}
    for opening in _openings():
        by_first[opening[0]] = (*by_first.get(opening[0], ()), opening)
    return by_first


#: What a number's digits may not follow (with a letter), as the pattern's look-behind reads it.
_GLUED = "0123456789.,/:+-"
_LETTER = regex.compile(r"\p{L}")


@lru_cache(maxsize=4096)
def _letter(char: str) -> bool:
    """Is ``char`` a letter as the pattern reads one? ``str.isalpha`` knows fewer (an older Unicode)."""
    return _LETTER.match(char) is not None


def _numbers(doc: Document) -> Iterator[tuple[int, int, tuple[str | None, ...]]]:
    """(start, end, groups) of each match of ``_pattern()`` at a digit start, as ``doc.finditer`` finds
    them (in the digit windows, none starting inside the one before). Without the pattern where it
    cannot match (a letter or a mark before the digits), and where it can only match the digits: a
    number ends with its digits unless a mark follows them, and nothing of ``_after_number`` follows
    it unless one of its openings does (past a space)."""
    text, pattern, alone = doc.text, _pattern(), (None,) * (_pattern().groups - 1)
    windows, w, last = doc.digit_windows, 0, 0
    for start, end in doc.digit_runs:
        if start < last:
            continue
        before = text[start - 1] if start else " "
        if before in _GLUED or before.isalpha() or not before.isascii() and _letter(before):
            continue
        if end - start <= 12 and not _may_go_on(text, end):
            last = end
            yield start, end, (text[start:end], *alone)
            continue
        while windows[w][1] <= start:
            w += 1
        if (m := pattern.match(text, start, windows[w][1])) is not None:
            last = m.end()
            yield start, last, m.groups()


def _may_go_on(text: str, end: int) -> bool:
    """Can a number read from digits ending at ``end`` go on past them, or be followed by an opening
    of ``_after_number``? True at a mark before a digit ("5,2", "5.000", "5:30"), another space, or a
    whole opening past one space ("5%", "5 tỷ", "5 đồng"; not "5 đi", "5 tỉnh")."""
    after = text[end:end + 1]
    if after == " ":
        end += 1
        after = text[end:end + 1]
    elif after in ".,:":
        return text[end + 1:end + 2] in "0123456789"  # "" at the end of the text too
    openings = _openings_by_first().get(after)
    if openings is None:
        return after.isspace()
    return text.startswith(openings, end) and _whole_opening(text, end, openings)


def _whole_opening(text: str, pos: int, openings: tuple[str, ...]) -> bool:
    """Is one of ``openings`` at ``pos`` a mark, or a word no letter follows? ``_after_number`` reads
    its words only before a non-letter: "đi" starts with "đ", "tỉnh" with "tỉ", and neither is read."""
    for opening in openings:
        if text.startswith(opening, pos):
            after = pos + len(opening)
            if not opening[0].isalpha() or not text[after:after + 1].isalpha():
                return True
    return False


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
    lex = _lexicon()
    roles = lex["roles"]
    qualifier = change = None
    s1, w1 = _word_before(text, start)
    one = w1.lower()
    role = roles.get(one)
    # the word before that only when the two may be a qualifier ("gần như", "xấp xỉ")
    s2, w2 = _word_before(text, s1) if one in lex["pair_ends"] else (s1, "")
    if w2 and roles.get(f"{w2} {w1}".lower()) == "qualifier":
        qualifier, start = f"{w2} {w1}", s2
    elif role == "qualifier":
        qualifier, start = w1, s1
    elif role == "change":
        return None, w1, s1
    if qualifier:
        s3, w3 = _word_before(text, start)
        if w3.lower() == "thêm":
            s3, w3 = _word_before(text, s3)
        if roles.get(w3.lower()) == "change":
            change, start = w3, s3
    return qualifier, change, start


def _counted_noun(text: str, pos: int) -> tuple[str | None, int, bool]:
    """The counted noun after ``pos``, where it ends, and whether it is a listed noun or unit.

    A measurement symbol ("GB", "km/h"), an upper-case abbreviation ("HTX"), or
    the longest dictionary word of one or two syllables ("người", "hồ sơ",
    "khách hàng"; "người lao động" → "người"), skipping a measure word ("3.000
    bộ hồ sơ" → "hồ sơ") unless it starts a word itself ("bộ phận"). A capital
    is kept only on the nouns listed as such ("8 Phó Giám đốc", "hai Đảng").
    """
    lex = _lexicon()
    if _may_open_a_unit(text, pos) and (sym := _symbol_units().match(text, pos)) is not None:
        return sym[1], sym.end(), True
    m = _WORD.match(text, pos)
    if not m:
        return None, pos, False
    word = m[1]
    if word.isupper() and len(word) >= 2 and word.isalpha():
        return word, m.end(1), False
    if not word[:1].islower():  # "5 Kỷ niệm chương"; "Quân y 354 Bệnh viện" is left to the name check
        if found := _dictionary_word(m, lex["capital"]):
            return (*found, True)
        found = _dictionary_word(m, lex["nouns"])
        return (*found, False) if found and " " in found[0] else (None, pos, False)
    found = _dictionary_word(m, lex["nouns"])
    if found is None and word.lower() in lex["measures"]:
        after = _WORD.match(text, m.end(1))
        if after and after[1].lower() not in lex["exclude"]:
            found = _dictionary_word(after, lex["nouns"])
            m = after if found is None and after[1][:1].islower() else m
    if found is not None:
        return (*found, found[0].lower() in lex["nouns"] or found[0].split()[0].lower() in lex["nouns"])
    first = m[1]
    if first in lex["exclude"] or first.isdigit():
        return None, pos, False
    return first, m.end(1), False


def _dictionary_word(m: regex.Match[str], listed: set[str]) -> tuple[str, int] | None:
    """A two-syllable noun read by ``m`` (a ``_WORD`` match) when it is a listed or a dictionary word;
    a listed noun otherwise."""
    lex = _lexicon()
    word = m[1]
    if syllable := m[2]:
        pair = f"{word} {syllable}"
        key = pair.lower()
        if key in listed or (listed is lex["nouns"] and word.lower() not in lex["exclude"] and key in lex["words"]):
            return pair, m.end(2)
    if word.lower() in listed:
        return word, m.end(1)
    return None


def _blocked_before(text: str, start: int, names: bool = True) -> bool:
    """An identifier, an ordinal or a name's number: "lần thứ 5", "Sư đoàn 330", "Đài Thơm 8", "Quân y 354".

    ``names`` False: a capitalised word before does not block ("Công an tỉnh Hưng Yên
    10 triệu đồng": money, percentages and listed nouns are not parts of names).
    """
    lex = _lexicon()
    window = text[max(0, start - 40): start]
    if names:
        name = _NAME_BEFORE.search(window)
        if name and name[1].lower() not in lex["roles"]:
            return True
        compound = _COMPOUND_BEFORE.search(window)
        if compound and compound[1].lower() in lex["words"]:
            return True
    if not _may_end_a_phrase_before(window):
        return False
    m = _BEFORE.search(window)
    if not m:
        return False
    words = m[1].split()
    for n in (3, 2, 1):
        phrase = " ".join(words[-n:]) if len(words) >= n else ""
        if phrase in lex["allow"]:
            return False
        if phrase in lex["before"]:
            return True
    return False


@cache
def _last_words_before() -> frozenset[str]:
    lex = _lexicon()
    return frozenset(phrase.split()[-1] for phrase in lex["before"] | lex["allow"])


def _may_end_a_phrase_before(window: str) -> bool:
    """Can a phrase of ``not_indicator_before.tsv`` end the window (as ``_BEFORE`` reads its last
    word)? False, at once, when the last word ends none."""
    window = window.rstrip(" \n")
    if window[-1:].isspace():
        return True  # another space: left to the pattern
    word = window[window.rfind(" ") + 1:]  # the letters after the last space, most often
    if not word.isalpha():  # a mark or a dot in it: its letters and dots from the end, one by one
        i = len(window)
        while i and (window[i - 1].isalpha() or window[i - 1] == "."):
            i -= 1
        word = window[i:]
    return word in _last_words_before()


@cache
def _heads() -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\p{{L}}){alternation(_lexicon()['heads'])}(?!\p{{L}})")


#: What may stand between a metric's verb and its value ("đạt mức 5%", "vào khoảng 20%").
_LEVEL_WORDS = ("mức", "khoảng")


@cache
def _verb_before_value() -> regex.Pattern[str]:
    return regex.compile(rf"\s(?:{alternation(vi.column('metric_verbs'))})\s+(?:(?:{'|'.join(_LEVEL_WORDS)})\s+)?$",
                         regex.REVERSE)


@cache
def _verb_ends() -> tuple[str, ...]:
    """The words that end the text before a value ``_verb_before_value`` finds: a verb's last, or a level word."""
    return tuple({verb.split()[-1] for verb in vi.column("metric_verbs")} | set(_LEVEL_WORDS))


def _may_follow_a_verb(text: str, start: int) -> bool:
    """Can ``_verb_before_value`` find its verb in the 300 characters before ``start``? False, without
    a regular expression, when the word before (past spaces) ends no verb nor level word ("có 5", "ngày 20")."""
    head, j = max(0, start - 300), start
    while j > head and text[j - 1].isspace():
        j -= 1
    return text.endswith(_verb_ends(), head, j)


def _metric(doc: Document, start: int) -> str | None:
    """What the value at ``start`` measures: the metric head before the verb that gives it
    ("tỷ lệ hộ nghèo giảm còn 2,5%"), in its sentence and at most 300 characters back."""
    text = doc.text
    if not _may_follow_a_verb(text, start) or not _verb_before_value().search(text[max(0, start - 300):start]):
        return None  # no verb before the value even past its sentence (the sentence is not needed)
    head = text[max(doc.sentence_at(start)[0], start - 300):start]
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
    for num_start, end, (num, num2, den, pct, scale_word, num3, scale2, cur) in _numbers(doc):
        if len(num) >= 9 and "." not in num and "," not in num:
            continue  # a phone or an id number
        if taken.overlaps(num_start, end):
            continue  # a date's or a document's number
        value = parse_number(num)
        unit, listed = None, True
        scale = lex["scales"].get(scale_word or "", 1.0)
        if pct:
            unit = "%"
        elif cur:
            unit = lex["currencies"][cur]
        else:
            unit, end, listed = _counted_noun(text, end)
            if unit is None and not scale_word:
                continue
            if unit in lex["durations"]:
                continue
        qualifier, change, start = _prefix(text, num_start)
        if _blocked_before(text, num_start, not (listed or scale_word)):
            continue
        if den and unit is None:
            continue
        value_max = parse_number(num2) * scale if num2 else None
        if num3:  # "184 triệu 200 nghìn đồng"
            value += parse_number(num3) * lex["scales"][scale2] / scale
        found.append(_indicator(doc, start, end, value * scale, value_max, unit, qualifier, change,
                                float(den) if den else None))
    heights = [s for s, e in doc.digit_runs if e - s == 1 and text[e:e + 1] == "m"]  # one digit, then "m"
    for m in doc.finditer(_HEIGHT, starts=heights):  # "cao 1m65"
        if not overlaps(m.start(), m.end(), taken):
            found.append(_indicator(doc, m.start(), m.end(), int(m["m"]) + int(m["cm"]) / 100, None, "m"))
    found.extend(_spelled(doc, taken))
    return select(found)


def _indicator(doc: Document, start: int, end: int, value: float, value_max: float | None, unit: str | None,
               qualifier: str | None = None, change: str | None = None,
               denominator: float | None = None) -> Indicator:
    return Indicator(text=doc.text[start:end], start=start, end=end, value=value, value_max=value_max,
                     unit=unit, qualifier=qualifier, change=change, metric=_metric(doc, start),
                     denominator=denominator)


@cache
def _number_words() -> dict[str, tuple[int, str, bool]]:
    return {w: (int(v), role, alone == "yes") for w, v, role, alone in vi.rows("number_words")}


def number_words() -> list[str]:
    """Where a count in words starts."""
    return list(_number_words())


@cache
def _spelled_pattern() -> regex.Pattern[str]:
    """Runs of number and scale words that start with a number word: one pass over the text."""
    numbers, scales = list(_number_words()), list(_lexicon()["scales"])
    words = alternation([*numbers, *scales])
    # \b first: several times faster than a look-behind, and the same at a word's start
    return regex.compile(rf"\b(?:{alternation(numbers)})(?:\s(?:{words})){{0,9}}(?![\p{{L}}0-9])",
                         regex.IGNORECASE | regex.VERSION1)


def spelled_value(words: list[str]) -> tuple[float, int] | None:
    """The value of number words read from the start and how many words it takes.

    "mười lăm" → 15, "hai mươi mốt" → 21, "năm trăm triệu" → 500000000; reading stops
    where the words stop making a number ("mười năm": ten, then years). A count by
    one word that is not a count alone ("một", "năm") is None.
    """
    table, scales = _number_words(), _lexicon()["scales"]
    if len(words) == 1 and not table.get(words[0].lower(), (0, "", False))[2]:
        return None  # one word that is no count alone (what the end of the loop would decide)
    total = group = 0.0
    digit: int | None = None
    used, prev_role = 0, ""
    i = 0
    while i < len(words):
        pair = " ".join(words[i:i + 2]).lower()
        w = pair if pair in scales and i + 1 < len(words) else words[i].lower()
        step = 2 if " " in w else 1
        value, role, _ = table.get(w, (0, "scale" if w in scales else "", False))
        if role == "digit" and digit is None and (prev_role in ("", "hundred", "zero", "scale")
                                                  or prev_role in ("ten", "tens") and w != "năm"):
            digit = value  # "mười năm" is ten years: after mười/mươi five is "lăm"
        elif role == "ten" and digit is None and group % 100 == 0 and prev_role in ("", "hundred", "zero", "scale"):
            group += 10
        elif role == "tens" and digit is not None and prev_role == "digit":
            group, digit = group + digit * 10, None
        elif role == "hundred" and digit is not None and prev_role == "digit":
            group, digit = group + digit * 100, None
        elif role == "after_tens" and prev_role in ("ten", "tens"):
            digit = value
        elif role == "zero" and prev_role == "hundred":
            pass
        elif role == "scale" and (group or digit):
            total, group, digit = total + (group + (digit or 0)) * scales[w], 0.0, None
        else:
            break
        prev_role, i = role, i + step
        used = i
    if used == 0 or used == 1 and not table.get(words[0].lower(), (0, "", False))[2]:
        return None
    return total + group + (digit or 0), used


_SENTENCE_OPEN = regex.compile(r"(?:^|[.!?:;\n“\"(…-]\s*)$")
_SPELLED_TO = regex.compile(r"\s+(?:đến|tới)\s+(?:dưới\s+|trên\s+)?")
_HEIGHT = regex.compile(r"(?<![\p{L}0-9.,])(?P<m>[0-9])m(?P<cm>[0-9]{2})(?![\p{L}0-9])")


def _spelled_amount(text: str, pos: int,
                    m: regex.Match[str] | None = None) -> tuple[float, str | None, int, bool] | None:
    """A spelled-out number at ``pos`` (its match ``m`` when already made) and what it counts:
    (value, unit, end, is money)."""
    lex = _lexicon()
    m = m or _spelled_pattern().match(text, pos)
    if not m:
        return None
    words = m[0].split()
    parsed = spelled_value(words)
    if parsed is None:
        return None
    value, used = parsed
    end = pos
    for w in words[:used]:
        end = text.index(w, end) + len(w)
    cur = _currency_after().match(text, end)
    if cur:
        return value, lex["currencies"][cur[1]], cur.end(), True
    unit, unit_end, listed = _counted_noun(text, end)
    if unit is None or unit_end == end or {unit.lower(), unit.split()[0].lower()} & (lex["not_spelled"] | lex["durations"]):
        return None
    if not listed and (unit.isupper() or " " not in unit):
        return None  # a single unlisted word after a number word is rarely a count
    return value, unit, unit_end, False


@cache
def _currency_after() -> regex.Pattern[str]:
    return regex.compile(rf"\s({alternation(list(_lexicon()['currencies']))})(?!\p{{L}})")


@cache
def _counting_words() -> tuple[frozenset[str], frozenset[str]]:
    """(number words that are no count alone, the first words of number and scale words)."""
    table = _number_words()
    return (frozenset(w for w, (_, _, alone) in table.items() if not alone),
            frozenset(w.split(" ")[0] for w in [*table, *_lexicon()["scales"]]))


@cache
def _follow_openings() -> frozenset[str]:
    """The first two letters, lower-cased, of the words that may follow a number word (``_counting_words``;
    every one has two letters at least): a word that opens with none of them is none of those words."""
    return frozenset(w[:2] for w in _counting_words()[1])


def _spelled_starts(text: str, hits: list[tuple[int, int]]) -> list[int]:
    """Where a count in words may start: at a number word, unless it is no count alone ("một",
    "năm") and no number or scale word follows it ("năm 2017", "đầu tư"), when it can only be read alone."""
    lone, follow = _counting_words()
    openings = _follow_openings()
    out: list[int] = []
    for s, e in hits:
        if text[s:e].lower() in lone and (text[e + 1:e + 3].lower()[:2] not in openings or word_after(text, e) not in follow):
            continue
        if not out or out[-1] != s:
            out.append(s)
    return out


def _spelled(doc: Document, taken) -> list[Indicator]:
    """Counts written in words: "hai đơn vị", "Ba Phó ban", "năm trăm triệu đồng"."""
    text, out = doc.text, []
    for m in scan(_spelled_pattern(), text, _spelled_starts(text, candidates_of(doc).hits("number_words"))):
        start = m.start()
        if text[start].isupper() and not _SENTENCE_OPEN.search(text[max(0, start - 3):start]):
            continue  # "Hai Bà Trưng", "giải Ba", "cô Mười": names
        if overlaps(start, start + 1, taken):
            continue  # inside a date or a document's name ("năm 2017")
        amount = _spelled_amount(text, start, m)
        if amount is None or overlaps(start, amount[2], taken) or _blocked_before(text, start, names=False):
            continue
        value, unit, end, money = amount
        value_max = None
        to = _SPELLED_TO.match(text, end) if money else None
        if to and (upper := _spelled_amount(text, to.end())) and upper[3]:
            value_max, end = upper[0], upper[2]
        qualifier, change, qstart = _prefix(text, start)
        out.append(_indicator(doc, qstart, end, value, value_max, unit, qualifier, change))
    return out


# ---- declaration: what the rest of the package knows about this kind
from .. import compare  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="indicators", record=Indicator, extract=extract, requires=("dates", "directives"), label="INDICATOR",
    color="#ffd166",
    notes={"value": "normalised number", "unit": "%, đồng, USD or the counted noun",
           "metric": "what the number measures, when the sentence names it"},
    key=compare.indicator_match,
    attributes=("value_max", "qualifier", "change", "metric"), facets=("unit",),
)
