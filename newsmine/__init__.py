"""newsmine: mine Vietnamese press articles about emulation movements into structured records.

>>> import newsmine
>>> record = newsmine.extract("Tỉnh ủy phát động phong trào thi đua “Đồng khởi mới” giai đoạn 2020 - 2025.")
>>> [c.name for c in record.campaigns]
['Đồng khởi mới']

Heavy modules load on first use: importing newsmine is cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .records import Article, Record

__version__ = "0.1.0"
__all__ = ["extract", "read", "extract_all", "bag", "cluster", "to_frames", "Archive", "Record", "Article", "__version__"]


def extract(text: str, *, id: str = "text", source: str = "<string>", title: str | None = None,
            lead: str | None = None, published: object = None, authors: list[str] | None = None,
            shape: str = "auto") -> "Record":
    """A record from one article's text.

    With ``title`` or ``lead`` given, ``text`` is the body; otherwise ``text`` is
    read like a saved page (or three-line text), metadata included. With
    ``shape="raw"`` the text is taken exactly as given (no cleaning), so offsets
    point into the caller's own string (the spaCy component uses this).
    """
    from . import article
    from .pipeline import extract_article
    from .sources.pagetext import from_text

    if shape == "raw":
        from .records import Article as _Article

        art = _Article(id=id, source=source, title=title, published=article.normalize_published(published),
                       authors=list(authors or []), text=text)
    elif title is not None or lead is not None or published is not None or authors is not None:
        art = article.from_parts(id=id, source=source, title=title, lead=lead, body=text,
                                 published=published, authors=authors)
    else:
        art = from_text(text, id=id, source=source, shape=shape)
    return extract_article(art)


def read(paths: Iterable[str] | str, **options: Any) -> Iterator["Article"]:
    """Articles from files, directories, JSON Lines dumps (``.gz`` too), HTML pages, or ``-``."""
    from .sources import read as _read

    return _read(paths, **options)


def extract_all(paths: Iterable[str] | str, *, workers: int = 1, scheduler: str | None = None,
                **options: Any) -> Iterator["Record"]:
    """Records for every article under ``paths``, one at a time, in input order.

    With ``workers=N`` (N > 1) the articles are extracted on a Dask local cluster of N processes, with
    ``scheduler="tcp://HOST:PORT"`` on an existing ``dask.distributed`` cluster; the cluster a call
    starts is stopped when the records are exhausted (or the iterator closed).
    """
    if workers > 1 or scheduler:
        from .parallel import records

        return records([paths] if isinstance(paths, str) else paths, workers=workers, scheduler=scheduler,
                       **options)
    from .pipeline import extract_articles

    return extract_articles(read(paths, **options))


def bag(paths: Iterable[str] | str, **options: Any) -> Any:
    """A ``dask.bag`` of the records under ``paths``, computed where dask computes (a ``distributed.Client``
    when one is open). ``to_frames(bag)`` gives its tables as dask DataFrames."""
    from .parallel import bag as _bag

    return _bag(paths, **options)


def cluster(workers: int = 2, scheduler: str | None = None) -> Any:
    """A ``distributed.Client`` in a ``with`` block: of a local cluster of ``workers`` processes (stopped at the
    end of the block), or of the existing cluster at ``scheduler``. Bags computed inside run on it."""
    from .parallel import connect

    return connect(workers, scheduler)


def to_frames(records: Any) -> dict[str, Any]:
    """One DataFrame per table: articles, campaigns, directives, dates, units, indicators, achievements.

    Records give pandas DataFrames; a ``dask.bag`` of records (``newsmine.bag``) gives dask DataFrames.
    """
    if type(records).__module__.startswith("dask."):
        from .parallel import frames

        return frames(records)
    from .frames import to_frames as _to_frames

    return _to_frames(records)


def __getattr__(name: str) -> Any:
    if name in ("Record", "Article"):
        from . import records

        return getattr(records, name)
    if name == "Archive":
        from .archive import Archive

        return Archive
    raise AttributeError(f"module 'newsmine' has no attribute {name!r}")
