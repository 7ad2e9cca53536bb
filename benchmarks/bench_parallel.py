"""Extraction on Dask: the shared dump in one process, then on local clusters of 1 and 2 worker processes.

    python benchmarks/bench_parallel.py --dump ../shared/dumps/vnnews-2017.jsonl.gz [--limit N]

Each run writes JSON Lines, as ``newsmine extract`` does, and the outputs must be
byte-identical. The cluster's start-up is timed apart from the run. The parent's
own share (reading and cutting the dump, taking records back, writing them) is
timed alone, which bounds what any number of workers can reach; the sizing
estimate for 10 million articles uses the measured per-core rate, the 2-worker
efficiency and that bound. A benchmark, not a test: it asserts no time. Exits 0
with a message when the dump is absent.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsmine import parallel  # noqa: E402
from newsmine.runner import run_extract  # noqa: E402
from newsmine.writers import open_writer  # noqa: E402


def cut(dump: Path, limit: int | None, folder: Path) -> Path:
    """The first ``limit`` lines of the dump (or the dump itself)."""
    if limit is None:
        return dump
    out = folder / "slice.jsonl.gz"
    with gzip.open(dump, "rb") as src, gzip.open(out, "wb", compresslevel=1) as dst:
        for _, line in zip(range(limit), src):
            dst.write(line)
    return out


def digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def in_process(dump: Path, out: Path) -> tuple[int, float]:
    started = time.perf_counter()
    summary = run_extract([str(dump)], open_writer(out, "jsonl"))
    return summary.articles, time.perf_counter() - started


def on_cluster(dump: Path, out: Path, workers: int) -> tuple[int, float, float]:
    started = time.perf_counter()
    with parallel.connect(workers) as client:
        up = time.perf_counter() - started
        client.run(lambda: __import__("newsmine.pipeline").pipeline.extract_article)  # imports, as a run would
        started = time.perf_counter()
        n = 0
        with out.open("wb") as f:
            for done in parallel.run(client, parallel.split([str(dump)])):
                f.write(done.jsonl)
                n += done.count
        return n, up, time.perf_counter() - started


def parent_share(dump: Path, out: Path) -> tuple[int, float]:
    """Seconds the parent spends per article whatever the workers do: cut the dump, unpickle results, write."""
    from newsmine.pipeline import extract_article

    started = time.perf_counter()
    parts = list(parallel.split([str(dump)]))
    cut_s = time.perf_counter() - started
    done = pickle.dumps((parallel.Done.of([extract_article(a) for a in itertools_take(parts[0].articles(), 200)]),
                         []))
    started = time.perf_counter()
    with open(out, "wb") as f:
        for _ in range(20):
            result, _ = pickle.loads(done)
            f.write(result.jsonl)
    write_s = (time.perf_counter() - started) / (20 * result.count)
    n = sum(p.count for p in parts)
    return cut_s / n, write_s


def itertools_take(iterable, n):
    import itertools

    return list(itertools.islice(iterable, n))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dump", type=Path, default=Path("../shared/dumps/vnnews-2017.jsonl.gz"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    if not args.dump.is_file():
        print(f"benchmark skipped: {args.dump} is not here")
        return 0
    with tempfile.TemporaryDirectory(prefix="newsmine-bench-") as tmp:
        folder = Path(tmp)
        dump = cut(args.dump, args.limit, folder)
        n, serial = in_process(dump, folder / "serial.jsonl")
        runs = {w: on_cluster(dump, folder / f"w{w}.jsonl", w) for w in (1, 2)}
        same = {digest(folder / "serial.jsonl")} == {digest(folder / f"w{w}.jsonl") for w in runs}
        cut_s, write_s = parent_share(dump, folder / "parent.jsonl")
    parent_s = cut_s + write_s

    rate = n / serial
    print(f"{n:,} articles of {args.dump.name}; outputs byte-identical: {'yes' if same else 'NO'}")
    print(f"{'run':<22} {'start s':>8} {'run s':>8} {'articles/s':>11} {'speed-up':>9}")
    print(f"{'in process':<22} {'':>8} {serial:>8.1f} {rate:>11.1f} {1:>9.2f}")
    for w, (count, up, seconds) in runs.items():
        print(f"{f'Dask, {w} worker' + ('s' if w > 1 else ''):<22} {up:>8.1f} {seconds:>8.1f} "
              f"{count / seconds:>11.1f} {serial / seconds:>9.2f}")
    efficiency = min(1.0, serial / runs[2][2] / 2)
    cap = 1 / parent_s
    print(f"per-core rate {rate:.0f} articles/s; 2-worker efficiency {efficiency:.0%}; "
          f"parent share {parent_s * 1e6:.0f} µs/article (cutting {cut_s * 1e6:.0f}, taking back and writing "
          f"{write_s * 1e6:.0f}; caps a run at {cap:,.0f} articles/s)")
    print("10 million articles, at that rate and efficiency, under that cap:")
    for workers in (8, 32, 128):
        throughput = min(rate * workers * efficiency, cap)
        print(f"  {workers:>4} workers: {throughput:>8,.0f} articles/s, {1e7 / throughput / 3600:>5.1f} h"
              + ("  (parent-bound)" if throughput == cap else ""))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
