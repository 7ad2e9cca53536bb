"""Issue 14, archive side: whole-syllable search with accent rules, forgiving filters, output,
guarded opening, re-extraction on upgrade, export, concurrent writers."""
from __future__ import annotations

import json
import subprocess
import zlib
import sys
from pathlib import Path

import pandas as pd
import pytest

import newsmine
from newsmine.archive import Archive
from newsmine.query import parse, snippet

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {  # invented sentences
    "a": "Tỉnh Hà Tĩnh phát động phong trào thi đua yêu nước trong năm mới.",
    "b": "Hội nghị thì bàn việc đưa giống dừa mới về xã, thiết kế xong.",
    "c": "Thanh Hoá tổ chức hội nghị; Thành uỷ khen thưởng tập thể.",
    "d": "Thanh Hóa: Thành ủy biểu dương các đơn vị thi đua giỏi.",
    "e": "Đua thuyền là môn thi mà người dân xã rất thích.",
}


@pytest.fixture()
def archive(tmp_path):
    with Archive(tmp_path / "a.sqlite", create=True) as a:
        a.index([newsmine.extract(t, id=i, title=t.split(".")[0][:30]) for i, t in TEXTS.items()])
    return tmp_path / "a.sqlite"


@pytest.mark.parametrize("query, ids", [
    ("thi dua", {"a", "b", "d", "e"}),     # any accents, whole syllables: not "thiết"
    ("thi đua", {"a", "d", "e"}),          # accents typed: those accents only ("thì đưa" is not)
    ("Thanh Hoá", {"c", "d"}), ("Thanh Hóa", {"c", "d"}), ("Thành uỷ", {"c", "d"}),
    ("thie", set()), ("thie*", {"b"}),      # a prefix only with *
    ("dừa", {"b"}),
])
def test_syllables_match_whole_with_the_accents_typed(archive, query, ids):
    with Archive(archive, readonly=True) as a:
        assert set(a.search(query)["id"]) == ids


def test_phrase_ranks_first_and_the_header_counts(archive):
    with Archive(archive, readonly=True) as a:
        hits = a.search("thi dua", limit=2)
    assert set(hits["id"][:2]) == {"a", "d"} and "e" not in set(hits["id"])
    assert hits.attrs == {"total": 4, "phrase": 2}  # "thì bàn việc đưa" holds them apart


def test_highlights_whole_syllables_and_a_phrase_as_one():
    text = "Xã thiết lập phong trào thi đua, thi rồi đua."
    out = snippet(text, parse("thi dua"))
    assert "[thi đua]" in out and "[thi]ết" not in out and "[thi] rồi [đua]" in out


@pytest.mark.parametrize("query, text, shown", [
    ("thi đua", "Họ thì đưa tin, còn xã thi đua.", "Họ thì đưa tin, còn xã [thi đua]."),
    ("thi*", "Xã thiết kế và thi công.", "Xã [thiết] kế và [thi] công."),
    ("Hoá", "Thanh Hóa, Thanh Hoà.", "Thanh [Hóa], Thanh Hoà."),
    ("khen thưởng", "Khen em, thưởng lớp; " + "tin vắn " * 40 + "xã khen thưởng.", "…ắn tin vắn tin vắn tin vắn xã [khen thưởng]."),
])
def test_snippet_highlights_by_the_search_rules(query, text, shown):
    assert snippet(text, parse(query), width=30 if len(text) > 100 else 90) == shown


@pytest.mark.parametrize("province, ids", [("Ha Tinh", {"a"}), ("hà tĩnh", {"a"}), ("Hà Tính", set())])
def test_filters_fold_accents_and_case(archive, province, ids):
    with Archive(archive, readonly=True) as a:
        assert set(a.search(None, province=province, limit=50)["id"]) == ids


def test_day_bounds(tmp_path):
    art = [newsmine.Article(id=f"x{d}", source="t", title="Tin", text="Xã phát động thi đua.", published=f"2023-06-{d:02d}")
           for d in (1, 15, 30)]
    with Archive(tmp_path / "a.sqlite", create=True) as a:
        a.index(art)
        assert set(a.search("thi đua", published_from="2023-06-02", published_to="2023-06-29")["id"]) == {"x15"}


