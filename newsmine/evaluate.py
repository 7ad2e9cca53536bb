"""Score extraction against the gold corpus (``corpora/``): the one place the matching rules live.

Gold mentions carry text but no offsets; each is located in the record's
``text`` by searching for its text after the previous gold mention of the
same kind with the same text (so repeated mentions land on successive
occurrences). A gold mention whose text is not in the record's text cannot be
matched and counts as missed.

A predicted mention **matches** a gold mention of the same kind when their
spans overlap and their key agrees:

============  ==========================================================
kind          key
============  ==========================================================
directives    ``type`` and ``symbol`` (``number`` when the gold has no symbol)
dates         ``value``, ``range_end`` and ``grain``
indicators    ``value`` (relative tolerance 1e-6) and ``unit``
units         ``name`` (case and spacing ignored)
campaigns     ``name`` (case, spacing and quote marks ignored)
achievements  ``type``
============  ==========================================================

Pairs are made greedily, largest overlap first, each mention used once.
Precision, recall and F1 are micro-averaged over the corpus.
``achievement_types`` is scored as a set per article (pairs of article and
type). Attribute accuracy (``issuer``, ``qualifier``, ``kind``...) is reported
over matched pairs; ``title``, ``published``, ``authors`` and ``outlet`` as
exact-match accuracy per article.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .compare import loose as _fold, same_value as _same_value
from .kinds import kinds
from .records import Record

METADATA = ("title", "published", "authors", "outlet")
MENTION_KINDS = tuple(kinds())
FIELDS = (*MENTION_KINDS, "achievement_types")


#: Each kind's matching key and scored attributes, as the kind declares them (``newsmine.kinds``).
KEYS: dict[str, Callable[[dict, dict], bool]] = {name: kind.key for name, kind in kinds().items()}
ATTRIBUTES: dict[str, tuple[str, ...]] = {name: kind.attributes for name, kind in kinds().items()}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    articles: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    attributes: dict[str, list[int]] = field(default_factory=dict)   # "kind.attr" → [right, total]
    metadata: dict[str, list[int]] = field(default_factory=lambda: {m: [0, 0] for m in METADATA})
    unlocated: list[str] = field(default_factory=list)
    off_topic: list[int] = field(default_factory=lambda: [0, 0])     # [with campaign/achievement, total]
    errors: dict[str, list[dict]] = field(default_factory=dict)      # id → misses and false hits

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "fields": {k: s.as_dict() for k, s in self.scores.items()},
            "attributes": {k: round(r / t, 4) if t else None for k, (r, t) in sorted(self.attributes.items())},
            "metadata": {k: round(r / t, 4) if t else None for k, (r, t) in self.metadata.items()},
            "off_topic_with_campaign_or_achievement": self.off_topic,
            "unlocated_gold_mentions": self.unlocated,
        }


def locate(gold: list[dict], text: str) -> list[dict | None]:
    """Gold mentions with ``start``/``end`` found in ``text``, or None where the text is absent.

    One pointer moves forward through the text for each kind, so "Tỉnh ủy" listed
    after "Ban Thường vụ Tỉnh ủy" is found after it, not inside it; a mention not
    found ahead of the pointer is searched again from its own previous occurrence.
    """
    pointer = 0
    cursor: dict[str, int] = {}
    out: list[dict | None] = []
    for m in gold:
        t = m.get("text") or ""
        at = text.find(t, pointer) if t else -1
        if at < 0 and t:
            at = text.find(t, cursor.get(t, 0))
        if at < 0:
            out.append(None)
            continue
        cursor[t] = at + 1
        pointer = max(pointer, at + len(t))
        out.append({**m, "start": at, "end": at + len(t)})
    return out


def match(pred: list[dict], gold: list[dict], same: Callable[[dict, dict], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), largest overlap first."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if overlap > 0 and same(p, g):
                candidates.append((-overlap, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_record(report: Report, record: Record, gold: dict[str, Any]) -> None:
    rec = record.to_dict()
    report.articles += 1
    errors: list[dict] = []
    for kind in MENTION_KINDS:
        located = locate(gold.get(kind) or [], rec["text"])
        for g in gold.get(kind) or []:
            if g.get("text") and g["text"] not in rec["text"]:
                report.unlocated.append(f"{record.id} {kind}: {g['text']!r}")
        golds = [g for g in located if g is not None]
        preds = rec[kind]
        pairs = match(preds, golds, KEYS[kind])
        score = report.scores[kind]
        score.tp += len(pairs)
        score.fp += len(preds) - len(pairs)
        score.fn += len(located) - len(pairs)
        for i, j in pairs:
            for attr in ATTRIBUTES[kind]:
                right_total = report.attributes.setdefault(f"{kind}.{attr}", [0, 0])
                right_total[1] += 1
                right_total[0] += _attr_equal(attr, preds[i].get(attr), golds[j].get(attr))
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        errors += [{"kind": kind, "false": _brief(p)} for i, p in enumerate(preds) if i not in matched_p]
        errors += [{"kind": kind, "missed": _brief(g)} for j, g in enumerate(golds) if j not in matched_g]
    pred_types, gold_types = set(rec["achievement_types"]), set(gold.get("achievement_types") or [])
    types = report.scores["achievement_types"]
    types.tp += len(pred_types & gold_types)
    types.fp += len(pred_types - gold_types)
    types.fn += len(gold_types - pred_types)
    for name in METADATA:
        if name in gold:
            report.metadata[name][1] += 1
            report.metadata[name][0] += rec.get(name) == gold.get(name)
    if gold.get("topic") == "other":
        report.off_topic[1] += 1
        report.off_topic[0] += bool(rec["campaigns"] or rec["achievements"])
    if errors:
        report.errors[record.id] = errors


def _attr_equal(attr: str, pred: Any, gold: Any) -> bool:
    if attr in ("issuer", "launched_by", "recipient", "conferred_by", "metric", "canonical"):
        return _fold(pred) == _fold(gold)
    return _same_value(pred, gold) if isinstance(gold, (int, float)) else pred == gold


def _brief(m: dict) -> dict:
    return {k: v for k, v in m.items() if k not in ("start", "end") and v not in (None, [], "")}


def _cross_validated(corpus: Path, folds: int) -> list[Record]:
    from . import classify
    from .pipeline import extract_article
    from .sources import read

    X, y, groups = classify.training_set(corpus)
    articles = list(read([corpus / "articles"]))
    records: list[Record] = []
    for held_out in classify.folds_of([a.id for a in articles], folds):
        inside = [i for i, g in enumerate(groups) if g not in held_out]
        model = classify.fit_model([X[i] for i in inside], [y[i] for i in inside])
        with classify.using(model):
            records += [extract_article(a) for a in articles if a.id in held_out]
    return records


def load_gold(corpus: Path) -> dict[str, dict[str, Any]]:
    gold = {}
    for path in sorted((corpus / "gold").glob("*.json")):
        gold[path.stem] = json.loads(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))
    return gold


def evaluate(corpus: str | Path, records: Iterable[Record] | None = None, *, cv: int = 0) -> Report:
    """Extract every article of ``corpus/articles`` (unless ``records`` are given) and score it.

    With ``cv`` folds, each article's achievements are judged by a classifier trained on
    the other folds only, so the achievement figures are not measured on training data.
    """
    from .pipeline import extract_articles
    from .sources import read

    corpus = Path(corpus)
    gold = load_gold(corpus)
    if records is None:
        records = extract_articles(read([corpus / "articles"])) if not cv else _cross_validated(corpus, cv)
    report = Report()
    for record in records:
        if record.id in gold:
            score_record(report, record, gold[record.id])
    return report
