"""The scorer: annotation.md's matching rules, the same figures as shared/tools/score.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmine.evaluate import KEYS, Report, Score, evaluate, locate, match, norm, score_record

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "dev"


def test_locate_moves_forward_through_nested_names():
    text = "Ban Thường vụ Tỉnh ủy họp. Sau đó Tỉnh ủy ra nghị quyết."
    located = locate([{"text": "Ban Thường vụ Tỉnh ủy"}, {"text": "Tỉnh ủy"}], text)
    assert [(m["start"], m["end"]) for m in located] == [(0, 21), (34, 41)]
    assert locate([{"text": "không có"}], text) == [None]


def test_norm_folds_case_quotes_dashes_and_edge_punctuation():
    assert norm("“Đồng  khởi – MỚI”.") == "đồng khởi mới"
    assert norm("(Sở Nội vụ)") == "sở nội vụ"


@pytest.mark.parametrize("kind, pred, gold, same", [
    ("campaigns", {"name": "Dân vận khéo"}, {"name": "“Dân vận khéo”"}, True),
    ("campaigns", {"name": "Chung sức xây dựng nông thôn mới kiểu mẫu"},
     {"name": "Chung sức xây dựng nông thôn mới"}, True),                   # 7 of 9 words
    ("campaigns", {"name": "Ngày thứ Bảy văn minh"}, {"name": "Ngày thứ Bảy tình nguyện"}, False),
    ("directives", {"type": "Chỉ thị", "symbol": "05-CT/TW"}, {"type": "Chỉ thị", "symbol": "05 - CT/TW"}, True),
    ("directives", {"type": "Chỉ thị", "symbol": "05-CT/TW"}, {"type": "Chỉ thị", "symbol": "05-ct/tw"}, True),
    ("directives", {"type": "Chỉ thị", "number": "5"}, {"type": "Chỉ thị", "number": "05"}, True),
    ("directives", {"type": "Kế hoạch", "number": "05"}, {"type": "Chỉ thị", "number": "05"}, False),
    ("directives", {"text": "Luật Thi đua, khen thưởng năm 2022"}, {"text": "Luật Thi đua, khen thưởng"}, True),
    ("dates", {"value": "2023-06-10"}, {"value": "--06-10", "end": None}, True),
    ("dates", {"value": "2016", "range_end": "2020"}, {"value": "2016", "end": "2020"}, True),
    ("dates", {"value": "2016", "range_end": None}, {"value": "2016", "end": "2020"}, False),
    ("dates", {"value": "2016", "range_end": "2020"}, {"value": "2016", "range_end": "2020"}, True),  # our shape
    ("units", {"name": "UBND tỉnh Bến Tre"}, {"text": "ubnd tỉnh Bến Tre"}, True),
    ("units", {"name": "Hội Nông dân xã Mỹ Hòa"}, {"text": "Hội Nông dân xã"}, True),    # 15 of 22 chars
    ("units", {"name": "Sở Giáo dục và Đào tạo tỉnh Bến Tre"}, {"text": "Bến Tre"}, False),
    ("units", {"name": "BHXH tỉnh", "canonical": "Bảo hiểm xã hội tỉnh"}, {"text": "Bảo hiểm xã hội tỉnh"}, True),
    ("indicators", {"value": 11991.0, "unit": "người lao động"}, {"value": 11991, "unit": "người"}, True),
    ("indicators", {"value": 11991.0, "unit": "hộ"}, {"value": 11991, "unit": "người"}, False),
    ("indicators~value", {"value": 11991.0, "unit": "hộ"}, {"value": 11991, "unit": "người"}, True),
    ("achievements", {"type": "merit_certificate", "text": "được tặng Bằng khen của UBND tỉnh"},
     {"type": "merit_certificate", "cue": "tặng bằng khen"}, True),
    ("achievements", {"type": "exemplar", "text": "được tặng Bằng khen của UBND tỉnh"},
     {"type": "merit_certificate", "cue": "tặng bằng khen"}, False),
])
def test_match_rules(kind, pred, gold, same):
    assert KEYS[kind](pred, gold) is same


def test_pairs_are_greedy_in_gold_order():
    gold = [{"value": "2020"}, {"value": "2021"}]
    pred = [{"value": "2021"}, {"value": "2020"}, {"value": "2020"}]
    assert match(pred, gold, KEYS["dates"]) == [(1, 0), (0, 1)]


def test_distinct_kinds_count_once_and_metadata_rules():
    text = "Phong trào “Dân vận khéo” của tỉnh Bến Tre; phong trào “Dân vận khéo” lan rộng ở Bến Tre."
    gold = {"title": "Dân vận khéo", "published": "2023-05-01", "authors": ["Minh Anh", "Thu Hà"],
            "outlet": None, "campaigns": [{"name": "Dân vận khéo"}, {"name": "Dân vận khéo"}],
            "units": [{"text": "Bến Tre"}], "dates": [], "indicators": [], "directives": [],
            "achievements": [], "achievement_types": []}
    rec = {"id": "x", "text": text, "title": "“Dân vận khéo”", "published": "2023-05-01T07:00:00+07:00",
           "authors": ["thu hà", "Minh Anh"], "outlet": "",
           "campaigns": [{"name": "Dân vận khéo"}] * 2,
           "units": [{"name": "tỉnh Bến Tre"}, {"name": "Bến Tre"}, {"name": "bến tre"}]}
    report = Report()
    score_record(report, rec, gold)
    assert (report.scores["campaigns"].tp, report.scores["campaigns"].fp, report.scores["campaigns"].fn) == (1, 0, 0)
    assert (report.scores["units"].tp, report.scores["units"].fp) == (1, 1)
    assert all(right == total == 1 for right, total in report.metadata.values())
    assert report.error_lines() == ["x\tunits\textra\tname='tỉnh Bến Tre'"]


def test_score_arithmetic():
    s = Score(tp=8, fp=2, fn=8)
    assert (s.precision, s.recall) == (0.8, 0.5)
    assert abs(s.f1 - 2 * 0.8 * 0.5 / 1.3) < 1e-12
    assert Score().f1 == 1.0
    assert (Score(fn=3).precision, Score(fp=3).recall) == (0.0, 0.0)   # nothing predicted, nothing found


@pytest.mark.skipif(not (DEV / "gold").is_dir() or not (SHARED / "tools" / "score.py").is_file(),
                    reason="../shared/dev is absent")
def test_same_figures_as_the_shared_scorer(tmp_path):
    from newsmine.pipeline import extract_articles
    from newsmine.sources import read

    records = [r.to_dict() for r in extract_articles(read([DEV / "texts"]))]
    pred = tmp_path / "dev.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "score.json"
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(pred), "--gold",
                           str(DEV / "gold"), "--json", str(out), "--errors"],
                          capture_output=True, text=True, check=True)
    theirs = json.loads(out.read_text(encoding="utf-8"))
    report = evaluate(DEV, records)
    assert report.articles == len(list((DEV / "gold").glob("*.json")))
    for name, (tp, n_pred, n_gold) in theirs["counts"].items():
        s = report.scores[name]
        assert (s.tp, s.tp + s.fp, s.tp + s.fn) == (tp, n_pred, n_gold), name
        assert [s.precision, s.recall, s.f1] == pytest.approx(theirs["fields"][name], abs=1e-12), name
    for name, accuracy in theirs["meta"].items():
        right, total = report.metadata[name]
        assert right / total == pytest.approx(accuracy, abs=1e-12), name
    their_errors = [line for line in done.stdout.splitlines() if line.count("\t") == 3]
    assert sorted(report.error_lines()) == sorted(their_errors)
