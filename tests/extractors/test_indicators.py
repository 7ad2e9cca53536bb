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
])
def test_indicator(run, text, expected):
    got = [(i.text, i.value, i.value_max, i.unit, i.qualifier, i.change) for i in run(text, "indicators")]
    assert got == expected


def test_ratio_and_metric(run):
    [ratio] = run("Xã đạt 15/19 tiêu chí nông thôn mới.", "indicators")
    assert (ratio.value, ratio.denominator, ratio.unit) == (15, 19, "tiêu chí")
    [rate] = run("Năm 2022, tỷ lệ người dân tham gia BHYT đạt 96,69% so với dân số.", "indicators")
    assert (rate.value, rate.metric) == (96.69, "tỷ lệ người dân tham gia BHYT")


@pytest.mark.parametrize("text", [
    "Đại hội lần thứ 5 của Sư đoàn 330 khóa 12.",      # ordinals and names
    "Trong 25 năm và 3 tháng qua, anh 45 tuổi.",       # durations and ages
    "Gọi 0983449277 lúc 07:30.",                       # phone, time
    "Ngày 22/11/2012 theo Chỉ thị 01-CT/TU.",           # date, directive
    "Giống lúa Đài Thơm 8 và OCOP 4 sao.",              # numbers inside names
    "Tỷ số 3-1 ở hiệp hai.",                            # a score
])
def test_not_indicators(run, text):
    assert run(text, "indicators") == []
