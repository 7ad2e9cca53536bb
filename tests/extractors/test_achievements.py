"""Achievements: one per distinct honour, only what was attained, with award, recipient and conferrer.

Sentences are the team's own, written for these tests.
"""
from __future__ import annotations

import pytest

from newsmine.article import from_parts
from newsmine.pipeline import extract_article


def _achievements(body: str, title: str | None = None):
    record = extract_article(from_parts(id="t", source="t", title=title, lead=None, body=body, published=None))
    for a in record.achievements:
        for m in [a, *a.mentions]:
            assert record.text[m.start:m.end] == m.text
    return record.achievements


@pytest.mark.parametrize("body", [
    "UBND tỉnh quyết định thu hồi Bằng khen đã tặng ông Trần Văn Hòa vì khai man thành tích.",
    "Chủ tịch UBND huyện đã ký quyết định hủy bỏ quyết định tặng Giấy khen cho Công ty Minh Phát.",
    "Nếu được tặng Bằng khen của Thủ tướng Chính phủ thì cá nhân được thưởng thêm tiền.",
    "Hội nghị thống nhất đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba cho nhà máy.",
    "Huyện phấn đấu đến năm 2026 có thêm 5 xã đạt chuẩn nông thôn mới nâng cao.",
    # an event to come, and a contest's rules: a future just after the cue
    "Lễ trao Giải Báo chí quốc gia năm 2016 sẽ diễn ra vào tối 21/6 tại Nhà hát Lớn.",
    "Bức thư đoạt giải Nhất cuộc thi sẽ được Ban Tổ chức gửi đi dự thi quốc tế.",
    "Tại hội nghị, 12 đơn vị đã ký giao ước thi đua hoàn thành vượt kế hoạch năm 2017.",  # a pledge
    # admission rules for prize winners, and a directive's task
    "Thí sinh đoạt giải Nhất kỳ thi học sinh giỏi quốc gia được tuyển thẳng vào đại học.",
    "Các cấp ủy phát huy vai trò của phong trào thi đua, kịp thời biểu dương người tốt việc tốt.",
    "Năm nay, 4 nhà giáo của tỉnh được xét tặng danh hiệu Nhà giáo Ưu tú.",   # nominated, not conferred
])
def test_what_is_not_attained_is_not_an_achievement(body):
    assert _achievements(body) == []


@pytest.mark.parametrize("body, type_, award, recipient, conferred_by", [
    ("Trường THPT Lê Lợi vinh dự được Chủ tịch nước tặng Huân chương Lao động hạng Ba.",
     "order_medal", "Huân chương Lao động hạng Ba", "Trường THPT Lê Lợi", "Chủ tịch nước"),
    ("Năm 2023, 12 tập thể được tặng Bằng khen của UBND tỉnh Bến Tre.",
     "merit_certificate", "Bằng khen của UBND tỉnh Bến Tre", "12 tập thể", "UBND tỉnh Bến Tre"),
    ("Toàn huyện có 9/9 xã đạt chuẩn nông thôn mới nâng cao.",
     "standard_attained", "đạt chuẩn nông thôn mới nâng cao", None, None),
])
def test_award_recipient_and_conferrer(body, type_, award, recipient, conferred_by):
    [a] = _achievements(body)
    assert (a.type, a.award, a.conferred_by) == (type_, award, conferred_by)
    if recipient is not None:
        assert a.recipient == recipient


def test_the_same_honour_told_twice_is_one_achievement_with_two_mentions():
    title = "Bệnh viện Đa khoa tỉnh Hà Nam đón nhận Huân chương Lao động hạng Nhì"
    body = ("Sáng 5/4, Bệnh viện Đa khoa tỉnh Hà Nam tổ chức lễ kỷ niệm 60 năm thành lập. "
            "Tại buổi lễ, Bệnh viện Đa khoa tỉnh Hà Nam vinh dự đón nhận Huân chương Lao động hạng Nhì "
            "của Chủ tịch nước.")
    [a] = _achievements(body, title)
    assert a.type == "order_medal" and len(a.mentions) == 2
    assert a.conferred_by == "Chủ tịch nước" and a.award.startswith("Huân chương Lao động hạng Nhì")


