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
    # ranges inside one expression
    ("Hội thao diễn ra trong 2 ngày 14 và 15-8-2019.", [("ngày 14 và 15-8-2019", "2019-08-14", "2019-08-15", "range")]),
    ("Đăng ký từ ngày 3 đến 20/4/2021.", [("từ ngày 3 đến 20/4/2021", "2021-04-03", "2021-04-20", "range")]),
    ("Hội chợ mở từ 26 - 30/10/2022.", [("từ 26 - 30/10/2022", "2022-10-26", "2022-10-30", "range")]),
    ("Chấm thi từ ngày 28 đến 3/4/2020.", [("từ ngày 28 đến 3/4/2020", "2020-03-28", "2020-04-03", "range")]),
    ("Vòng một từ tháng 9 đến hết tháng 11/2019.", [("từ tháng 9 đến hết tháng 11/2019", "2019-09", "2019-11",
                                                    "range")]),
    ("Từ năm 2008 đến tháng 6/2014, ông công tác ở huyện.", [("Từ năm 2008 đến tháng 6/2014", "2008", "2014-06",
                                                               "range")]),
    ("Trường (15/8/1960-15/8/2020) có bề dày.", [("15/8/1960-15/8/2020", "1960-08-15", "2020-08-15", "range")]),
    ("Hội nghị kéo dài hai ngày 4-5.9.2018.", [("ngày 4-5.9.2018", "2018-09-04", "2018-09-05", "range")]),
    # dotted day-months after a time of day, day lists, birth years, year lists
    ("Chiều nay (4.9), đoàn đến thăm.", [("4.9", "--09-04", None, "day")]),
    ("Tối 12.3 diễn ra lễ bế mạc.", [("12.3", "--03-12", None, "day")]),
    ("nhân ngày 27.7, 22.12 hằng năm", [("27.7", "--07-27", None, "day"), ("22.12", "--12-22", None, "day")]),
    ("Nguyễn Văn B. (SN 1988, trú tại xã).", [("SN 1988", "1988", None, "year")]),
    ("Trong hai năm 2018, 2019 học sinh đạt giải.", [("năm 2018", "2018", None, "year"), ("2019", "2019", None, "year")]),
    ("Giải thưởng lần thứ IX-2019 được trao.", [("2019", "2019", None, "year")]),
    ("6 tháng đầu năm, doanh thu tăng.", [("6 tháng đầu năm", "--01", "--06", "range")]),
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
    "Thu nhập từ 3-4 triệu đồng mỗi tháng.",                                # money, not 3 April
    "Lễ hội vào rằm tháng 7 và ngày 15 tháng 8 âm lịch.",                   # lunar, no year
    "Sản lượng từ 2.5 đến 3.5 tấn.",                                        # decimals
    "6 tháng đầu năm học mới.",                                             # a school year
])
def test_not_dates(run, text):
    assert run(text, "dates") == []


def test_yearless_day_takes_published_year(run):
    [d] = run("Sáng 10/6, UBND tỉnh tổ chức hội nghị.", "dates", published="2024-06-11T08:00:00+07:00")
    assert (d.text, d.value, d.resolved) == ("10/6", "2024-06-10", True)
    [d] = run("Sáng 10/6, UBND tỉnh tổ chức hội nghị.", "dates")
    assert (d.value, d.resolved) == ("--06-10", False)


def test_yearless_range_takes_published_year(run):
    [d] = run("Hội chợ mở từ ngày 20/12 đến 5/1.", "dates", published="2024-01-10")
    assert (d.value, d.range_end) == ("2023-12-20", "2024-01-05")
    [d] = run("6 tháng đầu năm, doanh thu tăng.", "dates", published="2024-07-02")
    assert (d.value, d.range_end, d.resolved) == ("2024-01", "2024-06", True)
