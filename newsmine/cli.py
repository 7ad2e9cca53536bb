"""The ``newsmine`` command: parses arguments and dispatches, nothing more."""
from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="newsmine",
    help="Mine Vietnamese press articles about emulation movements into structured records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _plain_help_labels() -> None:
    """Help shows a value's metavar (FILE, TEXT, table|json|csv), not typer's labels (<str>, <bool>, {inputs}...)."""
    from typer.core import TyperArgument, TyperOption

    def usage(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    TyperArgument.display_name_raw = property(lambda self: self.metavar or self.name.upper())
    TyperArgument.display_type_rich = lambda self, ctx: None
    TyperArgument._usage_display_name = usage
    TyperOption.display_type_rich = lambda self, ctx: (
        None if self.is_flag or self.count
        else self.metavar or {int: "N", float: "X"}.get(self.type_descriptor.annotation, "TEXT"))


_plain_help_labels()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"newsmine {version('newsmine')}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Mine Vietnamese press articles about emulation movements into structured records."""


def _stderr():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fields(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        field, sep, key = value.partition("=")
        if not sep or not field or not key:
            raise typer.BadParameter(f"{value!r}: expected FIELD=KEY, e.g. title=headline", param_hint="--field")
        out[field.strip()] = key.strip()
    return out


Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Extract on a local Dask cluster of N "
                                      "worker processes (1: in this process).")]
Scheduler = Annotated[Optional[str], typer.Option("--scheduler", help="Extract on an existing dask.distributed "
                                                  "cluster: tcp://HOST:PORT of its scheduler.")]


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for standard input.",
                                                show_default=False)],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file (JSONL; - for stdout) or "
                                        "directory (parquet, csv).")] = "-",
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="jsonl|parquet|csv", help="Output format.")]
    = "jsonl",
    input_format: Annotated[str, typer.Option("--input-format", metavar="auto|page|threeline|jsonl|html",
                                              help="How to read the inputs (auto: by name and content).")]
    = "auto",
    field: Annotated[Optional[list[str]], typer.Option("--field", metavar="FIELD=KEY", help="JSONL key for a field: title=headline "
                                                       "(fields: id title lead body url published authors).")]
    = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    workers: Workers = 1, scheduler: Scheduler = None,
) -> None:
    """Extract records from articles: campaigns, directives, dates, units, indicators, achievements."""
    from .runner import ClusterError, ProblemCounter, Summary
    from .sources import FORMATS as INPUT_FORMATS
    from .writers import FORMATS, open_writer

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: choose from {', '.join(FORMATS)}", param_hint="--format")
    if input_format not in INPUT_FORMATS:
        raise typer.BadParameter(f"{input_format!r}: choose from {', '.join(INPUT_FORMATS)}",
                                 param_hint="--input-format")
    fields = _fields(field or [])
    console = _stderr()
    summary = Summary()
    handler = ProblemCounter(summary, lambda msg: console.print(f"[yellow]newsmine:[/] {msg}", markup=True,
                                                                soft_wrap=True))
    logger = logging.getLogger("newsmine")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        writer = open_writer(output, fmt, partitioned=workers > 1 or bool(scheduler))
    except (OSError, ValueError) as exc:
        console.print(f"[red]newsmine:[/] cannot write {output}: {exc}")
        raise typer.Exit(2) from None
    try:
        _run_with_progress(console, inputs, writer, input_format, fields, summary, show=not quiet,
                           workers=workers, scheduler=scheduler)
    except (ValueError, ClusterError) as exc:  # a bad --field name, an unreachable --scheduler
        console.print(f"[red]newsmine:[/] {exc}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        console.print(f"[yellow]newsmine:[/] interrupted after {summary.articles:,} articles; "
                      f"{output} holds them")
        raise typer.Exit(130) from None
    finally:
        logger.removeHandler(handler)
    if not quiet:
        _print_summary(console, summary, output)
    if summary.articles == 0:
        console.print("[red]newsmine:[/] no article could be read")
        raise typer.Exit(2)


