"""The shipped extractor against cues of the shared dump labelled by hand (``corpora/dump_achievements.tsv``).

    python benchmarks/measure_dump_cues.py [--errors N]

Each labelled cue is a candidate the achievement extractor judged, in a real article of any
topic; the labels follow annotation.md (one of the nine types, or none). A cue counts as
extracted when a mention of an extracted achievement holds it; its type is that achievement's.
Prints precision and recall of "is an achievement", and how often the type is right. Exits 0
with a message when the dump is absent.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsmine.classify import NONE  # noqa: E402
from newsmine.pipeline import extract_article  # noqa: E402
from newsmine.training import DUMP_LABELS, _digest, dump_articles, dump_path, read_dev_labels  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong cues")
    args = parser.parse_args()
    corpus = ROOT / "corpora"
    labels = read_dev_labels(corpus / DUMP_LABELS)
    dump = dump_path(corpus)
    if dump is None or not labels:
        print("measurement skipped: the shared dump or the labels are not here")
        return 0
    counts, wrong = Counter(), []
    for article in dump_articles(dump, set(labels)):
        record = extract_article(article)
        spans = [(m.start, m.end, a.type.value) for a in record.achievements for m in a.mentions]
        for start, end, gold, digest in labels[article.id]:
            if _digest(article.text[start:end]) != digest:
                counts["stale"] += 1
                continue
            got = next((t for s, e, t in spans if s <= start and end <= e), NONE)
            counts["labelled"] += 1
            counts["gold"] += gold != NONE
            counts["extracted"] += got != NONE
            counts["both"] += gold != NONE and got != NONE
            counts["type_right"] += gold != NONE and got == gold
            if got != gold:
                wrong.append(f"{article.id}:{start}:{end}\tgold={gold}\tgot={got}\t"
                             f"{' '.join(article.text[max(0, start - 60):end + 40].split())}")
    p = counts["both"] / counts["extracted"] if counts["extracted"] else 0.0
    r = counts["both"] / counts["gold"] if counts["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{counts['labelled']:,} labelled cues ({counts['gold']:,} achievements) in {len(labels):,} dump articles; "
          f"{counts['stale']} stale")
    print(f"is an achievement: P {p:.3f} R {r:.3f} F1 {f:.3f}; type right on {counts['type_right']:,} of "
          f"{counts['gold']:,} ({counts['type_right'] / max(1, counts['gold']):.1%})")
    for line in wrong[:args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
