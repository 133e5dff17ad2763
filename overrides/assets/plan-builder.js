// The plan builder on the team leads' page: ticking chapters, checklists and phases makes the
// plan's URL (?c=chapters&t=topics&p=phases, ids comma-separated), which plan.js opens: no server.
// Entry script of pages with the builder; it needs nothing of the progress script.

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
    entry.querySelector("[data-mdx-copy-url]").textContent =
      entry.querySelector(".mdx-directory__title").href;
  }
}

function mountBuilder(root) {
  showAddresses();
  const output = root.querySelector("[data-mdx-plan-output]");
  root.querySelector("[data-mdx-plan-help]").textContent =
    "Tick the chapters, checklists and phases below; the plan's link appears here, ready to paste into an onboarding issue.";
  const boxes = $$(".mdx-directory__box");
  const chosen = () => boxes.filter((box) => box.checked).map((box) => box.closest("[data-mdx-part]"));
  const url = () => here(root.dataset.mdxPlanUrl) + planQuery(chosen().map((entry) => entry.dataset.mdxPart));
  const show = () => {
    const entries = chosen();
    if (!entries.length) {
      output.replaceChildren(h("p", {}, "Tick at least one chapter, checklist or phase below."));
      return;
    }
    const counts = Object.entries(KINDS)
      .map(([kind, name]) => [entries.filter((e) => e.dataset.mdxPart.startsWith(`${kind}:`)).length, name])
      .filter(([n]) => n)
      .map(([n, name]) => `${n} ${n === 1 ? name.slice(0, -1) : name}`);
    const link = h("a", { href: url(), target: "_self", class: "mdx-plan-builder__link" }, url());
    output.replaceChildren(
      h("p", {}, `Plan with ${counts.join(", ")}: `, link),
      copyButton("Copy link", " to the plan", url),
      copyButton("Copy as Markdown", " task list of the plan", () => planMarkdown(entries, url())),
    );
  };
  for (const box of boxes) {
    box.disabled = false;
    box.addEventListener("change", show);
  }
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
