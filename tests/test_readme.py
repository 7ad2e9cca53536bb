"""The README's shell examples use commands, options, field mappings and repository folders that exist,
and the archive examples run as written (in a scratch folder holding the repository's corpus)."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _examples() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] == ["newsmine"]:
                lines.append(words[1:])
    return lines


EXAMPLES = _examples()


def test_examples_were_found():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("words", EXAMPLES, ids=lambda w: " ".join(w)[:60])
def test_example_uses_what_exists(words):
    from typer.main import get_command

    from newsmine.sources.jsonl import DEFAULT_FIELDS

    group = get_command(__import__("newsmine.cli", fromlist=["app"]).app)
    command = group.commands.get(words[0])
    assert command is not None, f"no command {words[0]!r}"
    known = {opt for p in command.params for opt in p.opts + p.secondary_opts}
    for n, word in enumerate(words[1:], 1):
        if word.startswith("-") and word != "-":
            assert word in known, f"{words[0]} has no option {word}"
        if words[n - 1] == "--field":
            field, key = word.split("=")
            assert field in DEFAULT_FIELDS and key not in DEFAULT_FIELDS[field], f"--field {word} changes nothing"
        if word.endswith("/") and not word.startswith("-") and words[n - 1] not in ("-o", "--output"):
            assert (ROOT / word).is_dir() or (ROOT / word).resolve().is_dir(), f"{word} is not a folder here"


def test_archive_examples_run_as_written(tmp_path):
    shutil.copytree(ROOT / "corpora" / "articles", tmp_path / "corpora" / "articles")
    ran = 0
    for words in EXAMPLES:
        if words[0] not in ("index", "search", "facets") or {"--workers", "--scheduler"} & set(words):
            continue  # Dask runs are tested in tests/test_parallel.py (a cluster of 8 is no test here)
        if any(w.startswith("postgresql://") for w in words):
            continue  # a PostgreSQL archive's examples: tests/test_archive_postgres.py runs them on a server
        words = [w for w in words if w != "dump.jsonl.gz"]  # the one input the repository does not hold
        done = subprocess.run([sys.executable, "-m", "newsmine", *words], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, (words, done.stderr)
        ran += 1
    assert ran >= 4
