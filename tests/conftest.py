from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DUMP = SHARED / "dumps" / "vnnews-2017.jsonl.gz"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not here")
    return SEEDS


@pytest.fixture
def dump() -> Path:
    if not DUMP.is_file():
        pytest.skip("../shared/dumps/vnnews-2017.jsonl.gz is not here")
    return DUMP


CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage")


@pytest.fixture(scope="module")
def browser():
    """A headless Debian Chromium driven by selenium; skipped (with the reason) where it is absent."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (chromium and driver_path):
        pytest.skip("chromium and chromium-driver are not installed (make test installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="session", autouse=True)
def no_process_outlives_the_suite():
    """Every process the suite starts carries a marker in its environment; none may outlive the suite
    (a datasette left running by a test was found long after a run). Leftovers are killed and reported."""
    import os
    import uuid

    import psutil

    marker = uuid.uuid4().hex
    os.environ["NEWSMINE_TEST_RUN"] = marker
    yield
    me = os.getpid()

    def ours() -> list[psutil.Process]:
        found = []
        for proc in psutil.process_iter():
            try:
                # multiprocessing's resource tracker (started by Dask's local clusters) is this process's
                # own helper: it ends when this process does, as it reads a pipe to it until EOF
                tracker = proc.ppid() == me and "multiprocessing.resource_tracker" in " ".join(proc.cmdline())
                if proc.pid != me and not tracker and proc.environ().get("NEWSMINE_TEST_RUN") == marker:
                    found.append(proc)
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
        return found

    _, alive = psutil.wait_procs(ours(), timeout=10)  # give stopping processes time to end
    left = [f"{p.pid} {' '.join(p.cmdline())[:120]}" for p in alive if p.is_running()]
    for proc in alive:
        proc.kill()
    assert not left, "processes started by the test suite outlived it:\n" + "\n".join(left)
