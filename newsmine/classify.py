"""The achievement classifier: does a cue's clause report an achievement, and of which type?

Candidates come from the cue lexicon (``lang/vi/achievement_cues.tsv``); each
is described by a few dozen string features (the cue, the words around it, the
modality words of its clause, how much the article speaks of emulation work). A scikit-learn logistic regression is trained
(``newsmine train``, :mod:`newsmine.training`) and shipped as JSON: the classes, the feature
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
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import regex

from .lang import vi

if TYPE_CHECKING:  # pragma: no cover
    from .candidates import Candidates

NONE = "none"
WORD = "word"  # a word of achievement_negations.tsv that only holds a modality word ("chương trình")
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


def _whole_words(words: Iterable[str]) -> regex.Pattern[str]:
    from .text import alternation

    return regex.compile(rf"(?<!\p{{L}}){alternation(list(words))}(?!\p{{L}})", regex.IGNORECASE)


@cache
def modality_words() -> dict[str, str]:
    """Word → modality ("proposal", "plan", "condition", "revocation", "negation", "rule",
    "exhortation") from ``achievement_negations.tsv``."""
    return {r[0].lower(): r[1] for r in vi.rows("achievement_negations")}


@cache
def veto_words() -> dict[str, tuple[str, ...]]:
    """Word → where it vetoes a candidate: "clause" (anywhere in the clause before the cue),
    "near" (in the three words before it), "next" (right before it), "after" (in its clause just
    after it), from the third column of ``achievement_negations.tsv`` (comma-separated)."""
    return {r[0].lower(): tuple(r[2].split(",")) for r in vi.rows("achievement_negations") if len(r) > 2 and r[2]}


@cache
def _modality_pattern() -> regex.Pattern[str]:
    return _whole_words(modality_words())


def modality_matches(text: str) -> Iterator[regex.Match[str]]:
    """Every modality word of ``text`` as a match, in order (longest words first at a place)."""
    return _modality_pattern().finditer(text)


def modalities(text: str) -> list[tuple[str, str]]:
    """(word, modality) of every modality word in ``text``, in order."""
    table = modality_words()
    found = ((m.group().lower(), table[m.group().lower()]) for m in _modality_pattern().finditer(text))
    return [(word, modality) for word, modality in found if modality != WORD]


@cache
def _context_pattern() -> regex.Pattern[str]:
    words = [w for w, role in vi.rows("campaign_context") if role == "context"]
    return _whole_words(words + list(vi.column("achievement_context")))


@cache
def _outside_pattern() -> regex.Pattern[str]:
    return _whole_words(vi.column("achievement_outside"))


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6+"


def context_bucket(text: str) -> str:
    """How much the article speaks of emulation work: "0", "1-2", "3-5" or "6+" context words."""
    return _bucket(sum(1 for _ in _context_pattern().finditer(text)))


def article_context(text: str, hits: "Candidates | None" = None) -> tuple[str, str]:
    """What :func:`features` reads from the whole article, computed once per article: the
    emulation-context bucket and the sport/pageant/show bucket. With ``hits`` (the article's
    :class:`~newsmine.candidates.Candidates`), counted from them, without a pass of its own."""
    if hits is not None:
        return _bucket(hits.count_apart("achievement_context")), _bucket(hits.count_apart("achievement_outside"))
    return context_bucket(text), _bucket(sum(1 for _ in _outside_pattern().finditer(text)))


@cache
def _cue_types() -> dict[str, str]:
    return {vi.canonical(r[0]): r[1] for r in vi.rows("achievement_cues")}


@cache
def _lexicon_type(cue: str) -> str:
    table = _cue_types()
    if cue in table:
        return table[cue]
    return "target_exceeded" if cue.startswith("vượt") else "unknown"


def _shape(cue: str) -> str:
    """The cue with numbers folded and one spelling: "đoạt 45 giải" → "đoạt <n> giải"."""
    return " ".join("<n>" if w[:1].isdigit() or w in _NUMBER_WORDS else w for w in vi.canonical(cue).split())


_NUMBER_WORDS = frozenset("một hai ba bốn năm sáu bảy tám chín mười nhiều các".split())


def features(text: str, c: Candidate, context: tuple[str, str] | None = None) -> list[str]:
    """String features of a candidate: the same function at training and at extraction time.
    ``context`` is :func:`article_context` of ``text`` (computed here when not given). Only the
    words near the cue count, not the rest of the sentence nor the headline: with a few hundred
    articles those wider bags of words teach the model articles, not how an honour is told."""
    cue = _shape(" ".join(c.cue.lower().split()))
    left_start = max(c.sentence_start, c.start - _REACH)
    left_text = text[left_start:c.start]
    sentence_end = min(c.sentence_end, c.end + _REACH)
    left = _words(left_text)
    right = _words(text[c.end:sentence_end])
    near_left, near_right = left[-_WINDOW:], right[:_WINDOW]
    ctx, outside = context or article_context(text)
    lex = _lexicon_type(cue)
    out = [f"cue={cue}", f"cue0={cue.split()[0]}", f"cap={c.cue[:1].isupper()}", f"lex={lex}",
           f"ctx={ctx}", f"ctx_lex={ctx}_{lex}", f"out={outside}", f"out_lex={outside}_{lex}"]
    out += [f"L={w}" for w in near_left] + [f"R={w}" for w in near_right]
    if near_left:
        out.append(f"L1={near_left[-1]}")
    if len(near_left) > 1:
        out.append(f"L2={near_left[-2]}_{near_left[-1]}")
    if near_right:
        out.append(f"R1={near_right[0]}")
    clause_left = _CLAUSE_BREAK.split(left_text)[-1][-120:]
    for word, modality in modalities(clause_left):
        out += [f"MOD={modality}", f"MODW={word}", f"MOD_lex={modality}_{lex}"]
    for word, modality in modalities(text[c.end:min(sentence_end, c.end + 40)]):
        if modality == "condition":
            out.append("MOD_after=condition")
    for _ in _outside_pattern().finditer(text, c.sentence_start, c.sentence_end):
        out.append("OUT_sentence")
        break
    if text[c.sentence_start:c.sentence_end].rstrip().endswith("?"):
        out.append("QUESTION")
    if c.start < text.find("\n") or "\n" not in text:
        out.append("in_title")
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
        """Each class's intercept plus its weights of the known features (summed in one order)."""
        weights = self._by_feature
        rows = [weights[self.vocabulary[f]] for f in set(feats) if f in self.vocabulary]
        if not rows:
            return [b + 0 for b in self.intercept]  # as b + sum(()) gives
        return [b + sum(column) for b, column in zip(self.intercept, zip(*rows))]

    @cached_property
    def _by_feature(self) -> list[tuple[float, ...]]:
        """The weights by feature, then class: a feature's weights read at once."""
        return list(zip(*self.coef))

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
