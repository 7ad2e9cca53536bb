"""Extraction on a real Dask LocalCluster of two processes gives what one process gives, in the same order."""
from __future__ import annotations

import gzip
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsmine import parallel
from newsmine.records import encode
from newsmine.runner import ProblemCounter, Summary, run_extract
from newsmine.writers import open_writer

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "articles"
DUMP = ROOT.parent / "shared" / "dumps" / "vnnews-2017.jsonl.gz"


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 worker processes (one thread each) on 127.0.0.1, closed at the end of the module."""
    with parallel.connect(2) as c:
        yield c


@pytest.fixture
def problems():
    """The problems reported to logger ``newsmine`` during a test, as strings."""
    shown: list[str] = []
    handler = ProblemCounter(Summary(), shown.append)
    logger = logging.getLogger("newsmine")
    logger.addHandler(handler)
    yield shown
    logger.removeHandler(handler)


@pytest.fixture(scope="module")
def corpus_jsonl() -> bytes:
    return serial_jsonl([str(CORPUS)])


def serial_jsonl(paths) -> bytes:
    from newsmine import extract_all

    return b"".join(encode(r) + b"\n" for r in extract_all(paths))


def parallel_jsonl(client, paths, **options) -> bytes:
    return b"".join(done.jsonl for done in parallel.run(client, parallel.split(paths, **options)))


@pytest.fixture(scope="module")
def dump_slice(tmp_path_factory) -> Path:
    if not DUMP.is_file():
        pytest.skip("../shared/dumps/vnnews-2017.jsonl.gz is not here")
    out = tmp_path_factory.mktemp("dump") / "slice.jsonl.gz"
    with gzip.open(DUMP, "rb") as src, gzip.open(out, "wb") as dst:
        for _, line in zip(range(400), src):
            dst.write(line)
    return out


def test_corpus_jsonl_is_byte_identical_to_one_process(client, corpus_jsonl):
    assert parallel_jsonl(client, [str(CORPUS)], batch=7) == corpus_jsonl


def test_dump_slice_is_byte_identical_and_cut_into_partitions(client, dump_slice):
    parts = list(parallel.split([str(dump_slice)], batch=100))
    assert [(p.first_line, p.count) for p in parts] == [(1 + 100 * i, 100) for i in range(4)]
    assert parallel_jsonl(client, [str(dump_slice)], batch=100) == serial_jsonl([str(dump_slice)])


def test_cli_workers_2_writes_the_same_bytes(tmp_path, corpus_jsonl):
    out = tmp_path / "two.jsonl"
    done = subprocess.run([sys.executable, "-m", "newsmine", "extract", str(CORPUS), "-o", str(out), "--workers", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == corpus_jsonl
    assert corpus_jsonl.count(b"\n") == 80
    assert "articles read" in done.stderr and "80" in done.stderr  # the summary, as in one process


def test_bad_inputs_are_reported_as_one_process_reports_them(client, tmp_path, problems):
    (tmp_path / "a.jsonl").write_text('{"id": "x1", "title": "Tin một", "content": "Xã phát động thi đua."}\n'
                                      "not json\n"
                                      '{"id": "x2", "title": "Tin hai", "content": "Huyện khen thưởng."}\n',
                                      encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Tiêu đề\n\nTỉnh tổng kết phong trào thi đua.\n", encoding="utf-8")
    serial = serial_jsonl([str(tmp_path)])
    expected = list(problems)
    problems.clear()
    assert parallel_jsonl(client, [str(tmp_path)], batch=1) == serial
    assert sorted(problems) == sorted(expected)
    assert any(f"{tmp_path / 'a.jsonl'}:2: not valid JSON" in p for p in problems), problems
    assert any("b.txt: empty file" in p for p in problems)


def test_a_failing_partition_is_reported_and_the_rest_kept(client, tmp_path, problems):
    good = tmp_path / "good.jsonl"
    good.write_text("".join(f'{{"id": "g{i}", "title": "Tin {i}", "content": "Tỉnh phát động thi đua năm 202{i}."}}\n'
                            for i in range(6)), encoding="utf-8")
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(b'{"id": "z1", "content": "Xa"}\n' * 50)[:40] + b"\x00garbage" * 20)
    later = tmp_path / "later.jsonl"
    later.write_text('{"id": "h1", "title": "Tin cuối", "content": "Bộ tổng kết thi đua."}\n', encoding="utf-8")

    def extract(article):  # the partition holding g2 and g3 fails on its worker
        from newsmine.pipeline import extract_article

        if article.id == "g3":
            raise RuntimeError("worker fault")
        return extract_article(article)

    parts = parallel.run(client, parallel.split([str(good), str(broken), str(later)], batch=2), extract=extract)
    ids = [r.id for done in parts for r in done.records()]
    assert ids == ["g0", "g1", "g4", "g5", "h1"]
    assert any(f"{good}:3-4: partition failed on a worker (RuntimeError: worker fault)" in p for p in problems), problems
    assert any(str(broken) in p and "cannot read" in p for p in problems), problems


def test_partitioned_parquet_opens_as_one_table(client, tmp_path):
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow.dataset as ds

    serial_dir, parallel_dir = tmp_path / "serial", tmp_path / "parallel"
    run_extract([str(CORPUS)], open_writer(serial_dir, "parquet"))
    summary = run_extract([str(CORPUS)], open_writer(parallel_dir, "parquet", partitioned=True),
                          scheduler=client.scheduler.address)
    assert summary.articles == 80 and summary.mentions["campaigns"] > 0
    assert len(list((parallel_dir / "articles").glob("part-*.parquet"))) == 6  # the files and dumps of the corpus
    for table in ("articles", "campaigns", "achievements"):
        expected = pd.read_parquet(serial_dir / f"{table}.parquet")
        by_pandas = pd.read_parquet(parallel_dir / table)
        by_arrow = ds.dataset(parallel_dir / table, format="parquet").to_table().to_pandas()
        by_dask = dd.read_parquet(parallel_dir / table).compute().reset_index(drop=True)
        for frame in (by_pandas, by_arrow, by_dask):
            pd.testing.assert_frame_equal(frame, expected, check_dtype=False)


def test_index_with_workers_archives_what_one_process_archives(client, tmp_path):
    dbs = {}
    for name, extra in (("one", []), ("two", ["--scheduler", client.scheduler.address])):
        dbs[name] = tmp_path / f"{name}.sqlite"
        done = subprocess.run([sys.executable, "-m", "newsmine", "index", str(CORPUS), "--db", str(dbs[name]), "-q",
                               *extra], cwd=ROOT, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stderr

    def content(db):
        with sqlite3.connect(db) as conn:
            return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "campaigns", "directives", "units", "achievements")}, \
                sorted(r[0] for r in conn.execute("SELECT id FROM articles"))

    assert content(dbs["two"]) == content(dbs["one"])
    assert content(dbs["one"])[0]["articles"] == 80
    again = subprocess.run([sys.executable, "-m", "newsmine", "index", str(CORPUS), "--db", str(dbs["two"]),
                            "--scheduler", client.scheduler.address], cwd=ROOT, capture_output=True, text=True,
                           timeout=900)
    assert again.returncode == 0, again.stderr
    assert "80 articles read, 0 added, 80 already archived" in again.stderr
    # archived by the workers with this newsmine's fingerprint: one process later extracts nothing again
    with sqlite3.connect(dbs["two"]) as conn, sqlite3.connect(dbs["one"]) as serial:
        assert set(conn.execute("SELECT fingerprint FROM articles")) == \
            set(serial.execute("SELECT fingerprint FROM articles"))
    alone = subprocess.run([sys.executable, "-m", "newsmine", "index", str(CORPUS), "--db", str(dbs["two"])],
                           cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert alone.returncode == 0, alone.stderr
    assert "80 already archived, 0 extracted again" in alone.stderr


def test_extract_all_and_bag_in_a_notebook(client):
    import newsmine

    serial = list(newsmine.extract_all(str(CORPUS)))
    assert [r.id for r in newsmine.extract_all(str(CORPUS), scheduler=client.scheduler.address)] == \
        [r.id for r in serial]
    records = newsmine.bag(str(CORPUS), batch=20)
    assert records.count().compute() == 80  # on the open client's workers
    tables = newsmine.to_frames(records)
    campaigns = tables["campaigns"].compute()
    expected = newsmine.to_frames(serial)["campaigns"]
    assert len(campaigns) == len(expected)
    assert sorted(campaigns["name"]) == sorted(expected["name"])
    assert list(tables) == ["articles", "campaigns", "directives", "dates", "units", "indicators", "achievements",
                           "achievement_mentions"]
    assert tables["articles"]["n_campaigns"].sum().compute() == len(expected)


def test_bag_of_a_dump_reads_slices_by_offset(client, tmp_path, dump_slice):
    import newsmine

    plain = tmp_path / "plain.jsonl"
    plain.write_bytes(gzip.decompress(dump_slice.read_bytes()))
    parts = parallel.plan([str(plain)], batch=150)
    assert [(p.first_line, p.count, p.offset is not None) for p in parts] == \
        [(1, 150, True), (151, 150, True), (301, 100, True)]
    ids = newsmine.bag(str(plain), batch=150).map(lambda r: r.id).compute()
    assert ids == [a.id for a in newsmine.read(str(dump_slice))]
    assert len(ids) == 400
    gz = parallel.plan([str(dump_slice)], batch=150)  # a .gz slice skips to its first line
    assert [(p.first_line, p.offset) for p in gz] == [(1, None), (151, None), (301, None)]
    assert newsmine.bag(str(dump_slice), batch=150).map(lambda r: r.id).compute() == ids


def test_ctrl_c_while_a_record_is_written_counts_it_once_it_is_whole(tmp_path):
    # the interrupt waits for the write to end: the summary counts every line the file holds
    import os

    from newsmine.writers import JsonlWriter

    class Interrupting(JsonlWriter):
        def write(self, record):
            if self.written == 2:
                os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C in the middle of the third record
            super().write(record)
            self.written += 1

    out = tmp_path / "out.jsonl"
    writer, summary = Interrupting(out), Summary()
    writer.written = 0
    with pytest.raises(KeyboardInterrupt):
        run_extract([str(CORPUS)], writer, summary=summary)
    assert summary.articles == 3 == out.read_bytes().count(b"\n")


def test_ctrl_c_stops_the_workers_and_says_how_far(tmp_path, dump_slice):
    import psutil

    out = tmp_path / "out.jsonl"
    inputs = [str(dump_slice)] * 8  # 3,200 articles: long enough to be interrupted
    proc = subprocess.Popen([sys.executable, "-m", "newsmine", "extract", *inputs, "--workers", "2",
                             "-o", str(out), "-q"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 600
        while (not out.exists() or out.stat().st_size < 50_000) and proc.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        children = psutil.Process(proc.pid).children(recursive=True)
        assert len(children) >= 2  # the workers
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert "interrupted after" in err and str(out) in err
    done = int(err.split("interrupted after ")[1].split()[0].replace(",", ""))
    assert 0 < done < 3200
    assert out.read_bytes().count(b"\n") == done, err
    _, alive = psutil.wait_procs(children, timeout=60)
    assert not alive


@pytest.mark.parametrize("command", ["extract", "index"])
def test_an_unreachable_scheduler_is_one_line(tmp_path, command):
    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    target = ["-o", str(tmp_path / "out.jsonl")] if command == "extract" else ["--db", str(tmp_path / "a.sqlite")]
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    done = subprocess.run([sys.executable, "-m", "newsmine", command, str(CORPUS / "aa-batch.jsonl"), *target,
                           "--scheduler", f"tcp://127.0.0.1:{port}"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 2
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
