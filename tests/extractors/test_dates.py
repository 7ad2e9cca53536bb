"""Dates: each row is a sentence and the dates a reader finds in it (checked by hand)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Hội nghị diễn ra ngày 22/11/2012 tại Hà Nội.", [("ngày 22/11/2012", "2012-11-22", None, "day")]),
    ("Ký ngày 17-10-2020.", [("ngày 17-10-2020", "2020-10-17", None, "day")]),
    ("Khai mạc 5.3.2023 tại nhà văn hóa.", [("5.3.2023", "2023-03-05", None, "day")]),
    ("Ngày 5 tháng 3 năm 2023, Ban tổ chức họp.", [("Ngày 5 tháng 3 năm 2023", "2023-03-05", None, "day")]),
    ("Trong tháng 3/2023 và tháng 4 năm 2023.", [("tháng 3/2023", "2023-03", None, "month"),
                                                 ("tháng 4 năm 2023", "2023-04", None, "month")]),
    ("Kết quả quý I/2023 khả quan.", [("quý I/2023", "2023-Q1", None, "quarter")]),
    ("Quý IV năm 2022 tăng mạnh.", [("Quý IV năm 2022", "2022-Q4", None, "quarter")]),
    ("6 tháng đầu năm 2022 đạt kế hoạch.", [("6 tháng đầu năm 2022", "2022-01", "2022-06", "range")]),
    ("6 tháng cuối năm 2022 tăng tốc.", [("6 tháng cuối năm 2022", "2022-07", "2022-12", "range")]),
    ("Giai đoạn 2016-2020 đạt nhiều kết quả.", [("Giai đoạn 2016-2020", "2016", "2020", "range")]),
    ("nhiệm kỳ 2020 - 2025", [("nhiệm kỳ 2020 - 2025", "2020", "2025", "range")]),
    ("từ năm 2016 đến năm 2020", [("từ năm 2016 đến năm 2020", "2016", "2020", "range")]),
    ("tầm nhìn đến năm 2030", [("năm 2030", "2030", None, "year")]),
    ("Từ ngày 27/9 đến ngày 29/9/2023, mưa lớn.", [("Từ ngày 27/9 đến ngày 29/9/2023", "2023-09-27", "2023-09-29",
                                                    "range")]),
    ("từ tháng 2/2022 đến tháng 5/2023", [("từ tháng 2/2022 đến tháng 5/2023", "2022-02", "2023-05", "range")]),
    ("Năm bản lề 2023 đã đến.", [("2023", "2023", None, "year")]),
])
def test_dates(run, text, expected):
    got = [(d.text, d.value, d.range_end, d.grain.value) for d in run(text, "dates")]
    assert got == expected


@pytest.mark.parametrize("text", [
    "Trong 25 năm xây dựng và 2 năm qua, đơn vị giữ vững truyền thống.",   # durations
    "Tỷ lệ đạt 98,04%, tăng 5,29% so với trước.",                           # percentages
    "Liên hệ 0983449277 hoặc 0913.303.903.",                                # phone numbers
    "Có 4/4 làng và 15/19 tiêu chí đạt chuẩn.",                             # ratios
    "Thực hiện Chỉ thị số 18/CT-TTg và Nghị định 01/2021/NĐ-CP.",          # document numbers
    "Tỷ số chung cuộc 2-1 nghiêng về đội khách.",                           # scores
    "Xã có 2023 hộ dân.",                                                   # a count, not a year
])
def test_not_dates(run, text):
    assert run(text, "dates") == []


def test_yearless_day_takes_published_year(run):
    [d] = run("Sáng 10/6, UBND tỉnh tổ chức hội nghị.", "dates", published="2024-06-11T08:00:00+07:00")
    assert (d.text, d.value, d.resolved) == ("10/6", "2024-06-10", True)
    [d] = run("Sáng 10/6, UBND tỉnh tổ chức hội nghị.", "dates")
    assert (d.value, d.resolved) == ("--06-10", False)
