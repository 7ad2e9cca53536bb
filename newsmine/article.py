"""Press metadata and cleaning: from a saved news page to an :class:`Article`.

A page saved as text looks like the seeds: maybe a hotline banner and a date
line, maybe a series line ("..., bài 1:"), the headline, the lead (opening
with an outlet tag "BDK - "), body paragraphs with photo captions, a by-line
("A. Nguyệt - Ph. Hân - Th. Đồng") and trailing widgets ("Bình luận"). A
crawled body glues its by-line to the last sentence ("... kế hoạch. Minh Anh
(TTXVN)"); such a by-line gives the authors and stays in the text. Page words
are in lang/vi/press_words.tsv.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import cache

import regex

from .lang import vi
from .records import Article
from .text import alternation, lines as text_lines

VN_TZ = timezone(timedelta(hours=7))
_DATE = regex.compile(
    r"(?<![0-9])(?P<d>[0-9]{1,2})\s{0,2}[/.-]\s{0,2}(?P<m>[0-9]{1,2})\s{0,2}[/.-]\s{0,2}(?P<y>[0-9]{4})(?![0-9])"
)
_ISO_DATE = regex.compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")
_TIME = regex.compile(r"(?<![0-9:])(?P<H>[0-9]{1,2})\s{0,1}[:hg]\s{0,1}(?P<M>[0-9]{2})(?![0-9:/])")
_PHONE = regex.compile(r"(?<![0-9])(?:0|\+84)[0-9]{1,4}(?:[ .]?[0-9]{2,4}){2,3}(?![0-9])")
_OUTLET = regex.compile(r"^(?P<tag>\(?[^\s\-–—(][^\n\-–—]{0,28}?\)?)\s{0,2}[-–—]\s{1,3}(?P<rest>\S.*)$", regex.DOTALL)
#: How far into a lead the dash after an outlet tag may be: "(", 29 characters, ")", 2 spaces.
_OUTLET_DASH_BEFORE = 34
_TAG_SHAPE = regex.compile(r"^(?:\([^()]{1,28}\)|[\p{Lu}0-9&.]{2,12}(?:\.VN|\.vn)?|[\w.]{2,24}\.(?:vn|VN|com))$")
_NAME_WORD = regex.compile(r"^(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}\p{Ll}{0,12}|\p{Lu}{2,12})$")
#: A name word of a by-line glued to the text: also initials run into a name ("N.LIÊM", "H.Thúy", "P.V").
_GLUED_WORD = regex.compile(r"^(?:\p{Lu}\p{Ll}{0,2}\.){0,2}(?:\p{Lu}\p{Ll}{0,12}|\p{Lu}{2,12})$|^\p{Lu}\p{Ll}{0,2}\.$")
_INITIALS = regex.compile(r"^\p{Lu}\p{Ll}{0,2}\.\s?\p{Lu}")
#: Where a by-line glued to the last sentence may start: after final punctuation or a closing quote
#: (an article's closing "./." too: its last "." ends where it ends; one class, one test a character).
_GLUED_START = regex.compile(r"[.!?…”\")]\s{1,3}(?=\p{Lu})")
#: What may follow the names: the outlet or a note in parentheses, an outlet after a slash.
_BYLINE_NOTE = regex.compile(r"\s{0,3}\([^()\n]{1,40}\)\s{0,2}$|/[^/\s][^/\n]{0,40}$")
_GLUED_TAIL = 160
_BYLINE_SPLIT = regex.compile(r"\s{0,3}[-–—]\s{0,3}|\s{0,2}[,;&]\s{0,2}")


# ---------------------------------------------------------------- published

def published_from_parts(d: int, m: int, y: int, hh: int | None = None, mm: int | None = None) -> str | None:
    try:
        if hh is None:
            return datetime(y, m, d).date().isoformat()
        return datetime(y, m, d, hh, mm or 0, tzinfo=VN_TZ).isoformat(timespec="seconds")
    except ValueError:
        return None


def find_published(line: str) -> str | None:
    """The publication time in a page line: "Thứ bảy, 13/07/2024 07:01 GMT+7" → "2024-07-13T07:01:00+07:00"."""
    date = _DATE.search(line)
    if not date:
        return None
    d, m, y = int(date["d"]), int(date["m"]), int(date["y"])
    time = _TIME.search(line[date.end():]) or _TIME.search(line[: date.start()])
    if time and int(time["H"]) < 24 and int(time["M"]) < 60:
        return published_from_parts(d, m, y, int(time["H"]), int(time["M"]))
    return published_from_parts(d, m, y)


def date_line(line: str) -> str | None:
    """The publication time when ``line`` is nothing but a date line ("06/02/2023 - 07:07")."""
    if len(line) > 80 or not _DATE.search(line):
        return None
    rest = weekday_pattern().sub(" ", _TIME.sub(" ", _DATE.sub(" ", line)))
    rest = _press()["date_noise"].sub(" ", rest)
    if len(rest.strip()) > 3:
        return None
    return find_published(line)


@cache
def _press() -> dict[str, regex.Pattern[str]]:
    """Patterns over the words of press_words.tsv, by role."""
    words = _press_words()
    w = {role: alternation(ws) for role, ws in words.items()}
    cited = alternation(_cited())
    part = rf"{w['series']}\s{{0,2}}[0-9]{{1,3}}"
    credit = rf"(?:{w['work']}(?:\s{{0,2}}(?:{w['joiner']}|,|&|-)\s{{0,2}}{w['photo']})?|{w['photo']}|{w['credit']})"
    free = rf"(?!(?i:{alternation(words['attribution'] + words['joiner'])})\s)"
    i = regex.IGNORECASE
    return {
        "date_noise": regex.compile(
            rf"GMT\s?(?:[+-]\s?[0-9]{{1,2}}(?::?[0-9]{{2}})?)?|\(|\)|\||,|-|–|:|(?<!\p{{L}}){w['date_noise']}(?!\p{{L}})", i),
        "series_tail": regex.compile(rf"^(?P<series>.{{3,300}}?[,:;.]?\s{{0,3}}{part})\s{{0,2}}:\s{{0,3}}(?P<rest>.*)$", i),
        "series_line": regex.compile(rf"^.{{3,300}}?{part}\s{{0,2}}:?$", i),
        "byline_prefix": regex.compile(rf"^{credit}\s{{0,2}}:\s{{0,3}}", i),
        "byline_split": regex.compile(rf"{_BYLINE_SPLIT.pattern}|\s{{1,3}}{w['joiner']}\s{{1,3}}"),
        "attribution": regex.compile(rf"^\(?\s{{0,2}}{w['attribution']}\s{{1,3}}[^()]{{2,60}}\)?\.?$", i),
        "attribution_prefix": regex.compile(rf"^{w['attribution']}\s{{1,2}}(?=\p{{Lu}})", i),
        "attribution_after": regex.compile(rf"\s{{1,2}}{w['attribution']}\s[^()\n]{{1,40}}$", i),
        "compiled_prefix": regex.compile(rf"^(?:{w['compiled']}|{w['staff']})\s{{1,2}}(?=\p{{Lu}})", i),
        "photo_only": regex.compile(rf"^{w['photo']}\s{{0,2}}:", i),
        "caption": regex.compile(rf"(?:\(|\s|^){w['photo']}\s{{0,2}}:\s{{0,2}}\S", i),
        # "... mang tính tham khảo Tổng hợp Cự Giải": a capitalised "Theo", "Tổng hợp" inside a sentence
        "glued_before": regex.compile(rf"\s{cited}\s(?=\p{{Lu}})"),
        # "Tuy nhiên, xét thấy ...": words with no "(" nor "/", then one opening with a small letter,
        # no word before it or it a credit or a joiner (see _is_sentence)
        "sentence": regex.compile(rf"^[^\s(/]++(?: {free}(?!\p{{Ll}})[^\s(/]++)*+ {free}(?=\p{{Ll}})"),
    }


@cache
def _press_words() -> dict[str, list[str]]:
    """The words of press_words.tsv, by role."""
    words: dict[str, list[str]] = {}
    for word, role in vi.rows("press_words"):
        words.setdefault(role, []).append(word)
    return words


@cache
def _cited() -> list[str]:
    """An attribution or compilation word capitalised, as it opens a by-line glued inside a sentence."""
    words = _press_words()
    return [x[:1].upper() + x[1:] for x in words["attribution"] + words["compiled"]]


@cache
def weekday_pattern() -> regex.Pattern[str]:
    return regex.compile(alternation(vi.column("weekdays")), regex.IGNORECASE)


def normalize_published(value: object) -> str | None:
    """A ``published`` value from structured data (ISO string, epoch, Vietnamese date) to ISO 8601."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value), VN_TZ).isoformat(timespec="seconds")
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return find_published(text) or _iso_date_only(text)
    if len(text) <= 10:
        return parsed.date().isoformat()
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=VN_TZ)
    return parsed.isoformat(timespec="seconds")


