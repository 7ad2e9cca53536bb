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
