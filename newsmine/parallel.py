"""Extraction on a Dask cluster: a local one of N worker processes, or an existing ``dask.distributed`` one.

The parent process splits the inputs into partitions and streams them to the
workers, at most a few per worker in flight, so memory stays flat however big
the dump: a JSON Lines dump (``.gz`` too) is cut into batches of raw lines,
other files are grouped a batch at a time and sent as bytes (the workers need
no shared disk). Workers parse and extract; the parent takes the results back
in input order, so what it writes is what one process would write. Problems a
worker meets travel back with its results and are reported by the parent; a
partition that fails as a whole is reported and the run goes on.

``bag(paths)`` is the notebook side: a ``dask.bag`` of records over partitions
that the workers read from disk themselves, and ``frames(bag)`` its tables as
dask DataFrames.
"""
from __future__ import annotations

import io
import itertools
import json
import logging
import sys
import threading
import zlib
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .sources import files, jsonl, walk
from .sources.problems import Problem, log

if TYPE_CHECKING:  # pragma: no cover
    from .records import Article, Record

BATCH = 256  # articles (or files) per partition
MAX_BYTES = 16 << 20  # and at most this much input per partition
logger = logging.getLogger("newsmine")


class ClusterError(Exception):
    """The Dask cluster asked for could not be started or reached."""


def default_extract() -> Callable[["Article"], "Record"]:
    from .pipeline import extract_article

    return extract_article


# ------------------------------------------------------------ partitions


@dataclass(frozen=True)
class Lines:
    """Consecutive lines of a JSON Lines dump, as raw bytes; ``first_line`` numbers the first."""

    where: str
    stem: str
    first_line: int
    count: int
    data: bytes
    fields: dict[str, str] | None = None

    @property
    def label(self) -> str:
        return f"{self.where}:{self.first_line}-{self.first_line + self.count - 1}"

    def articles(self) -> Iterator["Article"]:
        stream = io.BufferedReader(io.BytesIO(self.data))
        return jsonl.read(stream, self.where, self.fields, stem=self.stem, first_line=self.first_line)


@dataclass(frozen=True)
class Files:
    """Whole files: ``(name, bytes)``, or ``(name, None)`` for a worker to read from disk; ``-`` is stdin's bytes."""

    items: tuple[tuple[str, bytes | None], ...]
    input_format: str = "auto"
    fields: dict[str, str] | None = None

    @property
    def label(self) -> str:
        first, last = self.items[0][0], self.items[-1][0]
        return first if len(self.items) == 1 else f"{first} … {last} ({len(self.items)} files)"

    def articles(self) -> Iterator["Article"]:
        for name, data in self.items:
            if name == "-":
                yield from files.read_stream(io.BufferedReader(io.BytesIO(data or b"")), "<stdin>",
                                             self.input_format, self.fields)
            else:
                yield from files.read_file(Path(name), self.input_format, self.fields, data=data)


@dataclass(frozen=True)
class Slice:
    """Lines ``first_line`` … of a dump on disk (``offset``: their byte offset, for a plain file), read by a worker."""

    path: str
    first_line: int
    count: int
    offset: int | None
    fields: dict[str, str] | None = None

    @property
    def label(self) -> str:
        return f"{self.path}:{self.first_line}-{self.first_line + self.count - 1}"

    def articles(self) -> Iterator["Article"]:
        path = Path(self.path)
        with _open(path) as stream:
            if self.offset is not None:
                stream.seek(self.offset)
                lines = itertools.islice(stream, self.count)
            else:
                lines = itertools.islice(stream, self.first_line - 1, self.first_line - 1 + self.count)
            data = b"".join(lines)
        yield from Lines(self.path, files._stem(path), self.first_line, self.count, data, self.fields).articles()


def _open(path: Path):
    if path.suffix.lower() == ".gz":
        import gzip

        return gzip.open(path, "rb")
    return path.open("rb")


def _dump_head(stream, kind: str | None) -> bool:
    """Whether ``stream`` is a readable JSON Lines dump; anything else is left to a worker's reader."""
    try:
        head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
    except (OSError, EOFError, zlib.error):
        return False
    return bool(head) and files.binary_kind(head) is None and (kind or files.sniff(head)) == "jsonl"


