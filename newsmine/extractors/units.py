"""Organisations and administrative units: "BHXH tỉnh Bến Tre", "Ban Thường vụ Tỉnh ủy", "huyện Chợ Lách".

A name is a head from ``unit_heads.tsv`` ("Sở", "Công ty CP", "Quân khu")
followed by what a reader takes as part of the name:

- field words, a capitalised syllable and the lower-case syllables that make
  a dictionary word with it ("Y tế", "Nhà nước", "Dệt may"), or an
  abbreviation ("GD-ĐT", "TNHH", "BĐBP"), joined by "và", "&", " - ";
- proper names, runs of capitalised syllables ("Quảng Ninh", "Chu Văn An");
- another head, forming a body of a unit ("Ban Thường vụ" + "Tỉnh ủy");
- a number after heads that take one ("Quân khu 9", "Trung đoàn 1");
- a place, which closes the name ("tỉnh Bến Tre", a bare "tỉnh", "Việt Nam").

After a title ("Giám đốc Sở Y tế ..."), a run that starts with a family name
is the person, not the unit. ``canonical`` expands abbreviations and completes
a bare level ("UBND tỉnh") with the province the article is about.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Iterable

import regex

from .. import candidates, gazetteer
from ..document import Document, Spans, overlaps
from ..lang import vi
from ..records import Unit, UnitKind
from ..text import alternation
from . import select

_ABBREVIATION = regex.compile(r"^(?:\p{Lu}{2,}[\p{L}0-9&]*|\p{Lu}\p{Ll}?\p{Lu}[\p{L}0-9&]*)(?:-\p{Lu}[\p{L}0-9&]*)*$")
_MAX_TOKENS = 10
_DIGITS = "0123456789"


@dataclass(frozen=True)
class Head:
    kind: UnitKind | None      # None: takes the kind of the unit it belongs to
    full: bool                 # a complete name on its own
    numbered: bool             # may be followed by a number
    soft: bool = False         # a section ("Phòng", "Đội"): another head in the name decides


@cache
def _data() -> dict[str, object]:
    heads: dict[str, Head] = {}
    lower: set[str] = set()  # heads also written in lower case, before a capitalised name only
    for row in vi.rows("unit_heads"):
        soft = row[1].startswith("soft:")
        kind = None if row[1] == "inherit" else UnitKind(row[1].removeprefix("soft:"))
        head = Head(kind, len(row) > 2 and row[2] == "yes", len(row) > 3 and row[3] == "yes", soft)
        for form in {row[0], vi.tone_variant(row[0])}:  # "Thành ủy" / "Thành uỷ"
            heads.setdefault(form, head)
            if len(row) > 4 and row[4] == "yes":
                lower.add(form[:1].lower() + form[1:])
    for form in lower:
        heads.setdefault(form, heads[form[:1].upper() + form[1:]])
    for tag in vi.column("outlets"):  # outlets named as sources: "(TTXVN)", "theo VOV"
        if _ABBREVIATION.match(tag):
            heads.setdefault(tag, Head(UnitKind.OTHER, True, False))
    provinces: dict[str, str] = {}
    for row in vi.rows("provinces"):
        provinces[row[0]] = row[0]
        for alias in (row[4].split("|") if len(row) > 4 and row[4] else []):
            provinces[alias] = row[0]
    levels = vi.mapping("admin_levels")
    level_firsts = frozenset(w.lower().split(" ")[0] for w in levels)
    level_abbr = frozenset(w for w in levels if w[:1].isupper())
    soft = frozenset(h for h, head in heads.items() if head.soft)
    return {
        "heads": heads, "levels": levels, "roles": _roles(),
        "level_abbr": level_abbr, "provinces": provinces, "abbr": vi.mapping("abbreviations"),
        "abbr_phrases": tuple((a, full) for a, full in vi.mapping("abbreviations").items() if " " in a),
        "words": vi.dictionary(), "titles": vi.column("titles"), "surnames": frozenset(vi.column("surnames")),
        "level_words": frozenset(w.lower() for w in levels), "field_nouns": frozenset(vi.column("field_nouns")),
        "head_starts": frozenset(h.split()[0] for h in heads), "lower_heads": frozenset(lower), "lower_head_ends": frozenset(h.rsplit(" ", 1)[-1] for h in lower),
        # heads that lower-case field words may follow: a section, a party's, or one opening with a section
        "field_openers": frozenset(h for h, head in heads.items() if head.soft or head.kind is UnitKind.PARTY
                                   or h.split(" ")[0] in soft),
        # first words: most tokens start no level, province or country, and are dismissed at once
        "level_firsts": level_firsts, "level_starts": level_firsts | level_abbr, "country_firsts": gazetteer.country_firsts(),
        "place_firsts": level_firsts | level_abbr | gazetteer.country_firsts(),  # a level's or a country's
        "province_firsts": frozenset(name.split(" ")[0] for name in provinces),
        # as a unit name opens with them: heads in capitals, levels in lower case or capitalised
        "upper_heads": frozenset(h for h in heads if h not in lower),
        "level_forms": frozenset(w for lv in levels for w in (lv, lv[:1].upper() + lv[1:])),
    }


def _roles() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in vi.rows("unit_name_words"):
        roles.setdefault(row[0], set()).update({row[1], vi.tone_variant(row[1])})
    return {role: frozenset(words) for role, words in roles.items()}


def head_words() -> list[str]:
    """Every head, as written in capitals or in lower case: where a unit name starts."""
    return list(_data()["heads"])


def level_words() -> list[str]:
    return list(_data()["levels"])


def province_words() -> list[str]:
    return list(_data()["provinces"])


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    data = _data()
    return {
        "head": regex.compile(rf"(?<![\p{{L}}0-9/-])(?P<head>{alternation(list(data['upper_heads']))})(?![\p{{L}}0-9])"),
        "province": regex.compile(rf"(?<![\p{{L}}])(?P<name>{alternation(list(data['provinces']))})(?![\p{{L}}])"),
        "title": regex.compile(rf"(?<![\p{{L}}]){alternation(data['titles'])}\s*$", regex.REVERSE),  # read from the end
    }


_WORD = r"(?P<t>[\p{L}0-9][\p{L}0-9&]*(?:(?:-|\.(?=\p{Lu}))[\p{L}0-9&]+)*\.?|[-–&](?= )|,(?= \p{Lu}))"
#: as many words as a name is read over (the first of a longer run are the same: nothing follows to backtrack for)
_WORDS = regex.compile(rf"[ ]{{0,2}}{_WORD}(?:(?:[ ]{{1,2}}|(?<=[^ ,])(?=,)){_WORD}){{0,{_MAX_TOKENS - 1}}}")
#: the words' group by number: a match reads its captures by number twice as fast as by name
_WORD_GROUP = _WORDS.groupindex["t"]


class _Tokens:
    """Up to 10 words from a position on, read with one match, stopping at punctuation
    (a final dot stays only on abbreviations). The match's own lists are kept: a word's end is
    its start plus its length, built only when asked for. Built several times per article: slots,
    and the match bounded by ``pos + 160`` (the end of the text when sooner) without asking its length."""

    __slots__ = ("starts", "words")

    def __init__(self, text: str, pos: int):
        m = _WORDS.match(text, pos, pos + 160)
        if m is None:
            self.starts, self.words = [], []
            return
        starts, words = m.starts(_WORD_GROUP), m.captures(_WORD_GROUP)  # ten at most: the pattern's bound
        if "." in m[0]:  # most reads hold no dot: only those look for a word that ends with one
            for i, word in enumerate(words):
                if word[-1] == "." and not _ABBREVIATION.match(word[:-1] or "x"):
                    starts, words = starts[:i + 1], words[:i] + [word[:-1]]
                    break
        self.starts, self.words = starts, words

    def __len__(self) -> int:
        return len(self.words)

    def get(self, i: int) -> tuple[int, int, str] | None:
        if i >= len(self.words):
            return None
        start, word = self.starts[i], self.words[i]
        return start, start + len(word), word


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


class _Scanner:
    """Extends a unit name token by token from the end of its head."""

    def __init__(self, text: str, tokens: _Tokens, name_start: int | None):
        """``name_start``: where the name starts, to look for a title before it ("Giám đốc Sở Y
        tế Nguyễn Văn A"), or None not to."""
        self.text, self.tokens, self._name_start = text, tokens, name_start
        self.words, self.data = tokens.words, _data()

    @cached_property
    def after_title(self) -> bool:
        """Does a title ("Giám đốc", "ông") come right before the name? Asked only of a surname."""
        start = self._name_start
        return start is not None and bool(_patterns()["title"].search(self.text[max(0, start - 30):start]))

    def word(self, i: int) -> str:
        words = self.words
        return words[i] if i < len(words) else ""

    def phrase(self, i: int, n: int) -> str:
        """The ``n`` words from ``i`` on, one space apart; "" when fewer are left (no name is "")."""
        words = self.words[i:i + n]
        return " ".join(words) if len(words) == n else ""

    def compound(self, i: int) -> int:
        """Tokens in the dictionary word starting at ``i`` (capitalised first syllable, not an
        abbreviation): 1 to 3; past the first check, the second syllable is in lower case."""
        if not self.word(i + 1)[:1].islower() or _ABBREVIATION.match(self.word(i)):
            return 1
        words, dictionary = self.words[i:i + 3], self.data["words"]
        if len(words) == 3 and words[2][:1].islower() and " ".join(words).lower() in dictionary:
            return 3
        return 2 if " ".join(words[:2]).lower() in dictionary else 1

    def proper_run(self, i: int) -> int:
        """Capitalised syllables starting at ``i`` (a place name: "Hưng Khánh Trung B", "An Hội Bắc")."""
        words, level_starts = self.words, self.data["level_starts"]
        j = i
        while j < len(words) and _is_cap(words[j]) and (words[j] not in level_starts or self.level_at(j) == 0):
            j += 1
        return j - i

    def level_at(self, i: int) -> int:
        """Tokens in the administrative level word at ``i`` ("tỉnh" 1, "thành phố" 2), else 0."""
        first = self.word(i)
        if first not in self.data["level_starts"]:
            return 0
        if not first or (first[:1].isupper() and first not in self.data["level_abbr"]):
            return 0
        levels, tokens = self.data["level_words"], self.words
        for n in (3, 2, 1):
            words = tokens[i:i + n]  # fewer than n when the tokens end
            if len(words) == n and " ".join(words) in levels and first[:1].islower() or \
                    (n == 1 and first in self.data["level_abbr"]):
                return n
        return 0

    def field_tail(self, i: int) -> int:
        """Lower-case field words after a field's first word: "Tổ chức" + "cán bộ"."""
        j, nouns = i, self.data["field_nouns"]
        while self.word(j)[:1].islower():
            for n in (3, 2, 1):
                words = self.words[j:j + n]
                if " ".join(words) in nouns and len(words) == n and all(w[:1].islower() for w in words):
                    j += n
                    break
            else:
                break
        return j - i

    def scan(self, i: int, numbered: bool, full: bool = False, opens_field: bool = False,
             person_ends: bool = False) -> int:
        """Index of the first token after the name; ``i`` is the first token after the head.

        ``opens_field``: lower-case field words may follow the head itself ("Hội đồng thi đua
        khen thưởng", "Đảng ủy cơ quan"); ``person_ends``: a person's full name ends the name once
        it is complete (``full``: the head alone is): "T.Ư Đoàn Lê Văn A", "Ban Tổ chức Trung ương Lê Văn A".
        """
        fields, after_head, roles = 0, True, self.data["roles"]
        if opens_field:
            i += self.field_tail(i)
        while word := self.word(i):
            if numbered and word.isdigit():
                return i + 1
            if word in self.data["place_firsts"]:
                if (level := self.level_at(i)):
                    return self.place(i, level)
                if (country := self.country_at(i)):  # "Hội Nhà báo Việt Nam" ends there
                    level = self.level_at(i + country)
                    return self.place(i + country, level) if level else i + country
            if word.lower() in roles["number"] and self.word(i + 1).isdigit():
                return i + 2
            if word == "," and not self.and_ahead(i + 1):
                return i  # "Sở Y tế, Sở Giáo dục": a list of units, not one name
            if (word in roles["and"] or word in ("-", "–", ",")) and _is_cap(self.word(i + 1)):
                if self.head_at(i + 1) is not None and word in roles["and"]:
                    return i  # "Sư đoàn 330 và Bộ Tư lệnh": two units
                i += 1
                continue
            if word in roles["region"] and _is_cap(self.word(i + 1)):
                i += 2
                continue
            if not _is_cap(word):
                return i
            if word in self.data["surnames"] and self.after_title and not self.province_at(i):
                return i
            if person_ends and (fields or full) and self.person_at(i):
                return i  # "Ban Tổ chức Trung ương Lê Văn A": the person after the unit
            if after_head and (head := self.head_at(i)) is not None:  # "Ban Thường vụ" + "Tỉnh ủy"
                count, numbered = head
                i += count
                i += self.field_tail(i)
                continue
            i += self.compound(i)
            if fields == 0:
                i += self.field_tail(i)
            fields += 1
            after_head = fields == 1  # "Phòng Cảnh sát kinh tế" + "Công an tỉnh"
        return i

    def person_at(self, i: int) -> bool:
        """A family name and two more capitalised syllables, none an abbreviation or a head."""
        if self.word(i) not in self.data["surnames"]:
            return False
        words = [self.word(j) for j in range(i, i + 3)]
        return all(_is_cap(w) and not _ABBREVIATION.match(w) for w in words) \
            and self.head_at(i + 1) is None and not self.province_at(i)

    def and_ahead(self, i: int) -> bool:
        """A comma inside a name joins fields that end with "và": "Văn hóa, Thể thao và Du lịch"."""
        if self.head_at(i) is not None:
            return False
        for j in range(i, i + 5):
            word = self.word(j)
            if word in self.data["roles"]["and"]:
                return _is_cap(self.word(j + 1)) and self.head_at(j + 1) is None
            if not word or word == "," or not (_is_cap(word) or word[:1].islower()):
                return False
        return False

    def head_at(self, i: int) -> tuple[int, bool] | None:
        """(tokens it spans, takes a number) when a unit head starts at token ``i``."""
        if self.word(i) not in self.data["head_starts"]:  # "" past the last token: no head
            return None
        starts = self.tokens.starts
        m = _patterns()["head"].match(self.text, starts[i])
        if not m:
            return None
        end, count = m.end(), 0
        while i + count < len(starts) and starts[i + count] < end:
            count += 1
        return count, self.data["heads"][m["head"]].numbered

    def country_at(self, i: int) -> int:
        """Tokens of the country name starting at ``i`` ("Việt Nam" 2), else 0; not the start of a
        longer capitalised name ("Lào Cai", "Nhật Tân")."""
        if self.word(i) not in self.data["country_firsts"]:
            return 0
        for n in (3, 2, 1):
            if gazetteer.is_country(self.phrase(i, n)):
                return 0 if _is_cap(self.word(i + n)) or self.province_at(i) else n
        return 0

    def province_at(self, i: int) -> int:
        """Tokens of the province or city name starting at ``i``, else 0."""
        if self.word(i) not in self.data["province_firsts"]:
            return 0
        for n in (4, 3, 2, 1):
            if self.phrase(i, n) in self.data["provinces"]:
                return n
        return 0

    def place(self, i: int, level: int) -> int:
        """After the level word at ``i``, of ``level`` tokens (as the caller has just read them): its
        name ("tỉnh Bến Tre", "quận 7") when one follows, else the bare level."""
        start = i + level
        if self.word(start) in self.data["surnames"] and self.after_title and not self.province_at(start):
            return start
        if (known := self.province_at(start)):  # "tỉnh Thanh Hóa" ends there, whatever name follows
            return start + known
        run = self.proper_run(start)
        if run == 0 and self.word(start).isdigit():
            run = 1
        return start + run


def _province_spans(doc: Document) -> list[tuple[int, int]]:
    """Where a province is named, as ``finditer`` of the province pattern finds them."""
    return doc.memo("units.province_spans", lambda: candidates.literal(
        doc.text, candidates.of(doc).hits("provinces"), _data()["provinces"]))


def main_province(doc: Document) -> str | None:
    """The province an article is about: the most cited one, if it is cited more than any other."""
    return doc.memo("units.main_province", lambda: _most_cited(doc.text[s:e] for s, e in _province_spans(doc)))


def main_province_of_text(text: str) -> str | None:
    return _most_cited(m["name"] for m in _patterns()["province"].finditer(text))


def _most_cited(names: Iterable[str]) -> str | None:
    provinces, counts = _data()["provinces"], {}
    for name in names:
        counts[provinces[name]] = counts.get(provinces[name], 0) + 1
    if not counts:
        return None
    most = max(counts.values())
    top = [province for province, n in counts.items() if n == most]
    return top[0] if len(top) == 1 else None


@lru_cache(maxsize=1 << 12)
def canonical(name: str, province: str | None) -> str:
    """"BHXH tỉnh" → "Bảo hiểm xã hội tỉnh Bến Tre" (abbreviations expanded, bare level completed).
    Names repeat across articles ("UBND tỉnh", "Bộ Công an"): each is expanded once (a bounded cache)."""
    data = _data()
    abbr = data["abbr"]
    words = name.split(" ")
    out = " ".join(map(abbr.get, words, words))
    for composite, full in data["abbr_phrases"]:
        if composite in out:
            out = out.replace(composite, full)
    if province and (out.endswith((" tỉnh", " thành phố")) or out in _data()["roles"]["provincial_body"]):
        out = f"{out} {province}"
    return out


# A capitalised word after a lower-case one: where a lower-case head may end, just before it.
_AFTER_LOWER = regex.compile(r"(?<=\p{Ll}[ ])\p{Lu}")


def _head_spans(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, head) of every head: capitalised ones by the head pattern, lower-case ones ("sở Y tế",
    "báo Nhân dân") when a capitalised word follows them (the longest of up to 3 words ending there)."""
    text, lower = doc.text, _data()["lower_heads"]
    hits = candidates.of(doc)
    found = [(s, e, text[s:e]) for s, e in candidates.literal(text, hits.hits("unit_heads"), _data()["upper_heads"],
                                                               not_before=_DIGITS + "/-", not_after=_DIGITS)]
    longest: dict[int, tuple[int, int, str]] = {}
    for start, end in hits.hits("unit_heads"):
        head = text[start:end]
        if head not in lower or end - start > 30 or head.count(" ") > 2 or \
                text[end + 1:end + 2].islower() or not _AFTER_LOWER.match(text, end + 1):  # no \p{Lu} is lower case
            continue
        before = text[start - 1] if start > 0 else " "
        if (before != " " and start > end - 30) or before.isalnum() or before in "/-":
            continue  # words of their own after a space: not "cơ sở", "(ban"
        if end not in longest or start < longest[end][0]:
            longest[end] = (start, end, head)
    return sorted(found + list(longest.values()))


@lru_cache(maxsize=1 << 12)
def _kind(name: str, first: str) -> UnitKind:
    """The kind of the first head in the name that has one ("Ban Thường vụ LĐLĐ tỉnh" → association),
    ``first`` its first head; read once per name (a bounded cache)."""
    heads = _data()["heads"]
    fallback = heads[first].kind if heads[first].soft else None
    if not heads[first].soft and heads[first].kind is not None:
        return heads[first].kind
    if first in _data()["lower_heads"]:  # "ban Tuyên giáo" is read as "Ban Tuyên giáo"
        name = name[:1].upper() + name[1:]
    for m in _patterns()["head"].finditer(name):
        head = heads[m["head"]]
        if head.soft:
            fallback = fallback or head.kind
        elif head.kind is not None:
            return head.kind
    return fallback or UnitKind.PARTY


def _organisations(doc: Document) -> list[Unit]:
    text, data = doc.text, _data()
    province = main_province(doc)
    found: list[Unit] = []
    for start, head_end, head_name in _head_spans(doc):
        if found and start < found[-1].end:
            continue  # inside the name just read: "Tỉnh ủy" in "Ban Thường vụ Tỉnh ủy"
        head: Head = data["heads"][head_name]
        tokens = _Tokens(text, head_end if text[head_end:head_end + 1] == " " else len(text))
        if head_name in data["lower_heads"] and not _lower_head_names(text, start, head_name, tokens):
            continue
        scanner = _Scanner(text, tokens, start)
        opens_field = head_name in data["field_openers"]
        named_after_people = head.kind in (UnitKind.ENTERPRISE, UnitKind.SCHOOL)  # "Trường THPT Lê Văn A"
        n = scanner.scan(0, head.numbered, head.full, opens_field, not named_after_people)
        if n == 0 and not head.full:
            continue
        if head_name in data["lower_heads"] and all(tokens.get(k)[2] in data["abbr"] for k in range(n)):
            continue  # "một trường ĐH": a kind of unit, not a name
        last = tokens.get(n - 1) if n else None
        end = last[1] if last else head_end
        if last and (last[2] in data["roles"]["and"] or last[2] in ("-", "–")):
            end = tokens.get(n - 2)[1] if n > 1 else head_end
        name = text[start:end]
        found.append(Unit(text=name, start=start, end=end, name=name, canonical=canonical(name, province),
                          kind_=_kind(name, head_name)))
    return found


_PREVIOUS_WORD = regex.compile(r"(\p{L}+)[ ]$")


def _lower_head_names(text: str, start: int, head: str, tokens: _Tokens) -> bool:
    """A head in lower case names a unit ("sở Y tế") unless it ends a word ("cơ sở Y tế",
    "thị trường Việt Nam") or a person follows ("báo Nguyễn Văn A", "công an Đại tá ...")."""
    data = _data()
    previous = _PREVIOUS_WORD.search(text, max(0, start - 12), start)
    if previous and f"{previous[1].lower()} {head.split(' ')[0]}" in data["words"]:
        return False
    first = tokens.get(0)
    if first is None or first[2] in data["surnames"]:
        return False
    return not text.startswith(data["titles"], first[0])  # a tuple: one call tries every title


def _lower_after(text: str, end: int) -> bool:
    """Is a word in lower case written one space after ``end``?"""
    return text[end:end + 1] == " " and text[end + 1:end + 2].islower()


def _areas(doc: Document, skip: Spans) -> list[Unit]:
    text, data = doc.text, _data()
    found: list[Unit] = []
    for level_start, level_end in candidates.literal(text, candidates.of(doc).hits("admin_levels"), data["level_forms"]):
        if skip.overlaps(level_start, level_end) or (found and level_start < found[-1].end):
            continue
        if _lower_after(text, level_end):
            continue  # a level before a word in lower case names no place: "xã hội", "huyện nhà"
        tokens = _Tokens(text, level_start)
        scanner = _Scanner(text, tokens, None)
        level = scanner.level_at(0) or 1
        end_token = scanner.place(0, level)
        if end_token <= level:
            continue
        end = tokens.get(end_token - 1)[1]
        name = text[level_start:end]
        found.append(Unit(text=name, start=level_start, end=end, name=name, canonical=canonical(name, None),
                          kind_=UnitKind.ADMIN_AREA))
    for start, end in _province_spans(doc):
        if not skip.overlaps(start, end):
            name = text[start:end]
            found.append(Unit(text=name, start=start, end=end, name=name, canonical=data["provinces"][name],
                              kind_=UnitKind.ADMIN_AREA))
    for p in gazetteer.places(text):
        if not skip.overlaps(p.start, p.end):
            found.append(Unit(text=p.name, start=p.start, end=p.end, name=p.name, canonical=p.canonical,
                              kind_=UnitKind.ADMIN_AREA))
    return found


def extract(doc: Document) -> list[Unit]:
    inside_names = doc.taken("campaigns", "directives")
    organisations = select([u for u in _organisations(doc) if not overlaps(u.start, u.end, inside_names)])
    claimed = Spans((u.start, u.end) for u in organisations)
    areas = [u for u in _areas(doc, claimed) if not overlaps(u.start, u.end, inside_names)]
    return sorted(organisations + select(areas), key=lambda u: u.start)


# ---- declaration: what the rest of the package knows about this kind
from .. import compare  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="units", record=Unit, extract=extract, requires=("campaigns", "directives"), label="UNIT",
    color="#cdb4db",
    notes={"canonical": "abbreviations expanded, bare level completed", "kind": "agency, party, government..."},
    key=compare.unit_match, distinct=compare.name_key,
    attributes=("canonical", "kind"), facets=("kind",),
)
