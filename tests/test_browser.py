"""End to end in a real headless Chromium: search the archive in datasette as a researcher would.

Needs Debian's chromium and chromium-driver (the Makefile's test target installs them); skipped,
with the reason, where they are absent.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from conftest import SEEDS as seeds

    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not here")
    db = tmp_path_factory.mktemp("serve") / "archive.sqlite"
    subprocess.run([sys.executable, "-m", "newsmine", "index", str(ROOT / "corpora" / "articles"), str(seeds),
                    "--db", str(db), "-q"], check=True)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsmine", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield url, db.stem
    proc.terminate()
    proc.wait(timeout=10)


def test_typing_dong_khoi_moi_finds_the_ben_tre_seed(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url, name = server
    browser.get(f"{url}/{name}/articles")
    box = browser.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("dong khoi moi")
    box.send_keys(Keys.ENTER)
    for _ in range(50):
        if "_search=" in browser.current_url:
            break
        time.sleep(0.1)
    page = browser.page_source
    assert "004_1ebc1bc18e428362" in page          # the seed article about Bến Tre
    assert "Thi đua ở từng địa phương, đơn vị" in page
