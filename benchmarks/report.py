"""results.md: the tables `make bench` prints and commits."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from benchmarks.build_times import LAYER_ONLY, MACROS_FLOOR, SAME_PAGES, WITHOUT_LAYER, Variant
from benchmarks.lighthouse import Element, PageRun
from benchmarks.reload import ReloadResult

BUDGET_KIB = 6
BUILD_BUDGET = 1.10
# First contentful paint and LCP at most this share of plain Material's, page by page.
PAINT_BUDGET = 0.8
RELOAD_BUDGET = 1.0
MAX_ITEMS = 12
# The plain Material builds each page is compared with: site name in the runs → label.
BASELINES = {
    "same-content": "plain Material, same content",
    "baseline": "plain Material, guide text",
}


def _header(*cells: str) -> list[str]:
    return ["| " + " | ".join(cells) + " |", "|" + " --- |" * len(cells)]


def _kib(size: float) -> str:
    return f"{size / 1024:.1f}"


def _label(path: str) -> str:
    return f"`{path}`" if path else "home"


def _ok(met: bool) -> str:
    return "yes" if met else "**no**"


def _runs(runs: list[PageRun], site: str, scheme: str | None = None) -> list[PageRun]:
    return [r for r in runs if r.site == site and (scheme is None or r.scheme == scheme)]


def _by_path(runs: list[PageRun]) -> dict[str, PageRun]:
    return {run.path: run for run in runs}


def _asset(url: str) -> str:
    """An asset's path on the site (the part after the sub-path), or the whole URL elsewhere."""
    parts = urlsplit(url)
    return url if parts.netloc else parts.path.split("/", 2)[-1]


def _element_group(selector: str) -> str:
    """Elements that differ only in ids (one per checklist item, say) are listed once."""
    return re.sub(r"(?<=[\w\])])#[\w-]+", "", selector)


def render(
    meta: dict[str, str],
    runs: list[PageRun],
    builds: dict[str, list[Variant]],
    reload: ReloadResult | None,
) -> str:
    out = ["# Benchmark results", ""]
    out += [
        "Written by `make bench` (`python -m benchmarks.run`); every run overwrites this file.",
        "",
    ]
    out += [f"- {name}: {value}" for name, value in meta.items()]
    out += ["", *_targets(runs, builds, reload)]
    out += side_by_side(runs)
    out += _lighthouse_tables(runs)
    out += _weight_tables(runs)
    out += _findings(runs)
    out += _build_table(builds)
    if reload:
        samples = ", ".join(f"{s:.2f}" for s in reload.seconds)
        out += ["## Edit-to-reload latency (`make serve`)", ""]
        out += [f"Command, as `make -n serve` prints it: `{reload.command}`", ""]
        out += [*_header("Median", "Samples (s)"), f"| {reload.median:.2f} s | {samples} |"]
        out += [""]
    return "\n".join(out)


def _targets(
    runs: list[PageRun], builds: dict[str, list[Variant]], reload: ReloadResult | None
) -> list[str]:
    rows = []
    for scheme in ("light", "dark"):
        ours = _runs(runs, "ours", scheme)
        if not ours:
            continue
        worst = {key: min(r.scores[key] for r in ours) for key in ours[0].scores}
        text = " · ".join(f"{key} {value}" for key, value in worst.items())
        met = all(value == 100 for value in worst.values())
        rows.append(
            f"| Lighthouse on all {len(ours)} pages, {scheme} | 100 each "
            f"| lowest: {text} | {_ok(met)} |"
        )
    rows += _side_by_side_rows(runs)
    for site, label in BASELINES.items():
        deltas = _deltas(runs, site)
        if deltas:
            path, delta = max(deltas.items(), key=lambda item: item[1])
            rows.append(
                f"| Transferred per page vs {label} ({len(deltas)} pages) | ≤ +{BUDGET_KIB} KiB | "
                f"largest: {delta / 1024:+.1f} KiB ({_label(path)}) "
                f"| {_ok(delta <= BUDGET_KIB * 1024)} |"
            )
    ours_runs = _runs(runs, "ours")
    if ours_runs:
        worst_cls = max(ours_runs, key=lambda r: r.cls)
        rows.append(
            f"| CLS on every page (cards included) | 0 | largest: {worst_cls.cls:.3f} "
            f"({_label(worst_cls.path)}, {worst_cls.scheme}) | {_ok(worst_cls.cls == 0)} |"
        )
    for size, variants in builds.items():
        rows += _build_rows(size, variants)
    if reload:
        rows.append(
            f"| Edit-to-reload (`make serve`) | < {RELOAD_BUDGET:.0f} s "
            f"| median {reload.median:.2f} s | {_ok(reload.median < RELOAD_BUDGET)} |"
        )
    return ["## Budgets", "", *_header("Budget", "Target", "Result", "Met"), *rows, ""]


