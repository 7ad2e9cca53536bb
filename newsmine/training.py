"""Training the achievement classifier (``newsmine train``) and judging it by cross-validation.

Examples are the cue candidates of :func:`newsmine.extractors.achievements.candidates` that
no veto word drops, labelled by gold: a candidate inside (corpus) or overlapping (development set) a gold
achievement takes its type, any other is ``none``. Two sources:

* ``corpora/``: our own articles and gold;
* the development set ``../shared/dev`` (real articles, not ours): its texts are read from
  there when present; the project keeps only pointers to its gold achievements
  (``corpora/dev_achievements.tsv``: article id, offsets into the text as newsmine reads it,
  type, and a short hash of the pointed text), never the text itself.

Cues of the shared dump ``../shared/dumps/vnnews-2017.jsonl.gz`` (real articles of every topic),
labelled one by one by the team after ``annotation.md`` (``corpora/dump_achievements.tsv``:
pointers of the same kind, each to one candidate's cue) are a test of the shipped model
(:func:`dump_examples`, ``benchmarks/measure_dump_cues.py``), not training data: trained on
as well, they lowered the cross-validated dev figures (measured; see the README).

Folds are by article (round robin over sorted ids), so no article is in both the training and
the test side. The shipped model is fitted on everything, with a fixed regularisation (not
tuned on the data it reports), and is reproducible to the byte.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from . import classify
from .classify import NONE, Model
from .records import Article, Record

DEV_LABELS = "dev_achievements.tsv"
#: verbs a cue may open with ("đoạt giải", "giành 2 giải"), set aside when cues are compared
_CUE_VERBS = frozenset("đoạt đạt giành mang về được nhận trao tặng".split())
DUMP_LABELS = "dump_achievements.tsv"
DUMP = "vnnews-2017.jsonl.gz"
_LINE_ID = re.compile(rb'"id":\s{0,4}"([^"\\]{1,100})"')
C = 4.0


@dataclass
class Example:
    article: str
    features: list[str]
    label: str


def _prepared(article: Article):
    """A Document with every extractor before ``achievements`` run on it."""
    from .document import Document
    from .pipeline import Pipeline

    return Pipeline.before("achievements").run(Document(article))


def _examples(article: Article, spans: list[tuple[int, int, str]], inside: bool) -> list[Example]:
    from .extractors.achievements import candidates, vetoed

    from .candidates import of

    doc = _prepared(article)
    context = classify.article_context(article.text, of(doc))
    labelled = []
    for c in candidates(doc):
        if vetoed(article.text, c):
            continue  # dropped before the classifier at extraction: nothing to learn from it
        if inside:
            label = next((t for s, e, t in spans if s <= c.start and c.end <= e), NONE)
        else:
            label = next((t for s, e, t in spans if s < c.end and c.start < e), NONE)
        labelled.append((c, label))
    # Gold of annotation.md's shape names each distinct achievement once: another mention of
    # the same cue in the article may state the same achievement again, so it is no evidence
    # of "none" and is left out (our corpus lists every mention, so nothing is left out there).
    named = {_cue_key(c.cue) for c, label in labelled if label != NONE}
    return [Example(article.id, classify.features(article.text, c, context), label)
            for c, label in labelled if inside or label != NONE or _cue_key(c.cue) not in named]


def _cue_key(cue: str) -> str:
    """What a cue names, whatever verb or count comes with it: "đoạt Giải Báo chí quốc gia",
    "Giải Báo chí Quốc gia" → "giải báo chí quốc gia"; "đoạt 4 giải Ba" → "giải ba"."""
    words = classify._shape(" ".join(cue.lower().split())).split()
    while len(words) > 1 and (words[0] in _CUE_VERBS or words[0] == "<n>"):
        words = words[1:]
    return " ".join(words)


def corpus_articles(corpus: Path) -> list[Article]:
    from .sources import read

    return list(read([corpus / "articles"]))


def gold_spans(achievements: list[dict], text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of every clause that states a gold achievement: its ``text`` and the
    texts of its ``mentions`` (headline, lead, body), at every place the clause occurs."""
    spans = set()
    for g in achievements:
        for clause in {g.get("text") or "", *((m.get("text") or "") for m in g.get("mentions") or [])}:
            at = text.find(clause) if clause else -1
            while at >= 0:
                spans.add((at, at + len(clause), g["type"]))
                at = text.find(clause, at + 1)
    return sorted(spans)


def corpus_examples(corpus: Path, articles: Iterable[Article] | None = None) -> list[Example]:
    """Examples of our corpus: a candidate inside a clause stating a gold achievement takes its type."""
    from .evaluate import load_gold

    gold = load_gold(corpus)
    out: list[Example] = []
    for article in articles if articles is not None else corpus_articles(corpus):
        if article.id not in gold:
            continue
        out += _examples(article, gold_spans(gold[article.id].get("achievements") or [], article.text), inside=True)
    return out


