"""`make bench`: build our site and a plain Material baseline, serve both as GitHub Pages does,
run Lighthouse over every page (light and dark), time builds and live reload, write results.md.

Environment: BENCH_QUICK=1 (a few pages through Lighthouse, one build run), BENCH_RUNS=N (build
runs per variant, default 3), BENCH_LARGE_RUNS=N (build runs per variant at 1,000 pages, default
BENCH_RUNS: one round there takes minutes), BENCH_LH_RUNS=N (Lighthouse runs per page and scheme,
median kept, default 3), BENCH_SKIP_LARGE=1 (no 1,000-page builds), CHROME_PATH (Chromium).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from benchmarks import baseline, build_times, lighthouse, reload, report
from benchmarks.project import BENCH_DIR, PROJECT_DIR, SUB_PATH, build, chrome_path, copy_project
from benchmarks.serve import serve

RESULTS_DIR = BENCH_DIR / "results"
QUICK_PAGES = ("", "guide/the-practical-framework/", "topics/webhook-design/")


def _flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


def _output(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_DIR).stdout.strip()


def _load() -> str:
    """Load average (1 min): other work on the machine skews timings and Lighthouse's TBT."""
    return f"{os.getloadavg()[0]:.1f}"


def _commit() -> str:
    changes = _output("git", "status", "--porcelain", "--", ".", ":!benchmarks")
    suffix = " + uncommitted changes" if changes else ""
    return _output("git", "rev-parse", "--short", "HEAD") + suffix


def _meta(runs: str, lh_runs: int, load_at_start: str, commit: str) -> dict[str, str]:
    return {
        "Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "Commit (the working tree measured)": commit,
        "Lighthouse": f"{lighthouse.lighthouse_version()} (mobile preset, simulated throttling)",
        "Chromium": _output(chrome_path(), "--version"),
        "Node": _output("node", "--version"),
        "MkDocs": version("mkdocs"),
        "Material for MkDocs": version("mkdocs-material"),
        "mkdocs-macros": version("mkdocs-macros-plugin"),
        "Lighthouse runs per page and scheme": f"{lh_runs} (the median performance run is shown)",
        "Build runs per variant": runs,
        "Load average at start / end": f"{load_at_start} / {_load()} ({os.cpu_count()} CPUs)",
        "Served": f"gzip, under `{SUB_PATH}`, by benchmarks/serve.py",
    }


def main() -> None:
    load_at_start, commit = _load(), _commit()
    quick = _flag("BENCH_QUICK")
    runs = int(os.environ.get("BENCH_RUNS") or (1 if quick else 3))
    large_runs = int(os.environ.get("BENCH_LARGE_RUNS") or runs)
    lh_runs = int(os.environ.get("BENCH_LH_RUNS") or 3)
    RESULTS_DIR.mkdir(exist_ok=True)
    for stale in RESULTS_DIR.glob("*.json"):
        stale.unlink()
    lighthouse.ensure_node_modules()
    builds: dict[str, list[build_times.Variant]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        # One snapshot of the working tree for every measurement, however it changes meanwhile.
        source = copy_project(tmp / "snapshot")
        ours_site, plain_site = tmp / "site-ours", tmp / "site-plain"
        same_site = tmp / "site-same-content"
        with (
            serve(ours_site, SUB_PATH) as ours,
            serve(plain_site, SUB_PATH) as plain,
            serve(same_site, SUB_PATH) as same,
        ):
            print(f"Building our site for {ours.base_url}")
            build(source, ours_site, ours.base_url)
            baseline.write_plain_project(tmp / "plain", plain.base_url)
            build(tmp / "plain", plain_site, plain.base_url)
            paths = lighthouse.list_pages(ours_site)
            baseline.write_same_content_project(tmp / "same", same.base_url, ours_site, paths)
            build(tmp / "same", same_site, same.base_url)
            plain_paths = lighthouse.list_pages(plain_site)
            if quick:
                paths = [p for p in paths if p in QUICK_PAGES]
                plain_paths = [p for p in plain_paths if p in QUICK_PAGES]
            print(
                f"Lighthouse: {len(paths)} pages, light + dark; baselines: {len(plain_paths)} "
                f"pages of guide text, {len(paths)} with our pages' content"
            )
            # Ours and plain Material with the same content, page by page in turn, both schemes
            # (plain Material's default configuration shows its light palette in either).
            page_runs = lighthouse.run_side_by_side(
                [("ours", ours.base_url), ("same-content", same.base_url)],
                paths,
                ["light", "dark"],
                RESULTS_DIR,
                lh_runs,
            )
            page_runs += lighthouse.run(
                "baseline", plain.base_url, plain_paths, ["light"], RESULTS_DIR, lh_runs
            )
        sizes = [("guide size", False)] + (
            [] if _flag("BENCH_SKIP_LARGE") else [("1,000 pages", True)]
        )
        for size, large in sizes:
            print(f"Timing builds, {size}")
            builds[size] = build_times.variants(tmp, source, large, "http://127.0.0.1:8000/")
            size_runs = large_runs if large else runs
            build_times.time_builds(builds[size], size_runs, "http://127.0.0.1:8000/", tmp)
        print("Timing edit-to-reload in make serve")
        reloads = reload.measure(tmp, source)
    described = (
        f"{runs}"
        if large_runs == runs or _flag("BENCH_SKIP_LARGE")
        else (f"{runs} at the guide's size, {large_runs} at 1,000 pages")
    )
    meta = _meta(described, lh_runs, load_at_start, commit)
    raw = {
        "meta": meta,
        "lighthouse": lighthouse.to_json(page_runs),
        "builds": {
            size: [
                {
                    "name": v.name,
                    "pages": v.pages,
                    "as_configured": v.as_configured,
                    "seconds": v.seconds,
                }
                for v in variants
            ]
            for size, variants in builds.items()
        },
        "reload": asdict(reloads),
    }
    (RESULTS_DIR / "summary.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    table = report.render(meta, page_runs, builds, reloads)
    (BENCH_DIR / "results.md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
