"""Indicators: value, range, unit, qualifier, change and metric (checked by hand)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("giảm đóng 19,7 tỷ đồng cho doanh nghiệp", [("19,7 tỷ đồng", 19.7e9, None, "đồng", None, None)]),
    ("với 11.991 người lao động", [("11.991 người", 11991, None, "người", None, None)]),
    ("giải quyết gần 92 ngàn hồ sơ", [("gần 92 ngàn hồ sơ", 92000, None, "hồ sơ", "gần", None)]),
    ("phát sinh 1,8 triệu lượt khám", [("1,8 triệu lượt", 1.8e6, None, "lượt", None, None)]),
    ("chi trả trên 2.205 tỷ đồng", [("trên 2.205 tỷ đồng", 2.205e12, None, "đồng", "trên", None)]),
    ("đạt từ 60 - 80% trở lên", [("60 - 80%", 60, 80, "%", None, None)]),
    ("tăng 5,29% so với năm 2020", [("tăng 5,29%", 5.29, None, "%", None, "tăng")]),
    ("vượt 2,43% chỉ tiêu", [("vượt 2,43%", 2.43, None, "%", None, "vượt")]),
    ("xuất khẩu 12.000 USD", [("12.000 USD", 12000, None, "USD", None, None)]),
    ("in 3.000 bộ hồ sơ", [("3.000 bộ hồ sơ", 3000, None, "hồ sơ", None, None)]),
    ("hơn 40 bộ phận được thay", [("hơn 40 bộ phận", 40, None, "bộ phận", "hơn", None)]),
    ("có 1.450 chiến sĩ tham gia", [("1.450 chiến sĩ", 1450, None, "chiến sĩ", None, None)]),
    ("bộ nhớ 256 GB", [("256 GB", 256, None, "GB", None, None)]),
    ("gió giật 89-102 km/h", [("89-102 km/h", 89, 102, "km/h", None, None)]),
    ("khoảng 1.200 ha lúa", [("khoảng 1.200 ha", 1200, None, "ha", "khoảng", None)]),
    # money and percentages next to a name are still figures
    ("Hội Nông dân xã Tân Lợi 15 triệu đồng", [("15 triệu đồng", 15e6, None, "đồng", None, None)]),
    ("lương từ 6-8 triệu đồng/người", [("6-8 triệu đồng", 6e6, 8e6, "đồng", None, None)]),
    ("giảm từ 12% đến 25%", [("12% đến 25%", 12, 25, "%", None, None)]),
    ("thu 215 triệu 500 nghìn đồng", [("215 triệu 500 nghìn đồng", 215.5e6, None, "đồng", None, None)]),
    ("anh cao 1m72", [("1m72", 1.72, None, "m", None, None)]),
    ("tỷ lệ đạt 88,5/80%", [("88,5/80%", 88.5, None, "%", None, None)]),
    ("Trong số 7 HTX của xã", [("7 HTX", 7, None, "HTX", None, None)]),
    ("Sở có 6 Phó Giám đốc", [("6 Phó", 6, None, "Phó", None, None)]),
    # counts written in words
    ("xã có hai đơn vị đạt chuẩn", [("hai đơn vị", 2, None, "đơn vị", None, None)]),
    ("Ba xã về đích sớm.", [("Ba xã", 3, None, "xã", None, None)]),
    ("mười lăm học sinh được khen", [("mười lăm học sinh", 15, None, "học sinh", None, None)]),
    ("trao hai mươi mốt suất quà", [("hai mươi mốt suất", 21, None, "suất", None, None)]),
    ("hỗ trợ năm trăm triệu đồng", [("năm trăm triệu đồng", 5e8, None, "đồng", None, None)]),
    ("phạt từ hai triệu đồng đến dưới ba mươi triệu đồng",
     [("hai triệu đồng đến dưới ba mươi triệu đồng", 2e6, 3e7, "đồng", None, None)]),
    ("gần hai nghìn người dự lễ", [("gần hai nghìn người", 2000, None, "người", "gần", None)]),
])
def test_indicator(run, text, expected):
    got = [(i.text, i.value, i.value_max, i.unit, i.qualifier, i.change) for i in run(text, "indicators")]
    assert got == expected


def test_ratio_and_metric(run):
    [ratio] = run("Xã đạt 15/19 tiêu chí nông thôn mới.", "indicators")
    assert (ratio.value, ratio.denominator, ratio.unit) == (15, 19, "tiêu chí")
    [rate] = run("Năm 2022, tỷ lệ người dân tham gia BHYT đạt 96,69% so với dân số.", "indicators")
    assert (rate.value, rate.metric) == (96.69, "tỷ lệ người dân tham gia BHYT")


def test_a_metric_is_read_in_the_value_s_sentence_only(run):
    # the verb opens the value's sentence (a line of its own): the line before names no metric of it
    [rate] = run("Tỷ lệ hộ nghèo toàn tỉnh\nđạt 5,2% theo rà soát.", "indicators")
    assert (rate.value, rate.metric) == (5.2, None)
    [rate] = run("Tỷ lệ hộ nghèo toàn tỉnh đạt 5,2% theo rà soát.", "indicators")
    assert (rate.value, rate.metric) == (5.2, "Tỷ lệ hộ nghèo toàn tỉnh")


@pytest.mark.parametrize("text", [
    "Đại hội lần thứ 5 của Sư đoàn 330 khóa 12.",      # ordinals and names
    "Trong 25 năm và 3 tháng qua, anh 45 tuổi.",       # durations and ages
    "Gọi 0983449277 lúc 07:30.",                       # phone, time
    "Ngày 22/11/2012 theo Chỉ thị 01-CT/TU.",           # date, directive
    "Giống lúa Đài Thơm 8 và OCOP 4 sao.",              # numbers inside names
    "Tỷ số 3-1 ở hiệp hai.",                            # a score
    "Ban Chỉ đạo 389 và Bệnh viện Quân y 175 họp.",     # numbers of names
    "Đơn vị đóng ở quận 3 sang quận 5.",                # district numbers
    "Hai Bà Trưng, cô Mười và giải Ba cá nhân.",        # number words in names and ranks
    "Một số người đến, hai bên đường có năm cây.",      # "một số", "hai bên", "năm" alone
    "Trong hai năm qua, đội thi vòng hai.",             # a duration, a round
    "Nhà có vài ba cây, dăm bảy con gà.",               # "a few"
    "Hấp chín sơ qua rồi để nguội.",                    # "chín" is cooked
    "Chúng tôi hai chúng tôi đến.",                     # a pronoun
])
def test_not_indicators(run, text):
    assert run(text, "indicators") == []
