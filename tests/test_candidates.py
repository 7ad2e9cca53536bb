"""The one-pass candidate finder: whole-word hits by group, and patterns tried only there."""
import pytest
import regex

from newsmine import candidates
from newsmine.document import Document
from newsmine.extractors import units
from newsmine.records import Article


def _hits(text: str, group: str) -> list[str]:
    return [text[s:e] for s, e in candidates.Candidates(text).hits(group)]


@pytest.mark.parametrize("text, group, expected", [
    ("Sở Y tế tỉnh Bến Tre họp với UBND huyện.", "admin_levels", ["tỉnh", "huyện"]),
    ("Đoàn khách đến Bến Tre rồi về Tây Ninh.", "provinces", ["Bến Tre", "Tây Ninh"]),
    # a cue's first word whose cues all have a fixed second word is found with it
    ("Xã được tặng Bằng khen của Thủ tướng.", "achievement_cues", ["Bằng khen"]),
    ("Anh ấy nhanh chóng thành anh\u00a0hùng.", "achievement_cues", ["anh\u00a0hùng"]),
    # a key inside a longer word is not a hit ("tỉnh" in "tỉnhthành" written without a space)
    ("Các tỉnhthành cùng làm.", "admin_levels", []),
    ("Chỉ thị số 05-CT/TW và Nghị quyết 12", "doc_types", ["Chỉ thị", "Nghị quyết"]),
    # dates' words are kept even inside a word
    ("hằngngày 5/6", "date_words", ["ngày"]),
])
def test_hits_by_group(text, group, expected):
    assert _hits(text, group) == expected


def test_case_is_ignored_and_offsets_kept():
    text = "ỦY BAN NHÂN DÂN TỈNH Bến Tre"
    assert [text[s:e] for s, e in candidates.Candidates(text).hits("admin_levels")] == ["TỈNH"]


@pytest.mark.parametrize("text", [
    "Sở Y tế và Sở Giáo dục và Đào tạo tỉnh Bến Tre cùng Ban Thường vụ Tỉnh ủy.",
    "huyện Chợ Lách, tỉnh Bến Tre; xã An Hiệp và thành phố Mỹ Tho.",
    "Không có đơn vị nào ở đây cả.",
])
def test_scan_finds_what_finditer_finds(text):
    pattern = units._patterns()["head"]
    doc = Document(Article(id="x", source="x", text=text))
    scanned = [m.span() for m in candidates.scan(pattern, text, candidates.of(doc).starts("unit_heads"))]
    assert scanned == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("group, words, not_before, not_after", [
    ("unit_heads", "upper_heads", "0123456789/-", "0123456789"),
    ("admin_levels", "level_forms", "", ""),
    ("provinces", "provinces", "", ""),
])
def test_literal_hits_are_what_a_longest_first_alternation_finds(group, words, not_before, not_after):
    # the units' heads, levels and provinces read from the one-pass hits, with no pattern,
    # are the matches of the alternation of the same words over whole articles
    from newsmine.text import alternation

    listed = units._data()[words]
    before = regex.escape(not_before) if not_before else ""
    pattern = regex.compile(rf"(?<![\p{{L}}{before}]){alternation(list(listed))}(?![\p{{L}}{regex.escape(not_after)}])")
    checked = 0
    for text in [*_corpus_texts(), "Sở Y tế-Sở Tài chính, 2Sở, Sở2, UBND tỉnh Bến Tre, TỈNH Bến Tre, Tỉnh Bến Tre."]:
        doc = Document(Article(id="x", source="x", text=text))
        found = candidates.literal(text, candidates.of(doc).hits(group), listed, not_before, not_after)
        assert found == [m.span() for m in pattern.finditer(text)]
        checked += len(found)
    assert checked > 100


def test_scan_keeps_matches_apart():
    pattern = regex.compile(r"ab(?:ab)*")
    assert [m.span() for m in candidates.scan(pattern, "ababab", [0, 2, 4])] == [(0, 6)]