def _run_with_progress(console, inputs, writer, input_format, fields, summary, *, show: bool, **cluster) -> None:
    from .runner import run_extract

    if not (show and console.is_terminal):
        run_extract(inputs, writer, input_format=input_format, fields=fields, summary=summary, **cluster)
        return
    with _progress_bar(console, inputs) as tick:
        run_extract(inputs, writer, input_format=input_format, fields=fields, summary=summary,
                    on_article=lambda s: tick(s.articles), **cluster)


@contextmanager
def _progress_bar(console, inputs):
    """A bar over the input's bytes with the time left (a spinner when the size is unknown, as for -);
    yields ``tick(articles)``, cheap enough to call for every article."""
    import time

    from rich.progress import (BarColumn, DownloadColumn, Progress, SpinnerColumn, TaskProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    from .sources import size
    from .sources.files import position

    total, start, last = size(inputs), position(), [0.0]
    columns = [SpinnerColumn(), BarColumn(), TaskProgressColumn(), TextColumn("{task.fields[articles]:,} articles"),
               DownloadColumn(), TimeElapsedColumn()]
    if total:
        columns += [TimeRemainingColumn(), TextColumn("left")]
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("read", total=total or None, articles=0)

        def tick(articles: int) -> None:
            now = time.perf_counter()
            if now - last[0] >= 0.2 or articles == 1:
                last[0] = now
                progress.update(task, completed=position() - start, articles=articles)

        yield tick


def _print_summary(console, summary, output: str) -> None:
    from rich.table import Table

    table = Table(title="newsmine extract", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("articles read", f"{summary.articles:,}")
    for kind, count in summary.mentions.items():
        table.add_row(kind, f"{count:,}")
    table.add_row("records with warnings", f"{summary.with_warnings:,}")
    table.add_row("input problems", f"{summary.problems:,}")
    table.add_row("elapsed", f"{summary.elapsed:.1f} s")
    table.add_row("articles per second", f"{summary.rate:,.1f}")
    table.add_row("text per second", f"{summary.chars / 1e6 / summary.elapsed if summary.elapsed else 0:.2f} M chars")
    table.add_row("output", output if output != "-" else "stdout")
    console.print(table)


def _corpus(corpus: str):
    """The corpus folder, or a one-line error: it must hold articles/ and gold/."""
    from pathlib import Path

    root = Path(corpus)
    if not (root / "gold").is_dir() or not (root / "articles").is_dir():
        _stderr().print(f"[red]newsmine:[/] {corpus} has no articles/ and gold/ folders")
        raise typer.Exit(2)
    logging.getLogger("newsmine").propagate = False
    return root


@app.command(name="eval")
def evaluate(
    corpus: Annotated[str, typer.Argument(help="Folder with gold/ and the texts in articles/ (our corpus) or "
                                          "texts/ (the dev set's layout).")] = "corpora",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List, per article and field, the gold entries "
                                         "missed and the predictions that matched nothing.")] = False,
    cv: Annotated[int, typer.Option("--cv", help="Judge achievements with classifiers trained on the other "
                                    "folds (N folds by article), so they are not scored on training data.")] = 0,
) -> None:
    """Score the pipeline against the gold annotations of a corpus (precision, recall, F1 per field)."""
    from pathlib import Path

    from .evaluate import evaluate as run_eval, texts_dir

    if texts_dir(corpus) is None:
        _stderr().print(f"[red]newsmine:[/] {corpus} has no articles/ and gold/ folders (nor texts/ and gold/)")
        raise typer.Exit(2)
    logging.getLogger("newsmine").propagate = False
    records = None
    if cv:
        from .training import cross_validated_corpus

        records = cross_validated_corpus(corpus, cv)
    report = run_eval(corpus, records)
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    from .report_text import print_eval

    print_eval(report)
    if texts_dir(corpus).name == "texts" and Path("corpora/gold").is_dir():
        _print_cross_validated(corpus, cv or 5, report)
    if errors:
        sys.stdout.write("".join(line + "\n" for line in report.error_lines()))


