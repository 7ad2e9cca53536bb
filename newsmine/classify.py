"""The achievement classifier: does a cue's clause report an achievement, and of which type?

Candidates come from the cue lexicon (``lang/vi/achievement_cues.tsv``); each
is described by a few dozen string features (the cue, the words around it, the
sentence and the headline). A scikit-learn logistic regression is trained on
``corpora/`` by ``newsmine train`` and shipped as JSON: the classes, the feature
vocabulary, the weights. Loading reads numbers, never code, so a model file
cannot run anything; scoring is a sparse dot product in plain Python, so
extraction never imports scikit-learn.

>>> model = load()                                      # doctest: +SKIP
>>> model.predict(["cue=bằng khen", "L1=tặng"])          # doctest: +SKIP
('merit_certificate', 0.97)
"""
from __future__ import annotations

import json
import math
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import regex

from .lang import vi

NONE = "none"
MODEL_RESOURCE = "achievements.json"
FORMAT = "newsmine-achievement-model/1"
_WORD = regex.compile(r"[\p{L}0-9]+")
_WINDOW = 6
_REACH = 300  # characters of the sentence read on each side of a cue
_CLAUSE_BREAK = regex.compile(r"[;:]|,\s(?=(?:và\s|nhưng\s)?\p{Lu})")


@dataclass(frozen=True)
class Candidate:
    """A cue in its sentence: offsets into the article text."""

    cue: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@cache
def _negations() -> frozenset[str]:
    return frozenset(vi.column("achievement_negations"))


@cache
def _context_pattern() -> regex.Pattern[str]:
    from .text import alternation

    words = [w for w, role in vi.rows("campaign_context") if role == "context"] + ["thành tích", "thi đua"]
    return regex.compile(rf"(?<!\p{{L}}){alternation(words)}(?!\p{{L}})", regex.IGNORECASE)


_context_cache: dict[int, tuple[str, str]] = {}


def context_bucket(text: str) -> str:
    """How much the article speaks of emulation work: "0", "1-2", "3-5" or "6+" context words."""
    key = id(text)
    hit = _context_cache.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    n = sum(1 for _ in _context_pattern().finditer(text))
    bucket = "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6+"
    if len(_context_cache) > 64:
        _context_cache.clear()
    _context_cache[key] = (text, bucket)
    return bucket


@cache
def _lexicon_type(cue: str) -> str:
    table = {k: v for k, v in vi.rows("achievement_cues")}
    if cue in table:
        return table[cue]
    return "target_exceeded" if cue.startswith("vượt") else "unknown"


def features(text: str, title: str | None, c: Candidate) -> list[str]:
    """String features of a candidate: the same function at training and at extraction time."""
    cue = " ".join(c.cue.lower().split())
    left_start = max(c.sentence_start, c.start - _REACH)
    left = _words(text[left_start:c.start])
    right = _words(text[c.end:min(c.sentence_end, c.end + _REACH)])
    near_left, near_right = left[-_WINDOW:], right[:_WINDOW]
    ctx = context_bucket(text)
    out = [f"cue={cue}", f"cue0={cue.split()[0]}", f"cap={c.cue[:1].isupper()}", f"lex={_lexicon_type(cue)}",
           f"ctx={ctx}", f"ctx_lex={ctx}_{_lexicon_type(cue)}"]
    out += [f"L={w}" for w in near_left] + [f"R={w}" for w in near_right]
    if near_left:
        out.append(f"L1={near_left[-1]}")
    if len(near_left) > 1:
        out.append(f"L2={near_left[-2]}_{near_left[-1]}")
    if near_right:
        out.append(f"R1={near_right[0]}")
    out += [f"S={w}" for w in set(left[:-_WINDOW] + right[_WINDOW:])]
    out += [f"T={w}" for w in set(_words(title or ""))]
    clause_left = " ".join(_words(_CLAUSE_BREAK.split(text[left_start:c.start])[-1])[-14:])
    negations = [n for n in _negations() if f" {n} " in f" {clause_left} "]
    out += [f"NEG={n}" for n in negations] + (["NEG"] if negations else [])
    if right and right[0].isdigit():
        out.append("R1=<num>")
    return out


@dataclass
class Model:
    classes: list[str]
    vocabulary: dict[str, int]
    coef: list[list[float]]          # classes × features
    intercept: list[float]
    meta: dict[str, Any]

    def scores(self, feats: Iterable[str]) -> list[float]:
        index = [self.vocabulary[f] for f in set(feats) if f in self.vocabulary]
        return [b + sum(row[i] for i in index) for row, b in zip(self.coef, self.intercept)]

    def predict(self, feats: Iterable[str]) -> tuple[str, float]:
        """The most likely class and its probability (softmax over the classes)."""
        s = self.scores(feats)
        top = max(s)
        exp = [math.exp(v - top) for v in s]
        best = max(range(len(s)), key=s.__getitem__)
        return self.classes[best], exp[best] / sum(exp)

    def to_json(self) -> str:
        """Stable bytes: sorted keys, weights rounded, so the same corpus gives the same file."""
        body = {"format": FORMAT, "classes": self.classes, "vocabulary": self.vocabulary,
                "coef": [[round(w, 6) for w in row] for row in self.coef],
                "intercept": [round(b, 6) for b in self.intercept], "meta": self.meta}
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, raw: str) -> "Model":
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError(f"not a newsmine achievement model (format {data.get('format')!r})")
        classes, vocabulary = list(data["classes"]), dict(data["vocabulary"])
        coef, intercept = data["coef"], data["intercept"]
        if len(coef) != len(classes) or len(intercept) != len(classes) or \
                any(len(row) != len(vocabulary) for row in coef):
            raise ValueError("model file is inconsistent: weights do not match classes and vocabulary")
        return cls(classes, vocabulary, [[float(w) for w in row] for row in coef],
                   [float(b) for b in intercept], dict(data.get("meta", {})))