def test_archive_guards_typos_and_hides_internal_columns(tmp_path, archive):
    with pytest.raises(FileNotFoundError):
        Archive(tmp_path / "typo.sqlite")
    assert not (tmp_path / "typo.sqlite").exists()
    with Archive(archive, readonly=True) as a:
        with pytest.raises(Exception, match="readonly"):
            a.backend.conn.execute("DELETE FROM articles")
        assert not {"rowkey", "folded", "record"} & (set(a.table("articles").columns) | set(a.table("units").columns))


def test_upgrade_reextracts_and_reextract_forces(tmp_path, monkeypatch):
    import newsmine.archive as arch

    items = [newsmine.Article(id=i, source="t", title="Tin", text=t) for i, t in TEXTS.items()]
    with Archive(tmp_path / "a.sqlite", create=True) as a:
        a.index(items)
        assert a.index(items).reextracted == 0
        assert a.index(items, reextract=True).reextracted == 5
        monkeypatch.setattr(arch, "fingerprint", lambda: "another")
        again = a.index(items)
        assert again.reextracted == 5 and set(a.table("articles")["fingerprint"]) == {"another"}


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(archive, tmp_path, fmt):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "newsmine", "export", "--db", str(archive), "--format", fmt,
                           "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    read = {"parquet": pd.read_parquet, "csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]
    assert len(read(out / f"articles.{fmt}")) == 5 and (out / f"units.{fmt}").exists()


def test_facets_csv_is_one_table_and_tables_have_no_nan(archive):
    done = subprocess.run([sys.executable, "-m", "newsmine", "facets", "--db", str(archive), "-f", "csv"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.splitlines()[0] == "facet,value,articles"
    table = subprocess.run([sys.executable, "-m", "newsmine", "search", "thi dua", "--db", str(archive)],
                           capture_output=True, text=True, cwd=ROOT, env={"COLUMNS": "80", "PATH": ""})
    assert "nan" not in table.stdout and "4 matching articles" in table.stdout and "rank" not in table.stdout


def test_directive_facet_counts_one_document_once(tmp_path):
    text = ("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, xã thi đua. Cán bộ học tập "
            "Chỉ thị 05 của Bộ Chính trị.")
    with Archive(tmp_path / "a.sqlite", create=True) as a:
        a.index([newsmine.extract(text, id="z")])
        rows = a.facets()["directive"]
    assert len(rows) == 1


def test_writers_at_once_on_a_new_file(tmp_path):
    inputs = []
    for w in range(3):
        path = tmp_path / f"in{w}.jsonl"
        path.write_text("".join(json.dumps({"id": f"{w}-{n}", "title": "Tin", "content": t}, ensure_ascii=False)
                                + "\n" for n, t in enumerate(TEXTS.values())), encoding="utf-8")
        inputs.append(path)
    for attempt in range(3):
        db = tmp_path / f"a{attempt}.sqlite"
        procs = [subprocess.Popen([sys.executable, "-m", "newsmine", "index", str(p), "--db", str(db), "-q"],
                                  cwd=ROOT, stderr=subprocess.PIPE, text=True) for p in inputs]
        results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
        assert all(code == 0 for code, _ in results), results
        with Archive(db, readonly=True) as a:
            ids = list(a.table("articles")["id"])
        assert sorted(ids) == sorted(f"{w}-{n}" for w in range(3) for n in range(len(TEXTS)))


def test_archived_record_is_the_record(tmp_path):
    records = [newsmine.extract(t, id=i, title=t.split(".")[0][:30]) for i, t in TEXTS.items()]
    with Archive(tmp_path / "a.sqlite", create=True) as a:
        a.index(records)
        assert a.articles(["c", "a"]) == [records[2], records[0]]
        stored = a.backend.conn.execute("SELECT record FROM articles WHERE id = 'c'").fetchone()[0]
    assert not {"title", "lead", "text"} & set(json.loads(zlib.decompress(stored)))  # kept in their columns only