def _print_cross_validated(corpus: str, folds: int, in_sample) -> None:
    """For a dev set: the fields a model learns, in-sample (the shipped model learned from these
    articles) beside ``folds``-fold cross-validation by article (corpora/ and the other folds)."""
    from .evaluate import LEARNED, evaluate as run_eval
    from .training import cross_validated_dev

    cv = run_eval(corpus, cross_validated_dev("corpora", folds))
    sys.stdout.write(f"fields a model learns (in-sample vs {folds}-fold cross-validated by article):\n")
    for field in LEARNED:
        a, b = in_sample.scores[field], cv.scores[field]
        sys.stdout.write(f"  {field:<18} in-sample P {a.precision:.3f} R {a.recall:.3f} F1 {a.f1:.3f}   "
                         f"cross-validated P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f}\n")


@app.command()
def train(
    corpus: Annotated[str, typer.Argument(help="Corpus folder with articles/ and gold/.")] = "corpora",
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Model file (default: the one "
                                                  "shipped in the package, newsmine/models/achievements.json).")]
    = None,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds (grouped by article).")] = 5,
    dev: Annotated[bool, typer.Option("--dev/--no-dev", help="Also learn from ../shared/dev (labels in "
                                      "corpora/dev_achievements.tsv, texts read from there) when present.")]
    = True,
) -> None:
    """Train the achievement classifier from a corpus and report its cross-validated F1."""
    from pathlib import Path

    from .classify import MODEL_RESOURCE
    from .training import train as fit

    model, report = fit(_corpus(corpus), folds=folds, use_dev=dev)
    target = Path(output) if output else Path(__file__).parent / "models" / MODEL_RESOURCE
    target.write_text(model.to_json(), encoding="utf-8")
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    _stderr().print(f"model written to {target} ({len(model.vocabulary):,} features, "
                    f"{len(model.classes)} classes)")


@app.command()
def index(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, - , or JSONL records from "
                                                "`newsmine extract`.", show_default=False)],
    db: Annotated[str, typer.Option("--db", help="The archive file (created when missing).")] = "archive.sqlite",
    input_format: Annotated[str, typer.Option("--input-format", metavar="auto|page|threeline|jsonl|html",
                                              help="How to read the inputs (auto: by name and content).")]
    = "auto",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
    reextract: Annotated[bool, typer.Option("--reextract", help="Extract every article again, even unchanged ones.")]
    = False,
    workers: Workers = 1, scheduler: Scheduler = None,
) -> None:
    """Build or extend a searchable archive (SQLite): articles, every kind of mention, full-text search.

    Articles archived by an older newsmine (other extractors or data files) are extracted again."""
    from .archive import Archive
    from .runner import ClusterError
    from .sources import read

    console = _stderr()
    counter = _problem_counter(console)
    try:
        archive = Archive(db, create=True)
    except sqlite3_errors() as exc:
        console.print(f"[red]newsmine:[/] cannot open archive {db}: {exc}")
        raise typer.Exit(2) from None

    fresh = workers > 1 or bool(scheduler)
    if fresh:  # extraction on the workers, writing here
        from .parallel import index_items

        items = index_items(inputs, workers=workers, scheduler=scheduler, input_format=input_format)
    else:
        items = read(inputs, input_format=input_format, records=True)
    try:
        if quiet or not console.is_terminal:
            summary = archive.index(items, reextract=reextract, fresh=fresh)
        else:
            with _progress_bar(console, inputs) as tick:
                summary = archive.index((tick(n) or item for n, item in enumerate(items, 1)), reextract=reextract,
                                        fresh=fresh)
    except ClusterError as exc:
        console.print(f"[red]newsmine:[/] {exc}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        console.print("[yellow]newsmine:[/] interrupted; the archive holds every batch written so far, "
                      "run the same command again to complete it")
        raise typer.Exit(130) from None
    finally:
        logging.getLogger("newsmine").removeHandler(counter)
        archive.close()
    if not quiet:
        rows = ", ".join(f"{n:,} {kind}" for kind, n in summary.rows.items())
        console.print(f"{db}: {summary.read:,} articles read, {summary.added:,} added, "
                      f"{summary.skipped:,} already archived, {summary.reextracted:,} extracted again; {rows}; "
                      f"{counter.summary.problems:,} input problems; {summary.elapsed:.1f} s")
    if summary.read == 0:
        console.print("[red]newsmine:[/] no article could be read")
        raise typer.Exit(2)


