"""The scorer itself: locating gold mentions and pairing them (shared by eval and the gate)."""
from __future__ import annotations

from newsmine.evaluate import KEYS, Score, locate, match


def test_locate_moves_forward_through_nested_names():
    text = "Ban Thường vụ Tỉnh ủy họp. Sau đó Tỉnh ủy ra nghị quyết."
    located = locate([{"text": "Ban Thường vụ Tỉnh ủy"}, {"text": "Tỉnh ủy"}], text)
    assert [(m["start"], m["end"]) for m in located] == [(0, 21), (34, 41)]
    assert locate([{"text": "không có"}], text) == [None]


def test_match_needs_overlap_and_key():
    gold = [{"start": 0, "end": 10, "value": 5.0, "unit": "xã"}, {"start": 20, "end": 30, "value": 2.0, "unit": "%"}]
    pred = [{"start": 2, "end": 8, "value": 5.0, "unit": "xã"},      # right
            {"start": 20, "end": 30, "value": 2.0, "unit": "người"},  # wrong unit
            {"start": 40, "end": 45, "value": 2.0, "unit": "%"}]      # no overlap
    assert match(pred, gold, KEYS["indicators"]) == [(0, 0)]


def test_score_arithmetic():
    s = Score(tp=8, fp=2, fn=8)
    assert (s.precision, s.recall) == (0.8, 0.5)
    assert abs(s.f1 - 2 * 0.8 * 0.5 / 1.3) < 1e-12
    assert Score().f1 == 1.0
