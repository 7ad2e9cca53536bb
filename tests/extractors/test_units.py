"""Units: the extent of a name, its kind and its canonical form (checked by hand)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Giám đốc Sở Y tế Nguyễn Văn An phát biểu.", [("Sở Y tế", "agency")]),
    ("Kho bạc Nhà nước Quảng Ninh tổ chức hội nghị.", [("Kho bạc Nhà nước Quảng Ninh", "agency")]),
    ("Ban Thường vụ Tỉnh ủy ban hành kế hoạch.", [("Ban Thường vụ Tỉnh ủy", "party")]),
    ("Ban Thường vụ LĐLĐ tỉnh khen thưởng.", [("Ban Thường vụ LĐLĐ tỉnh", "association")]),
    ("Đảng ủy Sư đoàn 330 và Bộ Tư lệnh Quân khu 7 đã họp.",
     [("Đảng ủy Sư đoàn 330", "party"), ("Bộ Tư lệnh Quân khu 7", "armed_forces")]),
    ("BHXH tỉnh Bến Tre, UBND huyện Chợ Lách và xã Hưng Khánh Trung B.",
     [("BHXH tỉnh Bến Tre", "agency"), ("UBND huyện Chợ Lách", "government"), ("xã Hưng Khánh Trung B", "admin_area")]),
    ("Trường THPT Chu Văn An được tặng Cờ thi đua.", [("Trường THPT Chu Văn An", "school")]),
    ("Sở Văn hóa và Thể thao TP Hồ Chí Minh", [("Sở Văn hóa và Thể thao TP Hồ Chí Minh", "agency")]),
    ("Chủ tịch UBND tỉnh Lê Thị Hải Yến trao quà.", [("UBND tỉnh", "government")]),
    ("Công ty CP May Xuất khẩu Hưng Hà nộp ngân sách.", [("Công ty CP May Xuất khẩu Hưng Hà", "enterprise")]),
    ("Vụ Tổ chức cán bộ tổ chức tập huấn.", [("Vụ Tổ chức cán bộ", "agency")]),
    ("Ủy ban MTTQ Việt Nam tỉnh Long An phát động.", [("Ủy ban MTTQ Việt Nam tỉnh Long An", "association")]),
    ("Tổng công ty Điện lực miền Trung vượt kế hoạch.", [("Tổng công ty Điện lực miền Trung", "enterprise")]),
])
def test_units(run, text, expected):
    assert [(u.name, u.kind_.value) for u in run(text, "units")] == expected


@pytest.mark.parametrize("text", [
    "Tỷ lệ tham gia BHXH đạt 40%.",               # the insurance scheme, not the agency
    "Các sở, ban, ngành và chính quyền địa phương phối hợp.",
    "Theo Kế hoạch số 45/KH-BHXH, các đơn vị triển khai.",
    "Học tập tư tưởng Hồ Chí Minh.",
])
def test_not_units(run, text):
    assert run(text, "units") == []


def test_canonical_completes_the_province(run):
    units = run("BHXH tỉnh Bến Tre báo cáo. Năm 2022, UBND tỉnh tặng bằng khen cho BHXH tỉnh.", "units")
    assert [u.canonical for u in units] == [
        "Bảo hiểm xã hội tỉnh Bến Tre", "Ủy ban nhân dân tỉnh Bến Tre", "Bảo hiểm xã hội tỉnh Bến Tre"]
