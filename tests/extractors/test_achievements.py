"""Achievements: one per distinct honour, only what was attained, with award, recipient and conferrer.

Sentences are the team's own, written for these tests.
"""
from __future__ import annotations

import pytest

from newsmine.article import from_parts
from newsmine.pipeline import extract_article


def _achievements(body: str, title: str | None = None):
    record = extract_article(from_parts(id="t", source="t", title=title, lead=None, body=body, published=None))
    for a in record.achievements:
        for m in [a, *a.mentions]:
            assert record.text[m.start:m.end] == m.text
    return record.achievements


@pytest.mark.parametrize("body", [
    "UBND tỉnh quyết định thu hồi Bằng khen đã tặng ông Trần Văn Hòa vì khai man thành tích.",
    "Chủ tịch UBND huyện đã ký quyết định hủy bỏ quyết định tặng Giấy khen cho Công ty Minh Phát.",
    "Nếu được tặng Bằng khen của Thủ tướng Chính phủ thì cá nhân được thưởng thêm tiền.",
    "Hội nghị thống nhất đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba cho nhà máy.",
    "Huyện phấn đấu đến năm 2026 có thêm 5 xã đạt chuẩn nông thôn mới nâng cao.",
])
def test_what_is_not_attained_is_not_an_achievement(body):
    assert _achievements(body) == []


@pytest.mark.parametrize("body, type_, award, recipient, conferred_by", [
    ("Trường THPT Lê Lợi vinh dự được Chủ tịch nước tặng Huân chương Lao động hạng Ba.",
     "order_medal", "Huân chương Lao động hạng Ba", "Trường THPT Lê Lợi", "Chủ tịch nước"),
    ("Năm 2023, 12 tập thể được tặng Bằng khen của UBND tỉnh Bến Tre.",
     "merit_certificate", "Bằng khen của UBND tỉnh Bến Tre", "12 tập thể", "UBND tỉnh Bến Tre"),
    ("Toàn huyện có 9/9 xã đạt chuẩn nông thôn mới nâng cao.",
     "standard_attained", "đạt chuẩn nông thôn mới nâng cao", None, None),
])
def test_award_recipient_and_conferrer(body, type_, award, recipient, conferred_by):
    [a] = _achievements(body)
    assert (a.type, a.award, a.conferred_by) == (type_, award, conferred_by)
    if recipient is not None:
        assert a.recipient == recipient


def test_the_same_honour_told_twice_is_one_achievement_with_two_mentions():
    title = "Bệnh viện Đa khoa tỉnh Hà Nam đón nhận Huân chương Lao động hạng Nhì"
    body = ("Sáng 5/4, Bệnh viện Đa khoa tỉnh Hà Nam tổ chức lễ kỷ niệm 60 năm thành lập. "
            "Tại buổi lễ, Bệnh viện Đa khoa tỉnh Hà Nam vinh dự đón nhận Huân chương Lao động hạng Nhì "
            "của Chủ tịch nước.")
    [a] = _achievements(body, title)
    assert a.type == "order_medal" and len(a.mentions) == 2
    assert a.conferred_by == "Chủ tịch nước" and a.award.startswith("Huân chương Lao động hạng Nhì")


def test_two_awards_to_two_recipients_are_two():
    body = ("Dịp này, Công ty Thành Công được tặng Cờ thi đua của Chính phủ. "
            "Công ty Hòa Bình được tặng Bằng khen của Thủ tướng Chính phủ.")
    found = _achievements(body)
    assert [a.type for a in found] == ["emulation_title", "merit_certificate"]
