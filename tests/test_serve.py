"""`newsmine serve` stops datasette (its whole process group) and removes its files on every way out."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import psutil
import pytest


@pytest.fixture(scope="module")
def tiny_archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    (folder / "a.txt").write_text("Tin thi đua\n\nUBND xã Tân Phú tặng Giấy khen cho 5 hộ gia đình.", encoding="utf-8")
    db = folder / "a.sqlite"
    subprocess.run([sys.executable, "-m", "newsmine", "index", str(folder / "a.txt"), "--db", str(db), "-q"],
                   check=True)
    return db


def _serve(db, tmp):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newsmine", "serve", "--db", str(db), "--port", str(port)],
                            env={**os.environ, "TMPDIR": str(tmp)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children and any("datasette" in " ".join(c.cmdline()) for c in children)
    return proc, children


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_stops_datasette_and_removes_the_metadata_file(tiny_archive, tmp_path, sig):
    proc, children = _serve(tiny_archive, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] != []  # the metadata file is there while serving
    proc.send_signal(sig)
    assert proc.wait(timeout=30) == 0
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []
    assert list(tmp_path.iterdir()) == []


def test_killing_serve_outright_still_ends_datasette(tiny_archive, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("the parent-death signal is Linux's")
    proc, children = _serve(tiny_archive, tmp_path)
    proc.kill()
    proc.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []
