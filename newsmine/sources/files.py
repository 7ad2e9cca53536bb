"""Opening inputs: suffixes, gzip, encodings and binary files."""
from __future__ import annotations

import gzip
import io
import os
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from ..records import Article
from .problems import CONTROL, CONTROL_BYTES, Problem, log

_MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable",
    b"RIFF": "RIFF media", b"\x00\x00\x01\x00": "icon", b"\xd0\xcf\x11\xe0": "Office document",
    b"SQLite format 3\x00": "SQLite database", b"\x1f\x8b": "gzip data", b"7z\xbc\xaf": "7-Zip archive",
    b"Rar!": "RAR archive", b"wOF": "web font", b"OggS": "Ogg media", b"\x1aE\xdf\xa3": "Matroska media",
}
_SUFFIXES = {
    ".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


def kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _SUFFIXES.get(suffixes[-1]) if suffixes else None


def sniff(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return "json"
    if stripped[:1] == b"<":
        return "html"
    return "text"


def binary_kind(head: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    if head[4:8] == b"ftyp":
        return "MP4 media"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text
        return None
    sample = head[:4096]
    if len(sample) - len(sample.translate(None, CONTROL_BYTES)) > max(16, len(sample) // 50):
        return "binary data"  # text has at most a few control bytes; binary data about one byte in ten
    return None


def without_controls(text: str, where: str) -> tuple[str, list[str]]:
    """``text`` without control characters (NUL...), and a warning saying how many went."""
    clean = text.translate(CONTROL)
    if len(clean) == len(text):
        return text, []
    message = f"{len(text) - len(clean)} control characters (NUL...) removed"
    log(Problem(where, message))
    return clean, [message]


def decode(data: bytes, where: str) -> tuple[str, list[str]]:
    """Text of ``data``: UTF-8 (BOM allowed), UTF-16 with a BOM, else UTF-8 with replacements and a warning."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        message = f"not valid UTF-8 (first bad byte at offset {exc.start}; {bad} characters replaced)"
        log(Problem(where, message))
        return text, [message]


class Position:
    """Bytes of the input files read so far (compressed bytes for .gz): what a progress bar counts."""

    def __init__(self) -> None:
        self.done, self.handle = 0, None

    def __call__(self) -> int:
        handle = self.handle
        try:
            return self.done + (handle.tell() if handle is not None and not handle.closed else 0)
        except (OSError, ValueError):
            return self.done


#: Where the readers are, for progress bars.
position = Position()


def read_file(path: Path, input_format: str, fields: dict[str, str] | None, records: bool = False,
              data: bytes | None = None) -> Iterator[Article]:
    """Articles of the file at ``path``; with ``data``, of those bytes read from it elsewhere."""
    where = str(path)
    try:
        handle = path.open("rb") if data is None else io.BufferedReader(io.BytesIO(data))
    except OSError as exc:
        log(Problem(where, f"cannot open ({exc.strerror or exc})"))
        return
    position.handle = handle
    with handle, _counted(handle, None if data is None else len(data)):
        stream: BinaryIO = handle
        if path.suffix.lower() == ".gz":
            stream = gzip.GzipFile(fileobj=handle)  # type: ignore[assignment]
        kind = kind_of(path) if input_format == "auto" else input_format
        yield from _read(stream, where, kind, fields, stem=_stem(path), records=records)


@contextmanager
def _counted(handle: BinaryIO, size: int | None = None) -> Iterator[None]:
    try:
        yield
    finally:
        position.done += os.fstat(handle.fileno()).st_size if size is None else size
        position.handle = None


def read_stream(stream: BinaryIO, where: str, input_format: str,
                fields: dict[str, str] | None, records: bool = False) -> Iterator[Article]:
    kind = None if input_format == "auto" else input_format
    yield from _read(stream, where, kind, fields, stem="stdin", records=records)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        if suffix.lower() in (".gz", *_SUFFIXES):
            name = name[: -len(suffix)]
    return name or path.name


def _read(stream: BinaryIO, where: str, kind: str | None, fields: dict[str, str] | None,
          *, stem: str, records: bool = False) -> Iterator[Article]:
    from . import html, jsonl, pagetext

    try:
        head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
    except (OSError, EOFError, zlib.error) as exc:
        log(Problem(where, f"cannot read ({exc})"))
        return
    if not head and hasattr(stream, "peek"):
        log(Problem(where, "empty file, nothing to read"))
        return
    if (what := binary_kind(head)) is not None:
        log(Problem(where, f"{what}, not an article; skipped"))
        return
    kind = kind or sniff(head)
    if kind == "jsonl":
        yield from jsonl.read(stream, where, fields, stem=stem, records=records)
        return
    if kind == "json":  # one JSON document (an article, a list of them, or something else), or JSON Lines
        yield from jsonl.read_document(stream, where, fields, stem=stem)
        return
    try:
        data = stream.read()
    except (OSError, EOFError, zlib.error) as exc:
        log(Problem(where, f"cannot read ({exc})"))
        return
    if not data.strip():
        log(Problem(where, "empty file, nothing to read"))
        return
    text, warnings = decode(data, where)
    text, removed = without_controls(text, where)
    warnings += removed
    if kind == "html":
        yield html.from_html(text, id=stem, source=where, warnings=warnings)
    else:
        yield pagetext.from_text(text, id=stem, source=where, warnings=warnings,
                                 shape="page" if kind == "page" else "threeline" if kind == "threeline" else "auto")

