// Onboarding plans: the builder on the team leads' page and the plan page it links to.
// The plan lives in the URL (?c=chapters&t=topics&p=phases, ids comma-separated): no server.
// Loaded only by the onboarding pages (a script in their content), before the progress script.

const KINDS = { c: "chapters", t: "checklists", p: "phases" };
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

// The same element helper as mdx.js; importing it from there would run that script's mount
// before this one prunes the plan page, and its counts would include the pruned parts.
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

// "c:intro" parts -> "?c=intro&t=..." in a fixed order, so one plan has one URL.
export function planQuery(parts) {
  const query = Object.keys(KINDS)
    .map((kind) => [kind, parts.filter((part) => part.startsWith(`${kind}:`)).map((part) => part.slice(2))])
    .filter(([, ids]) => ids.length)
    .map(([kind, ids]) => `${kind}=${ids.map(encodeURIComponent).join(",")}`);
  return query.length ? `?${query.join("&")}` : "";
}

export function planParts(search) {
  const params = new URLSearchParams(search);
  return Object.keys(KINDS).flatMap((kind) =>
    (params.get(kind) || "").split(",").filter(Boolean).map((id) => `${kind}:${id}`));
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

async function copy(text, button) {
  button.dataset.mdxCopied = text;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Select the link above to copy it";
  }
  setTimeout(() => (button.textContent = button.dataset.mdxLabel), 2000);
}

const copyButton = (label, more, text) => {
  const button = h("button", { type: "button", class: "mdx-btn", "aria-label": label + more, "data-mdx-label": label }, label);
  button.addEventListener("click", () => copy(text(), button));
  return button;
};

function mountBuilder(root) {
  const output = root.querySelector("[data-mdx-plan-output]");
  root.querySelector("[data-mdx-plan-help]").textContent =
    "Tick the chapters, checklists and phases below; the plan's link appears here, ready to paste into an onboarding issue.";
  const boxes = $$(".mdx-directory__box");
  const chosen = () => boxes.filter((box) => box.checked).map((box) => box.closest("[data-mdx-part]"));
  const url = () => root.dataset.mdxPlanAbsolute + planQuery(chosen().map((entry) => entry.dataset.mdxPart));
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

// On the plan page, parts the plan does not name are removed before the progress script
// counts them, so "2 of 3 done" counts the plan, not the whole guide.
function mountPlan(root) {
  const wanted = planParts(location.search);
  if (!wanted.length) return;
  const found = new Set();
  for (const part of $$("[data-mdx-part]", root)) {
    const [kind] = part.dataset.mdxPart.split(":");
    const aliases = (part.dataset.mdxAliases || "").split(" ").map((alias) => `${kind}:${alias.replace(/^read-/, "")}`);
    const match = [part.dataset.mdxPart, ...aliases].find((name) => wanted.includes(name));
    if (match) found.add(match);
    else part.remove();
  }
  for (const group of $$("[data-mdx-group]", root)) {
    if (!group.querySelector("[data-mdx-part]")) group.remove();
  }
  const missing = wanted.filter((name) => !found.has(name));
  const intro = root.querySelector("[data-mdx-plan-intro]");
  intro.replaceChildren(
    "Your team lead picked these parts of the guide for you. Tick them off as you go; your progress stays in this browser. ",
    h("a", { href: location.pathname, target: "_self" }, "See the full onboarding plan"),
    ".",
  );
  if (missing.length) {
    intro.after(h("p", { class: "mdx-plan__missing", role: "status" },
      `This plan names parts the guide no longer has: ${missing.join(", ")}. Ask your team lead for a new link.`));
  }
}

function mount() {
  for (const root of $$("[data-mdx-component=plan-builder]:not([data-mdx-plan-ready])")) {
    root.dataset.mdxPlanReady = "";
    mountBuilder(root);
  }
  for (const root of $$("[data-mdx-component=plan]:not([data-mdx-plan-ready])")) {
    root.dataset.mdxPlanReady = "";
    mountPlan(root);
  }
}

// Material's deferred bundle defines document$ (a value per page) by DOMContentLoaded. A task
// of its own, as in mdx.js; queued first, so the plan is pruned before mdx.js counts it.
const later = () => setTimeout(mount);
const start = () => window.document$?.subscribe(later) ?? later();
if (window.document$ || document.readyState === "complete") start();
else addEventListener("DOMContentLoaded", start);
