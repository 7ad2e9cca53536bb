"""Score records against gold files: the one place the matching rules live.

One set of rules scores every gold set: those of ``annotation.md`` as the
shared scorer (``shared/tools/score.py``) applies them, reimplemented here so
the project runs without ``shared/``. A gold folder holds one JSON file per
article in either shape: annotation.md's (the real-article dev set, with
``dates[].end`` the range end and achievements named by ``cue``) or ours
(``corpora/gold``, the shape of a record with ``range_end`` and more
attributes per mention). Gold carries no offsets, so nothing is matched by
position; a gold mention matches a prediction by value:

============  ==========================================================
kind          a prediction matches a gold entry when
============  ==========================================================
campaigns     their normalised names are equal or share >= 70% of words
directives    same symbol (spaces and case ignored); or same number and
              type; or, for a gold without either, its text is inside the
              prediction's text
dates         same ``value`` (a gold "--06-10" matches any year) and, when
              the gold has a range end, the same range end
units         normalised names equal, or the shorter (>= 2 words) is inside
              the longer and at least 60% of its length
indicators    same value (relative tolerance 1e-6) and the same first word
              of the unit (``indicators~value``: the value alone)
achievements  same type and the gold ``cue`` inside the prediction's text;
              a gold of our shape without ``cue`` (see below): same type
              and the gold clause overlaps one of the prediction's mentions
============  ==========================================================

The one use of position: our corpus names an achievement by the whole clause
that states it (``text``), not by annotation.md's shortest ``cue``, and a
predicted clause is rarely the same string, nor inside it or around it (it
may start at the recipient where the gold starts at the cue). So such a gold
clause is located in the record's text (:func:`locate`) and matched by
overlap; a gold achievement that has a ``cue`` is matched by the cue alone.

Normalisation (:func:`norm`): NFC, case folded, quotes and brackets dropped,
spaces and dashes collapsed, edge punctuation stripped. Campaigns, directives
and units count once per distinct entry (:data:`DISTINCT`, applied to gold and
predictions alike), dates, indicators and achievements once per entry. Pairs
are made greedily: each gold entry in order takes the first unused prediction
that matches. Precision, recall and F1 are micro-averaged over the gold
articles. ``achievement_types`` is scored as a set per article. Metadata is
accuracy per gold article: ``title`` and ``outlet`` normalised, ``published``
by its date, ``authors`` as a set of normalised names. Attribute accuracy
(``issuer``, ``qualifier``, ``kind``...) is reported over the matched pairs
where the gold has the attribute (our shape only).
"""
from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .compare import indicator_value_match, norm
from .kinds import kinds
from .records import Record

METADATA = ("title", "published", "authors", "outlet")
MENTION_KINDS = tuple(kinds())
#: Each kind's scored attributes, as the kind declares them (``newsmine.kinds``).
ATTRIBUTES: dict[str, tuple[str, ...]] = {name: kind.attributes for name, kind in kinds().items()}
VALUE_ONLY = "indicators~value"
#: The fields a trained model decides (scored in-sample and cross-validated on the dev set).
LEARNED = ("achievements", "achievement_types")
FIELDS = (*MENTION_KINDS, VALUE_ONLY, "achievement_types")

#: kind → does prediction ``p`` match gold entry ``g`` (each kind's declared key), and the value-only row.
KEYS: dict[str, Callable[[dict, dict], bool]] = {
    **{name: kind.key for name, kind in kinds().items()}, VALUE_ONLY: indicator_value_match}
#: kinds counted once per distinct entry, and the key that makes entries the same.
DISTINCT: dict[str, Callable[[dict], str]] = {name: kind.distinct for name, kind in kinds().items() if kind.distinct}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

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
    errors: dict[str, list[tuple[str, str, dict]]] = field(default_factory=dict)  # id → (kind, missed|extra, entry)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "fields": {k: s.as_dict() for k, s in self.scores.items()},
            "attributes": {k: round(r / t, 4) if t else None for k, (r, t) in sorted(self.attributes.items())},
            "metadata": {k: round(r / t, 4) if t else None for k, (r, t) in self.metadata.items()},
            "off_topic_with_campaign_or_achievement": self.off_topic,
            "unlocated_gold_mentions": self.unlocated,
        }

    def error_lines(self) -> list[str]:
        """Misses and extras, one line each: ``id<TAB>kind<TAB>missed|extra<TAB>entry`` (as score.py --errors)."""
        return [f"{aid}\t{kind}\t{what}\t{_show(m)}" for aid, errs in self.errors.items() for kind, what, m in errs]


def _show(m: dict) -> str:
    keys = ("type", "name", "text", "cue", "value", "range_end", "unit", "symbol", "number")
    return " ".join(f"{k}={m[k]!r}" for k in keys if m.get(k) not in (None, "", []))[:160]