def test_found_once_per_document():
    doc = Document(Article(id="x", source="x", text="tỉnh Bến Tre"))
    assert candidates.of(doc) is candidates.of(doc)


@pytest.mark.parametrize("text", [
    "Phong trào thi đua yêu nước: thi đua, khen thưởng kịp thời; thành tích thi đua của phong trào thi đua.",
    "Trận bóng đá giữa hai đội tuyển, cầu thủ ghi bàn thắng; vô địch SEA Games và Hoa hậu.",
    "Không có gì ở đây.",
])
def test_article_context_from_the_hits_is_what_the_patterns_count(text):
    # counted from the one-pass hits, as finditer of the alternation counts: overlapping words once
    from newsmine import classify

    doc = Document(Article(id="x", source="x", text=text))
    assert classify.article_context(text, candidates.of(doc)) == classify.article_context(text)


def test_count_apart_counts_as_finditer_would():
    # "phong trào" at 0, "phong trào thi đua" at 0, "thi đua" at 11 (inside it), "thi đua" at 20:
    # finditer of a longest-first alternation finds "phong trào thi đua" and the second "thi đua"
    c = candidates.Candidates("")
    c._hits = {"g": [(0, 10), (0, 18), (11, 18), (20, 27)]}
    assert c.count_apart("g") == 2
    text = "phong trào thi đua và thi đua"
    pattern = regex.compile("phong trào thi đua|phong trào|thi đua")
    assert len(list(pattern.finditer(text))) == 2


def _corpus_texts() -> list[str]:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "corpora" / "articles"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def test_each_date_pattern_begins_where_it_says():
    # every match of a date pattern over whole articles starts where the extractor tries it
    # (its declared start words and runs of digits), so trying it only there loses nothing
    from newsmine.extractors import dates
    from newsmine.records import Article

    checked = 0
    for text in _corpus_texts():
        doc = Document(Article(id="t", source="t", text=text))
        for i, (pattern, _, _, _) in enumerate(dates._patterns()):
            starts = {pos for pos, indices in dates._attempts(doc) if i in indices}
            for m in pattern.finditer(text):
                assert m.start() in starts, (pattern.pattern[:60], text[m.start():m.end()])
                checked += 1
    assert checked > 500


@pytest.mark.parametrize("text", [
    "Từ ngày 12/3/2017 đến 15/3/2017, từ 5 đến 7/6 và từ năm 2010 - 2015 đoàn làm việc.",
    "Sáng 2/9, chiều 5-9 và tối 12 . 10 có lễ; ngày 12 / 3 / 2017 và ngày 1 - 2 - 2018 cũng vậy.",
    "Ngày 5 tháng 6, ngày 5  tháng 6 năm 2017, 12/3 - 15/3/2017, tháng 3/2017 đến tháng 5/2017.",
    "Ngày  12/3/2017 – 15/3/2017 (từ   2016 đến 2020), sáng  2/9, 3.5.2017 và 4 /5/ 2018.",
])
def test_date_patterns_begin_where_the_digits_after_a_word_allow(text):
    # a pattern is tried after a word only when the digits after it can begin it ("<range>",
    # "<d/m>", "<d/m/y>", "<day> tháng"): every match over these shapes is still tried
    from newsmine.extractors import dates
    from newsmine.records import Article

    doc = Document(Article(id="t", source="t", text=text))
    attempts = dates._attempts(doc)
    found = 0
    for i, (pattern, _, _, _) in enumerate(dates._patterns()):
        for m in pattern.finditer(text):
            assert m.start() in {pos for pos, indices in attempts if i in indices}, (i, m[0])
            found += 1
    assert found >= 6


def test_cues_tried_by_their_first_word_find_what_the_whole_alternation_finds():
    # at each place, only the cues that open with the word written there are tried: over whole
    # articles that finds exactly the matches of the one alternation of every cue
    from newsmine.extractors import achievements
    from newsmine.records import Article

    pattern, _ = achievements._cues()
    checked = 0
    for text in _corpus_texts():
        doc = Document(Article(id="t", source="t", text=text))
        assert [m.span() for m in achievements._cue_matches(doc)] == [m.span() for m in pattern.finditer(text)]
        checked += len(list(pattern.finditer(text)))
    assert checked > 200


