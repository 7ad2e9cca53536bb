"""How well ``year`` stands for the article: over the shared dump, and with ``published`` hidden.

    python benchmarks/measure_year.py --dump ../shared/dumps/vnnews-2017.jsonl.gz

The dump (crawled in 2017) has no publication times, so every year there is an
estimate: it should be 2017, 2016 or null, almost never before 2010. On the
articles whose ``published`` is known (the bundled corpus and, when present,
the shared dev texts), the time is hidden before extraction and the estimate
compared with the true year.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsmine.document import Document  # noqa: E402
from newsmine.facts import year  # noqa: E402
from newsmine.pipeline import Pipeline  # noqa: E402
from newsmine.sources import read  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def estimate(pipeline: Pipeline, article) -> int | None:
    return year(pipeline.run(Document(article)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, default=ROOT.parent / "shared" / "dumps" / "vnnews-2017.jsonl.gz")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    pipeline = Pipeline(["dates"])
    if args.dump.is_file():
        years: Counter = Counter()
        for n, article in enumerate(read([args.dump])):
            if args.limit is not None and n >= args.limit:
                break
            years[estimate(pipeline, article)] += 1
        total = sum(years.values())
        good = years[2017] + years[2016] + years[None]
        early = sum(v for y, v in years.items() if y is not None and y < 2010)
        print(f"dump: {total:,} articles; 2017 {years[2017]:,}, 2016 {years[2016]:,}, null {years[None]:,} "
              f"→ {good / total:.1%}; before 2010: {early} ({early / total:.2%})")
        print("  other years:", ", ".join(f"{y}: {v}" for y, v in sorted(
            ((y, v) for y, v in years.items() if y not in (2016, 2017, None)), key=lambda x: x[0])))
    sources = [ROOT / "corpora" / "articles", ROOT.parent / "shared" / "dev" / "texts"]
    for source in (s for s in sources if s.is_dir()):
        right = wrong = none = 0
        for article in read([source]):
            if not (article.published and article.published[:4].isdigit()):
                continue
            hidden = msgspec.structs.replace(article, published=None)
            guess = estimate(pipeline, hidden)
            if guess is None:
                none += 1
            elif guess == int(article.published[:4]):
                right += 1
            else:
                wrong += 1
        total = right + wrong + none
        if total:
                print(f"{source.name} ({source.parent.name}), published hidden: {total} articles; right year {right} "
                  f"({right / total:.0%}), wrong {wrong}, null {none}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