def sqlite3_errors() -> tuple[type[Exception], ...]:
    import sqlite3

    return (sqlite3.Error, OSError)


def _problem_counter(console):
    from .runner import ProblemCounter, Summary

    handler = ProblemCounter(Summary(), lambda msg: console.print(f"[yellow]newsmine:[/] {msg}"))
    logger = logging.getLogger("newsmine")
    logger.addHandler(handler)
    logger.propagate = False
    return handler


def _open_archive(db: str):
    from .archive import Archive

    try:
        return Archive(db, readonly=True)
    except (FileNotFoundError, *sqlite3_errors()) as exc:
        _stderr().print(f"[red]newsmine:[/] cannot open archive {db}: {exc}")
        raise typer.Exit(2) from None


FilterCampaign = Annotated[Optional[str], typer.Option("--campaign", help="Articles citing a campaign (part of its name).")]
FilterDirective = Annotated[Optional[str], typer.Option("--directive", help="Articles citing a directive (symbol or text).")]
FilterUnit = Annotated[Optional[str], typer.Option("--unit", help="Articles naming a unit (part of its name).")]
FilterProvince = Annotated[Optional[str], typer.Option("--province", help="Articles about a province.")]


def _fail(message: str) -> None:
    """A one-line error and exit status 2."""
    _stderr().print(f"[red]newsmine:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(2)


def _achievement_types() -> list[str]:
    from .records import AchievementType

    return [t.value for t in AchievementType]


def _check_type(value: str | None) -> str | None:
    if value is not None and value not in _achievement_types():
        _fail(f"--type {value!r}: choose from {', '.join(_achievement_types())}")
    return value


def _day_bound(option: str, value: str | None, *, last: bool) -> str | None:
    """``2023``, ``2023-06`` or ``2023-06-15`` as an ISO day: the first day of it, or with ``last`` the last."""
    import calendar
    import datetime as dt
    import re

    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
        day = int(day) if day else calendar.monthrange(year, month)[1] if last else 1
        return dt.date(year, month, day).isoformat()
    except ValueError:
        _fail(f"{option} {value!r}: expected a year, a month or a day (2023, 2023-06, 2023-06-15)")


def _period(year_from: str | None, year_to: str | None) -> tuple[str | None, str | None]:
    first, last = _day_bound("--from", year_from, last=False), _day_bound("--to", year_to, last=True)
    if first and last and first > last:
        _fail(f"--from {year_from} is after --to {year_to}")
    return first, last


FilterType = Annotated[Optional[str], typer.Option(
    "--type", metavar="TYPE", callback=_check_type,
    help="Articles reporting an achievement of this type: " + ", ".join(_achievement_types()) + ".")]
FilterFrom = Annotated[Optional[str], typer.Option("--from", metavar="DATE",
                                                   help="From this year, month or day: 2023, 2023-06, 2023-06-15.")]
FilterTo = Annotated[Optional[str], typer.Option("--to", metavar="DATE",
                                                 help="Up to this year, month or day (included).")]


@app.command()
def search(
    query: Annotated[Optional[str], typer.Argument(help='Words, "phrases", prefix*, AND/OR/NOT; accents optional.')]
    = None,
    db: Annotated[str, typer.Option("--db", help="The archive file.")] = "archive.sqlite",
    campaign: FilterCampaign = None, directive: FilterDirective = None, unit: FilterUnit = None,
    province: FilterProvince = None, type: FilterType = None, year_from: FilterFrom = None, year_to: FilterTo = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many hits.")] = 20,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json|csv", help="Output format.")] = "table",
) -> None:
    """Search an archive: ranked hits with highlighted snippets."""
    hits = _ask_archive(db, fmt, query, "search", limit=limit, campaign=campaign, directive=directive, unit=unit,
                        province=province, type=type, year_from=year_from, year_to=year_to)
    total, phrase = hits.attrs.get("total", len(hits)), hits.attrs.get("phrase")
    title = (f"{total:,} matching articles" + (f" for {query!r}" if query else "")
             + (f", {phrase:,} holding it as a phrase (listed first)" if phrase is not None else "")
             + (f"; the first {len(hits)}" if len(hits) < total else ""))
    if fmt == "table":
        hits = hits.assign(published=hits["published"].fillna("").astype(str).str[:10])[
            ["id", "published", "province", "title", "snippet"]]
    _show_frame(hits, fmt, title=title)


