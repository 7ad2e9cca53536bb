"""newsmine report: a self-contained page whose figures are the archive's own counts."""
from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsmine.archive import Archive
from newsmine.sources import read as _read
from newsmine.kinds import names

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    db = tmp / "archive.sqlite"
    with Archive(db, create=True) as a:
        a.index(_read([str(ROOT / "corpora" / "articles")], records=True))
    out = tmp / "report.html"
    subprocess.run([sys.executable, "-m", "newsmine", "report", "--db", str(db), "-o", str(out)], check=True)
    return db, out


def test_counts_match_the_archive(report):
    db, out = report
    page = out.read_text(encoding="utf-8")
    shown = {k: int(v.replace(",", "")) for k, v in re.findall(r'data-count="(\w+)">([\d,]+)<', page)}
    with sqlite3.connect(db) as c:
        for table in ("articles", *names()):
            assert shown[table] == c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        assert f'data-distinct="campaign names">{c.execute("SELECT COUNT(DISTINCT name) FROM campaigns").fetchone()[0]}' in page


def test_page_is_self_contained(report):
    _, out = report
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") >= 3
    assert not re.search(r'(?:src|href)=["\']https?://', page)


def test_page_opens_in_chromium_without_errors(report, browser):
    from selenium.webdriver.common.by import By

    browser.get(report[1].as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == "newsmine archive report"
    assert len(browser.find_elements(By.TAG_NAME, "svg")) >= 3
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
