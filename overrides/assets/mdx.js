// Makes [data-mdx-component] elements interactive; progress stays in this browser.
// Importing this module runs nothing: the page's entry script (progress.js, or plan.js on the
// plan page) calls mount() when the page is ready.

import { $$, announce, copy, h, liveRegion } from "./dom.js";

// One key per site: GitHub Pages serves many sites from one origin.
export const KEY = `${new URL("../", import.meta.url).pathname}.mdx-progress`;
const VERSION = 1;
const MIGRATIONS = {}; // MIGRATIONS[n] turns a version n value into n + 1

let state = blank();
let memoryOnly = false; // when storage is unusable

function blank() {
  return { version: VERSION, items: {}, startDate: null };
}

const done = (id) => state.items[id]?.done === true;
const idOf = (node) => node.closest(".mdx-item").dataset.mdxItem;
const idsOf = (root) => $$(".mdx-item", root).map(idOf);
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// The address of `id` on the page as this reader reached it: data-mdx-url is relative to the
// page, so a copied link works wherever the site is served (another port, a sub-path, a
// downloaded copy), not only at the address the site was built for.
const urlOf = (node, id) =>
  new URL(`${node.closest("[data-mdx-url]").dataset.mdxUrl}#${id}`, location.href).href;
const entry = (id, isDone) => ({ ...state.items[id], done: isDone, at: new Date().toISOString() });

const button = (label, more, onclick, className = "") =>
  h("button", { type: "button", class: `mdx-btn ${className}`, "aria-label": label + more,
    onclick }, label);

export function migrate(data) {
  while (MIGRATIONS[data?.version]) data = MIGRATIONS[data.version](data);
  const items = data?.items;
  const day = data?.startDate;
  const valid = data?.version === VERSION && items?.constructor === Object &&
    Object.values(items).every((e) => typeof e?.done === "boolean" && typeof e.at === "string") &&
    (!day || (typeof day === "string" && /^\d{4}-\d\d-\d\d$/.test(day))); // a date input's value
  return valid ? { ...data, startDate: data.startDate || null } : null;
}

// Ticks of old ids move to the new id; the old entries stay for a rollback.
export function adoptAliases(items, renames) {
  let moved = false;
  for (const [id, aliases] of renames) {
    const old = aliases.find((alias) => items[alias]);
    if (old && !items[id]) moved = items[id] = { ...items[old], from: old };
  }
  return !!moved;
}

// A corrupt value is backed up, never lost.
function read() {
  if (memoryOnly) return state;
  try {
    const raw = localStorage.getItem(KEY);
    let data;
    try {
      data = raw && migrate(JSON.parse(raw));
    } catch {}
    if (data || !raw) return data || blank();
    localStorage.setItem(`${KEY}.backup-${Date.now()}`, raw);
    localStorage.removeItem(KEY);
    return blank();
  } catch {
    memoryOnly = true;
    return state;
  }
}

// Changes apply to a fresh read: other tabs' ticks and unknown ids are kept.
function update(change) {
  const next = read();
  change(next);
  state = next;
  try {
    if (!memoryOnly) localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    memoryOnly = true;
  }
  render();
}

function markdown(root) {
  const lines = $$(".mdx-item", root).map((li) => {
    const text = [...li.querySelector("label").childNodes].map((node) => node.nodeName === "CODE"
      ? `\`${node.textContent}\``
      : node.textContent.replace(/[\\[\]]/g, "\\$&"));
    const url = urlOf(li, idOf(li));
    return `- [${done(idOf(li)) ? "x" : " "}] [${text.join("").replace(/\s+/g, " ").trim()}](${url})`;
  });
  return `### ${root.dataset.mdxTitle}\n\n${lines.join("\n")}`;
}

