"""HTML news pages, through trafilatura (main text, title, date, author)."""
from __future__ import annotations

import regex

from .. import article
from ..records import Article

_PUBLISHED_META = regex.compile(
    r"<meta\b[^>]{0,300}?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished|"
    r"pubdate|publishdate|og:published_time|dc\.date)[\"'][^>]{0,300}?>",
    regex.IGNORECASE,
)
_CONTENT = regex.compile(r"content\s*=\s*[\"'](?P<v>[^\"']{4,40})[\"']", regex.IGNORECASE)


def _published_meta(page: str) -> str | None:
    m = _PUBLISHED_META.search(page[:200_000])
    if m and (c := _CONTENT.search(m.group(0))):
        return c["v"]
    return None


def from_html(page: str, *, id: str, source: str, warnings: list[str] | None = None) -> Article:
    import trafilatura  # heavy: imported where first used

    notes = list(warnings or [])
    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 — trafilatura raises many kinds on broken pages
        doc = None
        notes.append(f"HTML could not be parsed ({type(exc).__name__})")
    if doc is None:
        if not any("HTML" in n for n in notes):
            notes.append("no article text found in the HTML page")
        return article.from_parts(id=id, source=source, title=None, lead=None, body=None, warnings=notes)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = meta.get("title")
    lines = (meta.get("text") or "").split("\n")
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]
    authors = meta.get("author")
    return article.from_parts(
        id=id, source=source, title=title, lead=None, body="\n".join(lines),
        published=_published_meta(page) or meta.get("date"),
        authors=[a.strip() for a in regex.split(r"[;,]", authors) if a.strip()] if authors else None,
        warnings=notes,
    )
