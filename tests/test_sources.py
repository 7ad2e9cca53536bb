"""Readers: every input shape, and bad input that must not stop a run."""
from __future__ import annotations

import gzip
import json
import logging

import pytest

from newsmine.sources import read

BODY = "Năm 2022, Công ty CP Cao su Phước Hòa nộp ngân sách 120 tỷ đồng, vượt 8% kế hoạch."


def _articles(paths, caplog, **kw):
    with caplog.at_level(logging.WARNING, logger="newsmine"):
        return list(read(paths, **kw))


def test_seed_directory(seeds, caplog):
    articles = _articles([seeds], caplog)
    assert sorted(a.id for a in articles) == ["000_033c3dc0d971c6df", "004_1ebc1bc18e428362"]
    assert all(a.source.endswith(".txt") for a in articles)
    assert not caplog.records


def test_three_line_text(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("Tiêu đề\nQĐND - Đoạn sapo ngắn.\n" + BODY + "\n", encoding="utf-8")
    [a] = _articles([tmp_path / "a.txt"], caplog)
    assert (a.title, a.outlet, a.lead) == ("Tiêu đề", "QĐND", "Đoạn sapo ngắn.")
    assert a.text == "Tiêu đề\n\nĐoạn sapo ngắn.\n\n" + BODY


def test_jsonl_gz_default_keys_and_mapping(tmp_path, caplog):
    path = tmp_path / "dump.jsonl.gz"
    rows = [{"id": "v1", "title": "Một", "sapo": "Sapo.", "content": BODY},
            {"guid": "v2", "headline": "Hai", "description": "Mô tả.", "body": BODY, "date": "2023-01-02"}]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    a, b = _articles([path], caplog)
    assert (a.id, a.title, a.lead) == ("v1", "Một", "Sapo.")
    assert (b.id, b.title, b.lead, b.published) == ("v2", "Hai", "Mô tả.", "2023-01-02")
    [c] = _articles([path], caplog, fields={"title": "sapo"})[:1]
    assert c.title == "Sapo."


def test_html_page(tmp_path, caplog):
    page = """<html><head><title>Trang</title>
    <meta property="article:published_time" content="2023-04-12T08:15:00+07:00">
    <meta name="author" content="Minh Anh"></head><body><nav><a href="/">Trang chủ</a></nav>
    <article><h1>Đơn vị quyết thắng</h1>
    <p>QĐND - Sáng 12/4, Bộ Chỉ huy Quân sự tỉnh tổng kết phong trào thi đua Quyết thắng năm 2022.</p>
    <p>Năm 2022, đơn vị được tặng Cờ thi đua của Bộ Quốc phòng; 12 tập thể được tặng Bằng khen.</p>
    </article><footer>Bản quyền thuộc về tòa soạn</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [a] = _articles([tmp_path], caplog)
    assert a.title == "Đơn vị quyết thắng"
    assert a.outlet == "QĐND"
    assert a.published == "2023-04-12T08:15:00+07:00"
    assert a.authors == ["Minh Anh"]
    assert "Cờ thi đua của Bộ Quốc phòng" in a.text and "Trang chủ" not in a.text


def test_broken_json_line_is_reported_and_skipped(tmp_path, caplog):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "title": "Một", "content": "x y z"}\n{"id": "b", "title": \n[1, 2]\n'
                    '{"id": "c", "title": "Ba", "content": "u v"}\n', encoding="utf-8")
    articles = _articles([path], caplog)
    assert [a.id for a in articles] == ["a", "c"]
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith(f"{path}:2: not valid JSON") for m in messages)
    assert any(m.startswith(f"{path}:3: a JSON list") for m in messages)


def test_not_utf8_file_gives_record_with_warning(tmp_path, caplog):
    path = tmp_path / "latin.txt"
    path.write_bytes("Tiêu đề\n\nNội dung bài viết về thi đua.".encode("utf-8") + b"\xff\xfe\xfa trailing")
    [a] = _articles([path], caplog)
    assert any("not valid UTF-8" in w for w in a.warnings)
    assert any(str(path) in r.getMessage() for r in caplog.records)


def test_empty_binary_and_missing_inputs(tmp_path, caplog):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    articles = _articles([tmp_path / "empty.txt", tmp_path / "image.txt", tmp_path / "missing.jsonl"], caplog)
    assert articles == []
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert "empty.txt: empty file" in messages
    assert "image.txt: PNG image, not an article" in messages
    assert "missing.jsonl: cannot open" in messages


def test_article_without_text_keeps_a_record(tmp_path, caplog):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "blank", "title": "", "content": "   "}\n', encoding="utf-8")
    [a] = _articles([path], caplog)
    assert a.id == "blank" and a.text == "" and "article has no text" in a.warnings


def test_unknown_field_mapping_is_refused(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown field 'titel'"):
        list(read([path], fields={"titel": "x"}))
