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
     ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết", "4", None, None, None)),
    ("Luật Thi đua, khen thưởng quy định", ("Luật Thi đua, khen thưởng", "Luật", None, None, None, None)),
])
def test_directive(run, text, expected):
    [d] = run(text, "directives")
    assert (d.text, d.type, d.number, d.symbol, d.issued, d.issuer) == expected


@pytest.mark.parametrize("text, expected", [
    # laws by name: abbreviations, capitalised names, lower-case "luật" in a code, the year
    ("Nhiều hộ làm ăn theo Luật HTX phù hợp với thị trường.", [("Luật HTX", "Luật", None)]),
    ("Xử lý theo Bộ luật Lao động 2019 về giờ làm thêm.", [("Bộ luật Lao động 2019", "Bộ luật", None)]),
    ("điều 51 bộ luật hình sự năm 2015, sửa đổi năm 2017", [("bộ luật hình sự năm 2015", "Bộ luật", None)]),
    ("Các đại biểu góp ý dự thảo Luật Mặt trận Tổ quốc Việt Nam về giám sát.",
     [("Luật Mặt trận Tổ quốc Việt Nam", "Luật", None)]),
    ("Quốc hội thông qua Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2013.",
     [("Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2013", "Luật", None)]),
    ("bị khởi tố theo Điều 173 BLHS 2015 về tội trộm cắp", [("BLHS 2015", "Bộ luật", None)]),
    ("Anh học tại Đại học Luật TP.HCM từ năm 2010.", []),
    # party resolutions known by plenum or congress
    ("Chi bộ học tập Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (khóa XII) về chỉnh đốn Đảng.",
     [("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (khóa XII)", "Nghị quyết", "4")]),
    ("gắn với Nghị quyết Trung ương 6 khóa XI về đổi mới", [("Nghị quyết Trung ương 6 khóa XI", "Nghị quyết", "6")]),
    ("quán triệt Nghị quyết ĐH XII Đảng Cộng sản VN và các chỉ thị",
     [("Nghị quyết ĐH XII Đảng Cộng sản VN", "Nghị quyết", None)]),
    ("thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
     [("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025", "Nghị quyết", None)]),
    # other types without a number
    ("Mọi công dân phải tuân thủ Hiến pháp và pháp luật.", [("Hiến pháp", "Hiến pháp", None)]),
    ("Đảng viên vi phạm Điều lệ Đảng sẽ bị xử lý.", [("Điều lệ Đảng", "Điều lệ", None)]),
    ("Thành phố lấy ý kiến về dự thảo Quy tắc ứng xử nơi công viên.", [("Quy tắc ứng xử nơi công viên", "Quy tắc", None)]),
    ("Sở trình Quy hoạch phát triển thủy sản giai đoạn 2021-2030, tầm nhìn đến năm 2050 để phê duyệt.",
     [("Quy hoạch phát triển thủy sản giai đoạn 2021-2030, tầm nhìn đến năm 2050", "Quy hoạch", None)]),
    ("huyện xây dựng Đề án đào tạo nghề cho lao động nông thôn theo hướng dẫn của tỉnh",
     [("Đề án đào tạo nghề cho lao động nông thôn", "Đề án", None)]),
    # several numbers in one reference
    ("học tập Chỉ thị 03, 05 của Bộ Chính trị về làm theo Bác",
     [("Chỉ thị 03", "Chỉ thị", "03"), ("05", "Chỉ thị", "05")]),
    # joint documents and department codes
    ("theo Kế hoạch liên tịch số 07/KHLT/UBND-MTTQ của huyện",
     [("Kế hoạch liên tịch số 07/KHLT/UBND-MTTQ", "Kế hoạch", "07")]),
    ("Công an tỉnh ban hành Kế hoạch số 112/KH-CAT(PV01) về cao điểm tấn công tội phạm",
     [("Kế hoạch số 112/KH-CAT(PV01)", "Kế hoạch", "112")]),
    ("thực hiện Công văn số 45/CAT-PC06 ngày 3/2/2021", [("Công văn số 45/CAT-PC06", "Công văn", "45")]),
    ("căn cứ quyết định số 88/QĐ-UBND của huyện", [("quyết định số 88/QĐ-UBND", "Quyết định", "88")]),
    # neither number nor name
    ("Tỉnh đã ban hành Nghị quyết để triển khai.", []),
    ("Chủ tịch ký quyết định khen thưởng cho 12 tập thể.", []),
    ("Bộ Kế hoạch và Đầu tư chủ trì soạn thảo.", []),
    ("Chiến lược và chính sách của công ty thay đổi.", []),
])
def test_references(run, text, expected):
    assert [(d.text, d.type, d.number) for d in run(text, "directives")] == expected


def test_symbol_with_department(run):
    [d] = run("theo Kế hoạch số 112/KH-CAT(PV01) của Công an tỉnh", "directives")
    assert (d.symbol, d.issuer) == ("112/KH-CAT(PV01)", "Công an tỉnh")


@pytest.mark.parametrize("text", [
    "Kế hoạch 5 năm đã hoàn thành.",
    "Chương trình 135 hỗ trợ xã nghèo.",            # a programme name, not a numbered document
    "Tỷ lệ 15/19 tiêu chí đạt chuẩn.",
])
def test_not_directives(run, text):
    assert run(text, "directives") == []


@pytest.mark.parametrize("text, expected", [
    ("Ủy ban đã có ý kiến tại 5104/UBND-KT ngày 2/3/2020.", ("5104/UBND-KT", "Công văn")),  # issuer code: a letter
    ("Đội bóng thắng 3/TP-HCM", None),                                                     # no department: not one
])
def test_bare_symbol_of_an_issuer(run, text, expected):
    found = [(d.symbol, d.type) for d in run(text, "directives")]
    assert found == ([expected] if expected else [])