def test_two_awards_to_two_recipients_are_two():
    body = ("Dịp này, Công ty Thành Công được tặng Cờ thi đua của Chính phủ. "
            "Công ty Hòa Bình được tặng Bằng khen của Thủ tướng Chính phủ.")
    found = _achievements(body)
    assert [a.type for a in found] == ["emulation_title", "merit_certificate"]


@pytest.mark.parametrize("body", [
    "Kết quả kiểm định cho thấy 8 mẫu gạch của nhà máy không đạt chuẩn về độ bền.",
    "Công ty Xổ số kiến thiết Bình An đạt doanh thu 650 tỷ đồng, vượt 3,1% kế hoạch năm.",
    "Lễ hội Hoa Sen năm nay tôn vinh nghề dệt chiếu truyền thống của làng Định Yên.",
    "Hằng năm, Hội đồng thi đua bình xét Cờ thi đua cho các đơn vị dẫn đầu khối.",
    # a cue's syllables inside other words: "đại biểu Dương ...", "giải pháp", a show of strength
    "Phát biểu tại hội nghị thi đua, đại biểu Dương Văn Thống đề nghị tăng cường khen thưởng kịp thời.",
    "Phong trào thi đua đã có nhiều giải pháp phù hợp với từng địa phương.",
    "Cuộc duyệt binh biểu dương sức mạnh quân sự trước phong trào thi đua của các nước láng giềng.",
])
def test_look_alikes_outside_emulation_work_are_not_achievements(body):
    """A negation right before the cue; results and praise in an article that neither speaks of
    emulation work nor reports an honour; a flag to be evaluated for."""
    assert _achievements(body) == []


@pytest.mark.parametrize("body", [
    "Ban Thi đua - Khen thưởng tỉnh đã tổ chức tập huấn nghiệp vụ cho 120 cán bộ.",
    "Các đơn vị thực hiện nghiêm Luật Thi đua, khen thưởng năm 2022.",
    "Công tác thi đua, khen thưởng của ngành được thực hiện công khai, dân chủ.",
])
def test_cues_inside_names_and_field_of_work_phrases_are_no_candidates(body):
    assert _achievements(body) == []


@pytest.mark.parametrize("body, award", [
    ("Năm 2023, Công ty Điện lực Hòa Bình nộp ngân sách 85 tỷ đồng, vượt 6,2% dự toán được giao. "
     "Công ty được UBND tỉnh tặng Cờ thi đua.", "vượt dự toán"),
    ("Năm 2022, Công ty Điện lực Hòa Bình đã hoàn thành vượt mức kế hoạch sản xuất kinh doanh. "
     "Công ty được UBND tỉnh tặng Cờ thi đua.", "vượt kế hoạch"),
    ("Thôn Đông Hòa được UBND tỉnh công nhận đạt chuẩn khu dân cư nông thôn mới kiểu mẫu năm 2023.",
     "đạt chuẩn khu dân cư nông thôn mới kiểu mẫu"),
    ("Bà Nguyễn Thị Lan được Trung ương Hội LHPN Việt Nam tặng Kỷ niệm chương Vì sự nghiệp phụ nữ.",
     "Kỷ niệm chương Vì sự nghiệp phụ nữ"),
    ("Năm 2023, thầy Lê Văn Minh đạt danh hiệu Chiến sĩ thi đua cấp tỉnh.", "Chiến sĩ thi đua cấp tỉnh"),
])
def test_award_is_the_honour_as_named(body, award):
    assert award in [a.award for a in _achievements(body)]