@pytest.mark.parametrize("text", [
    "Trao 3 giải vàng, 2 huy chương và hai giải Nhì; tặng bằng\u00a0khen, danh\thiệu Anh\nhùng.",
    "Nhận Bằng  khen (hai spaces), bằng khenx, giải, 12 giải, nhiều huy chương, Huy\u2009Chương Vàng.",
])
def test_cues_found_with_their_second_word_are_those_the_whole_alternation_finds(text):
    # across every kind of space, and for a count's own word ("3 giải") read alone
    from newsmine.extractors import achievements
    from newsmine.records import Article

    pattern, _ = achievements._cues()
    doc = Document(Article(id="t", source="t", text=text))
    found = [m.span() for m in achievements._cue_matches(doc)]
    assert found == [m.span() for m in pattern.finditer(text)] and len(found) >= 3


def test_counts_in_digits_are_tried_before_cue_words_only_when_no_letter_precedes():
    from newsmine.extractors import achievements

    text = "Trao 12 giải và H5 giải"
    assert achievements._counts_before(text, text.index("giải")) == [6, 5]
    assert achievements._counts_before(text, text.rindex("giải")) == []


@pytest.mark.parametrize("text, speaks", [
    ("Xã phát động thi đua.", True),
    ("Cả nước THI ĐUA lập thành tích.", True),
    ("Đêm nhạc hội tại quảng trường.", False),
    ("İstanbul: cả nước thi đua.", True),   # "İ" lower-cases to two characters: read by hand
    ("İstanbul: đêm nhạc.", False),
])
def test_an_article_speaks_of_emulation_when_a_context_word_is_written(text, speaks):
    from newsmine.extractors import campaigns

    assert campaigns._in_emulation_context(Document(Article(id="x", source="x", text=text))) is speaks


def test_a_name_is_read_over_the_same_words_as_an_unbounded_run_gives(monkeypatch):
    # the tokens after a head come from a run of at most ten words: the same tokens as the
    # first ten of the run of every word up to the punctuation
    texts = _corpus_texts()
    positions = [(t, pos) for t in texts for pos in range(0, len(t), 7)]

    def read(tokens):
        return [tokens.get(i) for i in range(len(tokens))]

    bounded = [read(units._Tokens(t, pos)) for t, pos in positions]
    monkeypatch.setattr(units, "_WORDS", regex.compile(units._WORDS.pattern.rsplit("{0,", 1)[0] + "*"))
    assert units._WORDS.pattern.endswith(")*")
    assert [read(units._Tokens(t, pos))[:units._MAX_TOKENS] for t, pos in positions] == bounded
    assert sum(len(items) == units._MAX_TOKENS for items in bounded) > 1000


def test_quoted_names_tried_at_the_quote_marks_are_those_of_finditer():
    from newsmine.extractors import campaigns

    pattern = campaigns._patterns()["quoted"]
    checked = 0
    for text in [*_corpus_texts(), 'Phong trào "Đồng khởi mới", “Xanh" và "ba" “ “Sạch đẹp”']:
        doc = Document(Article(id="x", source="x", text=text))
        found = [m.span() for m in candidates.scan(pattern, text, candidates.of(doc).starts("quotes"))]
        assert found == [m.span() for m in pattern.finditer(text)]
        checked += len(found)
    assert checked > 50


def test_every_bare_symbol_starts_where_one_is_tried():
    from newsmine.extractors import directives

    pattern = directives._patterns()["bare_symbol"]
    checked = 0
    for text in [*_corpus_texts(), "Quyết định 25 /QĐ-UBND, 01-CT/TU và 123456/CT-TTg, 7 – KH/TU"]:
        tried = set(directives._symbol_numbers(Document(Article(id="x", source="x", text=text))))
        for m in pattern.finditer(text):
            assert m.start() in tried, m[0]
            checked += 1
    assert checked > 30


