// The plan builder on the team leads' page: ticking chapters, checklists and phases makes the
// plan's URL (?c=chapters&t=topics&p=phases, ids comma-separated), which plan.js opens: no server.
// Entry script of pages with the builder; it needs nothing of the progress script.
// The selection lives in this page's own query, in the plan's format (replaceState, no new
// history entry): a reload and Back find it there, it needs no storage (so it also works where
// storage is blocked), and the team-leads URL of a half-built plan can be shared as it is. A
// bar at the bottom of the window shows the plan where the reader ticks, far below the builder.

import { $$, copy, h, liveRegion, onReady } from "./dom.js";

const KINDS = { c: "chapters", t: "checklists", p: "phases" };

// "c:intro" parts -> "?c=intro&t=..." in a fixed order, so one plan has one URL.
export function planQuery(parts) {
  const query = Object.keys(KINDS)
    .map((kind) => [kind, parts.filter((part) => part.startsWith(`${kind}:`)).map((part) => part.slice(2))])
    .filter(([, ids]) => ids.length)
    .map(([kind, ids]) => `${kind}=${ids.map(encodeURIComponent).join(",")}`);
  return query.length ? `?${query.join("&")}` : "";
}

/** The "kind:id" parts a plan query names ("?c=a,b&p=x" -> ["c:a", "c:b", "p:x"]). */
export function queryParts(search) {
  const params = new URLSearchParams(search);
  return Object.keys(KINDS).flatMap((kind) =>
    (params.get(kind) || "").split(",").filter(Boolean).map((id) => `${kind}:${id}`));
}

// Ticks the boxes the page's query names, so a reload or Back shows the plan as it was left.
function restoreSelection(boxes) {
  const wanted = new Set(queryParts(location.search));
  if (wanted.size) for (const box of boxes) box.checked = wanted.has(box.value);
}

function keepSelection(parts) {
  const url = new URL(location.href);
  url.search = planQuery(parts);
  history.replaceState(history.state, "", url);
}

// The plan where the reader is ticking: what it holds, its link to copy, and the plan to open.
// It steps aside while the builder's own output is wholly in view, so the plan is not shown twice.
function resultBar(root, output) {
  const bar = h("div", { class: "mdx-plan-bar", role: "region", "aria-label": "Your plan", hidden: "" });
  (root.closest("article") || root.parentNode).append(bar);
  new IntersectionObserver(([entry]) =>
    bar.classList.toggle("mdx-plan-bar--aside", entry.intersectionRatio >= 0.99), { threshold: [0, 0.99] })
    .observe(output);
  return bar;
}

// A URL as text that wraps only after "/", "," or "&" (no-wrap runs, <wbr> between), as the
// build writes the kit's addresses (render.url_breaks): never inside an id.
const urlText = (url) => url.match(/[^/,&]*(?:[/,&]+|$)/g).filter(Boolean)
  .flatMap((run, i) => [...(i ? [h("wbr", {})] : []), h("span", { class: "mdx-nowrap" }, run)]);

function planMarkdown(entries, url) {
  const lines = entries.map((entry) => {
    const title = entry.querySelector(".mdx-directory__title").textContent.trim();
    const text = entry.dataset.mdxPart.startsWith("c:") ? `Read ${title}` : title;
    const link = entry.querySelector("[data-mdx-copy-url]").textContent.trim();
    return `- [ ] [${text.replace(/[\\[\]]/g, "\\$&")}](${link})`;
  });
  return `### Onboarding plan\n\n${lines.join("\n")}\n\nPlan page: ${url}`;
}

const copyButton = (label, more, text) =>
  h("button", { type: "button", class: "mdx-btn", "aria-label": label + more,
    onclick: (event) => copy(text(), event.currentTarget) }, label);

// The addresses a team lead copies are those of the site they are on (another port, a
// sub-path, a downloaded copy), not the one it was built for: each relative link is resolved
// against this page's own URL, and the directory shows what will be copied.
const here = (relative) => new URL(relative, location.href).href;

function showAddresses() {
  for (const entry of $$(".mdx-directory__entry")) {
    entry.querySelector("[data-mdx-copy-url]")
      .replaceChildren(...urlText(entry.querySelector(".mdx-directory__link").href));
  }
}

function mountBuilder(root) {
  showAddresses();
  const output = root.querySelector("[data-mdx-plan-output]");
  root.querySelector("[data-mdx-plan-help]").textContent =
    "Tick the chapters, checklists and phases below; the plan's link appears here and in a bar at the bottom of the window, ready to paste into an onboarding issue.";
  const boxes = $$(".mdx-directory__box");
  const bar = resultBar(root, output);
  const chosen = () => boxes.filter((box) => box.checked).map((box) => box.closest("[data-mdx-part]"));
  const parts = () => chosen().map((entry) => entry.dataset.mdxPart);
  const url = () => here(root.dataset.mdxPlanUrl) + planQuery(parts());
  const show = () => {
    const entries = chosen();
    keepSelection(parts());
    bar.hidden = !entries.length;
    if (!entries.length) {
      output.replaceChildren(h("p", {}, "Tick at least one chapter, checklist or phase below."));
      bar.replaceChildren();
      return;
    }
    const counts = Object.entries(KINDS)
      .map(([kind, name]) => [entries.filter((e) => e.dataset.mdxPart.startsWith(`${kind}:`)).length, name])
      .filter(([n]) => n)
      .map(([n, name]) => `${n} ${n === 1 ? name.slice(0, -1) : name}`);
    const link = h("a", { href: url(), target: "_self", class: "mdx-plan-builder__link" }, ...urlText(url()));
    output.replaceChildren(
      h("p", {}, `Plan with ${counts.join(", ")}: `, link),
      copyButton("Copy link", " to the plan", url),
      copyButton("Copy as Markdown", " task list of the plan", () => planMarkdown(entries, url())),
    );
    bar.replaceChildren(
      h("p", { class: "mdx-plan-bar__summary" }, `Plan: ${counts.join(", ")}`),
      h("button", { type: "button", class: "mdx-btn", onclick: (event) => copy(url(), event.currentTarget) },
        "Copy plan link"),
      h("a", { href: url(), target: "_self", class: "mdx-btn mdx-plan-bar__open" }, "Open plan"),
    );
  };
  for (const box of boxes) {
    box.disabled = false;
    box.addEventListener("change", show);
  }
  restoreSelection(boxes);
  show();
}

function mount() {
  for (const root of $$("[data-mdx-component=plan-builder]:not([data-mdx-ready])")) {
    root.dataset.mdxReady = "";
    liveRegion();
    mountBuilder(root);
  }
}

onReady(mount);
