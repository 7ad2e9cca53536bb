"""Progress on a terminal: a bar over the input's bytes with the time left, from the first article on."""
from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

import pytest

BODY = ("Năm 2023, xã Tân Phú có 120 hộ gia đình được công nhận đạt chuẩn văn hóa; UBND huyện tặng "
        "Giấy khen cho 5 tập thể có thành tích trong phong trào thi đua xây dựng nông thôn mới. ")


def _on_a_terminal(*args) -> str:
    """Run newsmine with its stderr on a pseudo-terminal; what the terminal showed."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "160", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "newsmine", *args], stdout=subprocess.DEVNULL, stderr=slave,
                            stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.wait(timeout=300) == 0
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", errors="replace"))


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    path = tmp_path_factory.mktemp("dump") / "dump.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(300):
            f.write(json.dumps({"id": f"a{i}", "title": f"Tin {i}", "content": BODY * 12}, ensure_ascii=False) + "\n")
    return path


def _size(path) -> str:
    return f"{path.stat().st_size / 1e3:.1f} kB"  # rich's decimal units


def test_extract_shows_a_bar_with_the_total_and_the_time_left(dump, tmp_path):
    shown = _on_a_terminal("extract", str(dump), "-o", str(tmp_path / "o.jsonl"))
    frames = [line for line in re.split(r"[\r\n]", shown) if " articles " in line and "left" in line]
    assert frames, shown
    assert all(f"/{_size(dump)}" in frame for frame in frames)
    assert re.search(r"\d+%", frames[-1])


def test_index_reports_before_its_first_batch_is_written(dump, tmp_path):
    shown = _on_a_terminal("index", str(dump), "--db", str(tmp_path / "a.sqlite"))
    frames = [line for line in re.split(r"[\r\n]", shown) if " articles " in line and "left" in line]
    assert frames, shown  # 300 articles: fewer than one batch of the archive
    assert all(f"/{_size(dump)}" in frame for frame in frames)
    assert "300 articles read, 300 added" in shown