def split(paths: Iterable[str | Path], *, input_format: str = "auto", fields: dict[str, str] | None = None,
          batch: int = BATCH) -> Iterator[Lines | Files]:
    """The inputs as partitions carrying their bytes, in input order (``newsmine extract``'s order)."""
    pending: list[tuple[str, bytes | None]] = []
    size = 0

    def flush() -> Iterator[Files]:
        nonlocal pending, size
        if pending:
            yield Files(tuple(pending), input_format, fields)
        pending, size = [], 0

    for path in walk(paths, input_format):
        kind = None if input_format == "auto" else input_format
        if path == "-":
            stream, where, stem = sys.stdin.buffer, "<stdin>", "stdin"
        else:
            where, stem = str(path), files._stem(path)
            kind = files.kind_of(path) if input_format == "auto" else input_format
            try:
                stream = _open(path)
            except OSError as exc:
                log(Problem(where, f"cannot open ({exc.strerror or exc})"))
                continue
        try:
            if _dump_head(stream, kind):
                yield from flush()
                yield from _line_batches(stream, where, stem, fields, batch)
                continue
            if path == "-":
                data = stream.read()
            else:
                raw = getattr(stream, "fileobj", stream)  # a .gz file goes as it is on disk
                raw.seek(0)
                data = raw.read()
        except OSError as exc:
            log(Problem(where, f"cannot read ({exc.strerror or exc})"))
            continue
        finally:
            if path != "-":
                stream.close()
        pending.append((where if path != "-" else "-", data))
        size += len(data)
        if len(pending) >= batch or size >= MAX_BYTES:
            yield from flush()
    yield from flush()


def _line_batches(stream, where: str, stem: str, fields, batch: int) -> Iterator[Lines]:
    lines: list[bytes] = []
    first = lineno = size = 0
    try:
        for lineno, raw in enumerate(stream, 1):
            if not lines:
                first = lineno
            lines.append(raw)
            size += len(raw)
            if len(lines) >= batch or size >= MAX_BYTES:
                yield Lines(where, stem, first, len(lines), b"".join(lines), fields)
                lines, size = [], 0
    except (OSError, EOFError, zlib.error) as exc:  # as the serial reader says it
        log(Problem(f"{where}:{lineno + 1}", f"cannot read further ({exc})"))
    if lines:
        yield Lines(where, stem, first, len(lines), b"".join(lines), fields)


def plan(paths: Iterable[str | Path], *, input_format: str = "auto", fields: dict[str, str] | None = None,
         batch: int = BATCH) -> list[Slice | Files]:
    """The inputs as partitions that name what to read (for a bag): dumps are scanned once for line offsets."""
    parts: list[Slice | Files] = []
    pending: list[tuple[str, bytes | None]] = []
    for path in walk(paths, input_format):
        if path == "-":
            raise ValueError("a bag reads files; standard input cannot be shared with workers")
        kind = files.kind_of(path) if input_format == "auto" else input_format
        try:
            stream = _open(path)
        except OSError as exc:
            log(Problem(str(path), f"cannot open ({exc.strerror or exc})"))
            continue
        with stream:
            if not _dump_head(stream, kind):
                pending.append((str(path), None))
                if len(pending) >= batch:
                    parts.append(Files(tuple(pending), input_format, fields))
                    pending = []
                continue
            if pending:
                parts.append(Files(tuple(pending), input_format, fields))
                pending = []
            offset: int | None = 0 if path.suffix.lower() != ".gz" else None
            for part in _line_batches(stream, str(path), "", fields, batch):
                parts.append(Slice(str(path), part.first_line, part.count, offset, fields))
                offset = None if offset is None else offset + len(part.data)
    if pending:
        parts.append(Files(tuple(pending), input_format, fields))
    return parts


# ------------------------------------------------------------ on a worker


class _Collect(logging.Handler):
    """The problems one task reports (this thread only: a worker may run several tasks at once)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.thread, self.problems = threading.get_ident(), []

    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, "problem", None)
        if isinstance(problem, Problem) and threading.get_ident() == self.thread:
            self.problems.append(problem)


@dataclass
class Done:
    """A partition's records as JSON lines, as ``newsmine extract`` writes them, and what the summary counts."""

    jsonl: bytes
    count: int
    chars: int
    with_warnings: int
    mentions: dict[str, int]

    @classmethod
    def of(cls, records: list["Record"]) -> "Done":
        from .kinds import names
        from .records import encode

        return cls(b"".join(encode(r) + b"\n" for r in records), len(records), sum(len(r.text) for r in records),
                   sum(bool(r.warnings) for r in records),
                   {kind: sum(len(getattr(r, kind)) for r in records) for kind in names()})

    def records(self) -> list["Record"]:
        import msgspec

        from .records import Record

        decoder = msgspec.json.Decoder(Record)
        return [decoder.decode(line) for line in self.jsonl.splitlines()]


def run_partition(part: Lines | Files | Slice, extract: Callable | None = None) -> tuple[Done, list[Problem]]:
    """Read and extract one partition; the problems met come back with the records (encoded: cheap to take back)."""
    extract = extract or default_extract()
    collect = _Collect()
    logger.addHandler(collect)
    logger.propagate = False  # the parent reports them
    try:
        return Done.of([extract(article) for article in part.articles()]), collect.problems
    finally:
        logger.removeHandler(collect)