function mountList(root) {
  const title = root.dataset.mdxTitle;
  const actions = h("div", {});
  for (const li of $$(".mdx-item", root)) {
    const label = li.querySelector("label");
    label.control.disabled = false;
    label.parentNode.append(button("", `Copy link to “${label.textContent.trim()}”`,
      (e) => copy(urlOf(li, idOf(li)), e.currentTarget), "mdx-btn--icon"));
  }
  root.addEventListener("change", ({ target }) => {
    const id = idOf(target);
    update((s) => (s.items[id] = entry(id, target.checked)));
    announce(`${title}: ${root.querySelector(".mdx-toolbar__status").textContent}`);
  });
  const reset = button("Reset", ` ${title}`, () => {
    const ids = idsOf(root).filter(done);
    const before = Object.fromEntries(ids.map((id) => [id, state.items[id]]));
    update((s) => ids.forEach((id) => (s.items[id] = entry(id, false))));
    const undo = button("Undo", ` reset of ${title}`, () => {
      update((s) => Object.assign(s.items, before));
      note.remove();
      reset.focus();
      announce("Ticks restored");
    });
    const note = h("p", { class: "mdx-toolbar__note" }, "Progress reset.", undo);
    actions.querySelector("p")?.remove();
    actions.append(note);
    announce(`${title} reset. Undo is available.`);
  });
  actions.append(
    button("Copy link", ` to ${title}`, (e) => copy(urlOf(root, root.id), e.currentTarget)),
    button("Copy as Markdown", ` ${title}`, (e) => copy(markdown(root), e.currentTarget)),
    reset);
  root.querySelector("[data-mdx-toolbar]").append(
    h("div", { class: "mdx-toolbar__status" }),
    h("progress", { class: "mdx-toolbar__bar", "aria-label": `Progress of ${title}` }),
    actions);
}

function mountStart(root) {
  const input = h("input", { type: "date", id: "mdx-start",
    onchange: () => update((s) => (s.startDate = input.value || null)) });
  root.querySelector("[data-mdx-start]")
    .append(h("label", { for: "mdx-start" }, "The day you started"), input);
}

