"""Every table of the archive holds exactly the mentions of its records, kind by kind, and each
achievement's mentions (every clause telling it) in ``achievement_mentions``."""
from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import sqlite3

import pytest

from newsmine.archive import Archive
from newsmine.pipeline import extract_articles
from newsmine.kinds import kinds, names
from newsmine.sources import read

MENTION_KINDS = names()

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT.parent / "shared" / "dumps" / "vnnews-2017.jsonl.gz"


def _expected(records):
    expected = {"articles": len(records)}
    for record in records:
        for name, kind in kinds().items():
            found = record.mentions(name)
            expected[name] = expected.get(name, 0) + len(found)
            for child in kind.children:
                expected[child.table] = expected.get(child.table, 0) + sum(len(getattr(m, child.field)) for m in found)
    return expected


def _counts_match(records, tmp_path):
    expected = _expected(records)
    with Archive(tmp_path / "a.sqlite", create=True) as archive:
        archive.index(records)
        stored = archive.counts()
    assert stored == expected
    return expected


@pytest.fixture(scope="module")
def corpus():
    return list(extract_articles(read([ROOT / "corpora" / "articles"])))


def test_the_bundled_corpus_keeps_every_mention(tmp_path, corpus):
    expected = _counts_match(corpus, tmp_path)
    assert expected["achievements"] > 0 and expected["dates"] > 0
    assert expected["achievement_mentions"] > expected["achievements"]  # some honours are told more than once


def test_each_achievement_row_joins_its_mentions(tmp_path, corpus):
    with Archive(tmp_path / "a.sqlite", create=True) as archive:
        archive.index(corpus)
        achievements, told = archive.table("achievements"), archive.table("achievement_mentions")
    assert "mentions" not in achievements.columns
    joined = achievements.merge(told, on=["article_id", "achievement_index"], suffixes=("", "_told"))
    assert len(joined) == len(told)
    per_row = joined.groupby(["article_id", "achievement_index"]).size().to_dict()
    assert per_row == achievements.set_index(["article_id", "achievement_index"])["n_mentions"].to_dict()
    by_id = {r.id: r for r in corpus}
    for row in told.itertuples():
        assert by_id[row.article_id].text[row.start:row.end] == row.text


def test_an_archive_with_mentions_as_json_is_migrated_without_loss(tmp_path, corpus):
    """An archive of schema 4 kept an achievement's mentions as JSON text and had no mention table."""
    db = tmp_path / "old.sqlite"
    with Archive(db, create=True) as archive:
        archive.index(corpus)
    with sqlite3.connect(db) as c:
        c.execute("DROP TABLE achievement_mentions")
        c.execute("ALTER TABLE achievements DROP COLUMN achievement_index")
        c.execute("ALTER TABLE achievements DROP COLUMN n_mentions")
        c.execute("ALTER TABLE achievements ADD COLUMN mentions TEXT")
        c.execute("UPDATE achievements SET mentions = '[]'")
        c.execute("DELETE FROM _migrations WHERE name = '0005_span_tables'")
        c.execute("PRAGMA user_version=4")
    with Archive(db) as archive:
        assert archive.schema_version == 6
        assert archive.counts() == _expected(corpus)
        assert "mentions" not in archive.table("achievements").columns
        assert [r.id for r in archive.articles([corpus[0].id])] == [corpus[0].id]
        assert archive.search("thi đua", limit=3)["id"].tolist()  # the search index was kept in step


@pytest.mark.skipif(not DUMP.is_file(), reason="the shared dump is not here")
def test_two_thousand_articles_of_the_dump_keep_every_mention(tmp_path):
    small = tmp_path / "dump.jsonl.gz"
    with gzip.open(DUMP, "rb") as src, gzip.open(small, "wb") as dst:
        dst.writelines(itertools.islice(src, 2000))
    records = list(extract_articles(read([small])))
    assert len(records) == 2000
    _counts_match(records, tmp_path)