def locate(gold: list[dict], text: str) -> list[dict | None]:
    """Gold mentions with ``start``/``end`` found in ``text``, or None where the text is absent.

    Not used for scoring (that is by value); the achievement classifier labels its
    training candidates with it. One pointer moves forward through the text, so
    "Tỉnh ủy" listed after "Ban Thường vụ Tỉnh ủy" is found after it, not inside it;
    a mention not found ahead of the pointer is searched again from its own previous occurrence.
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


def _distinct(items: list[dict], key: Callable[[dict], str] | None) -> list[dict]:
    if key is None:
        return list(items)
    seen: set[str] = set()
    out = []
    for m in items:
        k = key(m)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out


def match(pred: list[dict], gold: list[dict], same: Callable[[dict, dict], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index): each gold entry in order takes the first unused match."""
    used: set[int] = set()
    pairs = []
    for j, g in enumerate(gold):
        i = next((i for i, p in enumerate(pred) if i not in used and same(p, g)), None)
        if i is not None:
            used.add(i)
            pairs.append((i, j))
    return pairs


def _metadata_right(name: str, pred: Any, gold: Any) -> bool:
    if name == "published":
        return str(gold or "")[:10] == str(pred or "")[:10]
    if name == "authors":
        return {norm(a) for a in gold or []} == {norm(a) for a in pred or []}
    return norm(gold) == norm(pred)


def score_record(report: Report, rec: dict[str, Any], gold: dict[str, Any], article_id: str = "") -> None:
    """Add one article to ``report``: ``rec`` is a record (or its dict; empty when it is missing)."""
    if isinstance(rec, Record):
        rec = rec.to_dict()
    article_id = article_id or str(rec.get("id") or gold.get("id"))
    report.articles += 1
    errors: list[tuple[str, str, dict]] = []
    text = rec.get("text") or ""
    for kind in (*MENTION_KINDS, VALUE_ONLY):
        base = kind.split("~")[0]
        golds = _distinct(gold.get(base) or [], DISTINCT.get(base))
        if base == "achievements" and not all(g.get("cue") for g in golds):
            golds = [g if g.get("cue") else (at or g) for g, at in zip(golds, locate(golds, text))]
        preds = _distinct(rec.get(base) or [], DISTINCT.get(base))
        pairs = match(preds, golds, KEYS[kind])
        score = report.scores[kind]
        score.tp += len(pairs)
        score.fp += len(preds) - len(pairs)
        score.fn += len(golds) - len(pairs)
        if kind == VALUE_ONLY:
            continue
        report.unlocated += [f"{article_id} {kind}: {g['text']!r}" for g in gold.get(kind) or []
                             if g.get("text") and g["text"] not in text]
        for i, j in pairs:
            for attr in ATTRIBUTES.get(kind, ()):
                if attr in golds[j]:
                    right_total = report.attributes.setdefault(f"{kind}.{attr}", [0, 0])
                    right_total[1] += 1
                    right_total[0] += _attr_equal(attr, preds[i].get(attr), golds[j][attr])
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        errors += [(kind, "missed", g) for j, g in enumerate(golds) if j not in matched_g]
        errors += [(kind, "extra", p) for i, p in enumerate(preds) if i not in matched_p]
    pred_types, gold_types = set(rec.get("achievement_types") or []), set(gold.get("achievement_types") or [])
    types = report.scores["achievement_types"]
    types.tp += len(pred_types & gold_types)
    types.fp += len(pred_types - gold_types)
    types.fn += len(gold_types - pred_types)
    for name in METADATA:
        report.metadata[name][1] += 1
        report.metadata[name][0] += _metadata_right(name, rec.get(name), gold.get(name))
    if gold.get("topic") == "other":
        report.off_topic[1] += 1
        report.off_topic[0] += bool(rec.get("campaigns") or rec.get("achievements"))
    if errors:
        report.errors[article_id] = errors


def _attr_equal(attr: str, pred: Any, gold: Any) -> bool:
    if attr in ("issuer", "launched_by", "award", "recipient", "conferred_by", "metric", "canonical"):
        return norm(pred) == norm(gold)
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return math.isclose(float(pred), float(gold), rel_tol=1e-6, abs_tol=1e-9)
    return pred == gold


def texts_dir(corpus: str | Path) -> Path | None:
    """The folder of article texts beside ``corpus/gold``: ``articles/`` (ours) or ``texts/`` (the dev set)."""
    corpus = Path(corpus)
    if not (corpus / "gold").is_dir():
        return None
    return next((corpus / d for d in ("articles", "texts") if (corpus / d).is_dir()), None)


def load_gold(corpus: Path) -> dict[str, dict[str, Any]]:
    gold = {}
    for path in sorted((Path(corpus) / "gold").glob("*.json")):
        g = json.loads(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))
        gold[str(g.get("id") or path.stem)] = g
    return gold


def evaluate(corpus: str | Path, records: Iterable[Record | dict] | None = None) -> Report:
    """Score ``records`` (by default: every article of the corpus's texts, extracted) against ``corpus/gold``.

    Every gold article is scored, a missing record as an empty one. Cross-validated records
    (each article's achievements judged by a classifier trained on the other folds) come from
    :func:`newsmine.training.cross_validated_corpus`.
    """
    from .pipeline import extract_articles
    from .sources import read

    corpus = Path(corpus)
    gold = load_gold(corpus)
    if records is None:
        texts = texts_dir(corpus) or corpus / "articles"
        records = extract_articles(read([texts]))
    by_id: dict[str, dict] = {}
    for r in records:
        d = r.to_dict() if isinstance(r, Record) else r
        by_id[str(d.get("id"))] = d
    report = Report()
    for article_id, g in gold.items():
        score_record(report, by_id.get(article_id, {}), g, article_id)
    return report