# ------------------------------------------------------------ in the parent


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None):
    """A ``distributed.Client``: of the cluster at ``scheduler``, else of a local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler)  # waits distributed.comm.timeouts.connect (30 s by default)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        with client:
            yield client
        return
    workers = workers or 2
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      scheduler_port=0, dashboard_address=None, silence_logs=logging.CRITICAL,
                      # no dashboard; the scheduler's plain HTTP routes on a free loopback port
                      scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"}
                      ) as cluster, Client(cluster) as client:
        client.wait_for_workers(workers, timeout=300)
        yield client


def run(client, parts: Iterable[Lines | Files | Slice], *, extract: Callable | None = None,
        in_flight: int | None = None) -> Iterator[Done]:
    """Each partition's records, in order; a partition that fails is reported (logger ``newsmine``) and skipped."""
    slots = in_flight or 2 * max(1, sum(client.nthreads().values())) + 1
    pending: deque = deque()
    try:
        for part in parts:
            pending.append((part.label, client.submit(run_partition, part, extract, pure=False)))
            if len(pending) >= slots:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        for _, future in pending:
            future.cancel()


def _result(label: str, future) -> Done:
    try:
        done, problems = future.result()
    except Exception as exc:  # noqa: BLE001 — one failing partition must not stop a run
        log(Problem(label, f"partition failed on a worker ({type(exc).__name__}: {exc}); its articles are left out"))
        return Done.of([])
    for problem in problems:
        log(problem)
    return done


def partitions(paths: Iterable[str | Path], *, workers: int | None = None, scheduler: str | None = None,
               input_format: str = "auto", fields: dict[str, str] | None = None,
               extract: Callable | None = None, batch: int = BATCH) -> Iterator[Done]:
    """Records of ``paths`` partition by partition, extracted on a Dask cluster (started and stopped here)."""
    if fields:
        jsonl.mapping(fields)  # a bad --field name fails here, before any cluster starts
    with connect(workers, scheduler) as client:
        yield from run(client, split(paths, input_format=input_format, fields=fields, batch=batch), extract=extract)


def records(paths: Iterable[str | Path], **options: Any) -> Iterator["Record"]:
    for done in partitions(paths, **options):
        yield from done.records()


def index_items(paths: Iterable[str], *, workers: int | None = None, scheduler: str | None = None,
                input_format: str = "auto", extract: Callable | None = None) -> Iterator["Record"]:
    """What ``newsmine index --workers`` archives: records files as they are, other inputs extracted on workers."""
    from .sources import read

    with connect(workers, scheduler) as client:
        for is_records, group in itertools.groupby(paths, key=lambda p: Path(p).is_file() and
                                                   str(p).endswith((".jsonl", ".jsonl.gz")) and
                                                   _is_records_file(Path(p))):
            if is_records:
                yield from read(list(group), records=True)
                continue
            for done in run(client, split(list(group), input_format=input_format), extract=extract):
                yield from done.records()


def _is_records_file(path: Path) -> bool:
    """A JSONL file whose first line is a record ``newsmine extract`` wrote (read as it is, not extracted)."""
    import gzip

    from .sources.jsonl import is_record

    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            first = json.loads(f.readline())
    except (OSError, ValueError, EOFError):
        return False
    return isinstance(first, dict) and is_record(first)


# ------------------------------------------------------------ notebooks: a bag, and its tables


def bag(paths: Iterable[str | Path] | str | Path, *, input_format: str = "auto",
        fields: dict[str, str] | None = None, batch: int = BATCH, extract: Callable | None = None):
    """A ``dask.bag`` of the records of ``paths``, one partition per batch of articles (workers read the files)."""
    import dask.bag as db

    if isinstance(paths, (str, Path)):
        paths = [paths]
    parts = plan(paths, input_format=input_format, fields=fields, batch=batch)
    return db.from_sequence(parts, npartitions=max(1, len(parts))).map_partitions(_bag_partition, extract)


def _bag_partition(parts: Iterable[Slice | Files], extract: Callable | None) -> list["Record"]:
    extract = extract or default_extract()
    return [extract(article) for part in parts for article in part.articles()]


_DTYPES = {"string": "str", "int64": "Int64", "float64": "float64", "bool_": "boolean"}  # as frames.to_frames


def _typed(frame, name: str):
    from .frames import columns

    return frame.astype({column: "int64" if name == "articles" and column.startswith("n_") else _DTYPES[kind]
                         for column, kind in columns()[name]})


def _table(records: list["Record"], name: str):
    from .frames import to_frames

    return _typed(to_frames(records)[name], name)


def frames(records_bag) -> dict[str, Any]:
    """``{"articles": dask DataFrame, "campaigns": ..., ...}``: the tables of a bag of records, lazily."""
    import dask.dataframe as dd
    from dask import delayed

    from .frames import tables

    parts = records_bag.to_delayed()
    return {name: dd.from_delayed([delayed(_table)(part, name) for part in parts], meta=_table([], name),
                                  verify_meta=False)
            for name in tables()}