@pytest.mark.parametrize("body, recipient", [
    ("Dịp này, 14 tập thể, 37 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh.", "14 tập thể, 37 cá nhân"),
    ("Tại hội nghị, Giám đốc Sở Y tế trao Giấy khen cho 6 tập thể, 12 cá nhân có thành tích xuất sắc.",
     "6 tập thể, 12 cá nhân"),
    ("Toàn tỉnh hiện có 118/121 xã đạt chuẩn nông thôn mới.", "118/121 xã"),
    ("Trung tá Hoàng Văn Long, Đội trưởng Đội Cảnh sát giao thông, 3 năm liền đạt danh hiệu "
     "Chiến sĩ thi đua cơ sở.", "Trung tá Hoàng Văn Long"),
    ("Tiêu biểu là chị Phạm Thị Hoa, công nhân Công ty May Đức Giang, được Tổng Liên đoàn Lao động "
     "Việt Nam tặng Bằng khen.", "chị Phạm Thị Hoa"),
    ("Trong năm, 26 cán bộ, giáo viên, nhân viên đạt danh hiệu Lao động tiên tiến.",
     "26 cán bộ, giáo viên, nhân viên"),
    ("Sau hai năm, huyện Đức Phổ có 9 thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu.", "9 thôn"),
    ("Năm 2023, Công an TP.HCM được Thủ tướng Chính phủ tặng Bằng khen.", "Công an TP.HCM"),  # a dot inside a name                                   # the count the unit has, not the unit
    ("UBND tỉnh trao quyết định công nhận xã Hòa Bình, huyện Chợ Gạo đạt chuẩn nông thôn mới nâng cao.",
     "xã Hòa Bình"),                                           # the commune, not its district address
])
def test_recipient_is_a_readable_name(body, recipient):
    assert recipient in [a.recipient for a in _achievements(body)]


@pytest.mark.parametrize("subject", [
    "Lễ trao",          # an event
    "Trao",             # a headline's verb ("Trao Giải Báo chí quốc gia ...")
    "Bằng khen",        # an award left before the next one
    "Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn",
])
def test_an_event_a_verb_or_an_award_is_no_recipient(subject):
    from newsmine.extractors.achievements import _no_one
    assert _no_one(subject)


@pytest.mark.parametrize("subject", ["anh Lê Văn Lễ", "Trường THPT Lê Lợi", "Đội trưởng Nguyễn Văn An", "14 tập thể"])
def test_a_name_is_a_recipient(subject):
    from newsmine.extractors.achievements import _no_one
    assert not _no_one(subject)


def test_a_long_subject_still_names_its_recipient():
    # a caption whose subject runs past 120 characters (the work's title) names the author
    body = ("Năm 2017, tỉnh tổ chức lễ trao Giải thưởng Nhà nước về văn học nghệ thuật và biểu dương các tác giả "
            "tiêu biểu. Tác phẩm ‘Những người lính trẻ trên đường ra mặt trận biên giới phía Bắc năm xưa cùng "
            "đồng đội’ của tác giả Trần Bình Minh đoạt Giải thưởng Nhà nước năm 2017.")
    assert "tác giả Trần Bình Minh" in [a.recipient for a in _achievements(body)]


def test_a_recipient_said_short_is_resolved_across_the_article():
    title = "Sở Tài chính tỉnh Hà Nam tổng kết công tác năm 2023"
    body = ("Sáng 10/1, Sở Tài chính tỉnh Hà Nam tổ chức hội nghị tổng kết công tác thi đua. "
            "Năm 2023, Kho bạc Nhà nước tỉnh phối hợp kiểm soát chi chặt chẽ. "
            "Ghi nhận thành tích đó, đơn vị vinh dự được Thủ tướng Chính phủ tặng Bằng khen. "
            "Giám đốc Sở hiện là ông Trần Văn Khánh. Năm 2022, ông Khánh đã được Bộ trưởng Bộ Tài chính "
            "tặng Bằng khen.")
    found = {a.recipient for a in _achievements(body, title)}
    assert "Sở Tài chính tỉnh Hà Nam" in found and "ông Trần Văn Khánh" in found


def test_an_elided_subject_is_shared_within_the_sentence():
    body = ("Năm 2023, Trường THCS Kim Đồng được UBND tỉnh tặng Bằng khen và được Sở Giáo dục và Đào tạo "
            "xếp loại hoàn thành xuất sắc nhiệm vụ.")
    found = {a.type: a for a in _achievements(body)}
    assert found["task_rating"].recipient == "Trường THCS Kim Đồng"
    assert found["task_rating"].conferred_by == "Sở Giáo dục và Đào tạo"


