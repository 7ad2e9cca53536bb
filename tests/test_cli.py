"""The newsmine command, run as a user runs it: exit codes, messages, outputs."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pandas as pd
import pytest

from newsmine.kinds import names

MENTION_KINDS = names()


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "newsmine", *args], input=stdin, capture_output=True,
                          timeout=300)


def test_help_imports_nothing_heavy():
    code = ("import sys, newsmine.cli; heavy = {'underthesea', 'spacy', 'pandas', 'pyarrow', 'trafilatura', "
            "'sklearn', 'regex'} & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert run("--help").returncode == 0


def test_extract_seeds_to_stdout_matches_schema(seeds):
    done = run("extract", str(seeds), "-o", "-")
    assert done.returncode == 0, done.stderr.decode()
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    schema = json.loads(run("schema").stdout)
    for record in records:
        jsonschema.validate(record, schema)
        for kind in MENTION_KINDS:
            for m in record[kind]:
                assert record["text"][m["start"]:m["end"]] == m["text"]
    summary = done.stderr.decode()
    assert "articles read" in summary and "articles per second" in summary


def test_stdin_jsonl():
    line = json.dumps({"id": "s1", "title": "Tin", "content": "Ngày 5/3/2023, 40 hộ được hỗ trợ."}).encode()
    done = run("extract", "-", "-q", stdin=line + b"\n")
    [record] = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert record["id"] == "s1" and record["dates"][0]["value"] == "2023-03-05"


def test_bad_inputs_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.", encoding="utf-8")
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    broken = tmp_path / "b.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    mixed = run("extract", str(good), str(png), str(broken), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.jsonl"))
    err = mixed.stderr.decode()
    assert mixed.returncode == 0, err
    assert "Traceback" not in err
    assert f"{png}: PNG image" in err and f"{broken}:1: not valid JSON" in err and "nope.txt: cannot open" in err
    nothing = run("extract", str(png), str(broken), "-o", str(tmp_path / "o2.jsonl"))
    assert nothing.returncode == 2 and "Traceback" not in nothing.stderr.decode()
    assert "no article could be read" in nothing.stderr.decode()


def test_bad_options_are_one_line_errors(tmp_path):
    done = run("extract", "x", "--format", "xlsx")
    assert done.returncode == 2 and "Traceback" not in done.stderr.decode()
    done = run("extract", "x", "--field", "oops")
    assert done.returncode == 2 and "FIELD=KEY" in done.stderr.decode()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_table_outputs(seeds, tmp_path, fmt):
    out = tmp_path / fmt
    done = run("extract", str(seeds), "--format", fmt, "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr.decode()
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    tables = {name: read(out / f"{name}.{fmt}") for name in ("articles", *MENTION_KINDS, "achievement_mentions")}
    assert sorted(tables["articles"]["id"]) == ["000_033c3dc0d971c6df", "004_1ebc1bc18e428362"]
    for kind in MENTION_KINDS:
        frame = tables[kind]
        assert set(frame["article_id"]) <= set(tables["articles"]["id"])
        assert (tables["articles"][f"n_{kind}"].sum()) == len(frame)
    told = tables["achievements"].merge(tables["achievement_mentions"], on=["article_id", "achievement_index"])
    assert len(told) == len(tables["achievement_mentions"]) == tables["achievements"]["n_mentions"].sum() > 0


def test_every_command_has_help():
    from newsmine.cli import app

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"extract", "eval", "train", "schema"} <= set(names)
    for command in app.registered_commands:
        assert (command.callback.__doc__ or "").strip(), f"{command.name} has no help text"
        done = run(command.name or command.callback.__name__, "--help")
        assert done.returncode == 0


def test_eval_on_a_folder_without_gold(tmp_path):
    done = run("eval", str(tmp_path))
    assert done.returncode == 2 and "has no articles/ and gold/ folders" in done.stderr.decode()
    assert "Traceback" not in done.stderr.decode()


def test_schema_prints_the_achievement_shape():
    defs = json.loads(run("schema").stdout)["$defs"]
    props = defs["Achievement"]["properties"]
    assert {"type", "award", "recipient", "conferred_by", "year", "text", "start", "end", "mentions"} <= set(props)
    assert props["mentions"]["items"] == {"$ref": "#/$defs/Mention"}
    assert set(defs["Mention"]["required"]) == {"text", "start", "end"}