_override: ContextVar[Model | None] = ContextVar("newsmine_achievement_model", default=None)


def current() -> Model | None:
    """The model extraction uses: one set with :func:`using`, else the shipped one."""
    return _override.get() or load()


@contextmanager
def using(model: Model) -> Iterator[None]:
    """Extract with ``model`` inside the block (cross-validated evaluation)."""
    token = _override.set(model)
    try:
        yield
    finally:
        _override.reset(token)


@cache
def load(path: str | None = None) -> Model | None:
    """The shipped model (or the one at ``path``); None when there is none, and extraction
    falls back to the cue lexicon's types."""
    try:
        if path is None:
            raw = resources.files("newsmine.models").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return Model.from_json(raw)


# ---------------------------------------------------------------- training

def training_set(corpus: Path) -> tuple[list[list[str]], list[str], list[str]]:
    """(features, label, article id) for every cue candidate of the corpus, labelled by the gold:
    a candidate inside a gold achievement takes its type, any other is ``none``."""
    from .document import Document
    from .evaluate import load_gold, locate
    from .extractors.achievements import candidates
    from .pipeline import Pipeline
    from .sources import read

    gold = load_gold(corpus)
    X, y, groups = [], [], []
    before = Pipeline.before("achievements")
    for article in read([corpus / "articles"]):
        if article.id not in gold:
            continue
        doc = before.run(Document(article))
        spans = [g for g in locate(gold[article.id].get("achievements") or [], article.text) if g]
        for c in candidates(doc):
            label = next((g["type"] for g in spans if g["start"] <= c.start and c.end <= g["end"]), NONE)
            X.append(features(article.text, article.title, c))
            y.append(label)
            groups.append(article.id)
    return X, y, groups


def fit_model(X: Sequence[list[str]], y: Sequence[str], *, c: float = 4.0, meta: dict | None = None) -> Model:
    """A logistic regression over the features, as a :class:`Model`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    matrix = vec.fit_transform([{f: 1 for f in row} for row in X])
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(matrix, list(y))
    coef, intercept = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # binary: scikit-learn keeps one row, for the second class
        coef, intercept = [-coef[0], coef[0]], [-intercept[0], intercept[0]]
    return Model(classes=[str(k) for k in clf.classes_],
                 vocabulary={f: int(i) for f, i in vec.vocabulary_.items()},
                 coef=[[float(w) for w in row] for row in coef], intercept=[float(b) for b in intercept],
                 meta=dict(meta or {}))


def folds_of(groups: Sequence[str], folds: int) -> list[set[str]]:
    """Article ids split into ``folds`` groups, deterministically (round robin over sorted ids)."""
    ids = sorted(set(groups))
    return [set(ids[i::folds]) for i in range(folds)]


def train(corpus: str | Path, *, folds: int = 5, c: float = 4.0) -> tuple[Model, dict[str, Any]]:
    """Fit on the whole corpus; report ``folds``-fold cross-validated F1 (folds by article).

    The regularisation ``c`` is fixed, not tuned, so the cross-validated figure is not
    chosen on the data it reports.
    """
    from sklearn.metrics import f1_score

    X, y, groups = training_set(Path(corpus))
    predicted = [""] * len(y)
    for held_out in folds_of(groups, folds):
        inside = [i for i, g in enumerate(groups) if g not in held_out]
        model = fit_model([X[i] for i in inside], [y[i] for i in inside], c=c)
        for i, g in enumerate(groups):
            if g in held_out:
                predicted[i] = model.predict(X[i])[0]
    types = sorted(set(y) - {NONE})
    is_achievement = [label != NONE for label in y]
    said_achievement = [label != NONE for label in predicted]
    report = {
        "candidates": len(y), "achievements": sum(is_achievement), "articles": len(set(groups)),
        "folds": folds, "C": c,
        "cv_f1_micro_types": round(f1_score(y, predicted, labels=types, average="micro"), 4),
        "cv_f1_macro_types": round(f1_score(y, predicted, labels=types, average="macro"), 4),
        "cv_f1_is_achievement": round(f1_score(is_achievement, said_achievement), 4),
        "cv_f1_per_type": {t: round(v, 4) for t, v in
                           zip(types, f1_score(y, predicted, labels=types, average=None))},
    }
    return fit_model(X, y, c=c, meta={"trained_on": Path(corpus).name, **report}), report
