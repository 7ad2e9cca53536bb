"""Full JSONL output over a fixed set of articles, to compare before and after a change.

    python benchmarks/snapshot.py -o /tmp/before.jsonl      # on the old code
    python benchmarks/snapshot.py -o /tmp/after.jsonl       # on the new code
    python benchmarks/snapshot.py --diff /tmp/before.jsonl /tmp/after.jsonl

Articles: the first --limit of the shared dump, the dev texts and corpora/articles.
``--diff`` prints, for each article whose record differs, the fields that differ.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def articles(dump: Path, limit: int):
    from newsmine import sources

    if dump.is_file():
        yield from itertools.islice(sources.read([dump]), limit)
    for folder in ((ROOT / "../shared/dev/texts").resolve(), ROOT / "corpora/articles"):
        if folder.is_dir():
            yield from sources.read([folder])


def write(out: Path, dump: Path, limit: int) -> None:
    from newsmine.pipeline import extract_article
    from newsmine.records import encode

    with out.open("wb") as f:
        for article in articles(dump, limit):
            # the checkout's own path written as <root>: checkouts in two folders compare equal
            f.write(encode(extract_article(article)).replace(str(ROOT).encode(), b"<root>") + b"\n")


def diff(a: Path, b: Path) -> int:
    left, right = a.read_text().splitlines(), b.read_text().splitlines()
    if len(left) != len(right):
        print(f"{len(left)} records against {len(right)}")
    changed = 0
    for n, (x, y) in enumerate(zip(left, right)):
        if x == y:
            continue
        changed += 1
        rx, ry = json.loads(x), json.loads(y)
        fields = [k for k in rx.keys() | ry.keys() if rx.get(k) != ry.get(k)]
        print(f"line {n} ({rx.get('id')}): {', '.join(sorted(fields))}")
        for k in sorted(fields):
            if isinstance(rx.get(k), list):
                gone = [m for m in rx[k] if m not in ry.get(k, [])]
                new = [m for m in ry.get(k, []) if m not in rx[k]]
                print(f"   {k} -{[m.get('text', m) if isinstance(m, dict) else m for m in gone]}"
                      f" +{[m.get('text', m) if isinstance(m, dict) else m for m in new]}")
    print(f"{changed} of {min(len(left), len(right))} records differ")
    return 1 if changed or len(left) != len(right) else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", type=Path)
    parser.add_argument("--dump", type=Path, default=(ROOT / "../shared/dumps/vnnews-2017.jsonl.gz").resolve())
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--diff", nargs=2, type=Path)
    args = parser.parse_args()
    if args.diff:
        return diff(*args.diff)
    write(args.o, args.dump, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
