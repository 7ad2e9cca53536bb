"""Campaigns: which names count and how they are cut (sentences written for these tests)."""
from __future__ import annotations

import pytest


def _names(run, text: str) -> list[str]:
    return [c.name for c in run(text, "campaigns")]


@pytest.mark.parametrize("text, expected", [
    # quoted after a campaign word, with a qualifier or a year between them
    ("Huyện phát động phong trào thi đua “Xã nhà sáng, xanh, sạch”.", ["Xã nhà sáng, xanh, sạch"]),
    ("Đơn vị thực hiện chủ đề thi đua năm 2024 “Kỷ cương, chủ động, về đích”.", ["Kỷ cương, chủ động, về đích"]),
    ("Trường hưởng ứng cuộc vận động giai đoạn 2021-2025 “Mỗi ngày một việc tốt”.", ["Mỗi ngày một việc tốt"]),
    # several quoted names listed after one campaign word
    ("Công đoàn đẩy mạnh các phong trào thi đua “Lao động giỏi”, “Sáng kiến vàng” và “Tiết kiệm điện”.",
     ["Lao động giỏi", "Sáng kiến vàng", "Tiết kiệm điện"]),
    # unquoted after the campaign word: up to punctuation, a year or a function word
    ("Sư đoàn tổng kết phong trào thi đua quyết thắng (TĐQT) của năm.", ["quyết thắng"]),
    ("Đơn vị được khen thưởng trong phong trào thi đua Quyết thắng năm 2023.", ["Quyết thắng"]),
    ("Lữ đoàn đẩy mạnh phong trào Thi đua Quyết thắng trong huấn luyện.", ["Thi đua Quyết thắng"]),
    ("Phường phát động phong trào toàn dân giữ gìn vệ sinh môi trường. Người dân hưởng ứng.",
     ["toàn dân giữ gìn vệ sinh môi trường"]),
    ("Bà được khen thưởng vì thành tích trong cuộc vận động Vì người nghèo quê hương.",
     ["Vì người nghèo quê hương"]),
    # drives of the unions: after "Chương trình", and quoted after a launch verb
    ("Công đoàn khen thưởng đoàn viên; tổ chức Chương trình Tết đoàn viên, Tháng Công nhân… Năm nay có nhiều đổi mới.",
     ["Tết đoàn viên", "Tháng Công nhân"]),
    ("Hội Phụ nữ phát động thi đua và hưởng ứng “Tháng hành động vì bình đẳng giới” năm nay.",
     ["Tháng hành động vì bình đẳng giới"]),
    # a well-known campaign without quotes or cue
    ("Chi bộ thi đua thực hiện việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong năm.",
     ["học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"]),
])
def test_campaigns(run, text, expected):
    assert _names(run, text) == expected


@pytest.mark.parametrize("text", [
    # generic phrases
    "Tỉnh tổ chức tốt các phong trào thi đua yêu nước trong năm.",
    "Huyện phát động các phong trào thi đua Chào mừng Đại hội Đảng bộ.",
    # a foreign party's movement and a programme of an international body
    "Khen thưởng xong, ông gia nhập Phong trào Dân chủ Mới của nước bạn.",
    "Thi đua khen thưởng được Chương trình Phát triển Liên hợp quốc đánh giá cao.",
    # a contest, an award, a slogan quoted from a speech
    "Bộ phát động thi đua và tổ chức Cuộc thi “Sáng tạo trẻ” cho học sinh.",
    "Anh được tặng Huy hiệu “Tuổi trẻ dũng cảm” vì thành tích cứu người.",
    # a TV programme and the theme of a stage show
    "Khen thưởng các nhân vật của chương trình “Ước mơ xanh” phát sóng trên kênh truyền hình tỉnh.",
    "Sau lễ tuyên dương là đêm giao lưu nghệ thuật chủ đề “Khúc ca mùa xuân”.",
    # holidays and years are not drives
    "Công ty khen thưởng và tổ chức “Tết Nguyên đán sum vầy” cho công nhân.",
    "Nhân dịp thi đua cuối năm, đơn vị tổ chức “Tết Giáp Thìn” ấm áp.",
])
def test_not_campaigns(run, text):
    assert _names(run, text) == []


def test_launcher_and_period_stay(run):
    text = "UBND tỉnh phát động phong trào thi đua “Về đích sớm” giai đoạn 2021-2025 do Chủ tịch UBND tỉnh phát động."
    [c] = run(text, "campaigns")
    assert (c.name, c.kind_, c.period.start, c.period.end) == ("Về đích sớm", "phong trào thi đua", "2021", "2025")
    assert c.launched_by == "Chủ tịch UBND tỉnh"
    assert text[c.start:c.end] == c.text
