"""Press metadata and cleaning. Expected values were read by hand off the seed pages."""
from __future__ import annotations

import pytest

from newsmine import article
from newsmine.text import normalize


def test_seed_bhxh_metadata(seeds):
    raw = (seeds / "000_033c3dc0d971c6df.txt").read_text(encoding="utf-8")
    a = article.from_page_text(raw, id="000", source="x")
    assert a.title == "Hiệu quả từ thực hiện các phong trào thi đua yêu nước"
    assert a.series is None
    assert a.outlet == "Biên phòng"
    assert a.published == "2024-07-13T07:01:00+07:00"
    assert a.authors == ["La Giang"]
    assert a.lead.startswith("Trong chặng đường 25 năm xây dựng và phát triển, Bảo hiểm xã hội (BHXH)")
    assert a.lead.endswith("trên tất cả các mặt...")
    assert "Đường dây nóng" not in a.text and "ZALO" not in a.text and "Bình luận" not in a.text
    assert not a.text.rstrip().endswith("La Giang")


def test_seed_dong_khoi_metadata(seeds):
    raw = (seeds / "004_1ebc1bc18e428362.txt").read_text(encoding="utf-8")
    a = article.from_page_text(raw, id="004", source="x")
    assert a.series == "“Đồng khởi mới” tạo bứt phá trong năm bản lề 2023, bài 1"
    assert a.title == "Thi đua ở từng địa phương, đơn vị"
    assert a.outlet == "BDK"
    assert a.published == "2023-02-06T07:07:00+07:00"
    assert a.authors == ["A. Nguyệt", "Ph. Hân", "Th. Đồng"]
    assert a.lead.startswith("Thực hiện Chỉ thị số 01-CT/TU của Ban Thường vụ Tỉnh ủy")
    assert a.text.startswith("Thi đua ở từng địa phương, đơn vị\n\nThực hiện Chỉ thị")
    caption = "Khen thưởng các tập thể, cá nhân đạt thành tích trong thực hiện công tác bảo hiểm xã hội. Ảnh: Phan Hân"
    assert a.text.count(caption) == 1
    # the page carries doubled tone marks: "bắ́t", "vận độ̣ng"
    assert "bắt kịp điển hình" in a.text and "vận động tổ chức" in a.text
    assert "Chia sẻ bài viết" not in a.text and "BÌNH LUẬN" not in a.text


