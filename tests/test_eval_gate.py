"""The evaluation gate: per-field F1 on corpora/ and on the real-article dev set may not drop below these floors.

Raising a floor is a commit of its own; lowering one needs a reason in the commit message.
Floors sit a little under the scores measured when they were set (newsmine eval corpora).
Achievements are judged by the classifier trained on corpora/, so their floors use the
cross-validated report (newsmine eval corpora --cv 5): each article judged by a model that
never saw it. The dev set (../shared/dev, independent gold) is scored by the same rules; its
floors are skipped only when ../shared/dev is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsmine.evaluate import evaluate

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
FLOORS = {
    "directives": 0.97,
    "dates": 0.97,
    "indicators": 0.95,
    "campaigns": 0.95,
    "units": 0.90,
}
CV_FLOORS = {"achievements": 0.90, "achievement_types": 0.95}
#: The dev set judged by classifiers that never saw its articles (5 folds by article): what new real
#: articles get. About 0.02 under main's (0.804 and 0.901).
DEV_CV_FLOORS = {"achievements": 0.78, "achievement_types": 0.88}
METADATA_FLOORS = {"title": 0.98, "published": 0.98, "authors": 0.98, "outlet": 0.98}
#: The dev set (newsmine eval ../shared/dev): F1 per field and metadata accuracy, about 0.02 under main's
#: figures when they were set (campaigns .964, directives .940, dates .995, units .801, indicators .979,
#: authors 1.000). Achievements are in-sample there (the shipped model learned from the dev articles:
#: .860 / types .971); their cross-validated figures (.69 / .87) are printed by `newsmine eval ../shared/dev`.
DEV_FLOORS = {
    "campaigns": 0.94,
    "directives": 0.92,
    "dates": 0.97,
    "units": 0.78,
    "indicators": 0.96,
    "achievements": 0.85,
    "achievement_types": 0.95,
    "title": 0.98,
    "published": 0.98,
    "authors": 0.98,
    "outlet": 0.98,
}


@pytest.fixture(scope="module")
def report():
    return evaluate(CORPUS)


@pytest.fixture(scope="module")
def dev_report():
    if not (DEV / "gold").is_dir():
        pytest.skip("../shared/dev is absent")
    return evaluate(DEV)


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


@pytest.fixture(scope="module")
def dev_cv_report():
    if not (DEV / "gold").is_dir():
        pytest.skip("../shared/dev is absent")
    from newsmine.training import cross_validated_dev

    return evaluate(DEV, cross_validated_dev(CORPUS, 5))


@pytest.mark.parametrize("field", list(DEV_CV_FLOORS))
def test_dev_cross_validated_floor(dev_cv_report, field):
    assert dev_cv_report.scores[field].f1 >= DEV_CV_FLOORS[field], dev_cv_report.scores[field].as_dict()


@pytest.mark.parametrize("field", list(METADATA_FLOORS))
def test_metadata_floor(report, field):
    right, total = report.metadata[field]
    assert total and right / total >= METADATA_FLOORS[field]


@pytest.mark.parametrize("name", list(DEV_FLOORS))
def test_dev_floor(dev_report, name):
    if name in dev_report.metadata:
        right, total = dev_report.metadata[name]
        assert total and right / total >= DEV_FLOORS[name], (right, total)
    else:
        assert dev_report.scores[name].f1 >= DEV_FLOORS[name], dev_report.scores[name].as_dict()


#: Off-topic articles (sport, lottery, markets...) that still get a campaign or an achievement,
#: cross-validated, of 28: none today (a result or a "tôn vinh" in an article that neither speaks
#: of emulation work nor reports an honour is dropped; the corpus has 20 off-topic articles
#: written to hold such look-alike cues: a lottery company "vượt 4,3% kế hoạch", steel "đạt chuẩn").
OFF_TOPIC_CEILING = 2


def test_off_topic_articles_stay_clean(cv_report):
    with_hits, total = cv_report.off_topic
    assert total >= 8 and with_hits <= OFF_TOPIC_CEILING
