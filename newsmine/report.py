"""``newsmine report``: one self-contained HTML page summarising an archive (charts as inline SVG).

Every figure on the page is one the archive gives (``Archive.summary``), and numbers carry
``data-count`` attributes, so a test can check the page against the archive's own counts.
"""
from __future__ import annotations

import html
import io
import time
from typing import Any

from .archive import Archive

CSS = """
body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}td,th{border:1px solid #ddd;padding:.3rem .6rem}
th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem}
.card b{display:block;font-size:1.5rem}.muted{color:#777}figure{margin:1rem 0}svg{max-width:100%;height:auto}
"""


def _svg(fig) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text stays text: selectable, searchable, smaller
        fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buf.getvalue()
    return text[text.find("<svg"):]


def _bar(labels: list[str], values: list[float], title: str, xlabel: str, ylabel: str, *,
         horizontal: bool = False) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.35 * len(labels)) if horizontal else 3.6))
    if horizontal:
        ax.barh(labels[::-1], values[::-1], color="#2a9d8f")
    else:
        ax.bar(labels, values, color="#2a9d8f")
        ax.tick_params(axis="x", rotation=30 if len(labels) > 8 else 0)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="x" if horizontal else "y", alpha=.3)
    return _svg(fig)


def main_years(counts: dict[int, int], share: float = 0.02) -> tuple[list[int], int]:
    """The years a chart by year shows, first to last of those holding at least ``share`` of the
    articles (every year between them, so the axis is a time line), and how many articles fall outside.

    >>> main_years({1907: 1, 2016: 40, 2017: 50, 2019: 30, 2035: 1})
    ([2016, 2017, 2018, 2019], 2)
    """
    total = sum(counts.values())
    big = [y for y, n in counts.items() if total and n >= share * total]
    if not big:
        return sorted(counts), 0
    years = list(range(min(big), max(big) + 1))
    return years, sum(n for y, n in counts.items() if y < years[0] or y > years[-1])


def _year_bar(counts: dict[int, int], title: str, ylabel: str) -> str:
    """Bars by year over the years that hold the articles; a note counts the rest; at most ~12 tick labels."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    years, outside = main_years(counts)
    fig, ax = plt.subplots(figsize=(9, 3.6))
    ax.bar(years, [counts.get(y, 0) for y in years], color="#2a9d8f", width=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=12, integer=True))
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", alpha=.3)
    if outside:
        rest = [y for y in counts if y < years[0] or y > years[-1]]
        ax.annotate(f"not shown: {outside:,} articles of other years ({min(rest)}–{max(rest)})",
                    xy=(1, -0.22), xycoords="axes fraction", ha="right", fontsize=8, color="#666")
    return _svg(fig)


def _table(headers: list[str], rows: list[tuple[Any, ...]], count_key: str | None = None) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, (int, float)):
                cells.append(f'<td class="n">{value:,}</td>' if isinstance(value, int) else
                             f'<td class="n">{value:,.2f}</td>')
            else:
                cells.append(f"<td>{html.escape('' if value is None else str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    attr = f' data-table="{count_key}"' if count_key else ""
    return f"<table{attr}><tr>{head}</tr>{''.join(body)}</table>"


def build(archive: Archive, *, top: int = 15) -> str:
    """The report page for ``archive``."""
    figures = archive.summary(top)
    counts, distinct, years, types = figures["counts"], figures["distinct"], figures["years"], figures["types"]
    campaigns, directives, units = figures["campaigns"], figures["directives"], figures["units"]
    units_by_kind, metrics, by_unit, rates = (figures["units_by_kind"], figures["metrics"],
                                              figures["indicator_units"], figures["rates"])

    cards = "".join(f'<div class="card"><b data-count="{k}">{v:,}</b>{html.escape(k.replace("_", " "))}</div>'
                    for k, v in counts.items())
    cards += "".join(f'<div class="card"><b data-distinct="{k}">{v:,}</b>distinct {html.escape(k)}</div>'
                     for k, v in distinct.items())
    parts = [
        f"<h1>newsmine archive report</h1><p class='muted'>{html.escape(str(archive.path.name))} — "
        f"made {time.strftime('%Y-%m-%d %H:%M')}</p><div class='cards'>{cards}</div>",
        "<h2>Articles by year</h2>",
        _year_bar(dict(years), "Articles by year", "articles") if years else "<p class='muted'>No dated articles.</p>",
        "<h2>Achievement types</h2>",
        "<p class='muted'>An achievement is one honour or result of one recipient in one article, however many "
        "of its clauses (mentions) tell it.</p>",
        _bar([t[0] for t in types], [t[1] for t in types], "Achievements by type", "achievements", "",
             horizontal=True) if types else "<p class='muted'>No achievements.</p>",
        _table(["type", "achievements", "articles", "mentions"], types, "achievement_types"),
        "<h3>Most frequent awards</h3>",
        _table(["award", "type", "achievements", "articles", "mentions"], figures["awards"], "awards"),
        "<h2>Top campaigns</h2>",
        _bar([c[0][:60] for c in campaigns], [c[2] for c in campaigns], "Campaigns by articles citing them",
             "articles", "", horizontal=True) if campaigns else "<p class='muted'>No campaigns.</p>",
        _table(["campaign", "kind", "articles", "mentions"], campaigns, "campaigns"),
        "<h2>Directives most cited</h2>", _table(["directive", "type", "articles", "mentions"], directives,
                                                  "directives"),
        "<h2>Units most named</h2>", _table(["unit", "kind", "articles", "mentions"], units, "units"),
        _table(["kind of unit", "mentions"], units_by_kind, "unit_kinds"),
        "<h2>Indicators</h2>", _table(["metric", "unit", "figures", "mean", "min", "max"], metrics, "metrics"),
        _table(["unit", "figures"], by_unit, "indicator_units"),
        "<h3>Percentages by province and year</h3>",
        _table(["province", "year", "figures", "mean %"], rates, "rates"),
    ]
    return (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>newsmine report</title>"
            f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>")
