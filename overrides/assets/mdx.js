// Interactive checklists, framework cards and the reader's saved progress.
// The server HTML reads well without this script; it only enhances [data-mdx-component] elements.
// CSP-friendly: no inline handlers, no HTML strings, no eval.

// Progress is scoped to this site's path: project sites on one origin must not share it.
const ROOT = new URL("../", import.meta.url).pathname;
export const KEY = `${ROOT}.mdx-progress`;
const VERSION = 1;
// MIGRATIONS[n] turns a stored value of version n into version n + 1.
const MIGRATIONS = {};
const DAY = 864e5;

let state = blank();
let memoryOnly = false; // storage unavailable: progress lasts for this session only
let live; // the one polite live region

function blank() {
  return { version: VERSION, items: {}, startDate: null };
}

const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const now = () => new Date().toISOString();
const done = (id) => state.items[id]?.done === true;
const idsIn = (root) => $$(".mdx-item", root).map((li) => li.dataset.mdxItem);
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// Builds an element from attributes ("on…" keys become listeners) and children.
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value != null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

// ---- Stored value --------------------------------------------------------------------------

function valid(data) {
  const items = data?.items;
  return (
    data?.version === VERSION &&
    typeof items === "object" &&
    items !== null &&
    !Array.isArray(items) &&
    Object.values(items).every((e) => typeof e?.done === "boolean" && typeof e.at === "string") &&
    (data.startDate == null || /^\d{4}-\d\d-\d\d$/.test(data.startDate))
  );
}

// Any known older version becomes the current one; anything else is null.
export function migrate(data) {
  while (data && MIGRATIONS[data.version]) data = MIGRATIONS[data.version](data);
  return valid(data) ? { ...data, startDate: data.startDate ?? null } : null;
}

// Ticks saved under an item's old ids move to its new id; the old entries stay for a rollback.
export function adoptAliases(items, renames) {
  let changed = false;
  for (const [id, aliases] of renames) {
    const found = aliases.map((old) => items[old]).filter(Boolean);
    if (items[id] || !found.length) continue;
    const newest = found.reduce((a, b) => (b.at > a.at ? b : a));
    items[id] = { ...newest, from: aliases[found.indexOf(newest)] };
    changed = true;
  }
  return changed;
}

function unavailable() {
  memoryOnly = true;
}

// Reads the freshest value (other tabs may have written); a corrupt one is backed up, not lost.
function read() {
  if (memoryOnly) return state;
  let raw;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    unavailable();
    return state;
  }
  if (raw == null) return blank();
  let data = null;
  try {
    data = migrate(JSON.parse(raw));
  } catch {}
  if (data) return data;
  try {
    localStorage.setItem(`${KEY}.backup-${Date.now()}`, raw);
    localStorage.removeItem(KEY);
  } catch {
    unavailable();
  }
  return blank();
}

// Every change re-reads storage first, so ids this page does not know are always kept.
function update(change) {
  const next = read();
  change(next);
  state = next;
  if (!memoryOnly) {
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      unavailable();
    }
  }
  render();
}

// ---- Small helpers -------------------------------------------------------------------------

function announce(text) {
  live?.replaceChildren(h("span", {}, text));
}

function button(label, context, onclick, extra = "") {
  return h(
    "button",
    { type: "button", class: `mdx-btn ${extra}`, onclick },
    h("span", { class: "mdx-btn__label" }, label),
    h("span", { class: "md-visually-hidden" }, context),
  );
}

// Shows a short confirmation on the button itself, then restores its label.
function flash(btn, text) {
  const label = btn.firstChild;
  clearTimeout(btn.mdxTimer);
  btn.mdxLabel ??= label.textContent;
  label.textContent = text;
  btn.classList.add("mdx-btn--done");
  btn.mdxTimer = setTimeout(() => {
    label.textContent = btn.mdxLabel;
    btn.classList.remove("mdx-btn--done");
  }, 2000);
}

