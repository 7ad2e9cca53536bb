"""The Python API: extract, read, extract_all, to_frames."""
from __future__ import annotations

import newsmine
from newsmine.kinds import names

MENTION_KINDS = names()


def test_extract_text_with_metadata():
    record = newsmine.extract("Ngày 10/6, UBND tỉnh Sóc Trăng tặng Bằng khen cho 25 tập thể.",
                              title="Khen thưởng", published="2023-06-12T08:00:00+07:00")
    assert record.title == "Khen thưởng"
    assert [(d.text, d.value) for d in record.dates] == [("10/6", "2023-06-10")]
    assert [(i.value, i.unit) for i in record.indicators] == [(25.0, "tập thể")]
    assert "merit_certificate" in record.achievement_types


def test_extract_all_and_frames(seeds):
    records = list(newsmine.extract_all([seeds]))
    frames = newsmine.to_frames(records)
    assert set(frames) == {"articles", *MENTION_KINDS, "achievement_mentions"}
    assert len(frames["articles"]) == 2
    assert frames["indicators"]["value"].dtype == float
    assert set(frames["dates"]["article_id"]) <= set(frames["articles"]["id"])
    told = frames["achievements"].merge(frames["achievement_mentions"], on=["article_id", "achievement_index"])
    assert len(told) == len(frames["achievement_mentions"]) == frames["achievements"]["n_mentions"].sum() > 0
    assert "mentions" not in frames["achievements"]