// Import merges: a tick in either is kept; of two differing states the newer wins.
function mountPanel(root) {
  const message = h("p", { class: "mdx-panel__message", role: "status" });
  const file = h("input", { type: "file", accept: ".json", hidden: "", onchange: async () => {
    let data;
    try {
      data = migrate(JSON.parse(await file.files[0].text()));
    } catch {}
    file.value = "";
    let n = 0;
    if (data) update((s) => {
      for (const [id, theirs] of Object.entries(data.items)) {
        const mine = s.items[id];
        if (id === "__proto__") continue;
        if (!mine || (mine.done !== theirs.done && theirs.at > mine.at)) s.items[id] = theirs;
        n += theirs.done && s.items[id].done;
      }
      s.startDate ??= data.startDate;
    });
    message.textContent = data ? `Imported ${plural(n, "tick")}.` :
      `Not a progress export of this guide (format ${VERSION}), so nothing was imported.`;
  } });
  const exportAll = () => {
    const day = new Date().toLocaleDateString("sv"); // YYYY-MM-DD
    const link = h("a", { href: URL.createObjectURL(new Blob([JSON.stringify(read(), null, 2)])),
      download: `backend-optimization-guide-progress-${day}.json` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1e3);
  };
  root.append(h("h2", {}, "Your progress"), h("p", { class: "mdx-panel__summary" }),
    button("Export progress", " to a JSON file", exportAll),
    button("Import progress", " from a JSON file", () => file.click()), file, message);
}

const MOUNT = {
  checklist: mountList, card: mountList, framework: mountStart, progress: mountPanel };

let listening = false;

/** Mount every component on the page and show the saved progress. `before` runs first, on the
 * page as the reader got it: the plan page removes the parts its plan does not name there, so
 * every count below counts what is left. Mounting twice mounts only new components. */
export function mount({ before } = {}) {
  before?.();
  liveRegion();
  if (!listening) {
    listening = true;
    addEventListener("hashchange", highlight);
    addEventListener("storage", (event) => {
      if (event.key === KEY || !event.key) {
        state = read();
        render();
      }
    });
  }
  state = read();
  const renames = $$("[data-mdx-aliases]").map((li) => [idOf(li), li.dataset.mdxAliases.split(" ")]);
  if (adoptAliases({ ...state.items }, renames)) update((s) => adoptAliases(s.items, renames));
  for (const root of $$("[data-mdx-component]:not([data-mdx-ready])")) {
    root.dataset.mdxReady = "";
    MOUNT[root.dataset.mdxComponent]?.(root);
  }
  render();
  highlight();
}

const today = () =>
  Math.round((new Date().setHours(0, 0, 0, 0) - new Date(`${state.startDate}T00:00`)) / 864e5);

const within = (day, start, end) => day >= start && (end == null || day < end);
const STATES = { todo: "Not started", doing: "In progress", done: "Done" };
const isNow = (node, day) => within(day, +node.dataset.mdxStartDay, node.dataset.mdxEndDay);
const mark = (node, now) =>
  now ? node.setAttribute("aria-current", "step") : node.removeAttribute("aria-current");

function render() {
  const day = today();
  for (const box of $$(".mdx-item__box:enabled")) box.checked = done(idOf(box));
  for (const bar of $$(".mdx-toolbar__bar")) {
    const list = bar.closest("[data-mdx-title]");
    const ids = idsOf(list);
    const n = ids.filter(done).length;
    const key = n ? (n < ids.length ? "doing" : "done") : "todo";
    const now = list.matches(".mdx-card") && isNow(list, day);
    mark(list, now);
    Object.assign(bar, { max: ids.length, value: n });
    bar.previousSibling.replaceChildren(h("b", { class: `mdx-state--${key}` }, STATES[key]),
      ` · ${n} of ${ids.length} done`, now ? h("b", { class: "mdx-badge" }, "Current phase") : "");
  }
  for (const topic of $$(".mdx-topic")) {
    const ids = topic.dataset.mdxItems.split(" ");
    const n = ids.filter(done).length;
    topic.querySelector("[data-mdx-count]").textContent =
      n ? `${n} of ${ids.length} done` : `${ids.length} items`;
  }
  const start = document.getElementById("mdx-start");
  if (start && start !== document.activeElement) start.value = state.startDate ?? "";
  for (const milestone of $$(".mdx-milestone")) {
    const now = isNow(milestone, day);
    mark(milestone, now);
    milestone.querySelector("[data-mdx-status]").textContent = now ? "You are here" : "";
  }
  for (const panel of $$("[data-mdx-plan]")) renderContinue(panel, day);
  const ticks = Object.values(state.items).filter((e) => e.done).length;
  for (const summary of $$(".mdx-panel__summary")) {
    summary.textContent = `${plural(ticks, "tick")} saved in this browser only.`;
  }
  if (memoryOnly && !document.querySelector(".mdx-notice")) {
    document.querySelector("[data-mdx-component]")?.before(
      h("p", { class: "mdx-notice", role: "status" },
        "Progress can't be saved in this browser; ticks last until you leave this page."));
  }
}

// Next unticked task: in the current phase (or phase 1), then later ones, then earlier.
function renderContinue(panel, day) {
  const plan = JSON.parse(panel.dataset.mdxPlan);
  const at = Math.max(0, plan.findIndex((p) => within(day, p.start, p.end)));
  const tasks = plan.flatMap((p) => p.tasks);
  const next = [...plan.slice(at), ...plan].flatMap((p) => p.tasks).find((task) => !done(task.id));
  const link = (text, id = "") => h("a", { href: panel.dataset.mdxFramework + id }, text);
  panel.querySelector("[data-mdx-continue-text]").replaceChildren(...(next
    ? [day >= 0 ? "You are in " : "Start with ", h("b", {}, `${plan[at].label}: ${plan[at].title}`),
      ". Next: ",
      link(next.text, `#${next.id}`)]
    : [`You have ticked all ${tasks.length} tasks of `, link("the week-by-week plan"),
      ". Well done."]));
}

function highlight() {
  $$(".mdx-is-target").forEach((node) => node.classList.remove("mdx-is-target"));
  const id = location.hash.slice(1);
  document.getElementById(id)?.closest(".mdx-item, .mdx-card")?.classList.add("mdx-is-target");
}
