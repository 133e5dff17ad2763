"""Lighthouse over every page of a built site: run lighthouse.mjs, then boil each result down to
scores, CLS, bytes transferred and the audits that cost points (with the elements they name)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.project import BENCH_DIR, chrome_path

# Lighthouse runs per Node process and browser (see run()).
JOBS_PER_BROWSER = 6
CATEGORIES = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "bp",
    "seo": "seo",
}


@dataclass
class Element:
    """What an audit names: an element (CSS selector and HTML snippet), or a URL or message."""

    selector: str
    text: str


@dataclass
class Finding:
    """One audit that costs points on one page."""

    audit: str
    title: str
    category: str
    score: float
    display: str
    items: list[Element] = field(default_factory=list)


@dataclass
class PageRun:
    site: str  # "ours" or "baseline"
    path: str  # site-relative, "" for the home page
    scheme: str
    shown: str | None  # the palette the page showed (Material's data-md-color-scheme)
    scores: dict[str, int]
    cls: float
    transfer_bytes: int
    requests: list[dict[str, Any]]
    findings: list[Finding]
    hints: list[str]  # performance insights that fail (no weight, but they explain lost points)
    perf_runs: list[int] = field(
        default_factory=list
    )  # every run's score; ``scores`` is the median
    # Milliseconds under Lighthouse's simulated throttling: "fcp", "lcp", "tbt"; after run(),
    # each is the median over the page's runs (not the median run's own value).
    timings: dict[str, float] = field(default_factory=dict)


# The timing audits compared side by side with plain Material (numericValue, ms).
TIMINGS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
}


def ensure_node_modules() -> None:
    if not (BENCH_DIR / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--prefix", str(BENCH_DIR), "--no-audit"], check=True)


def list_pages(site_dir: Path) -> list[str]:
    """Site-relative URLs of every HTML page but the 404 page and redirect stubs."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative == "404.html" or 'http-equiv="refresh"' in html.read_text(encoding="utf-8"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return sorted(pages)


def lighthouse_version() -> str:
    package = BENCH_DIR / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def run(
    site: str,
    base_url: str,
    paths: list[str],
    schemes: list[str],
    out_dir: Path,
    repeats: int = 1,
) -> list[PageRun]:
    """Lighthouse on every page of one site in every scheme; see run_side_by_side()."""
    return run_side_by_side([(site, base_url)], paths, schemes, out_dir, repeats)


def run_side_by_side(
    sites: list[tuple[str, str]],
    paths: list[str],
    schemes: list[str],
    out_dir: Path,
    repeats: int = 1,
) -> list[PageRun]:
    """Lighthouse on every page of each site (``sites``: (name, base URL) pairs serving the same
    ``paths``) in every scheme, ``repeats`` times. Jobs are interleaved page by page: one run of
    a page on each site in turn, then the next page, round after round, so a busy moment or a
    drifting machine weighs on the sites alike. Keeps each page's median performance run, as
    Lighthouse's docs advise, with every run's score in ``perf_runs`` and the median of each
    timing in ``timings`` (ms)."""
    jobs = [
        {
            "site": site,
            "base": base_url,
            "url": base_url + path,
            "scheme": scheme,
            "path": path,
            "out": str(out_dir / f"lhr-{site}-{scheme}-{_slug(path)}-{repeat + 1}.json"),
        }
        for repeat in range(repeats)
        for path in paths
        for scheme in schemes
        for site, base_url in sites
    ]
    shown: dict[str, str | None] = {}
    env = {**os.environ, "CHROME_PATH": chrome_path()}
    tag = "-".join(site for site, _ in sites)
    # A fresh Node process and browser every few pages: one kept for a whole run grows past a
    # gigabyte, and its garbage collection competes with the page under test on two cores.
    for start in range(0, len(jobs), JOBS_PER_BROWSER):
        jobs_file = out_dir / f"jobs-{tag}-{start // JOBS_PER_BROWSER + 1}.json"
        jobs_file.write_text(
            json.dumps(jobs[start : start + JOBS_PER_BROWSER], indent=1), encoding="utf-8"
        )
        result = subprocess.run(
            ["node", str(BENCH_DIR / "lighthouse.mjs"), str(jobs_file)],
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in map(json.loads, result.stdout.splitlines()):
            shown[line["out"]] = line["shown"]
    samples: dict[tuple[str, str, str], list[PageRun]] = {}
    for job in jobs:
        # Name pages by their path on the site, not by this run's port.
        site_path = "/" + job["base"].split("/", 3)[3]
        text = Path(job["out"]).read_text(encoding="utf-8").replace(job["base"], site_path)
        lhr = json.loads(text)
        page_run = summarize(job["site"], job["path"], job["scheme"], shown[job["out"]], lhr)
        samples.setdefault((job["site"], job["path"], job["scheme"]), []).append(page_run)
    runs = []
    for page_runs in samples.values():
        median = sorted(page_runs, key=lambda r: r.scores["perf"])[len(page_runs) // 2]
        median.perf_runs = [r.scores["perf"] for r in page_runs]
        median.timings = {
            key: statistics.median(r.timings[key] for r in page_runs) for key in TIMINGS
        }
        runs.append(median)
    return runs


def _slug(path: str) -> str:
    return path.strip("/").replace("/", "_") or "home"


def summarize(site: str, path: str, scheme: str, shown: str | None, lhr: dict[str, Any]) -> PageRun:
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse failed on {path or 'home'}: {lhr['runtimeError']}")
    audits = lhr["audits"]
    findings = []
    hints = []
    for category_id, category in lhr["categories"].items():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            if ref["weight"]:
                findings.append(
                    Finding(
                        audit=ref["id"],
                        title=audit["title"],
                        category=CATEGORIES[category_id],
                        score=audit["score"],
                        display=audit.get("displayValue", ""),
                        items=_items(audit.get("details") or {}),
                    )
                )
            elif category_id == "performance" and audit.get("scoreDisplayMode") != "informative":
                hints.append(f"{ref['id']}: {audit['title']}")
    requests = [
        {
            "url": item["url"],
            "type": item.get("resourceType"),
            "transfer": item.get("transferSize", 0),
            "resource": item.get("resourceSize", 0),
        }
        for item in audits["network-requests"]["details"]["items"]
    ]
    return PageRun(
        site=site,
        path=path,
        scheme=scheme,
        shown=shown,
        scores={
            short: round(lhr["categories"][long]["score"] * 100)
            for long, short in CATEGORIES.items()
        },
        cls=audits["cumulative-layout-shift"]["numericValue"],
        timings={key: float(audits[audit]["numericValue"]) for key, audit in TIMINGS.items()},
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        requests=requests,
        findings=findings,
        hints=hints,
    )


def _items(details: dict[str, Any]) -> list[Element]:
    """The elements, URLs or messages an audit names."""
    if details.get("type") == "list":
        return [element for table in details.get("items", []) for element in _items(table)]
    elements = []
    for item in details.get("items", []):
        node = item.get("node") or {}
        if node.get("selector"):
            elements.append(Element(node["selector"], node.get("snippet", "")[:160]))
        elif item.get("description") or item.get("source"):
            where = item.get("sourceLocation", {}).get("url") or item.get("url") or ""
            message = item.get("description") or item.get("source")
            elements.append(Element("", f"{message} {where}".strip()))
        elif item.get("url"):
            elements.append(Element("", str(item["url"])))
        else:
            elements.append(Element("", json.dumps(item, ensure_ascii=False)[:200]))
    return elements


def to_json(runs: list[PageRun]) -> list[dict[str, Any]]:
    return [asdict(run) for run in runs]
