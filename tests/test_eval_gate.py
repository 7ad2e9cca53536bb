"""The evaluation gate: per-field F1 on corpora/ may not drop below these floors.

Raising a floor is a commit of its own; lowering one needs a reason in the commit message.
Floors sit a little under the scores measured when they were set (newsmine eval corpora).
Achievements are judged by the classifier trained on corpora/, so their floors use the
cross-validated report (newsmine eval corpora --cv 5): each article judged by a model that
never saw it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsmine.evaluate import evaluate

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
FLOORS = {
    "directives": 0.97,
    "dates": 0.97,
    "indicators": 0.95,
    "campaigns": 0.95,
    "units": 0.90,
}
CV_FLOORS = {"achievements": 0.90, "achievement_types": 0.95}
METADATA_FLOORS = {"title": 0.98, "published": 0.98, "authors": 0.98, "outlet": 0.98}


@pytest.fixture(scope="module")
def report():
    return evaluate(CORPUS)


@pytest.fixture(scope="module")
def cv_report():
    from newsmine.training import cross_validated_corpus

    return evaluate(CORPUS, cross_validated_corpus(CORPUS, 5))


def test_corpus_is_whole(report):
    assert report.articles >= 80
    assert not report.unlocated, report.unlocated[:5]


@pytest.mark.parametrize("field", list(FLOORS))
def test_field_floor(report, field):
    assert report.scores[field].f1 >= FLOORS[field], report.scores[field].as_dict()


@pytest.mark.parametrize("field", list(CV_FLOORS))
def test_cross_validated_floor(cv_report, field):
    assert cv_report.scores[field].f1 >= CV_FLOORS[field], cv_report.scores[field].as_dict()


@pytest.mark.parametrize("field", list(METADATA_FLOORS))
def test_metadata_floor(report, field):
    right, total = report.metadata[field]
    assert total and right / total >= METADATA_FLOORS[field]


#: Off-topic articles (sport, lottery, markets...) that still get a campaign or an achievement,
#: cross-validated, of 28: today two, a lottery company "vượt 4,3% kế hoạch" and steel samples
#: "đạt chuẩn" (the corpus has 20 off-topic articles written to hold such look-alike cues).
OFF_TOPIC_CEILING = 2


def test_off_topic_articles_stay_clean(cv_report):
    with_hits, total = cv_report.off_topic
    assert total >= 8 and with_hits <= OFF_TOPIC_CEILING