def _iso_date_only(text: str) -> str | None:
    m = _ISO_DATE.search(text)
    return published_from_parts(int(m["d"]), int(m["m"]), int(m["y"])) if m else None


# ---------------------------------------------------------------- lines

@cache
def _widgets() -> dict[str, str]:
    return {line.casefold(): where for line, where in vi.rows("boilerplate")}


@cache
def _longest_widget() -> int:
    return max(map(len, _widgets()), default=0)


def widget(line: str) -> str | None:
    """"any" or "tail" when the line is page furniture ("Bình luận", "Tin liên quan"), else None."""
    key = line.strip().rstrip(":").strip()
    if len(key) > _longest_widget():  # case folding never shortens: a paragraph is no widget
        return None
    key = key.casefold()
    return _widgets().get(key) or _widgets().get(key + ":")


@cache
def _banner_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?<!\p{L})" + alternation(vi.column("banner_cues")) + r"(?!\p{L})", regex.IGNORECASE)


@cache
def _masthead_pattern() -> regex.Pattern[str]:
    words = [form for w in vi.column("mastheads") for form in (w, w[:1].upper() + w[1:], w.upper())]
    return regex.compile("^" + alternation(words) + r"\s+\p{Lu}")


def is_banner(line: str) -> bool:
    """A site banner: hotline or contact line, or a masthead ("BÁO LÀO CAI ĐIỆN TỬ")."""
    if len(line) > 160:
        return False
    if _banner_pattern().search(line) or len(_PHONE.findall(line)) >= 2:
        return True
    return len(line) <= 60 and bool(_masthead_pattern().match(line)) and not line.rstrip().endswith((".", "?", "!"))


