"""Recognised results and honours: "được tặng Bằng khen của UBND tỉnh", "4 xã đạt chuẩn NTM nâng cao".

Cues come from ``achievement_cues.tsv``. The classifier (:mod:`newsmine.classify`) judges each
cue in its sentence: not an achievement, or one of the nine types; a clause that revokes,
conditions or asks ("hủy bỏ", "nếu", "?") is never one (``achievement_negations.tsv``). Cues
of one award phrase ("danh hiệu Anh hùng Lao động", "biểu dương, khen thưởng") are one mention;
each mention gets its clause, award, recipient, conferrer and year, and mentions of the same
award to the same recipient are one Achievement ("Decide sameness from award, type and
recipient"), whose text is its fullest mention.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Iterator

import regex

from .. import candidates as found, classify
from ..classify import Candidate
from ..document import Document, overlaps
from ..lang import vi
from ..records import Achievement, AchievementType, Mention, UnitKind
from ..text import alternation, word_after

#: a full stop ends a clause before a space, a closing quote or the end, and so do dots ("...");
#: not a dot inside "TP.HCM", "GS.TS", "3.5"
_STOP = r"\.{2,}|\.(?=\s|$|[”\"’)\]])"
_CLAUSE_LEFT = regex.compile(rf"{_STOP}|[;:!?\n]|,\s(?=(?:và\s)?[\p{{Lu}}])")
_CLAUSE_RIGHT = regex.compile(rf"{_STOP}|[;!?\n]|:\s|,\s(?=\p{{Lu}})")
#: the words a count of prizes opens with ("hai giải Nhất", "nhiều Bằng khen"), besides digits
COUNT_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "nhiều")
_NUMBER = rf"(?:[0-9]{{1,4}}|{'|'.join(COUNT_WORDS)})"
_GLUE = regex.compile(r"[ ]{0,2}(?:,[ ]{1,2}|[ ]{1,2}(?:và|cùng|,)[ ]{1,2})?")
#: what lists the prizes of one phrase: "1 giải Nhất, 2 giải Nhì và 3 giải Ba", "đạt giải, trong đó có 7 giải A"
_BREAKDOWN = r"trong đó|trong số đó|bao gồm|gồm"
_PRIZE_LIST = regex.compile(r"[ ]{0,2}(?:[,;][ ]{1,2}(?:và[ ]{1,2})?|[ ]{1,2}(?:và|cùng)[ ]{1,2}|[ ]{1,2}\("
                            rf"|,?[ ]{{1,2}}(?:{_BREAKDOWN})(?:[ ]{{1,2}}(?:có|gồm))?[ ]{{0,2}}:?[ ]{{1,2}}"
                            r"|[ ]{0,2}:[ ]{1,2})")
_CONJUNCTION_END = regex.compile(r"(?:[ ,]{1,3}(?:và|cùng|hoặc))$")
_CONJUNCTION_START = regex.compile(r"(?:và|hoặc)[ ]{1,2}(?=\S)")
_NOT_CUE_REACH = 60  # a phrase of achievement_not_cues.tsv is shorter than this
_BARE_PRIZE = regex.compile(r"(?:đạt|đoạt|giành)\sgiải", regex.IGNORECASE)
_DESCRIBED = regex.compile(r"(?<!\p{L})(?:các|những)\s(?:\p{Ll}+\s){1,2}$")  # "các học sinh ", "những tác phẩm "
_DESCRIBED_AFTER = regex.compile(r"\s(?:được|nhận|sẽ)\s")  # "tác phẩm đoạt giải được tặng tiền thưởng"
_AFTER = 50  # characters after a cue read for a future ("sẽ") that makes it an event to come
_REACH = 160
_EXEMPLAR_GAP = 80
_CLAUSE_STOP = regex.compile(rf"{_STOP}|[;:!?\n]")
_TITLED = regex.compile(r"\s{1,2}(?:là|làm)\s{1,2}")
_NAME_TAIL = regex.compile(r"(?P<low>(?:\s\p{Ll}+){1,2})(?:\s\p{Lu}[\p{L}]*){1,3}(?!\p{L})")
_HEAD_TITLE = regex.compile(r"^(?:\S+\s){0,2}(?:trưởng|viên)(?!\S)", regex.IGNORECASE)  # "Đội trưởng", "Đoàn viên"
_BARE = regex.compile(r"\s*(?:(?:và|nhiều|các|cùng|được|đã|vinh dự|đón nhận|nhận|tặng|trao)\s*){0,4}", regex.IGNORECASE)
_ASIDE = regex.compile(r"\s\([^()]{0,60}\)")
_NEXT_PART = regex.compile(r"[^,;]{0,25}?(?:[,;]\s|\svà\s)")
_WORD_START = regex.compile(r"(?<!\S)\S")
_PERSON_NAME = r"\p{Lu}[\p{L}’']*(?:\s\p{Lu}[\p{L}’']*){0,4}"
_COUNTED = regex.compile(rf"^{_NUMBER}(?:[.,/][0-9]{{1,4}})*\s\p{{Ll}}")
_TOKEN = regex.compile(r"\s{1,2}(?:[“\"][^”\"\n]{1,100}[”\"]|[\p{L}0-9][\p{L}0-9-]*)")
_NAME_WORDS = frozenset("hạng cấp đợt nông thôn mới nâng cao kiểu mẫu quốc gia toàn quốc cơ sở nhân dân ưu tú "
                        "xuất sắc tiêu biểu tiên tiến lực lượng dẫn đầu mức độ".split())
_COUNT_START = regex.compile(rf"{_NUMBER}(?:[.,/][0-9]{{1,4}})*\s\p{{Ll}}")
_BEFORE_COUNT = regex.compile(rf"(?:^|\s)(?:có thêm|có|thêm|trong đó|trong số đó|gồm)\s(?={_NUMBER}(?:[.,/][0-9]{{1,4}})*\s)",
                              regex.IGNORECASE)
_TIME_UNITS = r"(?:năm|tháng|ngày|tuần|lần|giờ|quý)"
_COUNT_AT = regex.compile(rf"(?<=\s)(?<!năm\s)(?:[0-9]{{1,4}}(?:[.,/][0-9]{{1,4}})*)\s(?!{_TIME_UNITS}(?!\p{{L}}))\p{{Ll}}")
_AND_COUNT = regex.compile(rf"(?:^|\s)và\s(?={_NUMBER}(?:[.,/][0-9]{{1,4}})*\s)", regex.IGNORECASE)
_TRAILING = regex.compile(r"(?:^|\s)(?:đã|cũng|vừa|đều|vinh dự|từng|lần thứ \S+|hai lần|nhiều lần|liên tục|tiêu biểu"
                          r"|[0-9]{1,2} năm (?:liền|liên tiếp|liên tục)|nhiều năm liền|năm [0-9]{4}"
                          r"|có thành tích\b.*|được trao giải|điển hình tiên tiến\b.*)$")
_LEADING_VERB = regex.compile(r"^(?:(?:được|đã|vinh\sdự|đón\snhận|trao\stặng|trao|tặng|nhận)(?:\s|$))+",
                              regex.IGNORECASE)
_HONOURS = frozenset({AchievementType.ORDER_MEDAL, AchievementType.EMULATION_TITLE, AchievementType.HONORARY_TITLE,
                      AchievementType.MERIT_CERTIFICATE})
#: what counts only where the article speaks of emulation work or reports an honour
_NEEDS_CONTEXT = frozenset({AchievementType.TARGET_EXCEEDED, AchievementType.STANDARD_ATTAINED,
                            AchievementType.TASK_RATING, AchievementType.EXEMPLAR})
_NAMED = frozenset({AchievementType.ORDER_MEDAL, AchievementType.EMULATION_TITLE, AchievementType.HONORARY_TITLE,
                    AchievementType.PRIZE, AchievementType.MERIT_CERTIFICATE})


def cue_words() -> list[str]:
    """Where a cue of ``achievement_cues.tsv`` can start (see :mod:`newsmine.candidates`): its first
    word (a "<n>" number as its number words; digits are tried where they stand before a cue word);
    but a first word whose every cue has a fixed second word is written with each of them, one
    space of any kind between ("bằng khen"): short first words stand inside many words ("anh" in
    "thanh") and before many others, and the pair is found a tenth as often."""
    firsts: set[str] = set()
    for row in vi.rows("achievement_cues"):
        first = row[0].split()[0]
        firsts.update(COUNT_WORDS if first == "<n>" else vi.spelling_variants(first))
    out: set[str] = set()
    for first in firsts:
        seconds = _second_words(first)
        if seconds is None:
            out.add(first)
        else:
            out.update(f"{first}{space}{second}" for second in seconds for space in _spaces())
    return sorted(out)


def _second_words(first: str) -> frozenset[str] | None:
    """The words one of which must follow ``first`` for a cue to open there, or None when any may
    (or when ``first`` is a count's own word: "3 giải" is a cue, its digits tried before "giải")."""
    cues = _cues_opening_word(first)
    if cues is None or cues[1] is None or first in _after_counts():
        return None
    return cues[1]


@cache
def _after_counts() -> frozenset[str]:
    """The words that end a cue opening with a count: "giải" of "<n> giải"."""
    return frozenset(v for c in _cue_table() if c.startswith("<n> ") and c.count(" ") == 1
                     for v in vi.spelling_variants(c.split()[1]))


@cache
def _spaces() -> tuple[str, ...]:
    """Every character that :func:`newsmine.text.word_after` takes for a space (none lies past the BMP)."""
    return tuple(c for c in map(chr, range(0x10000)) if c.isspace())


@lru_cache(maxsize=1 << 12)
def _opening(key: str) -> tuple[tuple[regex.Pattern[str], frozenset[str] | None] | None, bool]:
    """The cues opening at a hit of :func:`cue_words` written ``key`` (lower case), and whether
    the word after it must still be read: not after a first word found with its second."""
    first, *second = key.split(None, 1)
    cues = _cues_opening_word(first)
    return cues, not second and cues is not None and cues[1] is not None


def context_words() -> list[str]:
    """The words that make an article speak of emulation work (as :func:`newsmine.classify.context_bucket`)."""
    return [w for w, role in vi.rows("campaign_context") if role == "context"] + list(vi.column("achievement_context"))


def outside_words() -> list[str]:
    """Words of sport, pageants and shows (``achievement_outside.tsv``)."""
    return list(vi.column("achievement_outside"))


@cache
def _cue_parts() -> tuple[tuple[frozenset[str], str | None, str], ...]:
    """Each cue of ``achievement_cues.tsv`` as a pattern, longest first, with the lower-case words
    it can open with (its first word, or for a count, "<n> giải", the number words and ``<n>`` for
    digits) and the word that must follow, one space after (None when anything may)."""
    table = _cue_table()
    # "đoạt giải", "2 giải" take the name of the prize after them: "đoạt Giải thưởng Nhà nước", "2 giải Nhì"
    names = sorted({*(c.split(" ", 1)[1] for c in table if c.startswith("giải ")), *_ranks()},
                   key=len, reverse=True)
    prize_name = r"(?:\s(?:" + "|".join(r"\s".join(map(regex.escape, n.split())) for n in names) + r"))?"
    counts = frozenset({"<n>", *COUNT_WORDS})
    parts = []
    for cue in sorted({v for c in table for v in vi.spelling_variants(c)}, key=len, reverse=True):
        words = [_NUMBER if w == "<n>" else regex.escape(w) for w in cue.split()]
        opens = counts if words[0] == _NUMBER else frozenset({cue.split()[0]})
        second = cue.split()[1] if len(words) > 1 and cue.split()[1].isalpha() else None
        if words[0] == "vượt" and len(words) > 1:  # "vượt 5% kế hoạch": a number may come between
            parts.append((opens, None, r"vượt(?:\s[0-9.,]{1,12}\s?%?)?\s" + r"\s".join(words[1:])))
        else:
            parts.append((opens, second, r"\s".join(words) + (prize_name if words[-1] == "giải" else "")))
    return tuple(parts)


@cache
def _cue_table() -> dict[str, AchievementType]:
    return {vi.canonical(r[0]): AchievementType(r[1]) for r in vi.rows("achievement_cues")}


def _cue_pattern(parts: list[str]) -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?P<cue>{'|'.join(parts)})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _cues() -> tuple[regex.Pattern[str], dict[str, AchievementType]]:
    return _cue_pattern([part for _, _, part in _cue_parts()]), _cue_table()


