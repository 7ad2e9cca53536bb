"""Folders of mixed files: .json documents, files that are not articles, stray control bytes, binary files."""
from __future__ import annotations

import json
import logging
import random
import subprocess
import sys

from newsmine.sources import read

BODY = "Năm 2023, xã Tân Phú có 120 hộ gia đình được công nhận đạt chuẩn văn hóa."


def _read(paths, caplog):
    with caplog.at_level(logging.WARNING, logger="newsmine"):
        articles = list(read(paths))
    return articles, [r.getMessage() for r in caplog.records]


def _mixed_folder(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "one.json").write_text(json.dumps({"id": "mot", "title": "Một", "content": BODY},
                                                  ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "hai", "title": "Hai", "body": BODY}, 7,
                                                    {"title": "Ba", "text": BODY}], ensure_ascii=False, indent=2),
                                        encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"id": "mot", "title": "Một", "campaigns": [], "units": []},
                                                   indent=2), encoding="utf-8")
    (tmp_path / "settings.json").write_text('["a", "b"]', encoding="utf-8")
    (tmp_path / "lines.json").write_text(json.dumps({"id": "bon", "content": BODY}, ensure_ascii=False) + "\n"
                                         + json.dumps({"id": "nam", "content": BODY}, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    return tmp_path


def test_json_documents_are_articles_lists_of_them_or_skipped(tmp_path, caplog):
    articles, messages = _read([_mixed_folder(tmp_path)], caplog)
    assert sorted(a.id for a in articles) == ["bon", "hai", "many:3", "mot", "nam"]
    assert all(a.text.endswith(BODY) for a in articles)
    assert messages == [
        f"{tmp_path / 'gold.json'}: a JSON object (id, title, campaigns, units) without article text: "
        "not an article (gold annotations, settings?); skipped",
        f"{tmp_path / 'many.json'}: 1 of 3 items hold no article text; skipped",
        f"{tmp_path / 'settings.json'}: a JSON list without article text: not an article "
        "(gold annotations, settings?); skipped",
    ]


def test_after_twenty_problems_the_rest_are_one_line(tmp_path, caplog):
    path = tmp_path / "d.jsonl"
    path.write_text("{broken\n" * 30 + json.dumps({"id": "ok", "content": BODY}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    articles, messages = _read([path], caplog)
    assert [a.id for a in articles] == ["ok"]
    assert len(messages) == 21 and all(m.startswith(f"{path}:{n}: not valid JSON") for n, m in
                                       enumerate(messages[:20], 1))
    assert messages[20] == f"{path}: 10 more problems like these not shown (30 in all)"


def run(*args):
    return subprocess.run([sys.executable, "-m", "newsmine", *args], capture_output=True, text=True, timeout=300)


def test_extract_and_index_count_every_problem(tmp_path):
    folder = _mixed_folder(tmp_path / "in")
    (folder / "broken.jsonl").write_text("{broken\n" * 25, encoding="utf-8")
    done = run("extract", str(folder), "-o", str(tmp_path / "o.jsonl"))
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("not valid JSON") == 20
    problems = next(line for line in done.stderr.splitlines() if line.startswith("input problems"))
    assert problems.split() == ["input", "problems", "28"]  # 25 broken lines, gold, settings, one list item
    done = run("index", str(folder), "--db", str(tmp_path / "a.sqlite"))
    assert done.returncode == 0, done.stderr
    assert "5 articles read" in done.stderr and "28 input problems" in done.stderr


def test_stray_control_bytes_are_removed_with_a_warning(tmp_path, caplog):
    page = tmp_path / "page.txt"
    page.write_bytes(f"Tiêu đề bài\n\nĐoạn mở đầu.\x00\n\n{BODY}\x07\x1b\n".encode())
    line = tmp_path / "d.jsonl"
    line.write_bytes(json.dumps({"id": "j", "content": BODY}, ensure_ascii=False).encode().replace(b"120", b"1\x0020"))
    (a, b), messages = _read([page, line], caplog)
    assert "\x00" not in a.text and "\x07" not in a.text and a.text.endswith(BODY)
    assert a.warnings == ["3 control characters (NUL...) removed"]
    assert b.text == BODY and b.warnings == ["line 1: 1 control characters (NUL...) removed"]
    assert messages == [f"{page}: 3 control characters (NUL...) removed",
                        f"{line}:1: line 1: 1 control characters (NUL...) removed"]


def test_binary_files_are_still_refused(tmp_path, caplog):
    import sqlite3

    rng = random.Random(7)
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    sqlite3.connect(tmp_path / "db.txt").execute("CREATE TABLE t (x)").connection.commit()
    articles, messages = _read([tmp_path / "noise.txt", tmp_path / "image.txt", tmp_path / "db.txt"], caplog)
    assert articles == []
    assert messages == [f"{tmp_path / 'noise.txt'}: binary data, not an article; skipped",
                        f"{tmp_path / 'image.txt'}: PNG image, not an article; skipped",
                        f"{tmp_path / 'db.txt'}: SQLite database, not an article; skipped"]