def split_series(title: str) -> tuple[str | None, str]:
    """"“Đồng khởi mới” ..., bài 1: Thi đua ở từng nơi" → ("“Đồng khởi mới” ..., bài 1", "Thi đua ở từng nơi")."""
    m = _press()["series_tail"].match(title)
    if m and m["rest"].strip():
        return m["series"].strip(), m["rest"].strip()
    return None, title


def is_series_line(line: str) -> bool:
    return bool(_press()["series_line"].match(line))


@cache
def _known_outlets() -> frozenset[str]:
    return frozenset(vi.column("outlets"))


def split_outlet(lead: str) -> tuple[str | None, str]:
    """"BDK - Thực hiện Chỉ thị ..." → ("BDK", "Thực hiện Chỉ thị ...")."""
    opening = lead[:_OUTLET_DASH_BEFORE]
    if "-" not in opening and "–" not in opening and "—" not in opening:
        return None, lead  # no tag (1,870 of 2,000 dump leads): three finds, not a failing match
    m = _OUTLET.match(lead)
    if not m:
        return None, lead
    tag = m["tag"].strip()
    rest = m["rest"]
    words = tag.strip("()").split()
    known = tag.strip("()") in _known_outlets()
    shaped = bool(_TAG_SHAPE.match(tag))
    titled = 1 <= len(words) <= 3 and words[0][:1].isupper() and not any(c.isdigit() for c in tag)
    if (known or shaped or titled) and (rest[:1].isupper() or rest[:1].isdigit()):
        return tag.strip("()").strip(), rest
    return None, lead


def parse_byline(line: str) -> list[str] | None:
    """Author names when ``line`` is a by-line: "A. Nguyệt - Ph. Hân - Th. Đồng" → three names."""
    if len(line) > 90 or line[-1:] in "!?…" or (line.endswith(".") and not _NAME_WORD.match(line.split()[-1])):
        return None
    body = _press()["byline_prefix"].sub("", line.strip())
    names = [p.strip() for p in _press()["byline_split"].split(body) if p and p.strip()]
    if not names or len(names) > 6:
        return None
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
            return None
    return names


def glued_byline(paragraph: str) -> list[str] | None:
    """Author names of a by-line that a crawled body glues to its last sentence:
    "... đạt kế hoạch. Minh Anh (TTXVN)" → ["Minh Anh"]; None when the paragraph ends otherwise."""
    tail_start = max(0, len(paragraph) - _GLUED_TAIL)
    starts = [m.end() for m in _GLUED_START.finditer(paragraph, tail_start)]
    tail = paragraph[tail_start:]
    if any(word in tail for word in _cited()):  # each "glued_before" holds one: a find is 5 times as fast
        starts += [m.start() + 1 for m in _press()["glued_before"].finditer(paragraph, tail_start)]
    for start in sorted(starts):
        names = _glued_names(paragraph[start:].strip())
        if names:
            return names
    return None


def _glued_names(tail: str) -> list[str] | None:
    """The names of a by-line tail: "Theo P.V (Dân trí)", "Quang Trung-Xuân Hùng/VOV", "K.N (th)"."""
    if _is_sentence(tail):
        return None
    press, noted = _press(), False
    while (note := _BYLINE_NOTE.search(tail) or press["attribution_after"].search(tail)) and note.start() > 0:
        tail, noted = tail[:note.start()].rstrip(" -–,"), True
    if (cited := press["attribution_prefix"].match(tail)) and not noted:
        return None  # "Theo VnExpress": the source, not an author
    if press["photo_only"].match(tail):
        return None  # "Ảnh: Quang Minh" credits the last photo
    tail = press["compiled_prefix"].sub("", tail[cited.end():] if cited else tail)
    tail = press["byline_prefix"].sub("", tail)
    names = [n.strip() for n in press["byline_split"].split(tail) if n.strip()]
    if not 1 <= len(names) <= 6:
        return None
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5 or not all(_GLUED_WORD.match(w) for w in words):
            return None
        if (len(words) == 1 and not _INITIALS.match(name)) or name.casefold() in _outlet_names():
            return None
        if _masthead_pattern().match(name):
            return None  # "BÁO THANH TRA": the paper, not a person
    return names


