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


@pytest.mark.parametrize("text, expected", [
    # bare countries, districts and communes used as places
    ("Đoàn công tác sang Nhật Bản và Hàn Quốc học hỏi kinh nghiệm.",
     [("Nhật Bản", "admin_area"), ("Hàn Quốc", "admin_area")]),
    ("Sản phẩm của hợp tác xã đã được xuất sang Đức.", [("Đức", "admin_area")]),
    ("Trụ sở đặt tại số 15 Lý Nam Đế, Hoàn Kiếm, Hà Nội.", [("Hoàn Kiếm", "admin_area"), ("Hà Nội", "admin_area")]),
    ("Nhiều hộ dân ở Long Biên đã hiến đất làm đường.", [("Long Biên", "admin_area")]),
    ("Hàng hóa được chở về Xuân Lộc rồi đưa đi tiêu thụ.", [("Xuân Lộc", "admin_area")]),
    ("Các nước Lào, Campuchia và Thái Lan cùng tham dự.",
     [("Lào", "admin_area"), ("Campuchia", "admin_area"), ("Thái Lan", "admin_area")]),
    # outlets, party bodies and bodies written in lower case or abbreviated
    ("Theo TTXVN, hội nghị diễn ra trong hai ngày.", [("TTXVN", "other")]),
    ("Phóng viên báo Nhân dân đã có mặt tại hiện trường.", [("báo Nhân dân", "other")]),
    ("Bài viết đăng trên tạp chí Cộng sản số mới nhất.", [("tạp chí Cộng sản", "other")]),
    ("Đại diện ban Tuyên giáo Trung ương phát biểu.", [("ban Tuyên giáo Trung ương", "party")]),
    ("Ý kiến của Trung ương Đảng được quán triệt.", [("Trung ương Đảng", "party")]),
    ("Thành uỷ Đà Nẵng tổ chức hội nghị.", [("Thành uỷ Đà Nẵng", "party")]),
    ("Hội đồng thi đua khen thưởng Trung ương họp xét.", [("Hội đồng thi đua khen thưởng Trung ương", "agency")]),
    ("Đảng ủy cơ quan LĐLĐ tỉnh ra nghị quyết.", [("Đảng ủy cơ quan LĐLĐ tỉnh", "party")]),
    ("Cán bộ phòng PC45 Công an tỉnh Nghệ An đã bắt giữ đối tượng.", [("phòng PC45 Công an tỉnh Nghệ An", "armed_forces")]),
    ("Bí thư Thành ủy TP.HCM dự lễ.", [("Thành ủy TP.HCM", "party")]),
    ("Liên hợp quốc đánh giá cao kết quả giảm nghèo.", [("Liên hợp quốc", "other")]),
    # a person after a complete name is not part of it
    ("Trưởng Ban Tổ chức Trung ương Trần Văn Hùng trao quyết định.", [("Ban Tổ chức Trung ương", "party")]),
    ("Hội Nhà báo Việt Nam trao giải.", [("Hội Nhà báo Việt Nam", "association")]),
    # a ward known by its number is read after its level
    ("Người dân phường V đã hiến đất.", [("phường V", "admin_area")]),
])
def test_places_outlets_and_bodies(run, text, expected):
    assert [(u.name, u.kind_.value) for u in run(text, "units")] == expected


@pytest.mark.parametrize("text", [
    "Anh Đức cho biết năm nay gia đình thu hoạch khá.",      # a person, not Germany
    "Chị Thanh Xuân nhận giấy khen của xã.",                  # a person, not the district
    "Ông Nguyễn Văn Hoàng Mai là người đầu tiên đăng ký.",    # a district name inside a person's name
    "Cửa hàng nằm trên đường Ngô Quyền.",                     # a street named after a person
    "Anh cho biết sẽ tiếp tục cố gắng.",                       # a pronoun at the start of a sentence
    "Thị trường Châu Âu rất khó tính.",                        # "trường" ends the word "thị trường"
    "Lãnh đạo một trường ĐH đã lên tiếng.",                    # a type of unit, not a name
    "Nhà báo Nguyễn Thị Hoa nhận giải.",                       # a journalist, not a newspaper
    "Anh thi đấu ở V.League tại V và I'm Sorry.",              # "Phường V", "Phường I" are no bare names
])
def test_not_places(run, text):
    assert [u.name for u in run(text, "units") if u.kind_.value == "admin_area" or u.name[:1].islower()] == []


def test_admin_units_file_in_sync_with_the_package():
    pytest.importorskip("vietnamadminunits")
    from importlib import resources

    from newsmine.lang.vi.build_admin_units import build

    shipped = resources.files("newsmine.lang.vi").joinpath("admin_units.tsv").read_text(encoding="utf-8")
    assert shipped == build(), "run: python -m newsmine.lang.vi.build_admin_units"


@pytest.mark.parametrize("text", [
    "Đoàn đến Hà Nội, Bắc Ninh và Nhật Bản.",
    "Sáng nay tại TP.Hồ Chí Minh và X-Hà Nội, Hà Nội2 rồi Ba Đình.",   # a name after "." or "-" or before a digit
    "Ông Nguyễn Thanh Xuân về Thanh Xuân  Hà Nội.",                   # two spaces break a run
    "Anh An ở An Giang; Tân An.Long An",
    "HÀ NỘI Hà Nội Ha Noi",
])
def test_places_read_the_runs_that_hold_a_name(text):
    # the runs found from the names' automaton are the runs of capitals that hold a name
    from newsmine import gazetteer

    every = [m.span() for m in gazetteer._RUN.finditer(text) if gazetteer._names_in(m[0])]
    assert [m.span() for m in gazetteer._runs(text) if gazetteer._names_in(m[0])] == every
    assert every  # each text holds a name


def test_capitals_are_told_by_case_as_the_patterns_tell_them():
    # a run's start is told by str.isupper of a letter, read as category "Lu" (as unicodedata
    # reads it), and a lower-case head's next word by str.islower, never a \p{Lu} of the patterns
    import sys
    import unicodedata

    import regex

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert all(c.isupper() == (unicodedata.category(c) == "Lu") for c in everything if c.isalpha())
    assert not any(c.islower() for c in regex.findall(r"\p{Lu}", everything))