@pytest.mark.parametrize("types, gap, joined", [
    (("prize", "prize"), " và ", True),                 # "1 giải Nhất và 2 giải Ba": one list of prizes
    (("prize", "prize"), ", trong đó có ", True),       # "95 tác phẩm đạt giải, trong đó có 7 giải A"
    (("prize", "prize"), " cho Trường A, ", False),     # "giải Nhất cho Trường A, giải Nhì cho ...": two
    (("merit_certificate", "merit_certificate"), ", ", True),   # "nhiều Bằng khen, giấy khen": one phrase
    (("merit_certificate", "merit_certificate"), " của Thủ tướng và ", False),  # two conferrers: two
    (("exemplar", "exemplar"), ", ", True),             # "biểu dương, khen thưởng": one commendation
    (("emulation_title", "honorary_title"), " ", True),  # "danh hiệu" + "Anh hùng Lao động"
])
def test_which_cues_of_a_sentence_are_one_mention(types, gap, joined):
    from newsmine.extractors.achievements import _Hit, _joined
    from newsmine.records import AchievementType

    text = "cue1" + gap + "cue2"
    hits = [_Hit(0, 4, AchievementType(types[0]), (0, len(text))),
            _Hit(4 + len(gap), len(text), AchievementType(types[1]), (0, len(text)))]
    assert (len(_joined(text, hits)) == 1) == joined


@pytest.mark.parametrize("sentence, cues, joined", [
    # given out at once, or broken down from a total: one award phrase (annotation.md)
    ("Ban tổ chức đã trao 2 giải Nhất, 3 giải Nhì và 5 giải Ba cho các tác giả.",
     ["2 giải Nhất", "3 giải Nhì", "5 giải Ba"], True),
    ("Hội thi có 40 bài đạt giải, trong đó có 2 giải Nhất, 6 giải Nhì.", ["đạt giải", "2 giải Nhất", "6 giải Nhì"], True),
    # what one team won, rank by rank: distinct honours
    ("Đội tuyển của tỉnh đoạt hai giải Nhì và một giải Ba tại hội thi.", ["đoạt hai giải Nhì", "một giải Ba"], False),
])
def test_a_list_of_prizes_is_one_when_given_out_and_many_when_won(sentence, cues, joined):
    from newsmine.extractors.achievements import _Hit, _joined, _with_clauses
    from newsmine.records import AchievementType

    hits = [_Hit(sentence.index(c), sentence.index(c) + len(c), AchievementType.PRIZE, (0, len(sentence)))
            for c in cues]
    out = _with_clauses(sentence, _joined(sentence, hits))
    assert len(out) == (1 if joined else len(cues))
    for h in out:
        clause = sentence[h.clause[0]:h.clause[1]]
        assert not clause.endswith(" và") and not clause.startswith("và ")


def test_a_commendation_and_its_title_in_one_clause_are_one():
    body = "Hội Cựu chiến binh xã Yên Lạc được UBND huyện tuyên dương là điển hình tiên tiến năm 2023."
    [a] = _achievements(body)
    assert a.type == "exemplar" and a.award == "điển hình tiên tiến"
    assert a.recipient == "Hội Cựu chiến binh xã Yên Lạc" and a.conferred_by == "UBND huyện"


def test_the_ranks_of_a_named_prize_are_that_prize():
    # annotation.md: one award phrase given to several recipients at once is one achievement; a
    # breakdown by rank of the prize the article names, or a bare "đoạt giải", is that prize again
    from newsmine.extractors.achievements import _Group, _ranks_merged
    from newsmine.records import AchievementType

    def group(award, recipient, at, listed=False):
        return _Group(AchievementType.PRIZE, award, recipient, None, None, (at, at + 5), (True, 1, 5),
                      [(at, at + 5)], listed)

    named = group("Giải Báo chí quốc gia lần thứ XI", None, 0)
    ranks = group("7 giải A", "95 tác phẩm", 100, listed=True)
    bare = group("giải", "các tác giả", 200)
    person = group("giải Nhất", "tác giả Mai Thắng", 300)   # given to someone named: its own
    single = group("giải Nhì", None, 400)                   # one rank, not a list: its own
    merged = _ranks_merged([named, ranks, bare, person, single])
    assert merged == [named, person, single]
    assert named.mentions == [(0, 5), (100, 105), (200, 205)]
    # an article that names no prize keeps its ranks
    assert len(_ranks_merged([group("giải Nhất", "Trường A", 0), group("2 giải Ba", "3 trường", 50, True)])) == 2


