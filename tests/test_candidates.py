"""The one-pass candidate finder: whole-word hits by group, and patterns tried only there."""
import pytest
import regex

from newsmine import candidates
from newsmine.document import Document
from newsmine.extractors import units
from newsmine.records import Article


def _hits(text: str, group: str) -> list[str]:
    return [text[s:e] for s, e in candidates.Candidates(text).hits(group)]


@pytest.mark.parametrize("text, group, expected", [
    ("Sở Y tế tỉnh Bến Tre họp với UBND huyện.", "admin_levels", ["tỉnh", "huyện"]),
    ("Đoàn khách đến Bến Tre rồi về Tây Ninh.", "provinces", ["Bến Tre", "Tây Ninh"]),
    ("Xã được tặng Bằng khen của Thủ tướng.", "achievement_cues", ["Bằng", "khen"]),
    # a key inside a longer word is not a hit ("tỉnh" in "tỉnhthành" written without a space)
    ("Các tỉnhthành cùng làm.", "admin_levels", []),
    ("Chỉ thị số 05-CT/TW và Nghị quyết 12", "doc_types", ["Chỉ thị", "Nghị quyết"]),
    # dates' words are kept even inside a word
    ("hằngngày 5/6", "date_words", ["ngày"]),
])
def test_hits_by_group(text, group, expected):
    assert _hits(text, group) == expected


def test_case_is_ignored_and_offsets_kept():
    text = "ỦY BAN NHÂN DÂN TỈNH Bến Tre"
    assert [text[s:e] for s, e in candidates.Candidates(text).hits("admin_levels")] == ["TỈNH"]


def test_digits_not_after_a_letter():
    assert candidates.Candidates("H5N1 có 12 ca").digits() == [8, 9]


@pytest.mark.parametrize("text", [
    "Sở Y tế và Sở Giáo dục và Đào tạo tỉnh Bến Tre cùng Ban Thường vụ Tỉnh ủy.",
    "huyện Chợ Lách, tỉnh Bến Tre; xã An Hiệp và thành phố Mỹ Tho.",
    "Không có đơn vị nào ở đây cả.",
])
def test_scan_finds_what_finditer_finds(text):
    pattern = units._patterns()["head"]
    doc = Document(Article(id="x", source="x", text=text))
    scanned = [m.span() for m in candidates.scan(pattern, text, candidates.of(doc).starts("unit_heads"))]
    assert scanned == [m.span() for m in pattern.finditer(text)]


def test_scan_keeps_matches_apart():
    pattern = regex.compile(r"ab(?:ab)*")
    assert [m.span() for m in candidates.scan(pattern, "ababab", [0, 2, 4])] == [(0, 6)]


def test_found_once_per_document():
    doc = Document(Article(id="x", source="x", text="tỉnh Bến Tre"))
    assert candidates.of(doc) is candidates.of(doc)