@app.command()
def facets(
    query: Annotated[Optional[str], typer.Argument(help="Optional search query to count within.")] = None,
    db: Annotated[str, typer.Option("--db", help="The archive file.")] = "archive.sqlite",
    campaign: FilterCampaign = None, directive: FilterDirective = None, unit: FilterUnit = None,
    province: FilterProvince = None, type: FilterType = None, year_from: FilterFrom = None, year_to: FilterTo = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Values per facet.")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json|csv", help="Output format.")] = "table",
) -> None:
    """Count articles by campaign, directive, province, year and achievement type."""
    counts = _ask_archive(db, fmt, query, "facets", limit=limit, campaign=campaign, directive=directive, unit=unit,
                          province=province, type=type, year_from=year_from, year_to=year_to)
    if fmt != "table":  # one table: facet, value, articles
        import pandas as pd

        frames = [frame.assign(facet=name)[["facet", "value", "articles"]] for name, frame in counts.items()]
        _show_frame(pd.concat(frames, ignore_index=True).astype({"value": str}), fmt, title="facets")
        return
    for name, frame in counts.items():
        _show_frame(frame, fmt, title=f"by {name}")


def _ask_archive(db: str, fmt: str, query: str | None, method: str, *, year_from: str | None,
                 year_to: str | None, limit: int, **options):
    """Run ``Archive.search`` or ``Archive.facets``; a bad query, date or format is a one-line error."""
    from .query import QueryError

    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter(f"{fmt!r}: choose from table, json, csv", param_hint="--format")
    first, last = _period(year_from, year_to)
    archive = _open_archive(db)
    try:
        return getattr(archive, method)(query, limit=limit, published_from=first, published_to=last, **options)
    except QueryError as exc:
        _stderr().print(f"[red]newsmine:[/] cannot search {query!r}: {exc}")
        raise typer.Exit(2) from None
    finally:
        archive.close()


def _show_frame(frame, fmt: str, *, title: str) -> None:
    if fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    else:
        import re

        import pandas as pd
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        def cell(value, column: str) -> Text:
            text = Text("" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else str(value))
            if column == "snippet":  # [matched words] in bold
                text = Text()
                for part in re.split(r"(\[[^\[\]]*\])", str(value)):
                    text.append(part[1:-1], style="bold yellow") if part.startswith("[") else text.append(part)
            return text

        table = Table(title=title, show_lines="snippet" in frame.columns)
        for column in frame.columns:  # ids and days stay whole; titles and snippets wrap
            whole = column in ("id", "published", "year", "articles")
            table.add_column(str(column), overflow="ellipsis" if whole else "fold", no_wrap=whole,
                             ratio={"snippet": 3, "title": 2}.get(column), max_width=24 if column == "id" else None)
        for row in frame.itertuples(index=False):
            table.add_row(*(cell(v, c) for v, c in zip(row, frame.columns)))
        Console().print(table)


