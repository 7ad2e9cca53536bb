"""JSON Lines dumps, plain or gzipped, one article per line, with a configurable field mapping."""
from __future__ import annotations

from typing import Any, BinaryIO, Iterator
import zlib

import msgspec

from .. import article
from ..records import Article
from .files import Problem, log

#: Record field → the keys tried in a JSON object, in order. ``--field title=headline`` puts a key first.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "guid", "doc_id", "docid"),
    "title": ("title", "headline"),
    "lead": ("sapo", "lead", "description", "summary", "abstract"),
    "body": ("content", "body", "text", "article", "maintext"),
    "url": ("url", "link", "source", "href"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "datetime", "time"),
    "authors": ("authors", "author", "byline"),
}


def mapping(overrides: dict[str, str] | None) -> dict[str, tuple[str, ...]]:
    fields = dict(DEFAULT_FIELDS)
    for field, key in (overrides or {}).items():
        if field not in fields:
            raise ValueError(f"unknown field {field!r}; known: {', '.join(fields)}")
        fields[field] = (key, *(k for k in fields[field] if k != key))
    return fields


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if v is not None)
    return str(value)


def _authors(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return article.parse_byline(str(value).strip()) or [str(value).strip()]


def from_object(obj: dict[str, Any], fields: dict[str, tuple[str, ...]], *, fallback_id: str,
                source: str, warnings: list[str]) -> Article:
    ident = _first(obj, fields["id"])
    url = _first(obj, fields["url"])
    return article.from_parts(
        id=str(ident) if ident is not None else fallback_id,
        source=str(url) if isinstance(url, str) and "://" in url else source,
        title=_text(_first(obj, fields["title"])), lead=_text(_first(obj, fields["lead"])),
        body=_text(_first(obj, fields["body"])), published=_first(obj, fields["published"]),
        authors=_authors(_first(obj, fields["authors"])), warnings=warnings,
    )


def read(stream: BinaryIO, where: str, overrides: dict[str, str] | None, *, stem: str,
         first_line: int = 1) -> Iterator[Article]:
    """Articles of a dump; ``first_line`` numbers the stream's first line (a slice of a dump starts further on)."""
    fields = mapping(overrides)
    decoder = msgspec.json.Decoder()
    lineno = first_line - 1
    try:
        for lineno, raw in enumerate(stream, first_line):
            if not raw.strip():
                continue
            here = f"{where}:{lineno}"
            warnings: list[str] = []
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                line = raw.decode("utf-8", errors="replace")
                warnings.append(f"line {lineno} is not valid UTF-8 (byte {exc.start}); characters replaced")
                log(Problem(here, warnings[-1]))
            try:
                obj = decoder.decode(line)
            except msgspec.DecodeError as exc:
                log(Problem(here, f"not valid JSON ({exc}); line skipped"))
                continue
            if not isinstance(obj, dict):
                log(Problem(here, f"a JSON {type(obj).__name__}, not an object; line skipped"))
                continue
            record = from_object(obj, fields, fallback_id=f"{stem}:{lineno}", source=here, warnings=warnings)
            if "article has no text" in record.warnings:
                log(Problem(here, f"article {record.id!r} has no text"))
            yield record
    except (OSError, EOFError, zlib.error) as exc:
        log(Problem(f"{where}:{lineno + 1}", f"cannot read further ({exc})"))