def test_the_same_honour_in_two_years_is_two_achievements():
    body = ("Công ty Điện lực Hà Tĩnh có nhiều thành tích trong phong trào thi đua. Năm 2013, Công ty Điện lực "
            "Hà Tĩnh được UBND tỉnh tặng Bằng khen. Năm 2015, Công ty Điện lực Hà Tĩnh được UBND tỉnh tặng Bằng khen.")
    found = _achievements(body)
    assert sorted(a.year for a in found) == [2013, 2015]
    # told again without a year, it is the same honour: a mention of one of them
    again = _achievements(body + " Bằng khen của UBND tỉnh là niềm tự hào của Công ty Điện lực Hà Tĩnh.")
    assert len(again) == 2


def test_a_title_written_with_y_is_found():
    # "sỹ" and "sĩ", "hoá" and "hóa" are both written in the press
    for title in ("Chiến sĩ thi đua", "Chiến sỹ thi đua"):
        body = f"Năm 2023, anh Nguyễn Văn Bình được UBND tỉnh Nghệ An tặng danh hiệu {title} cấp tỉnh."
        assert [a.type for a in _achievements(body)] == ["emulation_title"], title


def test_two_people_with_the_same_honour_are_two_achievements():
    # Vietnamese names share words ("Văn", "Thị"): sameness of people is sameness of the name
    from newsmine.extractors.achievements import _same_recipient

    assert not _same_recipient("tác giả Nguyễn Văn Bảo", "tác giả Hoàng Văn Sắc")
    assert _same_recipient("ông Nguyễn Văn Bảo", "nhà báo Nguyễn Văn Bảo")
    assert _same_recipient("30 tập thể, cá nhân", "30 cá nhân, tập thể")
    assert _same_recipient(None, "tác giả Hoàng Văn Sắc")


def test_one_ceremony_of_honours_is_one_exemplar():
    # the same commendation told twice with its recipients named two ways is one (annotation.md)
    body = ("Sáng 20/5, UBND tỉnh Nghệ An tổ chức lễ tôn vinh 30 tập thể, cá nhân tiêu biểu trong phong trào thi "
            "đua yêu nước. Tại buổi lễ, UBND tỉnh đã tôn vinh các đại biểu có thành tích xuất sắc trong lao động "
            "sản xuất.")
    found = _achievements(body)
    assert [(a.type, len(a.mentions)) for a in found] == [("exemplar", 2)]
    assert found[0].recipient == "30 tập thể, cá nhân"


@pytest.mark.parametrize("cue, open_", [
    ("Bằng khen", False), ("Huân chương", False), ("chuẩn quốc gia", False), ("Chiến sỹ thi đua", False),
    ("danh hiệu", True), ("huy chương", True), ("4 huy chương", True), ("khen thưởng", True),
    ("đoạt Giải thưởng Nhà nước", True),   # a prize named after the cue: the clause decides
])
def test_which_cues_take_their_type_from_the_clause(cue, open_):
    # "Bằng khen" is a merit certificate whatever the model thinks; "danh hiệu" is what it names
    from newsmine.extractors.achievements import _open_type

    assert _open_type(cue) == open_


@pytest.mark.parametrize("body, recipient, conferred_by", [
    ("Thứ trưởng Hà Công Tuấn biểu dương tinh thần quyết tâm, nỗ lực của cán bộ, nhân viên Cục Chăn nuôi.",
     "cán bộ, nhân viên Cục Chăn nuôi", "Thứ trưởng Hà Công Tuấn"),
    ("Phó Thủ tướng Vương Đình Huệ đánh giá cao và biểu dương những kết quả đạt được của Đảng bộ tỉnh Lâm Đồng.",
     "Đảng bộ tỉnh Lâm Đồng", "Phó Thủ tướng Vương Đình Huệ"),
])
def test_a_commendation_of_what_someone_did_names_them(body, recipient, conferred_by):
    # "biểu dương những kết quả của X": X is who is commended, not "những kết quả"
    found = _achievements(body)
    assert [(a.type, a.recipient, a.conferred_by) for a in found] == [("exemplar", recipient, conferred_by)]


