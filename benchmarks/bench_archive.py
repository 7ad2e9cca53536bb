"""Archive figures on the shared dump: indexing time, size, memory, re-indexing, search latency.

    python benchmarks/bench_archive.py --dump ../shared/dumps/vnnews-2017.jsonl.gz
    python benchmarks/bench_archive.py --limit 3000 --db postgresql://newsmine@127.0.0.1:5433/bench

``--limit`` takes the dump's first articles only; ``--db`` names the archive: a file, or a
PostgreSQL URL (its database is dropped first; the size is ``pg_database_size``).

Indexing includes extraction. Search latency is measured over 50 queries (plain words, words
typed without accents, phrases, filtered queries), each run once after one warm-up pass.
Exits 0 with a message when the dump is absent.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsmine.archive import Archive
from newsmine.parallel import index_items
from newsmine.sources import read as _read  # noqa: E402

QUERIES = [
    # plain words, with accents
    "thi đua", "khen thưởng", "bảo hiểm xã hội", "nông thôn mới", "Đảng", "bóng đá", "giá vàng", "học sinh",
    "Công an", "doanh nghiệp", "Quốc hội", "giáo dục", "bệnh viện", "xuất khẩu", "Hà Nội",
    # the same kind typed without accents
    "thi dua", "khen thuong", "bao hiem xa hoi", "nong thon moi", "dang", "bong da", "gia vang", "hoc sinh",
    "cong an", "doanh nghiep", "quoc hoi", "giao duc", "benh vien", "xuat khau", "ha noi",
    # phrases and operators
    '"phong trào thi đua"', '"nông thôn mới"', '"Huân chương Lao động"', '"bằng khen"', "bóng OR đá",
    "thi* đua", '"hoàn thành xuất sắc nhiệm vụ"', "giá NOT vàng", '"tai nạn giao thông"', '"Bộ Chính trị"',
]
FILTERED = [
    ("thi đua", {"type": "merit_certificate"}), ("khen thưởng", {"year_from": 2017, "year_to": 2017}),
    ("nong thon moi", {"province": "Hà Nội"}), (None, {"type": "order_medal"}), ("học sinh", {"unit": "Trường"}),
    ("doanh nghiệp", {"directive": "NĐ-CP"}), (None, {"campaign": "nông thôn mới"}), ("dang", {"province": "Nghệ An"}),
    ("cong an", {"type": "exemplar"}), ("bảo hiểm", {"unit": "BHXH"}),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, default=Path("../shared/dumps/vnnews-2017.jsonl.gz"))
    parser.add_argument("--db", default=None,
                        help="archive file or postgresql:// URL (default: a fresh temporary file)")
    parser.add_argument("--limit", type=int, default=None, help="index the dump's first N articles only")
    parser.add_argument("--workers", type=int, default=1,
                        help="extract on a local Dask cluster of N workers, as `newsmine index --workers N`")
    args = parser.parse_args()
    if not args.dump.is_file():
        print(f"benchmark skipped: {args.dump} is not here")
        return 0
    db = args.db or str(Path(tempfile.mkdtemp()) / "archive.sqlite")
    postgres = db.startswith(("postgresql://", "postgres://"))
    if postgres:
        _drop(db)

    text_bytes = 0

    def articles(workers: int = 1):
        """The dump's articles, or with workers, its records extracted on a local Dask cluster, in order."""
        nonlocal text_bytes
        text_bytes = 0
        if workers > 1:
            items = index_items([str(args.dump)], workers=workers)
        else:
            items = _read([str(args.dump)], records=True)
        for item in itertools.islice(items, args.limit):
            text_bytes += len(item.text.encode())
            yield item

    started = time.perf_counter()
    with Archive(db, create=True) as archive:
        first = archive.index(articles(args.workers), fresh=args.workers > 1)
    index_s = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if postgres:
        with Archive(db, readonly=True) as archive:
            size_mb = archive.backend.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6
    else:
        size_mb = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*")) / 1e6

    started = time.perf_counter()
    with Archive(db) as archive:
        again = archive.index(articles())
    reindex_s = time.perf_counter() - started

    timings = []
    with Archive(db, readonly=True) as archive:
        cases = [(q, {}) for q in QUERIES] + FILTERED
        for q, f in cases:  # warm-up
            archive.search(q, limit=20, **f)
        for q, f in cases:
            t = time.perf_counter()
            archive.search(q, limit=20, **f)
            timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"index {first.read:,} articles ({first.added:,} added) in {index_s:.1f} s "
          f"({first.read / index_s:.0f} articles/s, {args.workers} worker(s)); peak memory {peak_mb:.0f} MB "
          f"(this process)")
    print(f"archive {size_mb:.0f} MB for {text_bytes / 1e6:.0f} MB of text ({size_mb * 1e6 / text_bytes:.2f}× the text)")
    print(f"re-index: {again.added} added, {again.skipped:,} skipped in {reindex_s:.1f} s "
          f"({reindex_s / index_s:.1%} of the first run)")
    print(f"search over {len(timings)} queries: median {statistics.median(timings):.1f} ms, "
          f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")
    return 0


def _drop(url: str) -> None:
    """A fresh start: drop the URL's database (the archive creates it again)."""
    import psycopg
    from psycopg import conninfo

    params = conninfo.conninfo_to_dict(url)
    name = params.pop("dbname")
    with psycopg.connect(conninfo.make_conninfo(**params, dbname="postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    sys.exit(main())
