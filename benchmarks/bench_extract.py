"""Extraction speed on the shared dump, beside tokenisation anchors measured in the same run.

    python benchmarks/bench_extract.py --dump ../shared/dumps/vnnews-2017.jsonl.gz

Figures are MB of UTF-8 article text per CPU second (one core), and each one's
ratio to the anchors (spaCy ``blank("vi")`` and underthesea ``word_tokenize``
on the same articles). Anchors are slow, so they run on a sample (--anchor-limit
articles), each the least of two runs, and the extractors are timed on that
same sample too, as well as on all the articles read (--limit). On the sample, each
step of the pipeline is timed on its own (the one-pass candidate finder first, then every extractor,
then the article facts), beside a plain single pass of the candidates'
automaton over the same texts: the limit any extractor works against.

Over all the articles read, the machine's speed may drift during the minutes the run takes (by a
fifth here), so the anchors are timed again beside the extractors, chunk by chunk: every
``--every``-th article of each chunk through spaCy and every ``4 × --every``-th through
``word_tokenize``, right after the chunk's own timings. The ratios of the rows on all the
articles are to those anchors, timed in the same minutes.
Exits 0 with a message when the dump is absent.
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsmine.document import Document  # noqa: E402
from newsmine.pipeline import Pipeline, extract_article  # noqa: E402
from newsmine.records import Article  # noqa: E402
from newsmine.sources.jsonl import from_object, mapping  # noqa: E402

EXACT = ("directives", "dates", "indicators")


def load(dump: Path, limit: int | None) -> tuple[list[dict], list[Article]]:
    import msgspec

    fields, raw, articles = mapping(None), [], []
    with gzip.open(dump, "rb") if dump.suffix == ".gz" else dump.open("rb") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            obj = msgspec.json.decode(line)
            raw.append(obj)
            articles.append(from_object(obj, fields, fallback_id=str(n), source=str(dump), warnings=[]))
    return raw, articles


def megabytes(articles: Sequence[Article]) -> float:
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1e6


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """CPU seconds of this process (MB/s per core, whatever else the machine runs), the least
    of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        fn()
        best = min(best, time.process_time() - started)
    return best


def run_extractors(articles: Sequence[Article], names: Sequence[str] | None) -> None:
    """The extractors of ``names`` and what they require (every kind for None), without records."""
    pipeline = Pipeline(names)
    for article in articles:
        pipeline.run(Document(article))


def steps(raw: Sequence[dict]) -> dict[str, float]:
    """Seconds spent in each step of the whole pipeline over the dump's objects ``raw``: metadata
    (the article read from its parts), the candidates, each extractor, the facts."""
    from newsmine.facts import facts

    try:
        from newsmine import candidates
    except ImportError:  # a version before the one-pass candidates
        candidates = None

    fields, pipeline = mapping(None), Pipeline()
    spent = dict.fromkeys(["metadata", "candidates", *pipeline.names, "facts"], 0.0)
    clock = time.process_time
    for obj in raw:
        t = clock()
        a = from_object(obj, fields, fallback_id="x", source="x", warnings=[])
        t, spent["metadata"] = clock(), spent["metadata"] + clock() - t
        doc = Document(a)
        if candidates is not None:
            candidates.of(doc)
        t, spent["candidates"] = clock(), spent["candidates"] + clock() - t
        for kind in pipeline.steps:
            doc.found[kind.name] = kind.extract(doc)
            now = clock()
            spent[kind.name] += now - t
            t = now
        facts(doc)
        spent["facts"] += clock() - t
    return spent


def plain_scan(articles: Sequence[Article]) -> float:
    """Seconds for one pass of the candidates' automaton over the lower-cased texts, hits dropped."""
    from newsmine.candidates import _automaton

    automaton = _automaton()[0]
    texts = [a.text for a in articles]
    return timed(lambda: [automaton.find_matches_as_indexes(t.lower(), overlapping=True) for t in texts])


def over_all(raw: Sequence[dict], articles: Sequence[Article], every: int, chunk: int = 500) -> dict[str, tuple[float, float]]:
    """{what: (MB, seconds)} over every article, in chunks: directives+dates+indicators, metadata and
    the whole pipeline, and after each chunk the anchors on a sample of it (every ``every``-th
    article through spaCy, every ``4 * every``-th through ``word_tokenize``), so that anchors and
    extractors are timed in the same minutes."""
    import spacy
    from underthesea import word_tokenize

    nlp, fields, clock = spacy.blank("vi"), mapping(None), time.process_time
    nlp("khởi động")
    word_tokenize("khởi động")
    spent = {"exact": 0.0, "whole": 0.0, "spacy": 0.0, "word_tokenize": 0.0}
    mb = {"spacy": 0.0, "word_tokenize": 0.0}
    for i in range(0, len(raw), chunk):
        objects, part = raw[i:i + chunk], articles[i:i + chunk]
        t = clock()
        run_extractors(part, EXACT)
        t, spent["exact"] = clock(), spent["exact"] + clock() - t
        for obj in objects:
            extract_article(from_object(obj, fields, fallback_id="x", source="x", warnings=[]))
        t, spent["whole"] = clock(), spent["whole"] + clock() - t
        for name, tokenise, step in (("spacy", nlp, every), ("word_tokenize", word_tokenize, 4 * every)):
            texts = [a.text for a in part[::step]]
            mb[name] += sum(len(x.encode("utf-8")) for x in texts) / 1e6
            t = clock()
            for x in texts:
                tokenise(x)
            spent[name] += clock() - t
    total = megabytes(articles)
    return {"directives+dates+indicators": (total, spent["exact"]), "metadata + whole pipeline": (total, spent["whole"]),
            'spaCy blank("vi")': (mb["spacy"], spent["spacy"]),
            "underthesea word_tokenize": (mb["word_tokenize"], spent["word_tokenize"])}