def test_two_commendations_by_two_people_are_two():
    body = ("Phó Thủ tướng Vương Đình Huệ biểu dương những kết quả của Đảng bộ tỉnh Lâm Đồng. "
            "Thứ trưởng Hà Công Tuấn biểu dương tinh thần của cán bộ Cục Chăn nuôi.")
    assert len(_achievements(body)) == 2


def test_who_follows_a_commendation_is_commended_not_its_name():
    # "biểu dương Ban quản lý": Ban quản lý is the recipient; a quoted or dictionary name stays the award's
    found = _achievements("Chủ tịch UBND thành phố biểu dương Ban quản lý dự án và các nhà thầu thi công.")
    assert [(a.award, a.recipient) for a in found] == [("biểu dương", "Ban quản lý dự án")]
    found = _achievements("Với thành tích trong phong trào thi đua sản xuất, kinh doanh giỏi, anh Nguyễn Văn Khải "
                          "vinh dự được tôn vinh “Nông dân Việt Nam xuất sắc” năm 2023.")
    assert [a.award for a in found] == ["tôn vinh “Nông dân Việt Nam xuất sắc”"]


@pytest.mark.parametrize("subject, recipient", [
    ("Nổi bật là Việt Nam", "Việt Nam"),
    ("Đặc biệt, nhóm nghiên cứu trẻ", "nhóm nghiên cứu trẻ"),
    ("Kết thúc Liên hoan, 4 đơn vị có nhiều tiết mục xuất sắc", "4 đơn vị có nhiều tiết mục xuất sắc"),
    ("Toàn huyện có 36 xã", "36 xã"),
])
def test_a_subject_trimmed_to_its_name(subject, recipient):
    from newsmine.extractors.achievements import _trim

    assert _trim(subject) == recipient


def test_acknowledging_is_not_receiving():
    # "ghi nhận" (acknowledge) holds "nhận" (receive): its subject gives the praise
    found = _achievements("Bí thư Tỉnh ủy Hà Tĩnh ghi nhận và biểu dương những đóng góp của đội ngũ những người "
                          "làm báo trên địa bàn.")
    assert [(a.recipient, a.conferred_by) for a in found] == [("đội ngũ những người làm báo trên địa bàn",
                                                                "Bí thư Tỉnh ủy Hà Tĩnh")]


@pytest.mark.parametrize("sentence, vetoed_", [
    # "tặng các học sinh đoạt giải": the certificate is the achievement; "đoạt giải" only says who
    ("Thứ trưởng trao Bằng khen tặng các học sinh đoạt giải trong hội thi.", True),
    ("Những tác phẩm đoạt giải sẽ được giới thiệu trên báo.", True),
    ("Theo thông báo, tác phẩm đoạt giải được tặng tiền thưởng và biểu trưng.", True),
    ("Cấp thành phố có 10 giáo viên đoạt giải.", False),          # a count: the prize is stated
    ("Các em đã đoạt giải trong hội thi năm nay.", False),
])
def test_winners_described_are_no_new_prize(sentence, vetoed_):
    from newsmine.classify import Candidate
    from newsmine.extractors.achievements import vetoed

    start = sentence.index("đoạt giải")
    assert vetoed(sentence, Candidate("đoạt giải", start, start + 9, 0, len(sentence))) == vetoed_


@pytest.mark.parametrize("award, rank_only", [
    ("giải Nhất", True), ("7 giải A", True), ("giải", True),
    ("Giải cấp TP", True), ("11 giải quốc gia", True),        # a level names no prize of its own
    ("Giải Báo chí quốc gia", False), ("Giải thưởng Nhà nước", False),
])
def test_a_prize_named_by_rank_or_level_alone(award, rank_only):
    from newsmine.extractors.achievements import _rank_only
    assert _rank_only(award) is rank_only