def test_counts_in_words_skipped_at_a_lone_number_word_are_none_lost(monkeypatch):
    # a number word that is no count alone, with no number or scale word after it, is not tried:
    # trying every number word finds the same counts
    from newsmine.document import Spans
    from newsmine.extractors import indicators

    texts = [*_corpus_texts(), "năm trăm triệu đồng, một trăm lẻ năm hộ, năm 2017, đầu tư hai tỷ, Năm mươi người"]
    docs = [Document(Article(id="x", source="x", text=t)) for t in texts]
    skipped = [indicators._spelled(d, Spans([])) for d in docs]
    monkeypatch.setattr(indicators, "_spelled_starts", lambda text, hits: sorted({s for s, _ in hits}))
    assert [indicators._spelled(d, Spans([])) for d in docs] == skipped
    assert sum(map(len, skipped)) > 3


def test_a_level_before_a_lower_case_word_is_left_unread_at_no_loss(monkeypatch):
    # what a level word names, read before a word in lower case, is never a place: leaving
    # those levels unread finds the same areas
    from newsmine.document import Spans

    texts = [*_corpus_texts(), "Về xã hội, tỉnh ta và huyện nhà; xã An Bình, thành phố Mỹ Tho, quận 7, Thành phố Huế."]
    docs = [Document(Article(id="x", source="x", text=t)) for t in texts]
    read = [units._areas(d, Spans([])) for d in docs]
    monkeypatch.setattr(units, "_lower_after", lambda text, end: False)
    assert [units._areas(d, Spans([])) for d in docs] == read
    assert sum(map(len, read)) > 100


def test_a_number_is_blocked_by_a_word_before_it_as_the_pattern_alone_decides(monkeypatch):
    from newsmine.extractors import indicators

    texts = [*_corpus_texts(), "lần thứ 5, Sư đoàn 330, khóa\u00a012, số. 7, thứ\t3, Quân y 354"]
    places = [(t, m.start()) for t in texts for m in regex.finditer(r"[0-9]+", t)]
    decided = [(indicators._blocked_before(t, p), indicators._blocked_before(t, p, names=False)) for t, p in places]
    monkeypatch.setattr(indicators, "_may_end_a_phrase_before", lambda window: True)
    assert [(indicators._blocked_before(t, p), indicators._blocked_before(t, p, names=False)) for t, p in places] == decided
    assert sum(b for _, b in decided) > 50


def test_windows_holding_a_type_word_from_the_hits_are_those_holding_it_as_written():
    from newsmine.extractors import directives

    checked = 0
    for text in [*_corpus_texts(), "Theo Quyết định 12/QĐ-UB và 5 điều; quyết định số 7 nghị quyết"]:
        doc = Document(Article(id="x", source="x", text=text))
        windows = doc.windows_with(candidates.of(doc).hits("doc_types"))
        assert windows == doc._windows(directives._needs())
        checked += len(windows)
    assert checked > 50


def test_the_start_words_a_window_holds_are_read_from_the_hits_as_in_finds_them():
    from newsmine.extractors import dates

    checked = 0
    for text in [*_corpus_texts(), "Từ năm 2015, THÁNG 3/2016 và ngàyx 5/6; quý II/2017, sáng 2/9"]:
        doc = Document(Article(id="x", source="x", text=text))
        written = dates._words_in_windows(doc)
        for w, lowered in enumerate(doc.lowered_windows):
            assert {word for word in dates._start_words() if word in lowered} == written[w]
            checked += len(written[w])
    assert checked > 200


def _everywhere(texts: list[str], found, allowed) -> int:
    """How many places of ``texts`` ``found(text, pos)`` holds at, checking that ``allowed(text,
    pos)`` holds at each: a cheap test before a pattern never rules out a place it matches."""
    n = 0
    for text in texts:
        for pos in range(len(text)):
            if found(text, pos):
                assert allowed(text, pos), text[max(0, pos - 30):pos + 20]
                n += 1
    return n


