"""Article-level facts: year (never the year of something the article remembers or plans), province, province_2025."""
from __future__ import annotations

import pytest

import newsmine
from newsmine.frames import to_frames
from newsmine.records import json_schema

YEARS = [
    ("Ngày 12/3/2016, Sở Nội vụ họp. Ngày 5/9/2017, tỉnh trao bằng khen cho 20 tập thể.", None, 2017),
    ("Ngày 12/3/2016, Sở Nội vụ họp bàn kế hoạch thi đua.", "2019-05-02T08:00:00+07:00", 2019),
    ("Ngày 4/5/2017, huyện phát động thi đua, phấn đấu đến ngày 31/12/2019 có 10 xã đạt chuẩn.", None, 2017),
    ("Thực hiện Chỉ thị số 05-CT/TU ngày 10/2/2015 của Tỉnh ủy, tháng 6/2016 xã đã ra quân.", None, 2016),
    ("Ngày 10/11/2017 Quốc hội thông qua luật mới, có hiệu lực từ ngày 1/7/2018.", None, 2017),
    ("Năm 2017, toàn tỉnh có 30 xã đạt chuẩn nông thôn mới.", None, None),
    ("Giai đoạn 2016-2020, tỉnh phấn đấu có 50% số xã đạt chuẩn.", None, None),
    ("Ngày 2/9/1945, Bác đọc bản Tuyên ngôn. Năm 2017, nhân dân xã tổ chức lễ kỷ niệm.", None, None),
    ("Sáng 10/6, hội nghị khai mạc tại hội trường tỉnh.", None, None),
]


@pytest.mark.parametrize("text, published, expected", YEARS)
def test_year_is_the_articles_own(text, published, expected):
    assert newsmine.extract(text, title="Tin", published=published).year == expected


@pytest.mark.parametrize("text, province, province_2025", [
    ("Tỉnh Bến Tre tổng kết phong trào. Bến Tre có 12 xã đạt chuẩn.", "Bến Tre", "Vĩnh Long"),
    ("Bình Dương tổ chức hội nghị. Các khu công nghiệp ở Bình Dương thi đua.", "Bình Dương",
     "Thành phố Hồ Chí Minh"),
    ("Tỉnh Đồng Nai khen thưởng. Đồng Nai có 30 tập thể được tặng bằng khen.", "Đồng Nai", "Đồng Nai"),
    ("Hội nghị bàn về công tác thi đua của ngành.", None, None),
])
def test_province_in_both_maps(text, province, province_2025):
    record = newsmine.extract(text, title="Tin")
    assert (record.province, record.province_2025) == (province, province_2025)


def test_facts_are_record_fields_schema_properties_and_article_columns():
    record = newsmine.extract("Tỉnh Bến Tre tổng kết. Bến Tre trao thưởng ngày 5/9/2017.", title="Tin")
    assert {"province", "province_2025", "year"} <= set(record.to_dict())
    schema = json_schema()
    props = next(d["properties"] for d in schema["$defs"].values() if "achievement_types" in d["properties"])
    assert {"province", "province_2025", "year"} <= set(props)
    articles = to_frames([record])["articles"]
    assert articles.loc[0, ["province", "province_2025", "year"]].tolist() == ["Bến Tre", "Vĩnh Long", 2017]