# ---------------------------------------------------------------- the development set

def dev_dir(corpus: Path) -> Path | None:
    """``../shared/dev`` beside the project (or ``$NEWSMINE_DEV``), when its texts are there."""
    env = os.environ.get("NEWSMINE_DEV")
    root = Path(env) if env else corpus.resolve().parent.parent / "shared" / "dev"
    return root if (root / "texts").is_dir() else None


def dev_articles(dev: Path) -> list[Article]:
    from .sources import read

    return list(read([dev / "texts"]))


def _digest(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:10]


def _norm(s: str) -> str:
    """The shared scorer's normalisation (tools/score.py ``norm``)."""
    s = unicodedata.normalize("NFC", s or "").casefold()
    s = re.sub(r"[“”\"'‘’«»()\[\]]", " ", s)
    return re.sub(r"[\s\-–—]+", " ", s).strip(" .,:;")


def dev_gold(dev: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((dev / "gold").glob("*.json")):
        g = json.loads(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))
        out[str(g["id"])] = g
    return out


def dev_label_rows(dev: Path) -> list[tuple[str, int, int, str, str]]:
    """(article id, start, end, type, hash) of every dev gold achievement whose cue is found in
    the article text: successive gold entries with the same cue take successive occurrences."""
    gold = dev_gold(dev)
    rows = []
    for article in dev_articles(dev):
        g = gold.get(article.id)
        if not g:
            continue
        text, seen = article.text, {}
        if not g.get("achievements"):
            rows.append((article.id, -1, -1, NONE, ""))
        for a in g.get("achievements") or []:
            cue = a.get("cue") or ""
            at = text.find(cue, seen.get(cue, 0)) if cue else -1
            if at < 0 and cue:
                at = text.find(cue)
            if at < 0:
                continue
            seen[cue] = at + 1
            rows.append((article.id, at, at + len(cue), a["type"], _digest(cue)))
    return rows