def _ratio_row(label: str, measured: Variant, base: Variant) -> str:
    ratio = measured.median / base.median
    return (
        f"| {label} | ≤ {BUILD_BUDGET:.2f} | {ratio:.2f} "
        f"({measured.median:.2f} s ÷ {base.median:.2f} s) | {_ok(ratio <= BUILD_BUDGET)} |"
    )


def _build_rows(size: str, variants: list[Variant]) -> list[str]:
    """The build-time budget rows at one size: ours against each baseline, and the floor."""
    named = {v.name: v for v in variants}
    ours = next(v for v in variants if v.as_configured)
    plain = named["plain Material"]
    rows = [_ratio_row(f"Build time, {size}: {ours.name} ÷ plain Material", ours, plain)]
    if SAME_PAGES in named:
        label = f"Build time, {size}: {ours.name} ÷ {SAME_PAGES} (the same pages)"
        rows.append(_ratio_row(label, ours, named[SAME_PAGES]))
    bare = next((v for v in variants if v.name.startswith(WITHOUT_LAYER)), None)
    if bare is not None:
        label = f"Build time, {size}: the hooks + macros layer, {ours.name} ÷ {bare.name}"
        rows.append(_ratio_row(label, ours, bare))
    layer = next((v for v in variants if v.name.startswith(LAYER_ONLY)), None)
    if MACROS_FLOOR in named and layer is not None:
        # Both run mkdocs-macros and no other plugin: the difference is the layer's own work.
        label = f"Build time, {size}: the layer, {layer.name} ÷ {MACROS_FLOOR}"
        rows.append(_ratio_row(label, layer, named[MACROS_FLOOR]))
    if MACROS_FLOOR not in named:
        ratio = ours.median / plain.median
        rows.append(
            f"| Build time, {size}: {ours.name} ÷ plain Material | ≤ 1.00 | {ratio:.2f} "
            f"({ours.median:.2f} s ÷ {plain.median:.2f} s) | {_ok(ratio <= 1.0)} |"
        )
    if MACROS_FLOOR in named:
        # Not a budget of its own: the least any layer built on mkdocs-macros can reach.
        label = f"Floor, {size}: {MACROS_FLOOR} ÷ plain Material"
        rows.append(_ratio_row(label, named[MACROS_FLOOR], plain))
    return rows


def _pairs(runs: list[PageRun]) -> list[tuple[PageRun, PageRun]]:
    """(ours, plain Material with the same content) for each page and scheme both ran."""
    plain = {(r.path, r.scheme): r for r in _runs(runs, "same-content")}
    ours = _runs(runs, "ours")
    return [(r, plain[r.path, r.scheme]) for r in ours if (r.path, r.scheme) in plain]


def _ratio(ours: float, plain: float) -> float:
    return ours / plain if plain else (1.0 if ours == 0 else float("inf"))


def _side_by_side_rows(runs: list[PageRun]) -> list[str]:
    """Budget rows: ours against plain Material with the same content, page by page."""
    pairs = _pairs(runs)
    if not pairs:
        return []
    count = len(pairs)
    perf_ok = [o.scores["perf"] >= p.scores["perf"] and o.scores["perf"] == 100 for o, p in pairs]
    # The pair furthest from the budget: below 100 or below plain's, whichever is further.
    lowest = max(
        pairs,
        key=lambda pair: max(100, pair[1].scores["perf"]) - pair[0].scores["perf"],
    )
    rows = [
        f"| Performance ≥ plain Material's and 100, page by page ({count} pages and schemes) "
        f"| every page | {sum(perf_ok)} of {count}; worst: {lowest[0].scores['perf']} vs "
        f"{lowest[1].scores['perf']} ({_label(lowest[0].path)}, {lowest[0].scheme}) "
        f"| {_ok(all(perf_ok))} |"
    ]
    for key, name, budget in (
        ("tbt", "Total blocking time", 1.0),
        ("fcp", "First contentful paint", PAINT_BUDGET),
        ("lcp", "Largest contentful paint", PAINT_BUDGET),
    ):
        ratios = [(_ratio(o.timings[key], p.timings[key]), o) for o, p in pairs]
        worst, run = max(ratios, key=lambda item: item[0])
        met = sum(ratio <= budget for ratio, _ in ratios)
        rows.append(
            f"| {name}, ours ÷ plain, page by page | ≤ {budget:.2f} | {met} of {count}; worst "
            f"{worst:.2f} ({_label(run.path)}, {run.scheme}) | {_ok(met == count)} |"
        )
    return rows


