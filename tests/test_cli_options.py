"""Command-line conventions: --version, help without type labels, choices, dates and types checked."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from newsmine.records import AchievementType


def run(*args, stdin: bytes | None = None):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "newsmine", *args], input=stdin, capture_output=True,
                          timeout=300, env=env, text=stdin is None)


PUBLISHED = {"thang5": "2023-05-20", "thang6": "2023-06-10", "thang7": "2023-07-01", "nam2024": "2024-01-05"}


@pytest.fixture(scope="module")
def dated_archive(tmp_path_factory):
    """Four invented articles about one emulation movement, published on the days above."""
    folder = tmp_path_factory.mktemp("dated")
    lines = [json.dumps({"id": i, "title": f"Phong trào thi đua ở xã Tân Phú ({day})", "published": day,
                         "content": "UBND huyện tặng Giấy khen cho 5 tập thể có thành tích trong phong trào "
                                    "thi đua xây dựng nông thôn mới."}, ensure_ascii=False)
             for i, day in PUBLISHED.items()]
    (folder / "dated.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "a.sqlite"
    done = run("index", str(folder / "dated.jsonl"), "--db", str(db), "-q")
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("bounds, expected", [
    (["--from", "2023-06", "--to", "2023-06"], ["thang6"]),
    (["--from", "2023-06-15"], ["thang7", "nam2024"]),
    (["--to", "2023"], ["thang5", "thang6", "thang7"]),
    (["--from", "2023-06-10", "--to", "2023-07-01"], ["thang6", "thang7"]),
    (["--from", "2024"], ["nam2024"]),
    (["--to", "2023-05"], ["thang5"]),
])
def test_from_and_to_take_a_year_a_month_or_a_day(dated_archive, bounds, expected):
    done = run("search", "thi dua", "--db", str(dated_archive), *bounds, "-f", "json")
    assert done.returncode == 0, done.stderr
    assert sorted(h["id"] for h in json.loads(done.stdout)) == sorted(expected)


def test_a_month_bound_keeps_the_limit(dated_archive):
    done = run("search", "--db", str(dated_archive), "--from", "2023-06", "-n", "2", "-f", "json")
    assert [h["id"] for h in json.loads(done.stdout)] == ["nam2024", "thang7"]  # newest first, two of three


@pytest.mark.parametrize("option, value", [
    ("--from", "2023-13"), ("--from", "23"), ("--to", "2023-02-30"), ("--to", "06/2023"), ("--from", "năm 2023"),
])
def test_a_bad_date_is_a_one_line_error(dated_archive, option, value):
    done = run("search", "thi dua", "--db", str(dated_archive), option, value)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (f"newsmine: {option} {value!r}: expected a year, a month or a day "
                                   "(2023, 2023-06, 2023-06-15)")


def test_from_after_to_is_an_error(dated_archive):
    done = run("facets", "--db", str(dated_archive), "--from", "2024", "--to", "2023-06")
    assert done.returncode == 2 and done.stderr.strip() == "newsmine: --from 2024 is after --to 2023-06"


def test_type_is_checked_and_listed():
    types = [t.value for t in AchievementType]
    assert len(types) == 9
    done = run("search", "--db", "nowhere.sqlite", "--type", "bang_khen")
    assert done.returncode == 2 and done.stderr.strip() == f"newsmine: --type 'bang_khen': choose from {', '.join(types)}"
    for command in ("search", "facets"):
        assert all(t in run(command, "--help").stdout for t in types)


def test_a_known_type_filters(dated_archive):
    done = run("search", "--db", str(dated_archive), "--type", "merit_certificate", "-f", "json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 4
    done = run("search", "--db", str(dated_archive), "--type", "order_medal", "-f", "json")
    assert json.loads(done.stdout) == []


def test_version():
    from importlib.metadata import version

    done = run("--version")
    assert done.returncode == 0 and done.stdout == f"newsmine {version('newsmine')}\n"


def _commands() -> list[str]:
    from newsmine.cli import app

    return [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_has_no_type_labels(command):
    done = run(*([command] if command else []), "--help")
    assert done.returncode == 0
    assert not re.search(r"<(str|int|bool|float|list\[\w+\])>|list\[|\{\w+\}", done.stdout), done.stdout


def test_format_choices_are_shown():
    from newsmine.writers import FORMATS

    assert "|".join(FORMATS) in run("extract", "--help").stdout
    for command in ("search", "facets"):
        assert "table|json|csv" in run(command, "--help").stdout
