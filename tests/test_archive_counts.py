"""Every table of the archive holds exactly the mentions of its records, kind by kind."""
from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest

from newsmine.archive import Archive
from newsmine.pipeline import extract_articles
from newsmine.kinds import names
from newsmine.sources import read

MENTION_KINDS = names()

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT.parent / "shared" / "dumps" / "vnnews-2017.jsonl.gz"


def _counts_match(records, tmp_path):
    expected = dict.fromkeys(MENTION_KINDS, 0)
    for record in records:
        for kind in MENTION_KINDS:
            expected[kind] += len(record.mentions(kind))
    with Archive(tmp_path / "a.sqlite", create=True) as archive:
        archive.index(records)
        stored = archive.counts()
    assert stored == {"articles": len(records), **expected}
    return expected


def test_the_bundled_corpus_keeps_every_mention(tmp_path):
    records = list(extract_articles(read([ROOT / "corpora" / "articles"])))
    expected = _counts_match(records, tmp_path)
    assert expected["achievements"] > 0 and expected["dates"] > 0


@pytest.mark.skipif(not DUMP.is_file(), reason="the shared dump is not here")
def test_two_thousand_articles_of_the_dump_keep_every_mention(tmp_path):
    small = tmp_path / "dump.jsonl.gz"
    with gzip.open(DUMP, "rb") as src, gzip.open(small, "wb") as dst:
        dst.writelines(itertools.islice(src, 2000))
    records = list(extract_articles(read([small])))
    assert len(records) == 2000
    _counts_match(records, tmp_path)