def side_by_side(runs: list[PageRun]) -> list[str]:
    """Ours and plain Material with the same content, measured in one run, page by page."""
    pairs = _pairs(runs)
    if not pairs:
        return []
    out = ["## Side by side: ours ÷ plain Material, same content (mobile, medians)", ""]
    out += [
        "Each page ran on both sites in turn, round after round; timings are the median of",
        "each page's runs in ms under Lighthouse's simulated throttling.",
        "",
        *_header("Page", "Scheme", "Perf ours / plain", "TBT ms", "FCP ms", "LCP ms", "KiB"),
    ]
    for ours, plain in pairs:
        cells = []
        for key in ("tbt", "fcp", "lcp"):
            o, p = ours.timings[key], plain.timings[key]
            cells.append(f"{o:.0f} / {p:.0f} ({_ratio(o, p):.2f})")
        kib = f"{_kib(ours.transfer_bytes)} / {_kib(plain.transfer_bytes)}"
        out.append(
            f"| {_label(ours.path)} | {ours.scheme} | {ours.scores['perf']} / "
            f"{plain.scores['perf']} | {' | '.join(cells)} | {kib} |"
        )
    return [*out, ""]


def _lighthouse_tables(runs: list[PageRun]) -> list[str]:
    light, dark = _by_path(_runs(runs, "ours", "light")), _by_path(_runs(runs, "ours", "dark"))
    out = ["## Lighthouse: our pages (mobile)", ""]
    out += ["Scores are performance / accessibility / best practices / SEO. Perf runs lists"]
    out += ["every run's performance score (light; dark) when pages ran more than once."]
    out += [
        "",
        *_header("Page", "Light", "Dark", "CLS light", "CLS dark", "Palette shown", "Perf runs"),
    ]
    for path in dict.fromkeys([*light, *dark]):
        pair = [light.get(path), dark.get(path)]
        scores = ["/".join(map(str, r.scores.values())) if r else "-" for r in pair]
        cls = [f"{r.cls:.3f}" if r else "-" for r in pair]
        shown = ", ".join(str(r.shown) if r else "-" for r in pair)
        perf = "; ".join(_perf_runs(r) for r in pair if r)
        out.append(
            f"| {_label(path)} | {scores[0]} | {scores[1]} | {cls[0]} | {cls[1]} | {shown} "
            f"| {perf} |"
        )
    for site, label in BASELINES.items():
        base = _runs(runs, site)
        if base:
            out += ["", f"## Lighthouse: {label} (mobile, light)", ""]
            out += _header("Page", "Scores", "CLS", "Perf runs")
            out += [
                f"| {_label(r.path)} | {'/'.join(map(str, r.scores.values()))} | {r.cls:.3f} "
                f"| {_perf_runs(r)} |"
                for r in base
            ]
    return [*out, ""]


def _perf_runs(run: PageRun) -> str:
    return ", ".join(map(str, run.perf_runs))


def _deltas(runs: list[PageRun], site: str) -> dict[str, float]:
    """Bytes over a baseline per page (light), for the pages the baseline has too."""
    base = _by_path(_runs(runs, site, "light"))
    return {
        r.path: r.transfer_bytes - base[r.path].transfer_bytes
        for r in _runs(runs, "ours", "light")
        if r.path in base
    }


def _weight_tables(runs: list[PageRun]) -> list[str]:
    ours = _runs(runs, "ours", "light")
    bases = {site: _by_path(_runs(runs, site, "light")) for site in BASELINES}
    if not any(bases.values()):
        return []
    out = ["## Transferred per page (gzip, first load, light)", ""]
    out += [
        "Two baselines, both Material's default configuration: the same content (our built",
        "pages' article HTML, checklists and cards as static markup) and the guide text alone",
        "(the manuscript's chapters; it has no topic, onboarding or print pages).",
        "",
    ]
    out += _header(
        "Page",
        "Ours KiB",
        "Same content KiB",
        "Delta",
        "Guide text KiB",
        "Delta",
        "Requests (ours / same / text)",
    )
    for run in ours:
        cells, requests = [], [str(len(run.requests))]
        for base in bases.values():
            other = base.get(run.path)
            delta = (run.transfer_bytes - other.transfer_bytes) / 1024 if other else None
            cells += [_kib(other.transfer_bytes), f"{delta:+.1f}"] if other else ["-", "-"]
            requests.append(str(len(other.requests)) if other else "-")
        out.append(
            f"| {_label(run.path)} | {_kib(run.transfer_bytes)} | {' | '.join(cells)} "
            f"| {' / '.join(requests)} |"
        )
    assets: dict[str, dict[str, int]] = defaultdict(dict)
    sites = {"ours": ours, **{site: list(base.values()) for site, base in bases.items()}}
    for site, site_runs in sites.items():
        for run in site_runs:
            for request in run.requests:
                if request["type"] != "Document" and not request["url"].startswith("data:"):
                    name = _asset(request["url"])
                    assets[name][site] = max(assets[name].get(site, 0), request["transfer"])
    out += ["", "Assets loaded on first load (largest transfer seen, KiB):", ""]
    out += _header("Asset", "Ours", "Same content", "Guide text")
    for name, sizes in sorted(assets.items(), key=lambda item: -max(item[1].values())):
        cells = [_kib(sizes[s]) if s in sizes else "-" for s in sites]
        out.append(f"| `{name}` | {' | '.join(cells)} |")
    return [*out, ""]