def test_a_measurement_symbol_starts_only_where_its_opening_characters_are():
    # the symbol pattern is tried only where the first characters of a symbol are: every match is there
    from newsmine.extractors import indicators

    texts = [*_corpus_texts(), "5 km/h, 3m2, 4 °C, 12GB, 7 W, 2\u00a0kg, 8 mAh, 9 m³, 6 tấn/ha, 1 g."]
    assert _everywhere(texts, indicators._symbol_units().match, indicators._may_open_a_unit) > 100


def test_what_follows_a_number_opens_where_its_openings_say():
    # the pattern reads what follows a number only where one of its openings is next: wherever
    # that part reads anything, an opening is there
    from newsmine.extractors import indicators

    after = regex.compile(indicators._after_number(), regex.VERSION1)
    opening = regex.compile(rf"\s*+(?:{indicators._after_number_openings()})", regex.VERSION1)
    texts = [*_corpus_texts(), "5 %, 5  - 7, 5 đến 7, 5 / 7, 5\u00a0tỷ đồng, 5 USD, 5đ, 184 triệu 200 nghìn đồng, 3%-5%, 2 –3"]
    assert _everywhere(texts, lambda text, pos: after.match(text, pos).end() > pos, opening.match) > 1000


def test_a_metric_verb_is_looked_for_only_after_a_word_that_ends_one():
    # the verb pattern is tried only where the word before a place (past spaces) ends a verb or a
    # level word: wherever it finds one, that word is there
    from newsmine.extractors import indicators

    texts = [*_corpus_texts(), "tỷ lệ đạt  mức\n 5%, ước tính\t12, chiếm 3, vào khoảng 7, lên đến 8, là 9"]
    verb = indicators._verb_before_value()
    found = _everywhere(texts, lambda text, pos: verb.search(text[max(0, pos - 300):pos]), indicators._may_follow_a_verb)
    assert found > 100


def test_a_qualifier_of_two_words_is_read_only_after_its_last_word(monkeypatch):
    # the word before the word before a number is read only when the two may be a qualifier
    # ("gần như", "xấp xỉ"): reading it always finds the same qualifiers
    from newsmine.extractors import indicators

    class Everything:
        def __contains__(self, word):
            return True

    texts = [*_corpus_texts(), "gần như 5, xấp xỉ 6, Lên Tới 7, chưa đến 8 người, ít nhất 9, tăng thêm gần 10"]
    places = [(t, m.start()) for t in texts for m in regex.finditer(r"[0-9]+", t)]
    read = [indicators._prefix(t, p) for t, p in places]
    monkeypatch.setitem(indicators._lexicon(), "pair_ends", Everything())
    assert [indicators._prefix(t, p) for t, p in places] == read
    assert sum(q is not None and " " in q for q, _, _ in read) > 3


def test_numbers_read_without_the_pattern_are_what_the_pattern_finds():
    # a number the pattern can only match as its digits is read without it, and digits glued to a
    # letter or a mark are skipped: the numbers are those the pattern finds at every run of digits
    from newsmine.extractors import indicators

    odd = ["5 đi, 5 tỉnh, 5 tỷ đồng, 5%, 5 %, 5.", "5:3, 5,2 và 5.000; 5\u00a0kg\x1c7 – 9", "x5, ñ7, 1234567890123 và 12 / 30",
           "đạt 5", "5  người, 5\nngười, 5 đến 7, 5-7, 3/4 số hộ"]
    checked = 0
    for text in [*_corpus_texts(), *odd]:
        doc = Document(Article(id="x", source="x", text=text))
        expected = [(m.start(), m.end(), m.groups())
                    for m in doc.finditer(indicators._pattern(), starts=doc.digit_starts)]
        assert list(indicators._numbers(doc)) == expected, text
        checked += len(expected)
    assert checked > 200


def test_every_word_that_may_follow_a_number_word_has_two_letters():
    # a number word is read on only where the next word opens with the first two letters of one
    # of these words: each must have two
    from newsmine.extractors import indicators

    assert all(len(word) >= 2 and word[:2].isalpha() for word in indicators._counting_words()[1])
