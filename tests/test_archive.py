"""The archive: idempotent indexing, accent-free search, safe queries, crash safety, datasette."""
from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsmine
from newsmine.archive import Archive
from newsmine.sources import read as _read
from newsmine.query import QueryError, parse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "articles"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "a.sqlite"
    with Archive(path, create=True) as a:
        a.index(_read([str(CORPUS)], records=True))
    return path


def _record(id_: str, text: str):
    return newsmine.extract(text, id=id_, title=text.split(".")[0])


def test_indexing_twice_adds_nothing_and_new_files_only_themselves(tmp_path):
    path = tmp_path / "a.sqlite"
    with Archive(path, create=True) as a:
        first = a.index(_read([str(CORPUS)], records=True))
        again = a.index(_read([str(CORPUS)], records=True))
        (tmp_path / "new.txt").write_text("Tin mới\n\nUBND tỉnh Sóc Trăng tặng Bằng khen cho 12 tập thể.",
                                          encoding="utf-8")
        more = a.index(_read([str(CORPUS), str(tmp_path / "new.txt")], records=True))
        n_articles = a.counts()["articles"]
        n_fts = a.backend.conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
    assert first.added == first.read >= 50 and again.added == 0 and again.skipped == first.read
    assert more.added == 1 and n_articles == n_fts == first.read + 1


def test_records_from_extract_are_loaded_as_they_are(tmp_path, archive):
    out = tmp_path / "r.jsonl"
    subprocess.run([sys.executable, "-m", "newsmine", "extract", str(CORPUS), "-o", str(out), "-q"], check=True)
    items = list(_read([str(out)], records=True))
    assert all(isinstance(i, newsmine.Record) for i in items) and len(items) >= 50


def test_accent_free_search_and_exact_matches_first(tmp_path):
    with Archive(tmp_path / "a.sqlite", create=True) as a:
        a.index([_record("a", "Đảng ủy xã họp bàn phong trào thi đua."),
                 _record("b", "Hội nghị đang họp bàn kế hoạch năm.")])
        assert set(a.search("dang")["id"]) == {"a", "b"}
        assert list(a.search("Đảng")["id"])[0] == "a"
        assert list(a.search("thi dua")["id"]) == ["a"]
        hit = a.search("thi dua")["snippet"][0]
        assert "[thi đua]" in hit


def test_filters_and_facets(archive):
    with Archive(archive, readonly=True) as a:
        medals = a.search(None, type="order_medal", limit=100)
        assert len(medals) > 0
        ids = list(medals["id"])
        assert all("order_medal" in r.achievement_types for r in a.articles(ids))
        counts = a.facets()
        assert set(counts) == {"campaign", "directive", "province", "province_2025", "year", "type"}
        assert counts["type"]["articles"].sum() > 0
        assert len(a.search("thi đua", year_from=2024, year_to=2024, limit=100)) < len(a.search("thi đua", limit=100))


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "x OR", "(a b", "a )", "NOT", "!!!", ""])
def test_malformed_queries_explain_themselves(query):
    with pytest.raises(QueryError):
        parse(query)


def test_hostile_fts_syntax_is_only_words(archive):
    with Archive(archive, readonly=True) as a:
        for query in ["NEAR(a b)", "title:x", "a^b", "* OR *", "'; DROP TABLE articles; --"]:
            try:
                a.search(query)
            except QueryError:
                pass
        assert a.counts()["articles"] >= 50


def test_cli_search_json_and_bad_query(archive):
    done = subprocess.run([sys.executable, "-m", "newsmine", "search", "dong khoi", "--db", str(archive),
                           "-f", "json"], capture_output=True, text=True)
    assert done.returncode == 0 and isinstance(json.loads(done.stdout), list)
    bad = subprocess.run([sys.executable, "-m", "newsmine", "search", '"open', "--db", str(archive)],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "unbalanced quote" in bad.stderr and "Traceback" not in bad.stderr


def _big_jsonl(path: Path, copies: int) -> int:
    texts = [a for a in newsmine.read([str(CORPUS)])]
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(copies):
            for a in texts:
                f.write(json.dumps({"id": f"{a.id}-{i}", "title": a.title, "content": a.text},
                                   ensure_ascii=False) + "\n")
                n += 1
    return n


def test_kill_midway_leaves_a_consistent_archive_that_a_rerun_completes(tmp_path):
    src, db = tmp_path / "big.jsonl", tmp_path / "a.sqlite"
    total = _big_jsonl(src, 40)
    cmd = [sys.executable, "-m", "newsmine", "index", str(src), "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.5)
        try:
            with sqlite3.connect(db, timeout=5) as c:
                if c.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 400:
                    break
        except sqlite3.Error:
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert partial == c.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        orphans = c.execute("SELECT COUNT(*) FROM units WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans.fetchone()[0] == 0
    assert 0 < partial < total
    subprocess.run(cmd, check=True)
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == total


def test_readers_query_while_a_writer_indexes(tmp_path):
    src, db = tmp_path / "big.jsonl", tmp_path / "a.sqlite"
    _big_jsonl(src, 15)
    Archive(db, create=True).close()
    writer = subprocess.Popen([sys.executable, "-m", "newsmine", "index", str(src), "--db", str(db), "-q"])
    queries = 0
    try:
        with Archive(db, readonly=True) as reader:
            while writer.poll() is None and queries < 400:
                reader.search("thi đua", limit=5)
                reader.facets(limit=3)
                queries += 1
    finally:
        assert writer.wait(timeout=300) == 0
    assert queries > 0


def test_datasette_finds_the_archive_search(archive):
    from datasette.app import Datasette

    from newsmine.serve import PLUGINS, metadata

    async def get(path):
        ds = Datasette([str(archive)], metadata=metadata(archive), plugins_dir=str(PLUGINS))
        return await ds.client.get(path)

    page = asyncio.run(get("/a/articles?_search=nong+thon+moi"))
    assert page.status_code == 200 and "where search matches" in page.text
    assert "finds “Đồng khởi mới”" in page.text  # the table description from newsmine's metadata
    data = asyncio.run(get("/a/articles.json?_search=dong+khoi+moi&_shape=array"))
    ids = [row["id"] for row in data.json()]
    assert ids and all(isinstance(i, str) for i in ids)
    counts = asyncio.run(get("/a/campaign_counts.json?_shape=array"))
    assert counts.status_code == 200 and counts.json()[0]["articles"] >= 1
