"""The pipeline orders itself from the kinds' ``requires``, and runs a kind another package declares."""
from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsmine.article import from_parts
from newsmine.kinds import Kind, kinds
from newsmine.pipeline import Pipeline, PipelineError
from newsmine.records import Mention

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = Path(__file__).resolve().parent / "plugin"


def _kind(name: str, *requires: str) -> Kind:
    return Kind(name=name, record=Mention, extract=lambda doc: [], requires=requires)


def _declared(*declared: Kind) -> dict[str, Kind]:
    return {k.name: k for k in declared}


def test_steps_come_after_what_they_require():
    order = Pipeline().names
    for kind in kinds().values():
        assert all(order.index(r) < order.index(kind.name) for r in kind.requires)
    assert set(order) == set(kinds())


@pytest.mark.parametrize("wanted, expected", [
    (["units"], ("directives", "dates", "campaigns", "units")),
    (["directives"], ("directives",)),
    (["indicators"], ("directives", "dates", "indicators")),
])
def test_a_pipeline_up_to_a_kind_runs_only_what_it_needs(wanted, expected):
    assert Pipeline(wanted).names == expected


def test_before_leaves_the_kind_itself_out():
    assert Pipeline.before("achievements").names == ("directives", "dates", "campaigns")


def test_a_cycle_is_an_error_when_the_pipeline_is_built():
    with pytest.raises(PipelineError, match="a → b → c → a"):
        Pipeline(declared=_declared(_kind("a", "b"), _kind("b", "c"), _kind("c", "a")))


@pytest.mark.parametrize("declared, wanted, message", [
    ((_kind("a", "ghost"),), None, "'a' requires 'ghost', which nobody declares"),
    ((_kind("a"),), ["nothing"], "no kind named 'nothing'"),
])
def test_an_unknown_name_is_an_error_when_the_pipeline_is_built(declared, wanted, message):
    with pytest.raises(PipelineError, match=message):
        Pipeline(wanted, declared=_declared(*declared))


def test_a_failing_extractor_leaves_a_warning_and_the_others_run():
    def broken(doc):
        raise RuntimeError("boom")

    declared = {**kinds(), "indicators": dataclasses.replace(kinds()["indicators"], extract=broken)}
    record = Pipeline(declared=declared).extract(from_parts(
        id="t", source="t", title=None, lead=None, body="Ngày 5/9/2017, tỉnh trao 20 bằng khen."))
    assert record.warnings == ["indicators: extractor failed (RuntimeError: boom)"]
    assert [d.value for d in record.dates] == ["2017-09-05"] and record.indicators == []


def test_a_kind_from_an_installed_package_reaches_the_record_the_tables_and_the_archive(tmp_path):
    article = tmp_path / "tin.txt"
    article.write_text("Thi đua khen thưởng\n\nSở Nội vụ tỉnh Cà Mau nhận góp ý qua địa chỉ "
                       "thiduakhenthuong@camau.gov.vn đến hết tháng 10.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PLUGIN), str(ROOT)])}

    def newsmine(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "newsmine", *args, "-q"], check=True, env=env, cwd=tmp_path)

    newsmine("extract", str(article), "-o", "out.jsonl")
    newsmine("extract", str(article), "-o", "tables", "-f", "parquet")
    newsmine("index", "out.jsonl", "--db", "a.sqlite")
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert [(e["text"], e["domain"], e["labels"], e["unit"]) for e in record["emails"]] == [
        ("thiduakhenthuong@camau.gov.vn", "camau.gov.vn", ["camau", "gov", "vn"], "Sở Nội vụ tỉnh Cà Mau")]
    table = pq.read_table(tmp_path / "tables" / "emails.parquet").to_pylist()
    assert [(r["domain"], json.loads(r["labels"])) for r in table] == [("camau.gov.vn", ["camau", "gov", "vn"])]
    assert pq.read_table(tmp_path / "tables" / "articles.parquet").to_pylist()[0]["n_emails"] == 1
    with sqlite3.connect(tmp_path / "a.sqlite") as c:
        assert c.execute("SELECT domain, labels, unit FROM emails").fetchall() == [
            ("camau.gov.vn", '["camau", "gov", "vn"]', "Sở Nội vụ tỉnh Cà Mau")]
