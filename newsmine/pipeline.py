"""Run the extractors over articles and assemble records."""
from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from .document import Document
from .extractors import DEFAULT_PIPELINE, get
from .records import Article, Record, article_fields


def extract_article(article: Article, pipeline: Sequence[str] = DEFAULT_PIPELINE) -> Record:
    """Every mention of every kind in ``article``. One failing extractor leaves a warning, not an error."""
    doc = Document(article)
    warnings = list(article.warnings)
    for name in pipeline:
        try:
            doc.found[name] = get(name)(doc)
        except Exception as exc:  # noqa: BLE001 — one bad article must not stop a run
            doc.found[name] = []
            warnings.append(f"{name}: extractor failed ({type(exc).__name__}: {exc})")
    fields = article_fields(article)
    fields["warnings"] = warnings
    achievements = doc.found.get("achievements", [])
    return Record(
        **fields,
        **{kind: doc.found.get(kind, []) for kind in DEFAULT_PIPELINE},
        achievement_types=sorted({a.type for a in achievements}),
    )


def extract_articles(articles: Iterable[Article], pipeline: Sequence[str] = DEFAULT_PIPELINE) -> Iterator[Record]:
    for article in articles:
        yield extract_article(article, pipeline)
