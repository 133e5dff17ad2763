"""`make bench`'s side-by-side budget row names the page and scheme that misses the budget by
the most (benchmarks/report.py)."""

from __future__ import annotations

from benchmarks.lighthouse import PageRun
from benchmarks.report import _side_by_side_rows


def run(site: str, path: str, perf: int) -> PageRun:
    return PageRun(
        site=site,
        path=path,
        scheme="light",
        shown="default",
        scores={"perf": perf, "a11y": 100, "bp": 100, "seo": 100},
        cls=0.0,
        transfer_bytes=0,
        requests=[],
        findings=[],
        hints=[],
        timings={"fcp": 1000.0, "lcp": 1000.0, "tbt": 10.0},
    )


def test_the_performance_row_names_the_pair_furthest_from_the_budget():
    # 100 against plain's 100 or 98 meets the budget; 99 against plain's 95 misses it (below
    # 100), although it leads plain by more than the two that meet it.
    runs = [
        run("ours", "tie/", 100),
        run("same-content", "tie/", 100),
        run("ours", "below-100/", 99),
        run("same-content", "below-100/", 95),
        run("ours", "ahead/", 100),
        run("same-content", "ahead/", 98),
    ]
    row = _side_by_side_rows(runs)[0]
    assert "2 of 3" in row and "worst: 99 vs 95 (`below-100/`, light)" in row, row
    runs += [run("ours", "far-below/", 96), run("same-content", "far-below/", 99)]
    row = _side_by_side_rows(runs)[0]
    assert "2 of 4" in row and "worst: 96 vs 99 (`far-below/`, light)" in row, row