async function copy(text, btn, what) {
  window.__mdxLastCopy = btn.dataset.mdxCopied = text;
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    const area = h("textarea", { class: "md-visually-hidden", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    try {
      ok = document.execCommand("copy");
    } catch {}
    area.remove();
    btn.focus();
  }
  flash(btn, ok ? "Copied" : "Copy failed");
  announce(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}`);
}

const urlOf = (node, id) => `${node.closest("[data-mdx-url]").dataset.mdxUrl}#${id}`;

// A label as Markdown link text: <code> becomes `code`, brackets are escaped.
function markdownText(label) {
  return [...label.childNodes]
    .map((n) =>
      n.nodeName === "CODE" ? `\`${n.textContent}\`` : n.textContent.replace(/[\\[\]]/g, "\\$&"),
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export function markdown(root) {
  const lines = $$(".mdx-item", root).map((li) => {
    const id = li.dataset.mdxItem;
    const text = markdownText(li.querySelector(".mdx-item__text"));
    return `- [${done(id) ? "x" : " "}] [${text}](${urlOf(li, id)})`;
  });
  return `### ${root.dataset.mdxTitle}\n\n${lines.join("\n")}`;
}

function daysSince(date) {
  if (!date) return null;
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date();
  return Math.round((Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()) - Date.UTC(y, m - 1, d)) / DAY);
}

const inRange = (day, start, end) => day != null && day >= start && (end == null || day < end);
const range = (node) => [+node.dataset.mdxStartDay, node.dataset.mdxEndDay ?? null];
const isoDay = (d) =>
  [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");

// ---- Mounting ------------------------------------------------------------------------------

// A checklist or a framework card: enabled boxes, a progress toolbar, copy and reset controls.
function mountList(root) {
  const title = root.dataset.mdxTitle;
  const toolbar = root.querySelector("[data-mdx-toolbar]");
  const actions = h("div", { class: "mdx-toolbar__actions" });
  for (const li of $$(".mdx-item", root)) {
    const text = li.querySelector(".mdx-item__text").textContent.trim();
    li.querySelector(".mdx-item__box").disabled = false;
    li.querySelector(".mdx-item__head").append(
      button(
        "Copy link",
        ` to “${text}”`,
        (e) => copy(urlOf(li, li.id), e.currentTarget, "Link"),
        "mdx-btn--icon",
      ),
    );
  }
  root.addEventListener("change", (e) => {
    const li = e.target.closest(".mdx-item");
    if (!li || !e.target.matches(".mdx-item__box")) return;
    actions.querySelector(".mdx-toolbar__note")?.remove();
    update((s) => {
      s.items[li.dataset.mdxItem] = { ...s.items[li.dataset.mdxItem], done: e.target.checked, at: now() };
    });
    const ids = idsIn(root);
    announce(`${e.target.checked ? "Ticked" : "Unticked"}. ${title}: ${ids.filter(done).length} of ${ids.length} done`);
  });
  const reset = button("Reset", ` ${title}`, () => {
    const ids = idsIn(root).filter(done);
    if (!ids.length) return announce("Nothing to reset");
    const before = Object.fromEntries(ids.map((id) => [id, state.items[id]]));
    update((s) => ids.forEach((id) => (s.items[id] = { ...s.items[id], done: false, at: now() })));
    const note = h(
      "p",
      { class: "mdx-toolbar__note" },
      "Progress reset. ",
      button("Undo", ` reset of ${title}`, () => {
        update((s) => Object.assign(s.items, before));
        note.remove();
        reset.focus();
        announce(`Ticks restored. ${title}: ${ids.length} more done`);
      }),
    );
    actions.querySelector(".mdx-toolbar__note")?.remove();
    actions.append(note);
    announce(`${title} reset. Undo is available`);
  });
  actions.append(
    button("Copy link", ` to ${title}`, (e) => copy(urlOf(root, root.id), e.currentTarget, "Link")),
    button("Copy as Markdown", ` ${title}`, (e) => copy(markdown(root), e.currentTarget, "Markdown")),
    reset,
  );
  toolbar.append(
    h(
      "div",
      { class: "mdx-toolbar__meter" },
      h("p", { class: "mdx-toolbar__status" }),
      h("progress", { class: "mdx-toolbar__bar", "aria-label": `Progress of ${title}` }),
    ),
    actions,
  );
}

// The framework's start-date control.
function mountFramework(root) {
  const input = h("input", {
    type: "date",
    id: "mdx-start-date",
    class: "mdx-start__input",
    onchange: () => update((s) => (s.startDate = input.value || null)),
  });
  root
    .querySelector("[data-mdx-start]")
    .append(
      h("label", { class: "mdx-start__label", for: "mdx-start-date" }, "The day you started"),
      input,
      h("p", { class: "mdx-start__hint", "aria-live": "polite" }),
    );
}

function say(message, text) {
  message.textContent = text;
}

async function importFile(file, message) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return say(message, "That file is not JSON, so nothing was imported.");
  }
  const version = data?.version;
  data = migrate(data);
  if (!data) {
    return say(
      message,
      typeof version === "number" && version !== VERSION
        ? `That file uses progress format ${version}; this site reads format ${VERSION}. Nothing was imported.`
        : "That file is not a progress export from this guide, so nothing was imported.",
    );
  }
  let count = 0;
  update((s) => {
    for (const [id, theirs] of Object.entries(data.items)) {
      const mine = s.items[id];
      if (id === "__proto__") continue;
      // A tick in either is kept; where both have the item in different states, the newer wins.
      if (!mine || (mine.done !== theirs.done && theirs.at > mine.at)) s.items[id] = theirs;
      if (theirs.done && s.items[id].done) count++;
    }
    s.startDate ??= data.startDate;
  });
  say(message, `Imported ${plural(count, "tick")}.`);
}

// "Your progress": export and import of everything saved for this site.
function mountPanel(root) {
  const message = h("p", { class: "mdx-panel__message", role: "status" });
  const file = h("input", {
    type: "file",
    accept: ".json,application/json",
    class: "mdx-panel__file",
    hidden: true,
    "aria-label": "Progress file to import",
    onchange: () => {
      if (file.files[0]) importFile(file.files[0], message);
      file.value = "";
    },
  });
  root.append(
    h("h2", { class: "mdx-panel__title", id: "your-progress" }, "Your progress"),
    h("p", { class: "mdx-panel__summary" }),
    h(
      "div",
      { class: "mdx-panel__actions" },
      button("Export progress", " as a JSON file", () => {
        const blob = new Blob([JSON.stringify(read(), null, 2)], { type: "application/json" });
        const link = h("a", {
          href: URL.createObjectURL(blob),
          download: `backend-optimization-guide-progress-${isoDay(new Date())}.json`,
        });
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 1e4);
        say(message, "Progress exported.");
      }),
      button("Import progress", " from a JSON file", () => file.click()),
      file,
    ),
    message,
  );
}

const MOUNT = {
  checklist: mountList,
  card: mountList,
  framework: mountFramework,
  "progress-panel": mountPanel,
};

// Runs on every page Material's instant navigation shows; each element is enhanced once.
function mount() {
  if (!live?.isConnected) {
    live = h("div", { class: "md-visually-hidden", "aria-live": "polite", "data-mdx-live": "" });
    (document.querySelector("main") ?? document.body).append(live);
  }
  state = read();
  const renames = $$(".mdx-item[data-mdx-aliases]").map((li) => [
    li.dataset.mdxItem,
    li.dataset.mdxAliases.split(/\s+/).filter(Boolean),
  ]);
  if (adoptAliases(structuredClone(state.items), renames)) update((s) => adoptAliases(s.items, renames));
  for (const root of $$("[data-mdx-component]:not([data-mdx-ready])")) {
    root.dataset.mdxReady = "";
    MOUNT[root.dataset.mdxComponent]?.(root);
  }
  render();
  highlight();
}

// ---- Rendering -----------------------------------------------------------------------------

function setText(node, ...children) {
  node?.replaceChildren(...children);
}

function render() {
  const day = daysSince(state.startDate);
  for (const box of $$(".mdx-item__box:not([disabled])")) {
    box.checked = done(box.closest(".mdx-item").dataset.mdxItem);
  }
  for (const root of $$("[data-mdx-component=checklist],[data-mdx-component=card]")) {
    const ids = idsIn(root);
    const n = ids.filter(done).length;
    const word = n === 0 ? "Not started" : n < ids.length ? "In progress" : "Done";
    const current = root.matches(".mdx-card") && inRange(day, ...range(root));
    root.classList.toggle("mdx-card--current", current);
    if (current) root.setAttribute("aria-current", "step");
    else root.removeAttribute("aria-current");
    const bar = root.querySelector(".mdx-toolbar__bar");
    if (!bar) continue;
    bar.max = ids.length;
    bar.value = n;
    setText(
      root.querySelector(".mdx-toolbar__status"),
      h("span", { class: `mdx-state mdx-state--${word.split(" ")[0].toLowerCase()}` }, word),
      ` · ${n} of ${ids.length} done`,
      current ? h("span", { class: "mdx-badge" }, "Current phase") : "",
    );
  }
  for (const topic of $$(".mdx-topic[data-mdx-items]")) {
    const ids = topic.dataset.mdxItems.split(/\s+/).filter(Boolean);
    const n = ids.filter(done).length;
    const count = topic.querySelector("[data-mdx-count]");
    count.textContent = n ? `${n} of ${ids.length} done` : `${ids.length} items`;
    count.classList.toggle("mdx-topic__count--started", n > 0);
  }
  renderStart(day);
  renderTimeline(day);
  for (const panel of $$("[data-mdx-component=continue]")) renderContinue(panel, day);
  const ticks = Object.values(state.items).filter((e) => e.done).length;
  for (const summary of $$(".mdx-panel__summary")) {
    summary.textContent = `${plural(ticks, "tick")} saved in this browser only. Export them to keep a copy or to move to another browser.`;
  }
  if (memoryOnly && !document.querySelector(".mdx-notice")) {
    document
      .querySelector("[data-mdx-component]")
      ?.before(
        h(
          "p",
          { class: "mdx-notice", role: "status" },
          "Progress can't be saved in this browser; it will last until you close the tab.",
        ),
      );
  }
}

function renderStart(day) {
  const input = document.getElementById("mdx-start-date");
  if (!input) return;
  if (document.activeElement !== input) input.value = state.startDate ?? "";
  const phase = $$(".mdx-card").find((card) => inRange(day, ...range(card)));
  input.nextElementSibling.textContent =
    day == null
      ? "Set it to see which phase you are in."
      : day < 0
        ? `Your plan starts in ${plural(-day, "day")}.`
        : `Day ${day + 1}${phase ? ` · current phase: ${phase.querySelector(".mdx-card__label").textContent}` : ""}`;
}

function renderTimeline(day) {
  for (const timeline of $$("[data-mdx-component=timeline]")) {
    $$(".mdx-milestone", timeline).forEach((milestone, index) => {
      const [start, end] = range(milestone);
      const current = inRange(day, start, end);
      const past = day != null && end != null && day >= end;
      milestone.classList.toggle("mdx-milestone--current", current);
      milestone.classList.toggle("mdx-milestone--past", past);
      if (current) milestone.setAttribute("aria-current", "step");
      else milestone.removeAttribute("aria-current");
      const status = milestone.querySelector("[data-mdx-status]");
      const framework = timeline.dataset.mdxFramework;
      if (day == null) {
        setText(
          status,
          index === 0 && framework
            ? h("span", {}, "Set the day you started in ", h("a", { href: framework }, "The Practical Framework"), " to see where you are.")
            : "",
        );
      } else {
        setText(status, current ? "You are here" : past ? "Behind you" : `Starts in ${plural(start - day, "day")}`);
      }
    });
  }
}

function renderContinue(panel, day) {
  let plan;
  try {
    plan = JSON.parse(panel.dataset.mdxPlan);
  } catch {
    return;
  }
  const framework = panel.dataset.mdxFramework;
  const text = panel.querySelector("[data-mdx-continue-text]");
  const tasks = plan.flatMap((phase) => phase.tasks);
  const left = tasks.filter((task) => !done(task.id)).length;
  const index = Math.max(
    0,
    plan.findIndex((phase) => inRange(day, phase.start, phase.end)),
  );
  const phase = plan[index];
  if (!left) {
    return setText(
      text,
      `You have ticked all ${tasks.length} tasks of `,
      h("a", { href: framework }, "the week-by-week plan"),
      ". Well done.",
    );
  }
  // The next unticked task: in the current phase first, then the phases after it, then before.
  const next = [...plan.slice(index), ...plan.slice(0, index)]
    .flatMap((p) => p.tasks)
    .find((task) => !done(task.id));
  setText(
    text,
    day == null || day < 0 ? "Start with " : "You are in ",
    h("strong", {}, `${phase.label}: ${phase.title}`),
    ` (${tasks.length - left} of ${tasks.length} tasks done). Next: `,
    h("a", { href: `${framework}#${next.id}`, class: "mdx-continue__next" }, next.text),
  );
}

// ---- Deep links ----------------------------------------------------------------------------

// "#id" (or an old id of a renamed item) highlights the item or card it names.
function highlight() {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {}
  $$(".mdx-is-target").forEach((node) => node.classList.remove("mdx-is-target"));
  if (!id) return;
  const named = document.getElementById(id);
  const target = (named ?? document.querySelector(`[data-mdx-aliases~="${CSS.escape(id)}"]`))?.closest(
    ".mdx-item, .mdx-card",
  );
  if (!target) return;
  target.classList.add("mdx-is-target");
  if (!named) target.scrollIntoView();
}

// ---- Start ---------------------------------------------------------------------------------

addEventListener("hashchange", highlight);
addEventListener("storage", (event) => {
  if (memoryOnly || (event.key !== KEY && event.key !== null)) return;
  state = read();
  render();
});
if (window.document$?.subscribe) window.document$.subscribe(() => mount());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
