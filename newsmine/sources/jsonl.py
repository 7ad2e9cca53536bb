"""JSON Lines dumps, plain or gzipped, one article per line, with a configurable field mapping."""
from __future__ import annotations

from typing import Any, BinaryIO, Iterator
import zlib

import msgspec

from .. import article
from ..records import Article
from .problems import CONTROL_BYTES, Problem, log

#: Problems shown for one file; the rest are counted in one line.
SHOWN = 20

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


def is_record(obj: dict[str, Any]) -> bool:
    """A line ``newsmine extract`` wrote: it has the text and the record's own fields."""
    return "text" in obj and "achievement_types" in obj and "campaigns" in obj


class _Problems:
    """One file's problems: the first :data:`SHOWN` logged, the rest counted in one line by :meth:`close`."""

    def __init__(self, where: str):
        self.where, self.count = where, 0

    def log(self, problem: Problem) -> None:
        self.count += 1
        if self.count <= SHOWN:
            log(problem)

    def close(self) -> None:
        if self.count > SHOWN:
            log(Problem(self.where, f"{self.count - SHOWN:,} more problems like these not shown "
                                    f"({self.count:,} in all)"), count=self.count - SHOWN)


def read(stream: BinaryIO, where: str, overrides: dict[str, str] | None, *, stem: str,
         records: bool = False, first_line: int = 1) -> Iterator[Article]:
    """Articles, one a line; with ``records``, a line that is a newsmine record comes back as that
    :class:`~newsmine.records.Record`, as it is (the archive indexes ``newsmine extract`` output so).
    ``first_line`` numbers the stream's first line (a slice of a dump starts further on)."""
    fields = mapping(overrides)
    record_type = None
    if records:
        from ..records import record_type as _record_type

        record_type = _record_type()
    decoder = msgspec.json.Decoder()
    problems = _Problems(where)
    lineno = first_line - 1
    try:
        for lineno, raw in enumerate(stream, first_line):
            if not raw.strip():
                continue
            here = f"{where}:{lineno}"
            warnings: list[str] = []
            if len(clean := raw.translate(None, CONTROL_BYTES)) != len(raw):
                warnings.append(f"line {lineno}: {len(raw) - len(clean)} control characters (NUL...) removed")
                problems.log(Problem(here, warnings[-1]))
                raw = clean
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                line = raw.decode("utf-8", errors="replace")
                warnings.append(f"line {lineno} is not valid UTF-8 (byte {exc.start}); characters replaced")
                problems.log(Problem(here, warnings[-1]))
            try:
                obj = decoder.decode(line)
            except msgspec.DecodeError as exc:
                problems.log(Problem(here, f"not valid JSON ({exc}); line skipped"))
                continue
            if not isinstance(obj, dict):
                problems.log(Problem(here, f"a JSON {type(obj).__name__}, not an object; line skipped"))
                continue
            if record_type is not None and is_record(obj):
                try:
                    yield msgspec.convert(obj, type=record_type)
                except msgspec.ValidationError as exc:
                    log(Problem(here, f"not a newsmine record ({exc}); line skipped"))
                continue
            record = from_object(obj, fields, fallback_id=f"{stem}:{lineno}", source=here, warnings=warnings)
            if "article has no text" in record.warnings:
                problems.log(Problem(here, f"article {record.id!r} has no text"))
            yield record
    except (OSError, EOFError, zlib.error) as exc:
        problems.log(Problem(f"{where}:{lineno + 1}", f"cannot read further ({exc})"))
    finally:
        problems.close()


def read_document(stream: BinaryIO, where: str, overrides: dict[str, str] | None, *,
                  stem: str) -> Iterator[Article]:
    """A ``.json`` file: one article, a list of articles, or JSON Lines. A document that holds no
    article text (gold annotations, settings) is skipped with one line saying so."""
    import io

    try:
        data = stream.read()
    except (OSError, EOFError, zlib.error) as exc:
        log(Problem(where, f"cannot read ({exc})"))
        return
    try:
        doc = msgspec.json.decode(data.translate(None, CONTROL_BYTES))
    except msgspec.DecodeError:  # not one document: JSON Lines, or broken
        yield from read(io.BytesIO(data), where, overrides, stem=stem)
        return
    fields = mapping(overrides)
    items = doc if isinstance(doc, list) else [doc]
    articles = [(n, obj) for n, obj in enumerate(items, 1) if isinstance(obj, dict) and _first(obj, fields["body"])]
    if not articles:
        what = (f"a JSON object ({', '.join(list(doc)[:4])}{', …' if len(doc) > 4 else ''})"
                if isinstance(doc, dict) else f"a JSON {type(doc).__name__}")
        log(Problem(where, f"{what} without article text: not an article (gold annotations, settings?); skipped"))
        return
    if len(articles) < len(items):
        log(Problem(where, f"{len(items) - len(articles):,} of {len(items):,} items hold no article text; skipped"))
    for n, obj in articles:
        yield from_object(obj, fields, fallback_id=stem if len(items) == 1 else f"{stem}:{n}",
                          source=where if len(items) == 1 else f"{where}[{n}]", warnings=[])
