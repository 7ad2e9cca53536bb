"""The PostgreSQL archive answers as the SQLite one: same hits, totals, facets and counts; concurrent writers."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsmine
from newsmine.archive import Archive
from newsmine.sources import read as _read

from pg import postgres  # noqa: F401 — the fixture

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "articles"


def fresh(server, name: str) -> str:
    """The URL of an empty database of its own (dropped first if a previous run left it)."""
    name = re.sub(r"\W", "_", name.lower())[:60]
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    return server.url(name)


@pytest.fixture(scope="module")
def both(postgres, tmp_path_factory):  # noqa: F811
    """The bundled corpus indexed into a SQLite archive and a PostgreSQL one."""
    lite = tmp_path_factory.mktemp("lite") / "a.sqlite"
    url = fresh(postgres, "compare")
    for db in (lite, url):
        with Archive(db, create=True) as a:
            a.index(_read([str(CORPUS)], records=True))
    with Archive(lite, readonly=True) as s, Archive(url, readonly=True) as p:
        yield s, p


CASES = [
    ("thi đua", {}), ("thi dua", {}), ('"phong trào thi đua"', {}), ("Đảng", {}), ("dang", {}), ("thi*", {}),
    ("khen NOT thưởng", {}), ("bằng OR huân", {}), ("(bằng OR huân) khen", {}), ("hoá", {}), ("hóa", {}),
    ("lao động giỏi", {}), ("nong thon moi", {}), ("huân chương lao*", {}),
    ("thi dua", {"province": "ha tinh"}), (None, {"type": "merit_certificate"}), ("khen", {"year_from": 2023}),
    ("thi đua", {"campaign": "lao động giỏi"}), (None, {"directive": "05-CT/TW"}), (None, {"unit": "công an"}),
    ("khen thưởng", {"published_from": "2023-01-01", "published_to": "2023-12-31"}), (None, {}),
]


@pytest.mark.parametrize("query, filters", CASES)
def test_search_gives_the_same_hits_and_totals(both, query, filters):
    lite, pg = (a.search(query, limit=500, **filters) for a in both)
    assert (pg.attrs["total"], pg.attrs["phrase"]) == (lite.attrs["total"], lite.attrs["phrase"])
    assert pg.attrs["total"] == len(pg) and set(pg.id) == set(lite.id)
    if lite.attrs["phrase"]:  # the articles holding the phrase come first on both
        n = lite.attrs["phrase"]
        assert set(pg.id[:n]) == set(lite.id[:n])
    if query is None:  # newest first
        assert list(pg.published.fillna("")) == list(lite.published.fillna(""))
    assert dict(zip(pg.id, pg.snippet)) == dict(zip(lite.id, lite.snippet))


def test_the_cases_find_something(both):
    """Not a comparison of empty answers: most cases have hits, and accents narrow the search."""
    lite, _ = both
    assert all(lite.search(q, **f).attrs["total"] > 0 for q, f in CASES)
    total = lambda q: lite.search(q).attrs["total"]  # noqa: E731
    assert total("Đảng") < total("dang") and total("thi đua") < total("thi dua")


@pytest.mark.parametrize("query, filters", [(None, {}), ("thi dua", {}), ("khen", {"year_from": 2023}),
                                            ('"bằng khen"', {"province": "nghe an"})])
def test_facets_are_the_same(both, query, filters):
    lite, pg = (a.facets(query, limit=1000, **filters) for a in both)
    assert lite.keys() == pg.keys()
    for name in lite:
        assert sorted(map(tuple, pg[name].values.tolist())) == sorted(map(tuple, lite[name].values.tolist())), name


def test_counts_tables_and_report_figures_are_the_same(both):
    lite, pg = both
    assert pg.counts() == lite.counts() and lite.counts()["articles"] == 80
    for name in ("articles", "campaigns", "achievements", "campaign_counts", "unit_counts"):
        a, b = lite.table(name), pg.table(name)
        assert list(a.columns) == list(b.columns) and len(a) == len(b), name
    s, p = lite.summary(10), pg.summary(10)
    assert (p["counts"], p["distinct"], p["years"]) == (s["counts"], s["distinct"], s["years"])
    assert sorted(p["types"]) == sorted(s["types"])
    ids = ["aa-01-bhxh-viet-nam-thi-dua", "nowhere"]
    assert [r.to_dict() for r in pg.articles(ids)] == [r.to_dict() for r in lite.articles(ids)]


MINE = [("a1", "Đảng bộ xã Tân Hòa tổng kết phong trào thi đua năm nay."),
        ("a2", "Cô giáo đang dạy học sinh lớp năm đọc thơ."),
        ("a3", "Nhà máy hoá chất Đức Giang khen thưởng công nhân.")]


@pytest.mark.parametrize("query, expected", [
    ("dang", {"a1", "a2"}), ("Đảng", {"a1"}), ("đang", {"a2"}), ("Dang", {"a1", "a2"}),
    ("duc giang", {"a3"}), ("hóa chất", {"a3"}), ("hoá", {"a3"}), ('"thi đua năm"', {"a1"}),
    ('"năm đọc"', {"a2"}), ("thi* NOT dạy", {"a1"}),
])
def test_folding_and_tone_keys_as_on_sqlite(postgres, query, expected):  # noqa: F811
    """Folding is newsmine's (đ → d, tone placement), not a server dictionary's: "Dang" finds "Đảng"."""
    with Archive(fresh(postgres, "mine"), create=True) as a:
        a.index([newsmine.extract(text, id=i, title=text.split(" ")[0]) for i, text in MINE])
        assert set(a.search(query).id) == expected


def test_reindex_adds_nothing_and_changed_article_replaces_its_rows(postgres, tmp_path):  # noqa: F811
    url = fresh(postgres, "reindex")
    with Archive(url, create=True) as a:
        first = a.index(_read([str(CORPUS)], records=True))
        counts = a.counts()
        again = a.index(_read([str(CORPUS)], records=True))
        assert (first.added, again.added, again.skipped) == (80, 0, 80) and a.counts() == counts
        a.index([newsmine.extract("UBND tỉnh Sóc Trăng tặng Bằng khen cho 12 tập thể.", id="x", title="Tin")])
        a.index([newsmine.extract("Tỉnh Sóc Trăng phát động thi đua.", id="x", title="Tin")])
        assert a.counts()["articles"] == 81 and set(a.search("bang khen").id) & {"x"} == set()
        assert a.search("phat dong").id.tolist().count("x") == 1
    with pytest.raises(FileNotFoundError):
        Archive(fresh(postgres, "absent"), readonly=True)


def _split(tmp_path: Path) -> tuple[Path, Path]:
    """Two input folders: the corpus's first 45 files and its last 45 (24 in both)."""
    files = sorted(CORPUS.iterdir())
    out = []
    for name, part in (("one", files[:45]), ("two", files[-45:])):
        (tmp_path / name).mkdir()
        for f in part:
            shutil.copy(f, tmp_path / name / f.name)
        out.append(tmp_path / name)
    return out[0], out[1]


