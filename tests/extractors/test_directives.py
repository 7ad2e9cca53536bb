"""Directive references: type, number, normalised symbol, date and issuer (checked by hand)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Chỉ thị số 01-CT/TU ngày 17-10-2020 của Ban Thường vụ Tỉnh ủy về phát động thi đua.",
     ("Chỉ thị số 01-CT/TU", "Chỉ thị", "01", "01-CT/TU", "2020-10-17", "Ban Thường vụ Tỉnh ủy")),
    ("theo Nghị quyết 21-NQ/TW ngày 22/11/2012 của Bộ Chính trị về tăng cường",
     ("Nghị quyết 21-NQ/TW", "Nghị quyết", "21", "21-NQ/TW", "2012-11-22", "Bộ Chính trị")),
    ("Chỉ thị số 18/CTT - TTg ngày 19/5/2016 của Thủ tướng Chính phủ về phát động",
     ("Chỉ thị số 18/CTT - TTg", "Chỉ thị", "18", "18/CTT-TTg", "2016-05-19", "Thủ tướng Chính phủ")),
    ("Quyết định số 1234/QĐ-UBND của UBND tỉnh Nghệ An.",
     ("Quyết định số 1234/QĐ-UBND", "Quyết định", "1234", "1234/QĐ-UBND", None, "UBND tỉnh Nghệ An")),
    ("Nghị định 01/2021/NĐ-CP quy định", ("Nghị định 01/2021/NĐ-CP", "Nghị định", "01", "01/2021/NĐ-CP", None, None)),
    ("Luật số 06/2022/QH15 có hiệu lực", ("Luật số 06/2022/QH15", "Luật", "06", "06/2022/QH15", None, None)),
    ("Kế hoạch số 45/KH-BHXH ngày 5 tháng 3 năm 2023 của BHXH tỉnh.",
     ("Kế hoạch số 45/KH-BHXH", "Kế hoạch", "45", "45/KH-BHXH", "2023-03-05", "BHXH tỉnh")),
    ("Chương trình số 12-CTr/HU của Huyện ủy", ("Chương trình số 12-CTr/HU", "Chương trình", "12", "12-CTr/HU",
                                               None, "Huyện ủy")),
    ("thực hiện Chỉ thị 05 của Bộ Chính trị về", ("Chỉ thị 05", "Chỉ thị", "05", None, None, "Bộ Chính trị")),
    ("Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng",
     ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết", None, None, None, None)),
    ("Luật Thi đua, khen thưởng quy định", ("Luật Thi đua, khen thưởng", "Luật", None, None, None, None)),
])
def test_directive(run, text, expected):
    [d] = run(text, "directives")
    assert (d.text, d.type, d.number, d.symbol, d.issued, d.issuer) == expected


@pytest.mark.parametrize("text", [
    "Kế hoạch 5 năm đã hoàn thành.",
    "Chương trình 135 hỗ trợ xã nghèo.",            # a programme name, not a numbered document
    "Tỷ lệ 15/19 tiêu chí đạt chuẩn.",
])
def test_not_directives(run, text):
    assert run(text, "directives") == []
