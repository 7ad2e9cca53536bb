"""Terminal rendering of an evaluation report (rich tables)."""
from __future__ import annotations

from .evaluate import Report


def print_eval(report: Report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    table = Table(title=f"newsmine eval — {report.articles} articles")
    for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, score in report.scores.items():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"[bold]{score.f1:.3f}[/]",
                      str(score.tp), str(score.fp), str(score.fn))
    console.print(table)
    data = report.as_dict()
    meta = ", ".join(f"{k} {v:.3f}" for k, v in data["metadata"].items() if v is not None)
    console.print(f"metadata accuracy: {meta}")
    attrs = ", ".join(f"{k} {v:.2f}" for k, v in data["attributes"].items() if v is not None)
    console.print(f"attribute accuracy over matched mentions: {attrs}", soft_wrap=False)
    with_hits, total = report.off_topic
    console.print(f"off-topic articles with a campaign or achievement: {with_hits}/{total}")
    if report.unlocated:
        console.print(f"[yellow]{len(report.unlocated)} gold mentions not found in the extracted text[/] "
                      f"(first: {report.unlocated[0]})")