def test_two_index_processes_at_once_lose_and_duplicate_nothing(postgres, both, tmp_path):  # noqa: F811
    url = fresh(postgres, "two_writers")
    one, two = _split(tmp_path)
    procs = []
    try:
        for src in (one, two):
            procs.append(subprocess.Popen([sys.executable, "-m", "newsmine", "index", str(src), "--db", url, "-q"],
                                          cwd=ROOT, stderr=subprocess.PIPE, text=True))
        codes = [p.wait(timeout=600) for p in procs]
        assert codes == [0, 0], [p.stderr.read() for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
            p.stderr.close()
    with Archive(url, readonly=True) as a:
        assert a.counts() == both[0].counts()  # every row of the whole corpus, once
        assert a.facets(None, limit=1000)["type"].values.tolist() == both[0].facets(None, limit=1000)["type"] \
            .values.tolist()
        dupes = a.backend.conn.execute("SELECT COUNT(*) FROM (SELECT article_id, text, start FROM campaigns "
                                       "GROUP BY article_id, text, start HAVING COUNT(*) > 1) d").fetchone()[0]
        lite_dupes = both[0].backend.conn.execute(
            "SELECT COUNT(*) FROM (SELECT article_id, text, start FROM campaigns "
            "GROUP BY article_id, text, start HAVING COUNT(*) > 1)").fetchone()[0]
        assert dupes == lite_dupes


def test_cli_index_search_facets_report_on_a_url(postgres, tmp_path):  # noqa: F811
    url = fresh(postgres, "cli")
    run = lambda *args: subprocess.run([sys.executable, "-m", "newsmine", *args], cwd=ROOT,  # noqa: E731
                                       capture_output=True, text=True, timeout=600)
    assert run("index", str(CORPUS), "--db", url, "-q").returncode == 0
    found = run("search", "thi dua", "--db", url, "--format", "json")
    assert found.returncode == 0 and "aa-03-bo-noi-vu-dai-hoi-thi-dua" in found.stdout
    assert run("facets", "thi dua", "--db", url).returncode == 0
    report = run("report", "--db", url, "-o", str(tmp_path / "r.html"))
    assert report.returncode == 0 and "newsmine archive report" in (tmp_path / "r.html").read_text()
    bad = run("search", "x", "--db", fresh(postgres, "cli_absent"))
    assert bad.returncode == 2 and "cannot open archive" in bad.stderr


def test_serve_says_it_is_for_sqlite_in_one_line(postgres):  # noqa: F811
    done = subprocess.run([sys.executable, "-m", "newsmine", "serve", "--db", postgres.url("anything")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "SQLite" in done.stderr and len(done.stderr.strip().splitlines()) == 1
