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
import itertools
import os
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


def _cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def in_process(dump: Path, out: Path) -> dict[str, float]:
    started, cpu = time.perf_counter(), _cpu()
    summary = run_extract([str(dump)], open_writer(out, "jsonl"))
    return {"n": summary.articles, "wall": time.perf_counter() - started, "cpu": _cpu() - cpu}


def on_cluster(dump: Path, out: Path, workers: int) -> dict[str, float]:
    started = time.perf_counter()
    with parallel.connect(workers) as client:
        up = time.perf_counter() - started
        client.run(lambda: __import__("newsmine.pipeline").pipeline.extract_article)  # imports, as a run would
        before = client.run(_cpu)
        started, cpu = time.perf_counter(), _cpu()
        n = 0
        with out.open("wb") as f:
            for done in parallel.run(client, parallel.split([str(dump)])):
                f.write(done.jsonl)
                n += done.count
        wall, parent = time.perf_counter() - started, _cpu() - cpu
        spent = [after - before[w] for w, after in client.run(_cpu).items()]
        cpu = _cpu()
        client.gather(client.map(abs, range(-500, 0)))  # Dask's own cost per task, in the parent
        task = (_cpu() - cpu) / 500
    return {"n": n, "up": up, "wall": wall, "cpu": parent + sum(spent), "parent": parent, "busiest": max(spent),
            "task": task}


def _spin(n: int) -> float:
    started, total = time.perf_counter(), 0
    for i in range(n):
        total += i * i % 7
    return time.perf_counter() - started


def ceiling(n: int = 20_000_000) -> float:
    """What this machine gives two busy processes now: the speed-up of a pure-Python loop run twice at once."""
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_spin, [1000, 1000]))  # both processes up
        one = pool.submit(_spin, n).result()
        started = time.perf_counter()
        list(pool.map(_spin, [n, n]))
        return 2 * one / (time.perf_counter() - started)


def parent_share(dump: Path, out: Path) -> tuple[float, float]:
    """Seconds the parent spends per article whatever the workers do: cut the dump, unpickle results, write."""
    from newsmine.pipeline import extract_article

    started = time.perf_counter()
    parts = list(parallel.split([str(dump)]))
    cut_s = time.perf_counter() - started
    done = pickle.dumps((parallel.Done.of([extract_article(a) for a in itertools.islice(parts[0].articles(), 200)]),
                         []))
    started = time.perf_counter()
    with open(out, "wb") as f:
        for _ in range(20):
            result, _ = pickle.loads(done)
            f.write(result.jsonl)
    write_s = (time.perf_counter() - started) / (20 * result.count)
    n = sum(p.count for p in parts)
    return cut_s / n, write_s


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
        load_before = os.getloadavg()[0]
        serial = in_process(dump, folder / "serial.jsonl")
        runs = {w: on_cluster(dump, folder / f"w{w}.jsonl", w) for w in (1, 2)}
        anchor = ceiling()
        raw_bytes = sum(len(line) for line in gzip.open(dump, "rb"))
        out_bytes = (folder / "serial.jsonl").stat().st_size
        same = {digest(folder / "serial.jsonl")} == {digest(folder / f"w{w}.jsonl") for w in runs}
        cut_s, write_s = parent_share(dump, folder / "parent.jsonl")
    parent_s = cut_s + write_s

    n, cores = serial["n"], os.cpu_count() or 1
    rate = n / serial["wall"]
    print(f"{n:,} articles of {args.dump.name}; outputs byte-identical: {'yes' if same else 'NO'}; "
          f"{cores} cores, load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after")
    print(f"{'run':<18} {'start s':>8} {'run s':>8} {'articles/s':>11} {'speed-up':>9} {'CPU s':>8} "
          f"{'idle-core speed-up':>19}")
    print(f"{'in process':<18} {'':>8} {serial['wall']:>8.1f} {rate:>11.1f} {1:>9.2f} {serial['cpu']:>8.1f} "
          f"{1:>19.2f}")
    for w, run in runs.items():
        # on idle cores the run takes at least its busiest worker's CPU time, and all CPU time shared by the cores
        projected = serial["cpu"] / max(run["busiest"], run["cpu"] / min(cores, w + 1))
        print(f"{f'Dask, {w} worker' + ('s' if w > 1 else ''):<18} {run['up']:>8.1f} {run['wall']:>8.1f} "
              f"{run['n'] / run['wall']:>11.1f} {serial['wall'] / run['wall']:>9.2f} {run['cpu']:>8.1f} "
              f"{projected:>19.2f}")
    print(f"anchor: two pure-Python loops at once run {anchor:.2f}× one on this machine now; the 2-worker run "
          f"reached {serial['wall'] / runs[2]['wall'] / anchor:.0%} of that")
    cpu_rate = n / serial["cpu"]
    efficiency = min(1.0, serial["cpu"] / runs[2]["cpu"])
    per_article = parent_s + runs[2]["task"] / parallel.BATCH
    cap = 1 / per_article
    wire = (raw_bytes + out_bytes) / n  # through the parent's network link, per article
    print(f"per-core rate {cpu_rate:.0f} articles per CPU second; CPU efficiency on 2 workers {efficiency:.0%} "
          f"(the rest: workers' and parent's overhead)")
    print(f"parent: {runs[2]['parent'] / runs[2]['wall']:.0%} of a core during the 2-worker run; per article "
          f"{per_article * 1e6:.0f} µs (cutting {cut_s * 1e6:.0f}, taking back and writing {write_s * 1e6:.0f}, "
          f"Dask {runs[2]['task'] * 1e3:.1f} ms per task of {parallel.BATCH}): caps a run at {cap:,.0f} articles/s; "
          f"{wire / 1e3:.1f} kB per article through its network link ({125e6 / wire:,.0f} articles/s on 1 Gb/s)")
    print("10 million articles at that rate and efficiency, under the parent's cap (and its link's, on 1 Gb/s):")
    for workers in (8, 32, 128):
        throughput = min(cpu_rate * workers * efficiency, cap)
        on_gigabit = min(throughput, 125e6 / wire)
        print(f"  {workers:>4} workers: {throughput:>8,.0f} articles/s, {1e7 / throughput / 3600:>5.2f} h"
              + ("  (parent-bound)" if throughput == cap else "")
              + f"; on 1 Gb/s {1e7 / on_gigabit / 3600:.2f} h" + ("  (link-bound)" if on_gigabit < throughput else ""))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