def write_dev_labels(dev: Path, path: Path) -> int:
    rows = dev_label_rows(dev)
    lines = ["# Pointers to the gold achievements of ../shared/dev (real articles, not ours: their",
             "# text stays there). Offsets into the article text as newsmine reads it; hash = first",
             "# 10 hex digits of the SHA-1 of the pointed text. Written by newsmine.training.write_dev_labels.",
             "# id\tstart\tend\ttype\thash"]
    lines += ["\t".join(map(str, r)) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def read_dev_labels(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            aid, start, end, kind, digest = line.split("\t")
            out.setdefault(aid, []).append((int(start), int(end), kind, digest))
    return out


def dump_path(corpus: Path) -> Path | None:
    """The shared dump beside the project (or ``$NEWSMINE_DUMP``), when it is there."""
    env = os.environ.get("NEWSMINE_DUMP")
    path = Path(env) if env else corpus.resolve().parent.parent / "shared" / "dumps" / DUMP
    return path if path.is_file() else None


def dump_articles(dump: Path, ids: set[str]) -> list[Article]:
    """The dump's articles with these ids, read as ``newsmine extract`` reads the dump; only
    the lines whose ``id`` (near the start of the line) is wanted are parsed."""
    import gzip

    from .parallel import Lines

    out = []
    with gzip.open(dump, "rb") as stream:
        for n, line in enumerate(stream, 1):
            m = _LINE_ID.search(line, 0, 200)
            if m is not None and m[1].decode("utf-8", "replace") in ids:
                out += Lines(str(dump), dump.stem, n, 1, line).articles()
    return [a for a in out if a.id in ids]


def dump_examples(corpus: Path, only: set[str] | None = None) -> list[Example]:
    """Examples of the labelled dump cues (of the articles ``only``, or all): each pointer's
    candidate with its label; a pointer whose text no longer hashes the same, or that no
    candidate starts at, is left out."""
    labels = read_dev_labels(corpus / DUMP_LABELS)
    if only is not None:
        labels = {k: v for k, v in labels.items() if k in only}
    dump = dump_path(corpus) if labels else None
    if dump is None:
        return []
    from .candidates import of
    from .extractors.achievements import candidates, vetoed

    out: list[Example] = []
    for article in dump_articles(dump, set(labels)):
        text = article.text
        wanted = {(s, e): t for s, e, t, d in labels[article.id] if _digest(text[s:e]) == d}
        doc = _prepared(article)
        context = classify.article_context(text, of(doc))
        for c in candidates(doc):
            if (c.start, c.end) in wanted and not vetoed(text, c):
                out.append(Example(f"dump:{article.id}", classify.features(text, c, context),
                                   wanted[(c.start, c.end)]))
    return out


def dev_examples(corpus: Path, articles: Iterable[Article]) -> list[Example]:
    """Examples of the dev articles the pointer file covers; a pointer whose text no longer
    hashes the same is left out (the dev text changed)."""
    labels = read_dev_labels(corpus / DEV_LABELS)
    out: list[Example] = []
    for article in articles:
        if article.id not in labels:
            continue
        spans = [(s, e, t) for s, e, t, d in labels[article.id] if s >= 0 and _digest(article.text[s:e]) == d]
        out += _examples(article, spans, inside=False)
    return out


# ---------------------------------------------------------------- fitting

def fit_model(X: Sequence[list[str]], y: Sequence[str], *, c: float = C, meta: dict | None = None) -> Model:
    """A logistic regression over the features, as a :class:`Model`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    matrix = vec.fit_transform([{f: 1 for f in row} for row in X])
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    clf.fit(matrix, list(y))
    coef, intercept = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # binary: scikit-learn keeps one row, for the second class
        coef, intercept = [-coef[0], coef[0]], [-intercept[0], intercept[0]]
    return Model(classes=[str(k) for k in clf.classes_],
                 vocabulary={f: int(i) for f, i in vec.vocabulary_.items()},
                 coef=[[float(w) for w in row] for row in coef], intercept=[float(b) for b in intercept],
                 meta=dict(meta or {}))


def _fit(examples: Sequence[Example], **kw) -> Model:
    return fit_model([e.features for e in examples], [e.label for e in examples], **kw)


def folds_of(groups: Sequence[str], folds: int) -> list[set[str]]:
    """Article ids split into ``folds`` groups, deterministically (round robin over sorted ids)."""
    ids = sorted(set(groups))
    return [set(ids[i::folds]) for i in range(folds)]


@dataclass
class Sources:
    """Everything training reads: corpus and dev articles and their examples."""

    corpus: Path
    articles: list[Article]
    dev: list[Article]
    examples: list[Example]

    @classmethod
    def load(cls, corpus: str | Path, *, use_dev: bool = True) -> "Sources":
        corpus = Path(corpus)
        articles = corpus_articles(corpus)
        dev = dev_dir(corpus) if use_dev else None
        dev_list = dev_articles(dev) if dev else []
        labelled = read_dev_labels(corpus / DEV_LABELS)
        dev_list = [a for a in dev_list if a.id in labelled]
        return cls(corpus, articles, dev_list, corpus_examples(corpus, articles) + dev_examples(corpus, dev_list))


def cross_validated(sources: Sources, folds: int = 5, c: float = C) -> dict[str, Record]:
    """Every article (corpus and dev) extracted with a model fitted on the other folds only."""
    from .pipeline import extract_article

    everything = sources.articles + sources.dev
    records: dict[str, Record] = {}
    for held_out in folds_of([a.id for a in everything], folds):
        model = _fit([e for e in sources.examples if e.article not in held_out], c=c)
        with classify.using(model):
            for a in everything:
                if a.id in held_out:
                    records[a.id] = extract_article(a)
    return records


def cross_validated_corpus(corpus: str | Path, folds: int = 5) -> list[Record]:
    """The corpus records of :func:`cross_validated` (for ``newsmine eval corpora --cv``)."""
    sources = Sources.load(corpus)
    records = cross_validated(sources, folds)
    return [records[a.id] for a in sources.articles]


def _candidate_report(sources: Sources, folds: int, c: float) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    examples = sources.examples
    predicted = [""] * len(examples)
    for held_out in folds_of([e.article for e in examples], folds):
        model = _fit([e for e in examples if e.article not in held_out], c=c)
        for i, e in enumerate(examples):
            if e.article in held_out:
                predicted[i] = model.predict(e.features)[0]
    y = [e.label for e in examples]
    types = sorted(set(y) - {NONE})
    return {
        "candidates": len(y), "achievements": sum(label != NONE for label in y),
        "articles": len({e.article for e in examples}), "dev_articles": len(sources.dev),
        "folds": folds, "C": c,
        "cv_f1_micro_types": round(f1_score(y, predicted, labels=types, average="micro"), 4),
        "cv_f1_is_achievement": round(f1_score([v != NONE for v in y], [v != NONE for v in predicted]), 4),
    }


def train(corpus: str | Path, *, folds: int = 5, c: float = C, use_dev: bool = True) -> tuple[Model, dict[str, Any]]:
    """Fit on the corpus and the labelled dev articles; report ``folds``-fold cross-validated
    candidate F1 (folds by article)."""
    sources = Sources.load(corpus, use_dev=use_dev)
    report = _candidate_report(sources, folds, c)
    meta = {"trained_on": [Path(corpus).name] + (["shared/dev"] if sources.dev else []), **report}
    return _fit(sources.examples, c=c, meta=meta), report


def cross_validated_dev(corpus: str | Path = "corpora", folds: int = 5) -> list[Record]:
    """The dev-set records of :func:`cross_validated` (for ``newsmine eval ../shared/dev``): each dev
    article judged by a model that learned from the corpus and the other folds only."""
    sources = Sources.load(corpus)
    records = cross_validated(sources, folds)
    return [records[a.id] for a in sources.dev]