@cache
def _cues_opening(words: frozenset[str]) -> tuple[regex.Pattern[str], frozenset[str] | None] | None:
    """The cues of :func:`_cues` that open with one of ``words``, in the same order (at a place
    where a word opens, they match just as the whole alternation does, in a fraction of the
    time), and the words that can follow it (None: any)."""
    parts = [(second, part) for opens, second, part in _cue_parts() if not opens.isdisjoint(words)]
    if not parts:
        return None
    seconds = [second for second, _ in parts]
    return _cue_pattern([part for _, part in parts]), None if None in seconds else frozenset(seconds)


@cache
def _open_cues() -> frozenset[str]:
    return frozenset(vi.canonical(r[0]) for r in vi.rows("achievement_cues") if len(r) > 2 and r[2] == "open")


def _open_type(cue: str) -> bool:
    """Does the clause, not the cue, decide the type ("danh hiệu", "huy chương", "khen thưởng")?
    A cue of ``achievement_cues.tsv`` marked "open", or one the table does not hold as written."""
    key = vi.canonical(" ".join(cue.lower().split()))
    shaped = " ".join("<n>" if regex.fullmatch(_NUMBER, w) else w for w in key.split())
    _, table = _cues()
    return key in _open_cues() or shaped in _open_cues() or (key not in table and shaped not in table)


def _cue_type(cue: str) -> AchievementType:
    _, table = _cues()
    key = vi.canonical(" ".join(cue.lower().split()))
    if key in table:
        return table[key]
    key = regex.sub(r"^vượt\s[0-9.,]+\s?%?\s", "vượt ", key)
    shaped = " ".join("<n>" if regex.fullmatch(_NUMBER, w) else w for w in key.split())
    return table.get(key) or table.get(shaped) or AchievementType.TARGET_EXCEEDED


