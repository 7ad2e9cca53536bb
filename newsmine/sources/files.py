"""Opening inputs: suffixes, gzip, encodings, binary files, and problem reports."""
from __future__ import annotations

import gzip
import io
import logging
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from ..records import Article

logger = logging.getLogger("newsmine")

_MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable",
    b"RIFF": "RIFF media", b"\x00\x00\x01\x00": "icon",
}
_SUFFIXES = {
    ".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


@dataclass(frozen=True)
class Problem:
    """One input that could not be read (whole or in part): shown as ``where: message``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def log(problem: Problem) -> None:
    logger.warning("%s", problem, extra={"problem": problem})


def kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _SUFFIXES.get(suffixes[-1]) if suffixes else None


def sniff(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped[:1] == b"<":
        return "html"
    return "text"


def binary_kind(head: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


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


def read_file(path: Path, input_format: str, fields: dict[str, str] | None,
              data: bytes | None = None) -> Iterator[Article]:
    """Articles of the file at ``path``; with ``data``, of those bytes read from it elsewhere."""
    where = str(path)
    try:
        handle = path.open("rb") if data is None else io.BufferedReader(io.BytesIO(data))
    except OSError as exc:
        log(Problem(where, f"cannot open ({exc.strerror or exc})"))
        return
    with handle:
        stream: BinaryIO = handle
        if path.suffix.lower() == ".gz":
            stream = gzip.GzipFile(fileobj=handle)  # type: ignore[assignment]
        kind = kind_of(path) if input_format == "auto" else input_format
        yield from _read(stream, where, kind, fields, stem=_stem(path))


def read_stream(stream: BinaryIO, where: str, input_format: str,
                fields: dict[str, str] | None) -> Iterator[Article]:
    kind = None if input_format == "auto" else input_format
    yield from _read(stream, where, kind, fields, stem="stdin")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        if suffix.lower() in (".gz", *_SUFFIXES):
            name = name[: -len(suffix)]
    return name or path.name


def _read(stream: BinaryIO, where: str, kind: str | None, fields: dict[str, str] | None,
          *, stem: str) -> Iterator[Article]:
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
        yield from jsonl.read(stream, where, fields, stem=stem)
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
    if kind == "html":
        yield html.from_html(text, id=stem, source=where, warnings=warnings)
    else:
        yield pagetext.from_text(text, id=stem, source=where, warnings=warnings,
                                 shape="page" if kind == "page" else "threeline" if kind == "threeline" else "auto")

