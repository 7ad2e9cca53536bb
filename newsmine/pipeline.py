"""The pipeline: the declared kinds' extractors, each after the kinds it requires, over articles.

    Pipeline()                      every declared kind (built-in and installed)
    Pipeline(["units"])             units and what units requires, nothing else
    Pipeline.before("achievements") what achievements requires, without it

Building a pipeline checks the declarations: an unknown kind or a cycle of
``requires`` is a :class:`PipelineError` then, not a ``KeyError`` mid-run.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from .document import Document
from .records import Article, article_fields

if TYPE_CHECKING:  # pragma: no cover
    from .kinds import Kind
    from .records import Record


class PipelineError(ValueError):
    """A pipeline asked for a kind nobody declares, or kinds that require each other."""


class Pipeline:
    def __init__(self, names: Iterable[str] | None = None, *, declared: Mapping[str, "Kind"] | None = None):
        if declared is None:
            from .kinds import kinds

            declared = kinds()
        self.declared = declared
        self.steps: tuple[Kind, ...] = tuple(_ordered(declared, list(declared) if names is None else list(names)))

    @classmethod
    def before(cls, name: str, **options) -> "Pipeline":
        """The kinds ``name`` requires (and what they require), without ``name`` itself."""
        pipeline = cls([name], **options)
        pipeline.steps = tuple(k for k in pipeline.steps if k.name != name)
        return pipeline

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.steps)

    def run(self, doc: Document, warnings: list[str] | None = None) -> Document:
        """Fill ``doc.found`` step by step. With a ``warnings`` list, a failing extractor leaves a
        warning there and no mentions; without one, its exception propagates."""
        for kind in self.steps:
            try:
                doc.found[kind.name] = kind.extract(doc)
            except Exception as exc:  # noqa: BLE001 — one bad article must not stop a run
                if warnings is None:
                    raise
                doc.found[kind.name] = []
                warnings.append(f"{kind.name}: extractor failed ({type(exc).__name__}: {exc})")
        return doc

    def extract(self, article: Article) -> "Record":
        """The record of ``article``: its fields, its facts and every mention of every step."""
        from .facts import facts
        from .records import record_type

        doc, record = Document(article), record_type()
        fields = article_fields(article)
        fields["warnings"] = list(article.warnings)
        self.run(doc, fields["warnings"])
        found = {name: doc.found[name] for name in record.__struct_fields__ if name in doc.found}
        return record(**fields, **facts(doc), **found)

    def extract_all(self, articles: Iterable[Article]) -> Iterator["Record"]:
        for article in articles:
            yield self.extract(article)

    def __repr__(self) -> str:
        return f"Pipeline({' → '.join(self.names)})"


def _ordered(declared: Mapping[str, "Kind"], wanted: list[str]) -> list["Kind"]:
    """``wanted`` and everything they require, each kind after its requirements (depth first)."""
    out: list[Kind] = []
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in path:
            raise PipelineError(f"kinds require each other: {' → '.join((*path[path.index(name):], name))}")
        if name not in declared:
            by = f" (required by {path[-1]!r})" if path else ""
            raise PipelineError(f"no kind named {name!r}{by}; declared: {', '.join(declared)}")
        for required in declared[name].requires:
            visit(required, (*path, name))
        done.add(name)
        out.append(declared[name])

    for kind in declared.values():  # every declaration is checked, not only the wanted ones
        for required in kind.requires:
            if required not in declared:
                raise PipelineError(f"kind {kind.name!r} requires {required!r}, which nobody declares")
    for name in wanted:
        visit(name, ())
    return out


@cache
def default() -> Pipeline:
    """Every declared kind."""
    return Pipeline()


def extract_article(article: Article, pipeline: Pipeline | None = None) -> "Record":
    """Every mention of every kind in ``article``. One failing extractor leaves a warning, not an error."""
    return (pipeline or default()).extract(article)


def extract_articles(articles: Iterable[Article], pipeline: Pipeline | None = None) -> Iterator["Record"]:
    return (pipeline or default()).extract_all(articles)