@cache
def _parties() -> dict[str, regex.Pattern[str]]:
    rows = vi.rows("conferral_verbs")
    verbs = {role: alternation([w for w, r in rows if r == role])
             for role in ("confer", "receive", "aux", "of", "stop", "notpre", "notpost")}
    # a receiver's verb that is part of another word: "ghi nhận" (acknowledge), "nhận định"
    receive = rf"(?<!(?:{verbs['notpre']})\s{{1,2}})(?:{verbs['receive']})(?!\s{{1,2}}(?:{verbs['notpost']})(?!\p{{L}}))"
    return {
        # "<r> (đã) được (<by>) tặng (danh hiệu)": the verbs right before the cue
        "passive": regex.compile(
            rf"(?P<r>\S.{{0,200}}?)\s{{1,2}}(?:(?:{verbs['aux']})\s{{1,2}}){{0,3}}{receive}(?!\p{{L}})"
            rf"(?:\s{{1,2}}(?P<by>\p{{Lu}}.{{0,80}}?)(?:\s{{1,2}}(?:{verbs['aux']})){{0,2}}"
            rf"\s{{1,2}}(?:{verbs['confer']})(?!\p{{L}}))?(?P<gap>(?:\s{{1,2}}[\p{{L}}0-9]{{1,12}}){{0,3}})\s{{0,2}}$"),
        "passive_by": regex.compile(
            rf"(?P<r>\S.{{0,200}}?)\s{{1,2}}(?:(?:{verbs['aux']})\s{{1,2}}){{0,3}}{receive}(?!\p{{L}})"
            rf"\s{{1,2}}(?P<by>\p{{Lu}}[^,;:]{{0,80}}?)\s{{0,2}}$"),
        "active": regex.compile(
            rf"(?P<by>\p{{Lu}}.{{0,120}}?)(?:\s{{1,2}}(?:{verbs['aux']})){{0,3}}\s{{1,2}}(?:{verbs['confer']})(?!\p{{L}})"
            rf"(?P<gap>(?:\s{{1,2}}[\p{{L}}0-9]{{1,12}}){{0,3}})\s{{0,2}}$"),
        "subject": regex.compile(rf"(?P<by>\S.{{0,200}}?)(?:\s{{1,2}}(?:{verbs['aux']})){{0,3}}\s{{0,2}}$"),
        "elided": regex.compile(r"^\s{0,2}(?:(?:và|cũng|đã|đồng thời|còn)\s{1,2})*(?:[0-9]{1,2}\snăm\s(?:liền|liên tiếp)\s)?"
                                r"được\s", regex.IGNORECASE),
        "given": regex.compile(r"^\s{0,2}(?:(?:trao tặng|phong tặng|trao|tặng)\s{1,2})?cho\s{1,2}"
                               r"(?P<r>(?:[^,.;:()]|,\s(?=[0-9]|\p{Ll}+(?:\s\p{Ll}+)?[.;]))"
                               r"(?:[^,.;:()]|,\s(?=[0-9]|\p{Ll}+(?:\s\p{Ll}+)?[.;])){1,79}?)"
                               r"(?=\s(?:vì|đã|có|về|do|nhờ|trong|tại)\s|,(?!\s(?:[0-9]|\p{Ll}+(?:\s\p{Ll}+)?[.;]))|[.;:()]|$)"),
        "for": regex.compile(r"^[^.;:]{0,120}?\s(?:cho|tặng)\s{1,2}(?P<r>[^,.;:()]{2,80}?)"
                             r"(?=\s(?:vì|đã|có|về|do|nhờ|trong|tại)\s|[,.;:()]|$)"),
        "of": regex.compile(rf"^\s{{1,2}}(?:{verbs['of']})\s{{1,2}}(?P<by>\p{{Lu}}[^,.;:()\n]{{1,80}}?)"
                            rf"(?=\s(?:{verbs['stop']})\s|[,.;:()\n]|$)"),
        "object": regex.compile(r"^\s{1,2}(?P<r>(?:các|những|cho|\p{Lu}|[0-9])(?:[^,.;:()\n]|,\s(?=cá\snhân|[0-9])){1,60}?)"
                                r"(?=\s(?:vì|đã|có|về|do|nhờ|trong|tại|đạt|được)\s|\svà\s(?![0-9]|cá\snhân)|[.;:()\n]"
                                r"|,\s(?!cá\snhân|[0-9])|$)"),
    }


@cache
def _openers() -> regex.Pattern[str]:
    """"Nổi bật là", "Đặc biệt,": words that open a subject (``subject_openers.tsv``)."""
    return regex.compile(rf"^(?:{alternation(list(vi.column('subject_openers')))})(?:,\s|\s)(?=\S)", regex.IGNORECASE)


@cache
def _praised() -> regex.Pattern[str]:
    """After a commendation: what it praises, then whose ("... của <r>", "... mà <r> đã đạt được")."""
    things = alternation(list(vi.column("achievement_praised")))
    return regex.compile(
        rf"^(?:,|\s{{1,2}}(?:và|cùng|chúc mừng|đánh giá cao|ghi nhận)){{0,4}}\s{{1,2}}(?:những\s|các\s)?(?:{things})"
        rf"[^.;:()\n]{{0,80}}?\s(?:của|cho|mà)\s"
        rf"(?P<r>\p{{Lu}}[^.;:()\n]{{1,80}}?|(?:cán bộ|đội ngũ|tập thể|các|những)\s[^.;:()\n]{{1,80}}?)"
        rf"(?=\s(?:vì|đã|trong|tại|khi|với|đạt|thời gian)\s|[.;:()\n]|$)",
        regex.IGNORECASE)


@cache
def _referents() -> dict[str, str]:
    return {r[0]: r[1] for r in vi.rows("achievement_referents")}


@cache
def _addressed(word: str) -> regex.Pattern[str]:
    """"cô giáo Ma Thị Liên", "anh Trần Văn Lực": the word, maybe one lower-case noun, a full name."""
    return regex.compile(rf"(?<!\p{{L}})(?i:{regex.escape(word)})(?:\s\p{{Ll}}+)?\s{_person_name().pattern}")


@cache
def _heads() -> dict[str, str]:
    """Referent → the head of the unit names it stands for ("nhà trường" → "trường")."""
    return {r[0]: r[2] for r in vi.rows("achievement_referents") if len(r) > 2 and r[2]}


@cache
def _person() -> regex.Pattern[str]:
    words = [r[0] for r in vi.rows("achievement_referents") if r[1] == "person"]
    return regex.compile(rf"(?<!\p{{L}})(?P<t>(?i:{alternation(words)}))\s(?P<n>{_PERSON_NAME})")


@cache
def _not_cues() -> regex.Pattern[str]:
    phrases = [r"\s{0,2}".join(r"\s{1,2}".join(map(regex.escape, part.split())) for part in p.split(","))
               for p in vi.column("achievement_not_cues")]
    return regex.compile(rf"(?<!\p{{L}})(?:{'|'.join(sorted(phrases, key=len, reverse=True))})(?!\p{{L}})",
                         regex.IGNORECASE)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) inside one of ``spans`` (sorted by start, with running maximum ends)?"""
    i = bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and spans[i][1] >= end


def _running(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, each end raised to the largest end so far (so one lookup answers "any")."""
    out, best = [], -1
    for s, e in sorted(spans):
        best = max(best, e)
        out.append((s, best))
    return out


def _covering(doc: Document) -> list[tuple[int, int]]:
    """Spans a cue inside of is no candidate: names of units and documents ("Ban Thi đua - Khen
    thưởng Trung ương", "Luật Thi đua, khen thưởng")."""
    return _running([(m.start, m.end) for k in ("units", "directives") for m in doc.found.get(k, [])])


def _not_cue_over(text: str, start: int, end: int) -> bool:
    """Does a phrase of ``achievement_not_cues.tsv`` overlap the cue at [start, end)? ("quỹ khen
    thưởng", "nhiều giải pháp", "đại biểu Dương Văn A" is no "biểu dương"); looked for around
    the cue only."""
    for m in _not_cues().finditer(text, max(0, start - _NOT_CUE_REACH), min(len(text), end + _NOT_CUE_REACH)):
        if m.start() < end and start < m.end():
            return True
    return False


def _counts_before(text: str, p: int) -> list[int]:
    """Where a cue that opens with a count in digits can start before the cue word at ``p``
    ("<n> giải": "3 giải Nhất"): the digits of up to four, and one space, before it; the only
    digits worth trying."""
    out: list[int] = []
    if p >= 2 and text[p - 1].isspace() and text[p - 2].isdigit():
        for d in range(p - 2, max(-1, p - 6), -1):
            if not text[d].isdigit():
                break
            if text[d] in "0123456789" and not (d and text[d - 1].isalpha()):  # no letter before: "H5 giải" is no count
                out.append(d)
    return out