def anchors(articles: Sequence[Article], ner_sample: Sequence[Article]) -> dict[str, tuple[float, float]]:
    """{anchor: (MB, seconds)}; ner is far slower, so it runs on its own smaller sample."""
    import spacy
    from underthesea import ner, word_tokenize

    nlp = spacy.blank("vi")
    texts = [a.text for a in articles]
    nlp("khởi động")  # load pyvi before timing
    word_tokenize("khởi động")
    mb = megabytes(articles)
    out = {  # the least of two runs: a single one varied by a third from run to run
        'spaCy blank("vi")': (mb, timed(lambda: [nlp(t) for t in texts], repeat=2)),
        "underthesea word_tokenize": (mb, timed(lambda: [word_tokenize(t) for t in texts], repeat=2)),
    }
    if ner_sample:
        ner("khởi động")
        out["underthesea ner"] = (megabytes(ner_sample), timed(lambda: [ner(a.text) for a in ner_sample]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, default=Path("../shared/dumps/vnnews-2017.jsonl.gz"))
    parser.add_argument("--limit", type=int, default=None, help="articles to time the extractors on (all)")
    parser.add_argument("--anchor-limit", type=int, default=1000, help="articles for the anchor comparison")
    parser.add_argument("--ner-limit", type=int, default=20, help="articles for the (slow) ner anchor; 0 skips it")
    parser.add_argument("--every", type=int, default=10,
                        help="over all the articles, every N-th through spaCy beside the extractors (4N-th through word_tokenize)")
    args = parser.parse_args()
    if not args.dump.is_file():
        print(f"benchmark skipped: {args.dump} is not here")
        return 0

    t0 = time.perf_counter()
    raw, articles = load(args.dump, args.limit)
    read_s = time.perf_counter() - t0
    sample = articles[: args.anchor_limit]
    mb_all, mb_sample = megabytes(articles), megabytes(sample)
    [extract_article(a) for a in articles[:50]]  # warm the pattern caches and one-time imports

    rows: list[tuple[str, float, float, str]] = []
    base = anchors(sample, sample[: args.ner_limit])
    for name, (mb, seconds) in base.items():
        rows.append((name, mb, seconds, "ner" if name.endswith("ner") else "sample"))
    try:
        rows.append(("plain single-pass scan", mb_sample, plain_scan(sample), "sample"))
    except ImportError:
        pass
    for name, seconds in steps(raw[: args.anchor_limit]).items():
        rows.append((f"  {name}", mb_sample, seconds, "sample"))
    exact_sample = timed(lambda: run_extractors(sample, EXACT))
    full_sample = timed(lambda: [extract_article(a) for a in sample], repeat=2)
    rows.append(("directives+dates+indicators", mb_sample, exact_sample, "sample"))
    rows.append(("whole pipeline", mb_sample, full_sample, "sample"))
    everything = over_all(raw, articles, args.every)
    for name, (mb, seconds) in everything.items():
        rows.append((name, mb, seconds, "all"))

    rate_of = {on: (mb_of[0] / mb_of[1], ut[0] / ut[1]) for on, mb_of, ut in (
        ("sample", base['spaCy blank("vi")'], base["underthesea word_tokenize"]),
        ("all", everything['spaCy blank("vi")'], everything["underthesea word_tokenize"]))}
    rate_of["ner"] = rate_of["sample"]
    print(f"{len(articles):,} articles, {mb_all:.1f} MB of text read in {read_s:.1f} s; "
          f"anchor sample {len(sample):,} articles, {mb_sample:.2f} MB; one core; "
          f"rows on all: ratios to the anchors timed beside them (every {args.every}th article)")
    print(f"{'what':<30} {'on':>6} {'MB':>8} {'seconds':>9} {'MB/s':>8} {'× spaCy':>9} {'× word_tok':>11}")
    for name, mb, seconds, on in rows:
        rate = mb / seconds
        spacy_rate, ut_rate = rate_of[on]
        print(f"{name:<30} {on:>6} {mb:>8.2f} {seconds:>9.2f} {rate:>8.2f} {rate / spacy_rate:>9.2f} "
              f"{rate / ut_rate:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