@pytest.mark.parametrize("raw, expected", [
    ("vận độ\u0323\u0323ng", "vận động"),            # doubled combining dot below
    ("ba\u0306\u0301t", "bắt"),                       # decomposed, composes under NFC
    ("b\u1eaf\u0301t", "bắt"),                        # precomposed plus a repeated acute
    ("Ho\u00e0 B\u00ecnh", "Hoà Bình"),
    ("a\u00a0b\u200bc", "a bc"),                      # no-break space, zero-width space
    ("e\u0301\u0300", "\u00e9\u0300"),                # a different second mark is kept
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("line, expected", [
    ("Thứ bảy, 13/07/2024 07:01 GMT+7", "2024-07-13T07:01:00+07:00"),
    ("06/02/2023 - 07:07", "2023-02-06T07:07:00+07:00"),
    ("Chủ nhật, 5/3/2023, 18:45 (GMT+7)", "2023-03-05T18:45:00+07:00"),
    ("Cập nhật: 09:30 ngày 01/12/2022", "2022-12-01T09:30:00+07:00"),
    ("15/05/2023", "2023-05-15"),
    ("31/02/2023 - 10:00", None),                     # no such day
])
def test_date_line(line, expected):
    assert article.date_line(line) == expected


@pytest.mark.parametrize("line", [
    "Năm 2022, tỉnh có 15/19 xã đạt chuẩn nông thôn mới theo Quyết định ngày 12/3/2022 của UBND tỉnh.",
    "Hội nghị tổng kết phong trào thi đua",
])
def test_not_a_date_line(line):
    assert article.date_line(line) is None


@pytest.mark.parametrize("value, expected", [
    ("2023-05-15T09:12:00+07:00", "2023-05-15T09:12:00+07:00"),
    ("2023-05-15T02:12:00Z", "2023-05-15T02:12:00+00:00"),
    ("2023-05-15 09:12:00", "2023-05-15T09:12:00+07:00"),
    ("2022-11-20", "2022-11-20"),
    ("20/11/2022 10:05", "2022-11-20T10:05:00+07:00"),
    ("không rõ", None),
    (None, None),
])
def test_normalize_published(value, expected):
    assert article.normalize_published(value) == expected


@pytest.mark.parametrize("lead, outlet, rest", [
    ("BDK - Thực hiện Chỉ thị số 01-CT/TU", "BDK", "Thực hiện Chỉ thị số 01-CT/TU"),
    ("Biên phòng - Trong chặng đường 25 năm", "Biên phòng", "Trong chặng đường 25 năm"),
    ("(Chinhphu.vn) - Sáng 10/6, Thủ tướng", "Chinhphu.vn", "Sáng 10/6, Thủ tướng"),
    ("QĐND Online – Chiều 4/5, Quân khu 7", "QĐND Online", "Chiều 4/5, Quân khu 7"),
    ("Năm 2022 - năm bản lề của giai đoạn", None, "Năm 2022 - năm bản lề của giai đoạn"),
    ("Toàn tỉnh có 120 - 150 hộ nghèo", None, "Toàn tỉnh có 120 - 150 hộ nghèo"),
])
def test_split_outlet(lead, outlet, rest):
    assert article.split_outlet(lead) == (outlet, rest)


@pytest.mark.parametrize("line, names", [
    ("La Giang", ["La Giang"]),
    ("A. Nguyệt - Ph. Hân - Th. Đồng", ["A. Nguyệt", "Ph. Hân", "Th. Đồng"]),
    ("Bài, ảnh: Minh Châu", ["Minh Châu"]),
    ("Thu Hà và Quốc Việt", ["Thu Hà", "Quốc Việt"]),
    ("NGUYỄN HOÀNG", ["NGUYỄN HOÀNG"]),
    ("Các xã còn lại tự đánh giá cơ bản đạt từ 60 - 80% trở lên.", None),
    ("Chúc mừng các tập thể!", None),
])
def test_byline(line, names):
    assert article.parse_byline(line) == names


def test_series_inside_title():
    series, title = article.split_series("Xây dựng nông thôn mới ở Tây Bắc, bài 2: Những bản làng đổi thay")
    assert series == "Xây dựng nông thôn mới ở Tây Bắc, bài 2"
    assert title == "Những bản làng đổi thay"


def test_page_without_banner_or_byline():
    raw = "Tiêu đề bài báo\n\nĐoạn mở đầu của bài.\n\nĐoạn thân bài thứ nhất.\n\nĐoạn thân bài cuối cùng kết thúc ở đây."
    a = article.from_page_text(raw, id="x", source="x")
    assert (a.title, a.lead, a.authors, a.published) == ("Tiêu đề bài báo", "Đoạn mở đầu của bài.", [], None)
    assert a.text.endswith("Đoạn thân bài cuối cùng kết thúc ở đây.")


@pytest.mark.parametrize("line, banner", [
    ("Đường dây nóng: 0983 449 277 - 0913 303 903", True),
    ("Báo Sóc Trăng điện tử - Đường dây nóng: 0299.3822.115", True),
    ("BÁO LÀO CAI ĐIỆN TỬ", True),
    ("Tạp chí Cộng sản", True),
    ("Báo cáo tổng kết cho thấy nhiều kết quả", False),
    ("Báo chí tỉnh đã phản ánh kịp thời.", False),
    ("Hội nghị tổng kết phong trào thi đua năm 2023", False),
])
def test_banner(line, banner):
    assert article.is_banner(line) is banner


def test_masthead_and_gmt_offset_before_title():
    raw = ("BÁO HẢI DƯƠNG ĐIỆN TỬ\n\nThứ năm, 12/10/2023 16:05 (GMT+07:00)\n\nVượt kế hoạch sản xuất\n\n"
           "HD - 9 tháng năm 2023, công ty đạt doanh thu 1.200 tỷ đồng.\n\nĐoạn thân bài.\n\nHoàng Long")
    a = article.from_page_text(raw, id="x", source="x")
    assert (a.title, a.published, a.outlet, a.authors) == (
        "Vượt kế hoạch sản xuất", "2023-10-12T16:05:00+07:00", "HD", ["Hoàng Long"])
    assert a.lead == "9 tháng năm 2023, công ty đạt doanh thu 1.200 tỷ đồng."


def test_date_line_at_top_of_structured_body():
    a = article.from_parts(id="x", source="x", title="Tiêu đề", lead=None,
                           body="Thứ Tư, 20/12/2023 - 09:30\nSáng 19/12, hội nghị diễn ra.\nĐoạn hai.")
    assert (a.published, a.lead) == ("2023-12-20T09:30:00+07:00", "Sáng 19/12, hội nghị diễn ra.")


@pytest.mark.parametrize("paragraph, names", [
    ("Hội nghị kết thúc lúc 17 giờ cùng ngày. Lan Phương", ["Lan Phương"]),
    ("Các đại biểu đã trồng 200 cây xanh. Hoàng Minh Tuấn (TTXVN)", ["Hoàng Minh Tuấn"]),
    ("Đoàn công tác trở về Hà Nội./. Thu Trang/VOV-Tây Nguyên", ["Thu Trang"]),
    ("“Chúng tôi sẽ cố gắng”, anh Nam nói. Theo K.H (Báo Mới)", ["K.H"]),
    ("Xã đã về đích nông thôn mới… Đ.TÂM - V.HẢI", ["Đ.TÂM", "V.HẢI"]),
    ("Mỗi hộ nhận 2 triệu đồng. Quốc Bảo-Lệ Chi-Văn Toàn/VTV", ["Quốc Bảo", "Lệ Chi", "Văn Toàn"]),
    ("Giá vàng đi ngang trong phiên sáng. Hà An (tổng hợp)", ["Hà An"]),
    ("Trận đấu diễn ra lúc 19 giờ. Minh Khôi Theo Bóng Đá Mới", ["Minh Khôi"]),
    ("Lễ khai giảng diễn ra trang trọng. Bài và ảnh: PHAN THẢO", ["PHAN THẢO"]),
    ("Người dân rất phấn khởi. CTV Ngọc Hà/VOV.VN", ["Ngọc Hà"]),
    ("Thông tin chỉ để tham khảo Tổng hợp Bảo Ngọc", ["Bảo Ngọc"]),
])
def test_glued_byline(paragraph, names):
    assert article.glued_byline(paragraph) == names


@pytest.mark.parametrize("paragraph", [
    "Buổi lễ có sự tham dự của Phó Chủ tịch UBND tỉnh Trần Văn Bình.",   # ends on a sentence
    "Cảnh sát đang điều tra vụ việc. Theo Dân trí",                      # the source, not an author
    "Cảnh sát đang điều tra vụ việc. Theo Thanh Niên",
    "Khán giả rời sân trong tiếng reo hò. Ảnh: Minh Quân",               # a photo credit
    "Đoàn đã đến thăm tỉnh bạn. BÁO NAM ĐỊNH",                           # a masthead
    "Mọi thắc mắc xin liên hệ ban tổ chức. Nguồn ảnh: Internet",
    "Tổng cộng có 15 đội tham dự. VnExpress",                            # not a Vietnamese name
    "Giải đấu khép lại với chức vô địch của Hải Phòng",                  # a sentence ending on a name
    "Mùa giải mới bắt đầu. Rooney",                                      # one word, no initials
])
def test_not_a_glued_byline(paragraph):
    assert article.glued_byline(paragraph) is None


def test_glued_byline_of_three_line_text_keeps_the_text():
    body = "Sáng 5/3, huyện tổ chức lễ ra quân. Cả huyện đã trồng 5.000 cây xanh. Nam Phong (TTXVN)"
    a = article.from_parts(id="x", source="x", title="Tiêu đề", lead="Đoạn mở đầu.", body=body)
    assert a.authors == ["Nam Phong"]
    assert a.text.endswith("Nam Phong (TTXVN)")


def test_byline_line_wins_over_glued_tail():
    a = article.from_parts(id="x", source="x", title="Tiêu đề", lead="Đoạn mở đầu.",
                           body="Đoạn một. Lan Anh\nĐoạn hai.\nMinh Hải")
    assert a.authors == ["Minh Hải"]