def _cue_matches(doc: Document) -> Iterator[regex.Match[str]]:
    """What ``finditer`` of the cue pattern finds, trying at each hit of a cue's first word and
    at digits before one only the cues that open there."""
    text, hits = doc.text, found.of(doc)
    spans = hits.hits("achievement_cues")  # sorted by start, then end
    opening: dict[int, tuple[regex.Pattern[str], frozenset[str] | None] | None] = {}  # place → cues opening there
    counts: list[int] = []
    for i, (s, e) in enumerate(spans):
        if i and spans[i - 1][0] == s:
            continue  # one of the words opening at the place read just before
        if s >= 2 and text[s - 2].isdigit():
            counts += _counts_before(text, s)
        j = i + 1
        while j < len(spans) and spans[j][0] == s:
            j += 1
        if j > i + 1:  # two words open at one place (rare): both, and no word after them looked at
            opening[s] = _cues_opening(frozenset(text[a:b].lower().split(None, 1)[0] for a, b in spans[i:j]))
            continue
        cues, check = _opening(text[s:e].lower())
        if cues is None:
            continue
        seconds = cues[1]  # the word after must be one of them, so it opens with one's first letter
        if not check or text[e + 1:e + 2].lower()[:1] in _initials(seconds) and word_after(text, e) in seconds:
            opening[s] = cues
    for d in counts:
        opening[d] = _cues_opening_word("<n>")
    end = 0
    for pos in sorted(opening):
        if pos < end or (cues := opening[pos]) is None:
            continue
        if (m := cues[0].match(text, pos)) is not None:
            yield m
            end = m.end() if m.end() > pos else pos + 1


@cache
def _initials(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:1] for w in words)


@cache
def _cues_opening_word(word: str) -> tuple[regex.Pattern[str], frozenset[str] | None] | None:
    return _cues_opening(frozenset({word}))


def candidates(doc: Document) -> list[Candidate]:
    """Every cue outside campaign, unit and document names, with its sentence: what the classifier judges."""
    out: list[Candidate] = []
    names = covering = None  # looked at once a cue is found (most articles have none)
    for m in _cue_matches(doc):
        if names is None:
            names, covering = doc.taken("campaigns"), _covering(doc)
        if overlaps(m.start(), m.end(), names) or _inside(covering, m.start(), m.end()) \
                or _not_cue_over(doc.text, m.start(), m.end()):
            continue
        s_start, s_end = doc.sentence_at(m.start())
        out.append(Candidate(m["cue"], m.start(), m.end(), s_start, s_end))
    return out


def _clause_left(text: str, c: Candidate) -> int:
    left = floor = max(c.sentence_start, c.start - 400)
    for m in _CLAUSE_LEFT.finditer(text, floor, c.start):
        left = m.end()
    return left


def vetoed(text: str, c: Candidate) -> bool:
    """A question, or a veto word of ``achievement_negations.tsv`` before the cue: a revocation, a
    condition, a proposal or a goal anywhere in its clause ("đề nghị tặng", "phấn đấu đạt chuẩn"),
    a negation or a purpose just before it ("không đạt chuẩn", "để đạt chuẩn"); or a future just
    after it, in its clause ("Giải ... sẽ được trao")."""
    left = text[_clause_left(text, c):c.start]
    words = [m.start() for m in _WORD_START.finditer(left)]
    near = words[-3] if len(words) >= 3 else 0
    veto = classify.veto_words()
    for m in classify.modality_matches(left):
        where = veto.get(m.group().lower(), ())
        if "clause" in where or ("near" in where and m.start() >= near) \
                or ("next" in where and not left[m.end():].strip()):
            return True
    if _BARE_PRIZE.fullmatch(c.cue) and (_DESCRIBED.search(left) or _DESCRIBED_AFTER.match(text, c.end)):
        return True  # "tặng các học sinh đoạt giải", "tác phẩm đoạt giải được tặng ...": who wins, no new prize
    stop = _CLAUSE_STOP.search(text, c.end, min(c.sentence_end, c.end + _AFTER))
    right = text[c.end:stop.start() if stop else min(c.sentence_end, c.end + _AFTER)]
    if any("after" in veto.get(m.group().lower(), ()) for m in classify.modality_matches(right)):
        return True  # "Lễ trao Giải ... sẽ diễn ra", "bức thư đoạt giải Nhất sẽ được gửi"
    return text[c.sentence_start:c.sentence_end].rstrip().endswith("?")


def _judge(doc: Document, c: Candidate, context: tuple[str, str]) -> AchievementType | None:
    """None for "not an achievement", else the cue's type (``achievement_cues.tsv``), or for an
    open cue the type the classifier gives; without a model, the cue's type unless a modality
    word precedes it in the clause."""
    if vetoed(doc.text, c):
        return None
    model = classify.current()
    if model is not None:
        label, _ = model.predict(classify.features(doc.text, c, context))
        if label == classify.NONE:
            return None
        return AchievementType(label) if _open_type(c.cue) else _cue_type(c.cue)
    left = doc.text[_clause_left(doc.text, c):c.start]
    return None if classify.modalities(left) else _cue_type(c.cue)


@dataclass(frozen=True)
class _Hit:
    """One mention: the cue span (several cues of one award phrase joined) and its clause."""

    start: int
    end: int
    type: AchievementType
    sentence: tuple[int, int]
    clause: tuple[int, int] = (0, 0)
    name_start: int = -1  # where the award's name starts, when not at ``start``
    listed: bool = False  # prizes of one list ("4 giải Nhất, 9 giải Nhì và 15 giải Ba")

    @property
    def name_at(self) -> int:
        return self.start if self.name_start < 0 else self.name_start


@cache
def _list_verbs() -> regex.Pattern[str]:
    """The verbs that tell how a list of prizes is given: won ("đoạt", "đạt", "giành": role "won"
    of ``conferral_verbs.tsv``) or given out and broken down (the giver's verbs, "trong đó",
    "gồm", an opening parenthesis or a colon)."""
    rows = vi.rows("conferral_verbs")
    won = alternation([w for w, role in rows if role == "won"])
    given = alternation([w for w, role in rows if role == "confer"])
    return regex.compile(rf"(?<!\p{{L}})(?:(?P<won>{won})|{given}|{_BREAKDOWN})(?!\p{{L}})|[(:]", regex.IGNORECASE)


def _won_one_by_one(text: str, start: int, end: int) -> bool:
    """Is a list of prizes what its subject won ("đoạt hai giải Tư và một giải Đặc biệt": two
    achievements)? Else it is one award phrase given out at once ("trao 1 giải Nhất, 2 giải Nhì
    và 3 giải Ba") or the breakdown of a total ("95 tác phẩm đạt giải, trong đó có 7 giải A").
    The last such verb before the item decides."""
    last = None
    for last in _list_verbs().finditer(text, start, end):
        pass
    return last is not None and last["won"] is not None