def _findings(runs: list[PageRun]) -> list[str]:
    out = ["## Audits that cost points", ""]
    for site, title in (
        ("ours", "Our site"),
        ("baseline", "Plain Material baseline, guide text"),
        ("same-content", "Plain Material baseline, same content"),
    ):
        site_runs = _runs(runs, site)
        if not site_runs:
            continue
        out += [f"### {title}", ""]
        grouped: dict[str, list[tuple[PageRun, object]]] = defaultdict(list)
        for run in site_runs:
            for finding in run.findings:
                grouped[finding.audit].append((run, finding))
        if not grouped:
            out += ["None.", ""]
        for audit, hits in sorted(
            grouped.items(), key=lambda item: (item[1][0][1].category, item[0])
        ):
            first = hits[0][1]
            where = _where([run for run, _ in hits], site_runs)
            out.append(f"- **{first.category} · `{audit}`** — {first.title.rstrip('.')}. {where}")
            worst = sorted({(f.score, f.display) for _, f in hits if f.display})
            if worst:
                values = ", ".join(f"{display} ({score:.2f})" for score, display in worst[:8])
                out.append(f"  - values, worst first (score): {values}")
            groups: dict[str, list[tuple[PageRun, Element]]] = defaultdict(list)
            for run, finding in hits:
                for element in finding.items:
                    key = _element_group(element.selector) if element.selector else element.text
                    groups[key].append((run, element))
            for key, members in list(groups.items())[:MAX_ITEMS]:
                out.append(
                    f"  - {_describe(key, members)} — {_where([r for r, _ in members], site_runs)}"
                )
            if len(groups) > MAX_ITEMS:
                out.append(f"  - … and {len(groups) - MAX_ITEMS} more (see the JSON)")
        hints: dict[str, int] = defaultdict(int)
        for run in site_runs:
            for hint in run.hints:
                hints[hint] += 1
        if hints:
            out += [
                "",
                "Performance insights that fail (no weight of their own; they explain metrics):",
                "",
            ]
            out += [
                f"- `{hint}` — {count} of {len(site_runs)} runs"
                for hint, count in sorted(hints.items())
            ]
        out.append("")
    return out


def _describe(key: str, members: list[tuple[PageRun, Element]]) -> str:
    example = members[0][1]
    if not example.selector:
        return f"`{key}`"
    per_run = Counter(id(run) for run, _ in members)
    count = f" ({max(per_run.values())} elements on a page)" if max(per_run.values()) > 1 else ""
    return f"`{key}`{count}, e.g. `{example.text}`"


def _where(hit_runs: list[PageRun], site_runs: list[PageRun]) -> str:
    parts = []
    for scheme in ("light", "dark"):
        pages = sorted({r.path for r in hit_runs if r.scheme == scheme})
        total = len({r.path for r in site_runs if r.scheme == scheme})
        if not pages:
            continue
        listed = f"all {total} pages" if len(pages) == total else ", ".join(map(_label, pages))
        parts.append(f"{scheme}: {listed}")
    return "; ".join(parts)


def _build_table(builds: dict[str, list[Variant]]) -> list[str]:
    if not builds:
        return []
    out = ["## Build time (strict build, median of the runs, wall clock)", ""]
    out += _header("Size", "Variant", "Pages", "Median s", "÷ plain", "÷ plain + prune", "Runs (s)")
    for size, variants in builds.items():
        named = {v.name: v for v in variants}
        plain, pruned = named["plain Material"].median, named["plain Material + prune"].median
        for v in variants:
            runs = ", ".join(f"{s:.1f}" for s in v.seconds)
            out.append(
                f"| {size} | {v.name} | {v.pages} | {v.median:.1f} | {v.median / plain:.2f} "
                f"| {v.median / pruned:.2f} | {runs} |"
            )
    return [*out, ""]