@app.command()
def export(
    db: Annotated[str, typer.Option("--db", help="The archive file.")] = "archive.sqlite",
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="parquet|csv|jsonl", help="File format.")] = "parquet",
    output: Annotated[str, typer.Option("-o", "--output", help="The folder to write (created when missing).")]
    = "export",
    tables: Annotated[Optional[list[str]], typer.Option("--table", "-t", help="Only this table (repeatable).")]
    = None,
) -> None:
    """Write an archive's tables as files (one per table) for pandas, DuckDB or R."""
    archive = _open_archive(db)
    try:
        written = archive.export(output, fmt, tables)
    except ValueError as exc:
        _fail(str(exc))
    finally:
        archive.close()
    _stderr().print(f"{output}: {len(written)} tables ({', '.join(p.name for p in written)})")


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="The archive file.")] = "archive.sqlite",
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port.")] = 8001,
    open_browser: Annotated[bool, typer.Option("--open", help="Open a browser.")] = False,
) -> None:
    """Browse an archive in datasette: search, facets and CSV/JSON export without SQL."""
    from pathlib import Path

    from .serve import serve as run

    if db.startswith(("postgresql://", "postgres://")):
        _stderr().print("[red]newsmine:[/] serve browses SQLite archives (datasette); query a PostgreSQL archive "
                        "with `newsmine search`, `facets`, `report` or any PostgreSQL client")
        raise typer.Exit(2)
    if not Path(db).is_file():
        _stderr().print(f"[red]newsmine:[/] no archive at {db}; build one with `newsmine index INPUT --db {db}`")
        raise typer.Exit(2)
    raise typer.Exit(run(Path(db), host, port, open_browser=open_browser))


@app.command()
def show(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="An article file (or a JSONL dump: --id picks one).")],
    html_out: Annotated[Optional[str], typer.Option("--html", help="Write displaCy's rendering to this HTML file.")]
    = None,
    article_id: Annotated[Optional[str], typer.Option("--id", help="Which article of a multi-article input.")] = None,
) -> None:
    """Show an article with its mentions coloured by kind (terminal, or displaCy HTML)."""
    from pathlib import Path

    from . import extract_all
    from .show import html, terminal

    counter = _problem_counter(_stderr())
    try:
        record = next((r for r in extract_all([input_path]) if article_id in (None, r.id)), None)
    finally:
        logging.getLogger("newsmine").removeHandler(counter)
    if record is None:
        _stderr().print(f"[red]newsmine:[/] no article{' ' + repr(article_id) if article_id else ''} "
                        f"could be read from {input_path}")
        raise typer.Exit(2)
    if html_out:
        from .kinds import kinds

        Path(html_out).write_text(html(record), encoding="utf-8")
        count = sum(len(kind.spans(m)) for name, kind in kinds().items() for m in record.mentions(name))
        _stderr().print(f"{html_out}: {record.id}, {count} mentions")
        return
    from rich.console import Console

    Console().print(terminal(record))


@app.command()
def report(
    db: Annotated[str, typer.Option("--db", help="The archive file.")] = "archive.sqlite",
    output: Annotated[str, typer.Option("-o", "--output", help="The HTML file to write.")] = "report.html",
) -> None:
    """Write a single self-contained HTML page summarising an archive (counts, charts, tables)."""
    from pathlib import Path

    from .report import build

    archive = _open_archive(db)
    try:
        page = build(archive)
    finally:
        archive.close()
    Path(output).write_text(page, encoding="utf-8")
    _stderr().print(f"{output}: report of {db} ({len(page) / 1e3:.0f} kB)")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a record (the contract of `newsmine extract`)."""
    from .records import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