def _joined(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Cues of one phrase are one mention: "danh hiệu" + "Anh hùng Lao động" (nothing between),
    "biểu dương, khen thưởng" (commendations joined by a comma or "và"), the prizes of one list
    given out or broken down ("trao 1 giải Nhất, 2 giải Nhì và 3 giải Ba", "95 tác phẩm đạt giải,
    trong đó có 7 giải A, ..."; not what one subject won, :func:`_won_one_by_one`),
    certificates so joined ("nhiều Bằng khen, giấy khen"); a commendation and the title it gives in one
    clause ("biểu dương là điển hình tiên tiến", "tuyên dương 20 cá nhân điển hình tiên tiến"):
    the title names the award when "là" joins them, else the verb does."""
    out: list[_Hit] = []
    for h in hits:
        if out and out[-1].sentence == h.sentence:
            prev = out[-1]
            gap = text[prev.end:h.start]
            if prev.type == h.type == AchievementType.EXEMPLAR and len(gap) <= _EXEMPLAR_GAP \
                    and not _CLAUSE_STOP.search(gap):
                titled = _TITLED.fullmatch(gap) is not None
                out[-1] = replace(prev, end=h.end, name_start=h.start) if titled else prev
                continue
            adjacent = not gap.strip() or (prev.type == h.type == AchievementType.EXEMPLAR
                                           and _GLUE.fullmatch(gap) is not None) \
                or (prev.type == h.type == AchievementType.PRIZE and _PRIZE_LIST.fullmatch(gap) is not None
                    and not _won_one_by_one(text, prev.sentence[0], h.start)) \
                or (prev.type == h.type == AchievementType.MERIT_CERTIFICATE and _GLUE.fullmatch(gap) is not None)
            if adjacent:
                kind = h.type if h.end - h.start >= prev.end - prev.start else prev.type
                out[-1] = replace(prev, end=h.end, type=kind,
                                  listed=prev.listed or (h.type == AchievementType.PRIZE and bool(gap.strip())))
                continue
        out.append(h)
    return out


def _with_clauses(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Each mention's clause: between clause punctuation, and not reaching over another mention of
    the same type in the sentence (so each keeps its own words), nor back over the award of an
    earlier mention of the sentence."""
    out = []
    for i, h in enumerate(hits):
        s_start, s_end = h.sentence
        left = _clause_left(text, Candidate("", h.start, h.end, s_start, s_end))
        for prev in hits[:i]:
            if prev.sentence == h.sentence and prev.type == h.type and prev.end <= h.start:
                left = max(left, prev.end)
            elif prev.sentence == h.sentence and prev.end <= h.start:  # "... X và được Y tặng <award>"
                tail = _name_end(text, prev)
                of = _parties()["of"].match(text, tail, h.start)
                tail = min(of.end() if of else tail, h.start)
                step = _NEXT_PART.match(text, tail, h.start)  # past " năm 2023," or " và"
                left = max(left, step.end() if step else tail)
        ceil = min(s_end, h.end + _REACH)
        right_m = _CLAUSE_RIGHT.search(text, h.end, ceil)
        right = right_m.start() if right_m else ceil
        if not right_m and ceil < s_end:
            space = text.rfind(" ", h.end, ceil)
            right = space if space > h.end else ceil
        for nxt in hits[i + 1:]:
            if nxt.sentence == h.sentence and nxt.type == h.type and nxt.start >= h.end:
                right = min(right, nxt.start)
                break
        name_end = _name_end(text, h)
        of = _parties()["of"].match(text, name_end, min(s_end, name_end + 120))
        if of and of.end() > right and (right_m is None or right_m.start() >= of.end()):
            right = of.end()
        while left < right and (text[left].isspace() or text[left] in ",–-"):
            left += 1
        while right > left and (text[right - 1].isspace() or text[right - 1] in ",–-("):
            right -= 1
        if (conj := _CONJUNCTION_START.match(text, left, right)) is not None:
            left = conj.end()  # "và Giải thưởng Hồ Chí Minh" after the previous prize
        if (conj := _CONJUNCTION_END.search(text, left, right)) is not None:
            right = conj.start()  # "... Giải thưởng Nhà nước và" cut before the next prize
        if text[right - 1:right] == "”" and text.count("“", left, right) < text.count("”", left, right):
            right -= 1
        out.append(replace(h, clause=(left, right)))
    return out


# ---------------------------------------------------------------- recipient and conferrer

def _trim(raw: str | None) -> str | None:
    """The name at the end of a subject: its last comma part (with the counted groups listed
    before it: "14 tập thể, 37 cá nhân"), fillers before a count ("toàn tỉnh có 36 xã"), leading
    verbs and trailing adverbs and qualifiers dropped."""
    if not raw:
        return None
    parts = regex.split(r",\s|\s[-–]\s(?=\p{Lu})", raw)
    part = parts.pop()
    if parts and _address().fullmatch(part) and (place := _address().search(parts[-1])) is not None:
        parts.pop()  # "công nhận xã Phú Điền Tây, huyện Tháp Mười": the place before its address
        part = place.group()
    while parts and _COUNT_START.match(parts[-1].strip()) and (_COUNT_START.match(part) or part[:1].islower()):
        part = f"{parts.pop().strip()}, {part}"
    nouns = len(parts)
    while nouns and parts[nouns - 1][:1].islower() and len(parts[nouns - 1].split()) <= 3:
        nouns -= 1
    if part[:1].islower() and nouns < len(parts) and nouns and _COUNT_START.match(parts[nouns - 1].strip()):
        part = ", ".join([*(p.strip() for p in parts[nouns - 1:]), part])  # "64 cán bộ, giáo viên, nhân viên"
    part = _LEADING_VERB.sub("", _openers().sub("", part.strip(" ,;:“”\"'()")))
    fillers = list(_BEFORE_COUNT.finditer(part))
    head = part[:fillers[-1].start()] if fillers else ""
    if fillers and not (_COUNT_START.match(part) and "," not in head and len(head.split()) <= 4):
        part = part[fillers[-1].end():]  # "toàn tỉnh có 36 xã" → "36 xã"; "4 đơn vị có nhiều tiết mục" stays
    counts = [m for m in _COUNT_AT.finditer(part) if m.start() and len(part[m.start():].split()) <= 5]
    if counts and not _COUNT_START.match(part):  # "góp phần giúp 16/25 xã" → "16/25 xã"
        part = part[counts[0].start():]
    if (joined := _AND_COUNT.search(part)) is not None and not _COUNT_START.match(part):
        part = part[joined.end():]  # "kiểu mẫu và 51 thôn" → "51 thôn"; "12 tập thể và 19 cá nhân" stays
    for _ in range(3):
        part = _TRAILING.sub("", part).strip(" ,;:“”\"'()")
    return part or None


@cache
def _address() -> regex.Pattern[str]:
    """A place named with its level ("huyện Tháp Mười", "xã Phú Điền Tây")."""
    levels = alternation(list(vi.column("admin_levels")))
    return regex.compile(rf"(?<!\p{{L}})(?i:{levels})\s\p{{Lu}}[\p{{L}}0-9]*(?:\s\p{{Lu}}[\p{{L}}0-9]*){{0,4}}$")


@cache
def _person_name() -> regex.Pattern[str]:
    """A person's name: a family name of ``surnames.tsv`` and two or three capitalised words (one
    would take places: "Hà Nội")."""
    return regex.compile(rf"(?<!\p{{L}})(?:{alternation(list(vi.column('surnames')))})(?:\s\p{{Lu}}[\p{{L}}’']*){{2,3}}"
                         rf"(?![\p{{L}}])")


def _person_in(raw: str) -> str | None:
    """The person a subject opens with, with the title or address written before the name
    ("Thiếu tá Lê Thị Hằng, Đội trưởng ..." → "Thiếu tá Lê Thị Hằng", "Tiêu biểu là anh Trần
    Văn Lực" → "anh Trần Văn Lực"), when the name ends the subject or an apposition follows it."""
    parts = regex.split(r"[,;]\s|\s\(", raw)
    for i, part in enumerate(parts):
        m = _person_name().search(part)
        if m is not None and not part[m.end():].strip():
            break
    else:
        return None
    if any(_COUNT_START.match(p) or p.lower().split()[:1] and p.lower().split()[0] in _referents()
           for p in parts[i + 1:] if p.strip()):
        return None  # "Theo ông A, đơn vị được ...": the part after the person has its own subject
    before = part[:m.start()].split()
    title: list[str] = []
    for w in reversed(before[-3:]):
        if w.lower() in _name_stops() or not w.isalpha():
            break
        title.insert(0, w)
    return " ".join([*title, m.group()])


@cache
def _titles() -> tuple[str, ...]:
    return tuple(t.lower() for t in vi.column("titles"))


def _apposition(raw: str) -> bool:
    """A subject that is a job title or a time ("Đội trưởng Đội X", "3 năm liền"): it describes a
    person named before it in the sentence."""
    words = raw.split()
    return bool(words) and (_HEAD_TITLE.match(raw) is not None or raw.lower().startswith(_titles())
                            or _trim(raw) is None)


def _person_before(text: str, start: int, end: int) -> str | None:
    """The person that one of the last comma parts before ``end`` (in the sentence) names."""
    parts = regex.split(r"[,;]\s", text[start:end].rstrip(" ,"))
    for part in reversed(parts[-3:]):
        if (person := _person_in(part)) is not None:
            return person
    return None


@cache
def _representative() -> regex.Pattern[str]:
    words = [r[0] for r in vi.rows("achievement_referents") if r[1] == "representative"]
    return regex.compile(rf"^(?:{alternation(words)})\s(?=\S)", regex.IGNORECASE)


def _expanded(doc: Document, name: str) -> str:
    """A unit named short ("Sở Nông nghiệp và PTNT", "Hội LHPN huyện") as the longest unit of
    the article whose name extends it by a place ("Sở Nông nghiệp và PTNT Thái Bình"); an
    enterprise cut before a lower-case word of its name ("Công ty CP Dệt" + "may Sơn Nam")
    with that word and the name after it."""
    key = name.casefold() + " "
    longer = [u.name for u in doc.found.get("units", [])
              if u.name.casefold().startswith(key) and _place_words().match(u.name[len(key):])]
    if longer:
        return max(longer, key=len)
    for u in doc.found.get("units", []):
        if u.name == name and u.kind_ == UnitKind.ENTERPRISE:
            tail = _NAME_TAIL.match(doc.text, u.end, u.end + 60)
            if tail and not any(w in _name_stops() or w in _verbs() for w in tail["low"].split()):
                return name + tail.group()
            break
    return name


@cache
def _place_words() -> regex.Pattern[str]:
    """The start of a place: an administrative level word ("tỉnh", "huyện") or a capital."""
    levels = alternation(list(vi.column("admin_levels")))
    return regex.compile(rf"(?:(?:{levels})\s)?\p{{Lu}}")


@cache
def _verbs() -> frozenset[str]:
    return frozenset(w for r in vi.rows("conferral_verbs") for w in r[0].lower().split())


def _main_unit(doc: Document, before: int) -> str | None:
    """The unit the article is about: the first unit of the headline or the lead that is not a
    bare place, else the most often named unit before ``before``."""
    units = [u for u in doc.between("units", 0, before) if u.kind_ != UnitKind.ADMIN_AREA]
    if not units:
        return None
    lead_end = doc.text.find("\n\n", doc.text.find("\n\n") + 2)
    early = [u for u in units if u.start < lead_end]
    if early:
        return _expanded(doc, early[0].name)
    counts: dict[str, int] = {}
    for u in units:
        counts[u.name] = counts.get(u.name, 0) + 1
    return max(counts, key=counts.get)


@cache
def _not_recipients() -> regex.Pattern[str]:
    return regex.compile(rf"^(?:{alternation(list(vi.column('achievement_not_recipients')))})(?![\p{{L}}])",
                         regex.IGNORECASE)


def _no_one(name: str) -> bool:
    """A subject that names no recipient: an event, a programme or a verb
    (``achievement_not_recipients.tsv``), or an award ("Bằng khen", "Kỷ niệm chương ...")."""
    pattern, _ = _cues()
    name = name.lstrip(" “\"(")
    return _not_recipients().match(name) is not None or pattern.match(name) is not None


def _resolve(doc: Document, name: str | None, before: int) -> str | None:
    """A recipient written as "đơn vị", "Công ty" or "anh" becomes the unit or person it stands
    for: "anh" the nearest earlier person so called, "Công ty", "Sở", "nhà trường" the nearest
    earlier unit with that head, "đơn vị" the unit the article is about; a unit named short
    takes its full name."""
    if not name or _no_one(name):
        return None
    name = _representative().sub("", name)
    if _person().fullmatch(name) or _person_name().search(name):
        return _expanded_person(doc, name, before)
    if _COUNTED.match(name):
        return name
    key = regex.sub(r"^(?:tập thể|toàn thể)\s", "", name.lower())
    role = _referents().get(key)
    if role is None:
        words = key.split()
        if len(words) > 1 and words[0] in ("toàn", "các", "những"):
            return name
        return _expanded(doc, name)
    if role == "person":
        found = None
        for m in _addressed(key).finditer(doc.text, max(0, before - 3000), before):
            found = name + m.group()[len(key):]  # the word as this mention writes it, the full name
        return found or name
    head = _heads().get(key) or key
    if head == "đơn vị":
        return _main_unit(doc, before) or name
    named = [u.name for u in doc.between("units", 0, before) if u.name.lower().startswith(head + " ")]
    if named:  # the most often named, the nearest of equals
        return _expanded(doc, max(reversed(named), key=named.count))
    main = _main_unit(doc, before)
    return main if main and main.lower().startswith(head + " ") else name


def _expanded_person(doc: Document, name: str, before: int) -> str:
    """"ông Khải" → "ông Trần Văn Khải": the earlier full name that ends with the given name."""
    m = _person().fullmatch(name)
    if m is None or len(m["n"].split()) > 1:
        return name
    for full in _person_name().finditer(doc.text, 0, before):
        if full.group().split()[-1] == m["n"]:
            return f"{m['t']} {full.group()}"
    return name


def _named(doc: Document, raw: str | None, start: int, end: int) -> str | None:
    """The unit or person a subject span names: a person it opens with, a unit that ends it,
    the unit a referent after it stands for ("Đồn X, đơn vị từng ..."), units listed ("Công an
    huyện A và Công an xã B"), else the trimmed words."""
    if raw and (person := _person_in(raw)):
        return person
    raw = _ASIDE.sub("", raw or "")
    trimmed = _trim(raw)
    if not trimmed:
        return None
    units = [u for u in doc.between("units", start, end) if u.end <= end]
    if len(units) > 1 and units[-1].kind_ == UnitKind.ADMIN_AREA and doc.text[units[-2].end:units[-1].start] == ", ":
        units.pop()  # "xã Phú Điền Tây, huyện Tháp Mười": the unit before its address
    if units and _referents().get(trimmed.lower()) == "unit" and units[-1].end < end - len(trimmed):
        return units[-1].name
    listed = [u for u in units if u.start >= end - len(trimmed) - 2]
    if len(listed) > 1 and trimmed.startswith(listed[0].name) and trimmed.endswith(listed[-1].name):
        return trimmed
    person = None
    for m in _person().finditer(doc.text, start, end):
        person = m
    if person is not None and (not units or person.start() >= units[-1].start):
        return f"{person['t']} {person['n']}"
    if units and not _COUNTED.match(trimmed) and units[-1].end >= end - 2 and len(units[-1].name) > len(trimmed):
        return units[-1].name
    if units and not _COUNTED.match(trimmed) and len(trimmed.split()) > 6:
        return units[-1].name
    if len(trimmed.split()) > 10:
        return units[-1].name if units else None
    return trimmed


def _opening_unit(doc: Document, start: int, end: int) -> str | None:
    """The unit that opens the last comma part before ``end`` that opens with one (a sentence's
    subject: "BHXH tỉnh A đã phát triển thêm 9.860 người, vượt 2,4% kế hoạch")."""
    found = None
    for u in doc.between("units", start, end):
        if u.kind_ != UnitKind.ADMIN_AREA and len(doc.text[start:u.start].split(",")[-1].split()) <= 2:
            found = u  # at most two words ("Riêng", "Năm 2022") between the part's start and the unit
    return _expanded(doc, found.name) if found else None


def _parties_of(doc: Document, h: _Hit, shared: str | None = None) -> tuple[str | None, str | None]:
    """(recipient, conferred_by): "X được Y tặng <award>", "Y tặng <award> cho X", "<award> của Y",
    "Y biểu dương X"; a clause that opens with "được" shares ``shared``, the recipient of the
    sentence's previous mention; a result's recipient is the unit its sentence opens with; a
    recipient said as "đơn vị" or "anh" is resolved across the article."""
    text = doc.text
    c_start, c_end = h.clause
    pats = _parties()
    left = text[c_start:h.start]
    recipient = conferred = None
    exemplar_verb = h.type == AchievementType.EXEMPLAR
    passive = exemplar_verb and (m := pats["passive_by"].fullmatch(left)) is not None  # "A được B tuyên dương"
    if passive or (m := pats["passive"].fullmatch(left)) is not None:
        recipient = _named(doc, m["r"], c_start, c_start + m.end("r"))
        if _apposition(m["r"]):  # "Ông A, Vụ trưởng Vụ X, được ..."
            recipient = _person_before(text, h.sentence[0], c_start) or recipient
        if (gap := m.groupdict().get("gap")) and _COUNT_START.match(gap.strip()):
            recipient = gap.strip()  # "Huyện A có 12 thôn đạt chuẩn": the 12 thôn
        if m["by"]:
            conferred = _named(doc, m["by"], c_start + m.start("by"), c_start + m.end("by"))
    elif (m := pats["active"].fullmatch(left)) is not None or \
            (exemplar_verb and (m := pats["subject"].fullmatch(left)) is not None):
        conferred = _named(doc, m["by"], c_start, c_start + m.end("by"))
    elif (m := pats["subject"].fullmatch(left)) is not None:  # "22/23 xã đạt chuẩn", "Bệnh viện hoàn thành tốt"
        recipient = _named(doc, m["by"], c_start, c_start + m.end("by"))
    if shared and _BARE.fullmatch(left):  # "đơn vị được tặng A, B và nhiều <award>", "..., đón nhận <award>"
        recipient = shared
    if (e := pats["elided"].match(left)) is not None:  # "..., được Bộ Quốc phòng tặng Cờ thi đua"
        recipient = shared
        if (m := pats["passive"].fullmatch("_ " + left)) is not None and m["by"]:
            conferred = _named(doc, m["by"], c_start + m.start("by") - 2, c_start + m.end("by") - 2)
    name_end = _name_end(text, h)
    tail = text[name_end:min(h.sentence[1], c_end + 120)]
    if (of := pats["of"].match(tail)) is not None:
        conferred = _named(doc, of["by"], name_end + of.start("by"), name_end + of.end("by"))
        tail = tail[of.end():]
    if (g := pats["given"].match(tail)) is not None:  # "... trao tặng cho Đồn Biên phòng X"
        recipient = _trim(g["r"])
    elif recipient is None and exemplar_verb and (o := _praised().match(tail)) is not None:
        recipient = " ".join(o["r"].split()).strip(" ,")  # "biểu dương những kết quả của Đảng bộ tỉnh Lâm Đồng"
    elif recipient is None and exemplar_verb and (o := pats["object"].match(tail)) is not None:
        recipient = _trim(o["r"])  # "tuyên dương 12 thôn tiêu biểu và trao Giấy khen cho ..."
    elif recipient is None and (f := pats["for"].match(tail)) is not None:
        recipient = _trim(f["r"])
    if h.type == AchievementType.TARGET_EXCEEDED:
        recipient = _opening_unit(doc, h.sentence[0], h.start) or _main_unit(doc, h.start)
    return _resolve(doc, recipient, c_start), conferred


# ---------------------------------------------------------------- award and sameness

@cache
def _name_stops() -> frozenset[str]:
    return frozenset(vi.column("achievement_name_stops"))


@cache
def _target_nouns() -> tuple[str, ...]:
    """What a result exceeds ("kế hoạch", "chỉ tiêu", "dự toán"): the words after "vượt" in the cue table."""
    _, table = _cues()
    nouns = {c.split(" ", 1)[1] for c in table if c.startswith("vượt ") and not c.startswith(("vượt mức", "vượt so"))}
    return tuple(sorted(nouns, key=len, reverse=True))


def _name_end(text: str, h: _Hit) -> int:
    """Where the award's name ends: capitalised words, words of the dictionary after one ("Lao
    động"), ranks and degrees ("hạng Ba", "mức độ II"), a quoted name; after a capitalised word
    (or after "đạt chuẩn") lower-case words too, up to a stop word ("Kỷ niệm chương Vì sự nghiệp
    nhân đạo", "đạt chuẩn khu dân cư nông thôn mới kiểu mẫu"). After a commendation, a rating or
    a result, capitalised words are not its name but who is commended ("biểu dương Ban quản
    lý"); its name is only a quoted one or words of the dictionary ("gương điển hình tiên tiến")."""
    objects_follow = h.type not in _NAMED and h.type != AchievementType.STANDARD_ATTAINED
    end, prev, ceil = h.end, text[h.start:h.end].split()[-1], min(h.sentence[1], h.end + 120)
    running = h.type == AchievementType.STANDARD_ATTAINED
    stops = _name_stops()
    for _ in range(12):
        m = _TOKEN.match(text, end, ceil)
        if m is None:
            break
        word = m.group().strip()
        low = word.lower()
        glued = f"{prev} {word}".lower() in vi.dictionary() and prev[:1].isupper() and low not in stops
        upper = word[:1] in "“\"" or (word[:1].isupper() and not objects_follow)
        if not (upper or low in _NAME_WORDS or glued
                or (word.isdigit() and prev.lower() in ("năm", "đợt", "độ"))
                or regex.fullmatch(r"[IVXL]{1,5}", word)
                or (running and low not in stops and not word[:1].isdigit())):
            break
        running = running or upper
        end, prev = m.end(), word
    return end


def _award(text: str, h: _Hit, conferred: str | None) -> str:
    """The honour as named: the cue with its name ("Huân chương Lao động hạng Ba"), without the
    verb and "danh hiệu" before it, "của <conferrer>" added to certificates and flags; a result
    as the target it exceeds ("vượt kế hoạch", whatever the percentage)."""
    if h.type == AchievementType.TARGET_EXCEEDED:
        tail = text[h.start:min(h.sentence[1], h.end + 60)].lower()
        at = [(tail.find(n), n) for n in _target_nouns() if tail.find(n) >= 0]
        return f"vượt {min(at)[1]}" if at else "vượt kế hoạch"
    words = " ".join(text[h.name_at:_name_end(text, h)].split()).strip(" :")
    words = _LEADING_VERB.sub("", words) or words
    words = regex.sub(rf"^(?:đạt|đoạt|giành|mang về)\s(?:{_NUMBER}\s)?(?=giải|huy chương)", "", words,
                      flags=regex.IGNORECASE)
    words = regex.sub(rf"^{_NUMBER}\s(?=giải|huy chương|bằng khen)", "", words, flags=regex.IGNORECASE)
    words = regex.sub(r"^danh hiệu\s(?=\S)", "", words, flags=regex.IGNORECASE)
    if h.type in _NAMED:
        words = words[:1].upper() + words[1:]
        if conferred and h.type in (AchievementType.MERIT_CERTIFICATE, AchievementType.EMULATION_TITLE) \
                and " của " not in words and words.lower().startswith(("bằng khen", "giấy khen", "cờ thi đua")):
            words = f"{words} của {conferred}"
    else:
        words = words[:1].lower() + words[1:]
    return words


def _key(s: str | None) -> str:
    return " ".join(regex.sub(r"[“”\"'‘’]", "", s or "").split()).casefold()


def _same_recipient(a: str | None, b: str | None) -> bool:
    """Recipients that may be the same: one missing, the same person's name, or (not two people)
    most of the words of one in the other ("30 tập thể, cá nhân" and "30 cá nhân, tập thể")."""
    wa, wb = set(_key(a).replace(",", " ").split()), set(_key(b).replace(",", " ").split())
    if not wa or not wb:
        return True
    pa, pb = _person_name().search(a or ""), _person_name().search(b or "")
    if pa and pb:  # two people: the same name ("tác giả Nguyễn Văn Bảo" is not "tác giả Hoàng Văn Sắc")
        return pa.group() == pb.group() or pa.group().endswith(" " + pb.group()) or pb.group().endswith(" " + pa.group())
    return len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def _same_conferrer(a: str | None, b: str | None) -> bool:
    """Conferrers that may be the same: one missing, or one inside the other ("Chủ tịch nước",
    "Chủ tịch nước Trần Đại Quang"); the Deputy Prime Minister's and a minister's praise are two."""
    ka, kb = _key(a), _key(b)
    return not ka or not kb or ka in kb or kb in ka


def _same_award(a: str, b: str) -> bool:
    """Awards that may be the same: equal, or the shorter (two words at least) opens the longer
    ("Huân chương Lao động" and "Huân chương Lao động hạng Ba")."""
    ka, kb = sorted((_key(a), _key(b)), key=len)
    return ka == kb or (len(ka.split()) >= 2 and kb.startswith(ka + " "))


@dataclass
class _Group:
    type: AchievementType
    award: str
    recipient: str | None
    conferred_by: str | None
    year: int | None
    best: tuple[int, int]
    score: tuple[bool, int, int]  # outside the headline, attributes found, length
    mentions: list[tuple[int, int]]
    listed: bool = False


@cache
def _ranks() -> frozenset[str]:
    return frozenset(r[0] for r in vi.rows("prize_ranks") if len(r) < 2 or r[1] != "level")


@cache
def _levels() -> frozenset[str]:
    return frozenset(w for r in vi.rows("prize_ranks") if len(r) > 1 and r[1] == "level" for w in r[0].split())


_PRIZE_HEAD = regex.compile(rf"^(?:{_NUMBER}\s)?(?:giải thưởng|giải|huy chương)(?:\s|$)", regex.IGNORECASE)


def _prize_words(award: str) -> list[str] | None:
    """The words of a prize's name after "giải (thưởng)" or "huy chương" and a count; None when
    the award is no prize of that shape."""
    m = _PRIZE_HEAD.match(award)
    return None if m is None else _key(award[m.end():]).replace(",", " ").split()


def _rank_only(award: str) -> bool:
    """A prize named by its rank or level alone or not at all: "giải Nhất", "7 giải A", "giải
    cấp TP", "giải"."""
    words = _prize_words(award)
    return words is not None and all(w in _ranks() or w in _levels() or regex.fullmatch(_NUMBER, w) for w in words)


def _unnamed(recipient: str | None) -> bool:
    """No one named: no recipient, a count ("95 tác phẩm") or a lower-case group ("các học sinh")."""
    return not recipient or _COUNTED.match(recipient) is not None or recipient[:1].islower()


def _ranks_merged(groups: list[_Group]) -> list[_Group]:
    """The prizes of an article that named one: a bare prize ("các học sinh đoạt giải") or a
    list of ranks ("95 tác phẩm đạt giải, trong đó có 7 giải A, 24 giải B ...") given to no one
    named is that prize again (the first prize of the article with a name of its own), and its
    mentions join it."""
    prizes = [g for g in groups if g.type == AchievementType.PRIZE]
    named = [g for g in prizes if not _rank_only(g.award)]
    if not named:
        return groups
    target = named[0]
    out = []
    for g in groups:
        words = _prize_words(g.award) if g.type == AchievementType.PRIZE else None
        if g is not target and words is not None and _unnamed(g.recipient) and (not words or g.listed):
            target.mentions += g.mentions
            continue
        out.append(g)
    return out


def _year(doc: Document, start: int, end: int, sentence: tuple[int, int]) -> int | None:
    for s, e in ((start, end), sentence):
        for d in doc.between("dates", s, e):
            if d.value[:4].isdigit():
                return int(d.value[:4])
    return None


def extract(doc: Document) -> list[Achievement]:
    text = doc.text
    context = classify.article_context(text, found.of(doc))
    hits = []
    for c in candidates(doc):
        kind = _judge(doc, c, context)
        if kind is not None:
            hits.append(_Hit(c.start, c.end, kind, (c.sentence_start, c.sentence_end)))
    if context[0] == "0" and not any(h.type in _HONOURS for h in hits):
        # an article that neither speaks of emulation work nor reports an honour: its "vượt kế
        # hoạch", "đạt chuẩn" are business or technical results, its "tôn vinh" praise of things
        hits = [h for h in hits if h.type not in _NEEDS_CONTEXT]
    groups: list[_Group] = []
    title_end = text.find("\n")
    shared: tuple[tuple[int, int], str | None] = ((0, 0), None)
    for h in _with_clauses(text, _joined(text, hits)):
        recipient, conferred = _parties_of(doc, h, shared[1] if shared[0] == h.sentence else None)
        shared = (h.sentence, recipient)
        award = _award(text, h, conferred)
        year = _year(doc, h.clause[0], h.clause[1], h.sentence)
        score = (h.start > title_end, bool(recipient) + bool(conferred) + bool(year), h.clause[1] - h.clause[0])
        for g in groups:
            if g.type != h.type or any(h.sentence[0] <= s < h.sentence[1] for s, _ in g.mentions):
                continue  # two mentions in one sentence are two achievements
            exemplar = h.type == AchievementType.EXEMPLAR and bool(g.recipient and recipient)
            ceremony = h.type == AchievementType.EXEMPLAR and _key(g.award) == _key(award) \
                and not (_person_name().search(g.recipient or "") and _person_name().search(recipient or "")) \
                and _same_conferrer(g.conferred_by, conferred)
            if ((exemplar or _same_award(g.award, award)) and _same_recipient(g.recipient, recipient) or ceremony) \
                    and (not g.year or not year or g.year == year):  # "năm 2013 ... giải Tư", "năm 2015 ... giải Tư": two
                g.mentions.append(h.clause)
                if score > g.score:  # the recipient and conferrer of the mention that states it most fully
                    g.best, g.score = h.clause, score
                    g.recipient, g.conferred_by = recipient or g.recipient, conferred or g.conferred_by
                else:
                    g.recipient, g.conferred_by = g.recipient or recipient, g.conferred_by or conferred
                if len(award) > len(g.award):
                    g.award = award
                g.year = g.year or year
                break
        else:
            groups.append(_Group(h.type, award, recipient, conferred, year, h.clause, score, [h.clause], h.listed))
    groups = _ranks_merged(groups)
    out = []
    for g in groups:
        start, end = g.best
        out.append(Achievement(
            text=text[start:end], start=start, end=end, type=g.type, award=g.award,
            recipient=g.recipient, conferred_by=g.conferred_by, year=g.year,
            mentions=[Mention(text=text[s:e], start=s, end=e) for s, e in sorted(set(g.mentions))],
        ))
    return sorted(out, key=lambda a: a.start)


# ---- declaration: what the rest of the package knows about this kind
from .. import compare  # noqa: E402
from ..kinds import Kind  # noqa: E402

KIND = Kind(
    name="achievements", record=Achievement, extract=extract, requires=("campaigns", "dates"),
    label="ACHIEVEMENT", color="#ef476f",
    notes={"type": "emulation_title, order_medal, merit_certificate, task_rating...",
           "text": "the clause that states it"},
    key=compare.achievement_match,
    attributes=("award", "recipient", "conferred_by", "year"), facets=("type", "year"),
)
