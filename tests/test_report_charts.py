"""Charts a reader can read: a chart by year covers the years that hold the articles, ticks do not crowd."""
from __future__ import annotations

import re

import pytest

from newsmine.report import _year_bar, main_years


@pytest.mark.parametrize("counts, years, outside", [
    ({2023: 47, 2024: 22, 2025: 11}, [2023, 2024, 2025], 0),
    ({1907: 1, 1950: 1, 2016: 40, 2017: 50, 2018: 30, 2035: 1}, [2016, 2017, 2018], 3),
    ({1963: 20, 2016: 400, 2017: 640, 2019: 30, 2050: 1}, [2016, 2017, 2018, 2019], 21),  # 2018 fills the gap
    ({2020: 1}, [2020], 0),
    ({}, [], 0),
])
def test_main_years(counts, years, outside):
    assert main_years(counts) == (years, outside)


def _texts(svg: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", t).strip() for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]


def test_year_chart_leaves_out_stray_years_and_says_so():
    texts = _texts(_year_bar({1907: 1, 1950: 1, 2016: 40, 2017: 50, 2018: 30, 2035: 1}, "Articles by year", "articles"))
    years = [t for t in texts if re.fullmatch(r"\d{4}", t)]
    assert years == ["2016", "2017", "2018"]
    assert "not shown: 3 articles of other years (1907–2035)" in texts


def test_year_ticks_thin_out_over_a_long_span():
    counts = {y: 10 + y % 7 for y in range(1980, 2026)}  # 46 years, each a real share
    years = [t for t in _texts(_year_bar(counts, "Articles by year", "articles")) if re.fullmatch(r"\d{4}", t)]
    assert 4 <= len(years) <= 13 and years == sorted(years)