def _is_sentence(tail: str) -> bool:
    """A tail that :func:`_glued_names` rejects, told by one anchored match (half the tails of a
    dump): words with no "(" nor "/", then one opening with a small letter ("Tuy nhiên, xét ..."),
    no word from the second to it a credit or a joiner, and no prefix at the start. No note cut
    then ends the tail before the small letter (a note opens with "(", "/" or a space and a
    credit), no prefix is stripped and no split takes it: it opens a word of a name, which
    must be capitalised."""
    press = _press()
    return bool(press["sentence"].match(tail)) and not any(
        press[prefix].match(tail) for prefix in ("attribution_prefix", "compiled_prefix", "byline_prefix"))


@cache
def _outlet_names() -> frozenset[str]:
    return frozenset(tag.casefold() for tag in vi.column("outlets"))


# ---------------------------------------------------------------- building

def from_page_text(raw: str, *, id: str, source: str) -> Article:
    """An article from a page saved as text (the shape of ``shared/seeds``)."""
    lines = text_lines(raw)
    published = series = title = None
    i = 0
    while i < len(lines) and title is None:
        line = lines[i]
        i += 1
        if is_banner(line):
            published = published or find_published(line)
        elif (when := date_line(line)) is not None:
            published = published or when
        elif widget(line) == "any":
            continue
        elif series is None and is_series_line(line) and i < len(lines):
            series = line.rstrip(":").strip()
        else:
            title = line
    while i < len(lines) and (is_banner(lines[i]) or date_line(lines[i]) is not None):
        published = published or find_published(lines[i])
        i += 1
    return build(id=id, source=source, title=title, series=series, body=lines[i:], published=published)


def from_parts(*, id: str, source: str, title: str | None, lead: str | None, body: str | None,
               published: object = None, authors: list[str] | None = None,
               warnings: list[str] | None = None) -> Article:
    """An article from structured fields (JSON Lines, three-line text, HTML)."""
    title_lines = text_lines(title or "")
    lead_lines = text_lines(lead or "")
    body_lines = text_lines(body or "")
    return build(
        id=id, source=source, title=" ".join(title_lines) or None, series=None,
        body=lead_lines + body_lines, published=normalize_published(published),
        authors=authors, warnings=warnings,
    )


def build(*, id: str, source: str, title: str | None, series: str | None, body: list[str],
          published: str | None, authors: list[str] | None = None,
          warnings: list[str] | None = None) -> Article:
    """Clean the body (widgets, duplicate captions, by-line), split lead and outlet, join the text."""
    if title and series is None:
        series, title = split_series(title)
    while body and (is_banner(body[0]) or date_line(body[0]) is not None):
        published = published or find_published(body[0])
        body = body[1:]
    body, found_authors = clean_body(body)
    lead = outlet = None
    if body:
        outlet, lead = split_outlet(body[0])
        body = [lead, *body[1:]]
    text = "\n\n".join(p for p in [title, *body] if p)
    notes = list(warnings or [])
    if not text.strip():
        notes.append("article has no text")
    return Article(
        id=id, source=source, title=title or None, series=series, outlet=outlet,
        published=published, authors=list(authors or found_authors), lead=lead or None,
        text=text, warnings=notes,
    )


def clean_body(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop widgets, repeated captions and the trailing by-line; return (paragraphs, authors)."""
    kept: list[str] = []
    seen_captions: set[str] = set()
    for n, line in enumerate(lines):
        where = widget(line)
        if where == "tail" and n >= len(lines) // 2:
            break
        if where == "any" or (kept and line == kept[-1]):
            continue
        if len(line) < 400 and _press()["caption"].search(line):
            if line in seen_captions:
                continue
            seen_captions.add(line)
        kept.append(line)
    authors: list[str] = []
    while len(kept) > 1:
        last = kept[-1]
        if _press()["attribution"].match(last) or _PHONE.fullmatch(last):
            kept.pop()
            continue
        names = parse_byline(last) if len(kept) > 2 else None
        if names and not authors:
            authors = names
            kept.pop()
            continue
        break
    if not authors and len(kept) > 1:
        # a by-line glued to the last sentence stays in the text: its outlet ("(TTXVN)") is a unit
        authors = glued_byline(kept[-1]) or []
    return kept, authors
