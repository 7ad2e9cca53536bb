"""Invariants on arbitrary text: extraction never raises and every offset points at its text."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsmine
from newsmine.kinds import names

MENTION_KINDS = names()

VIETNAMESE = st.sampled_from([
    "Chỉ thị số 01-CT/TU", " ngày 17-10-2020 ", "phong trào thi đua “", "”", " giai đoạn 2020 - 2025",
    "tăng 5,29%", " 11.991 người", "gần 92 ngàn hồ sơ", "BHXH tỉnh", " UBND huyện Chợ Lách", "\n\n",
    "được tặng Bằng khen", " xã đạt chuẩn NTM", "quý I/2023", "sáng 10/6", "18/CTT - TTg", "ắ\u0301", "ộ\u0323",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=40), VIETNAMESE), max_size=30).map("".join))
def test_offsets_hold_on_any_text(text):
    record = newsmine.extract(text)
    for kind in MENTION_KINDS:
        for m in getattr(record, kind):
            assert record.text[m.start:m.end] == m.text
            assert 0 <= m.start <= m.end <= len(record.text)
    assert not any("extractor failed" in w for w in record.warnings), record.warnings


ODD_TEXT = st.text(alphabet=st.sampled_from(
    list("ab Đế\n\r\t\f\v") + ["\u00a0", "\u2003", "\u3000", "\u200b", "\u00ad", "\x85", "\u2028", "\x1c",
                              "\u0301", "\u0323", "\u0306", "ắ", "ộ", "\ufeff"]), max_size=60)


@settings(max_examples=500, deadline=None)
@given(ODD_TEXT)
def test_lines_are_the_paragraphs_of_the_normalised_text(raw):
    # the readers' one step (odd spaces left to the paragraphs' split) is the two steps
    from newsmine.text import lines, normalize, paragraphs

    assert lines(raw) == paragraphs(normalize(raw))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a. !?…;\n\t\u00a0") + ["Đ", "1", "“"]), max_size=60))
def test_sentence_breaks_are_those_of_the_two_branch_pattern(text):
    # the one-class pattern the splitter uses finds what "[.!?…;]\s+|\n+" finds
    import re

    from newsmine.document import _BREAK

    assert [m.span() for m in _BREAK.finditer(text)] == [m.span() for m in re.finditer(r"[.!?…;]\s+|\n+", text)]


@settings(max_examples=500, deadline=None)
@given(ODD_TEXT)
@example("a  b\n c\nd \ne\u00a0f\tg\u2003h")
def test_paragraphs_fold_every_space_as_split_and_join_do(raw):
    from newsmine.text import paragraphs

    assert paragraphs(raw) == [line for line in (" ".join(part.split()) for part in raw.split("\n")) if line]
