"""newsmine report: a self-contained page whose figures are the archive's own counts."""
from __future__ import annotations

import html
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


def _rows(page: str, table: str) -> list[list[str]]:
    body = re.search(rf'<table data-table="{table}">(.*?)</table>', page).group(1)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)[1:]]


def test_achievements_are_distinct_with_their_mentions_and_awards(report):
    db, out = report
    page = out.read_text(encoding="utf-8")
    number = lambda cell: int(cell.replace(",", ""))  # noqa: E731
    with sqlite3.connect(db) as c:
        told = c.execute("SELECT COUNT(*) FROM achievement_mentions").fetchone()[0]
        [(award, n)] = c.execute("SELECT award, COUNT(*) FROM achievements WHERE award IS NOT NULL "
                                 "GROUP BY award, type ORDER BY COUNT(*) DESC, award LIMIT 1").fetchall()
        distinct = c.execute("SELECT COUNT(*) FROM achievements").fetchone()[0]
    assert f'data-count="achievement_mentions">{told:,}<' in page and told > distinct
    types = _rows(page, "achievement_types")
    assert sum(number(r[1]) for r in types) == distinct and sum(number(r[3]) for r in types) == told
    awards = _rows(page, "awards")
    assert awards[0][0] == html.escape(award) and number(awards[0][2]) == n
    assert all(number(r[4]) >= number(r[2]) for r in awards)  # every achievement is told at least once
