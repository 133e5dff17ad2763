// Makes [data-mdx-component] elements interactive; progress stays in this browser.
// Importing this module runs nothing: the page's entry script (progress.js, or plan.js on the
// plan page) calls mount() when the page is ready.

import { $$, afterNextFrame, announce, copy, h, liveRegion } from "./dom.js";

// One key per site: GitHub Pages serves many sites from one origin.
export const KEY = `${new URL("../", import.meta.url).pathname}.mdx-progress`;
const VERSION = 2;
// MIGRATIONS[n] turns a version n value into n + 1. Version 2 lets an entry say the item does
// not apply (na, reason) and carry a note and a link; a version-1 entry is a valid one as it is.
const MIGRATIONS = { 1: (data) => ({ ...data, version: 2 }) };

let state = blank();
let memoryOnly = false; // when storage is unusable

function blank() {
  return { version: VERSION, items: {}, startDate: null };
}

const done = (id) => state.items[id]?.done === true && !na(id);
// Not-applicable items leave every total: counts, phase states, the plan, the panel.
const na = (id) => state.items[id]?.na === true;
const counted = (ids) => ids.filter((id) => !na(id));
const idOf = (node) => node.closest(".mdx-item").dataset.mdxItem;
const idsOf = (root) => $$(".mdx-item", root).map(idOf);
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// The address of `id` on the page as this reader reached it: data-mdx-url is relative to the
// page, so a copied link works wherever the site is served (another port, a sub-path, a
// downloaded copy), not only at the address the site was built for.
const urlOf = (node, id) =>
  new URL(`${node.closest("[data-mdx-url]").dataset.mdxUrl}#${id}`, location.href).href;
const entry = (id, isDone) => {
  const { ticked: _ticked, ...rest } = state.items[id] ?? {};
  return { ...rest, done: isDone, at: new Date().toISOString() };
};
// Ticking an item that was marked not applicable says it applies; its reason stays, as a note.
function tick(id, isDone) {
  const next = entry(id, isDone);
  if (isDone && next.na) {
    if (next.reason && !next.note) next.note = next.reason;
    delete next.na;
    delete next.reason;
  }
  return next;
}

// "Updated since you ticked it": an item's latest revision readers are told about is its
// data-mdx-revised day (YYYY-MM-DD). A ticked entry whose tick (`ticked`, else `at`: ISO times) is from an
// earlier day, and whose confirmed revision (`seen`, a day) is earlier too, is marked until the
// reader confirms it with "Got it", which stores that day as `seen`.
const tickedAt = (e) => (typeof e?.ticked === "string" ? e.ticked : e?.at);
const isUpdated = (e, day) => !!day && e?.done === true && typeof tickedAt(e) === "string" &&
  tickedAt(e) < day && !(typeof e.seen === "string" && e.seen >= day);
const updated = (li) => isUpdated(state.items[idOf(li)], li.dataset.mdxRevised);
const revisionMark = (li) => updated(li)
  ? ` (updated ${li.dataset.mdxRevised}: ${li.dataset.mdxRevision})` : "";
// The later of two confirmed days: a revision confirmed on either device stays confirmed.
const laterSeen = (a, b) => [a?.seen, b?.seen].filter((d) => typeof d === "string").sort().pop();

const button = (label, more, onclick, className = "") =>
  h("button", { type: "button", class: `mdx-btn ${className}`, "aria-label": label + more,
    onclick }, label);

/** Whether `value` is an absolute http or https URL (the only links a note may carry). */
export function isWebLink(value) {
  try {
    return typeof value === "string" && /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

const optional = (value, type) => value === undefined || typeof value === type;
// One saved entry: `done` and `at` (ISO time) as in version 1; optionally `na` (true: the item
// does not apply here) with a `reason`, a `note`, and a `link` (http or https only).
const validEntry = (e) => typeof e?.done === "boolean" && typeof e.at === "string" &&
  optional(e.na, "boolean") && optional(e.reason, "string") && optional(e.note, "string") &&
  (e.link === undefined || isWebLink(e.link));

/** A saved or imported progress value brought to the current version, or null when it is not
 * one: {version, items: {id: entry}, startDate: "YYYY-MM-DD" | null}. Version-1 values migrate
 * with nothing lost. */
export function migrate(data) {
  while (MIGRATIONS[data?.version]) data = MIGRATIONS[data.version](data);
  const items = data?.items;
  const day = data?.startDate;
  const valid = data?.version === VERSION && items?.constructor === Object &&
    Object.values(items).every(validEntry) &&
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
    let data, old;
    try {
      old = raw && JSON.parse(raw).version;
      data = raw && migrate(JSON.parse(raw));
    } catch {}
    if (data && old !== VERSION) keepOld(raw, old, data);
    if (data || !raw) return data || blank();
    localStorage.setItem(`${KEY}.backup-${Date.now()}`, raw);
    localStorage.removeItem(KEY);
    return blank();
  } catch {
    memoryOnly = true;
    return state;
  }
}

// A value saved by an older version of the guide is kept under a backup key (as a corrupt one
// is) and replaced by its migration at once, so the backup is written once.
function keepOld(raw, version, data) {
  try {
    localStorage.setItem(`${KEY}.backup-v${version}-${Date.now()}`, raw);
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {} // storage full: the old value stays, read and migrated again next time
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

const oneLine = (text) => text.replace(/\s+/g, " ").trim();

// One GitHub task line per item, with the reader's note: `- [x] [Item](url) — note (link)`
// (an item updated since the tick adds ` (updated YYYY-MM-DD: summary)` after its link);
// an item that does not apply is ticked and struck through: `- [x] ~~[Item](url)~~ — n/a:
// reason`. tasklist.js reads these lines back.
function taskLine(li) {
  const text = [...li.querySelector("label").childNodes].map((node) => node.nodeName === "CODE"
    ? `\`${node.textContent}\``
    : node.textContent.replace(/[\\[\]]/g, "\\$&"));
  const item = `[${oneLine(text.join(""))}](${urlOf(li, idOf(li))})`;
  const { note, reason, link } = state.items[idOf(li)] ?? {};
  const tail = (words) => {
    const all = oneLine([words, link && `(${link})`].filter(Boolean).join(" "));
    return all ? ` — ${all}` : "";
  };
  return na(idOf(li))
    ? `- [x] ~~${item}~~${tail(reason ? `n/a: ${reason}` : "n/a")}`
    : `- [${done(idOf(li)) ? "x" : " "}] ${item}${revisionMark(li)}${tail(note)}`;
}

function markdown(root) {
  const lines = $$(".mdx-item", root).map(taskLine);
  return `### ${root.dataset.mdxTitle}\n\n${lines.join("\n")}`;
}

// A checklist or phase card: its items' boxes and buttons (one listener here answers all the
// buttons), its toolbar (status, bar, list buttons), and the reader's progress in them.
function mountList(root) {
  const title = root.dataset.mdxTitle;
  const actions = h("div", {});
  for (const box of $$(".mdx-item__box", root)) box.disabled = false;
  root.addEventListener("change", ({ target }) => {
    if (!target.matches(".mdx-item__box")) return; // not the note form's inputs
    const id = idOf(target);
    update((s) => (s.items[id] = tick(id, target.checked)));
    announce(`${title}: ${root.querySelector(".mdx-toolbar__status").textContent}`);
  });
  root.addEventListener("click", (event) => {
    const control = event.target.closest("[data-mdx-do]");
    if (!control) return;
    const li = control.closest(".mdx-item");
    if (control.dataset.mdxDo === "copy") copy(urlOf(li, idOf(li)), control);
    else toggleNote(li, control);
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
    actions.querySelector(".mdx-toolbar__note")?.remove();
    actions.append(note);
    undo.focus(); // Reset is disabled now: nothing is left to reset
    announce(`${title} reset. Undo is available.`);
  });
  actions.append(
    button("Copy link", ` to ${title}`, (e) => copy(urlOf(root, root.id), e.currentTarget)),
    button("Copy as Markdown", ` ${title}`, (e) => copy(markdown(root), e.currentTarget)),
    reset,
    pasteControl(` into ${title} and the rest of this page`, (panel) => actions.after(panel)));
  reset.dataset.mdxReset = "";
  root.querySelector("[data-mdx-toolbar]").append(
    h("div", { class: "mdx-toolbar__status" }),
    h("progress", { class: "mdx-toolbar__bar", "aria-label": `Progress of ${title}` }),
    actions);
  mountItems(root);
  renderList(root);
}

// Each item's two buttons in its heading, the only controls an item shows before the reader
// opens one: copy its link, and open its note. They hold no listener of their own (mountList's
// answers them), so a list of twenty items adds forty elements. The space they take is kept in
// mdx.css from the first paint, so nothing moves when they come.
function mountItems(list) {
  for (const li of $$(".mdx-item", list)) {
    const head = li.querySelector(".mdx-item__head");
    if (head.querySelector("[data-mdx-do]")) continue;
    const name = head.querySelector("label").textContent.trim();
    head.append(
      h("button", { type: "button", class: "mdx-btn mdx-btn--icon", "data-mdx-do": "copy",
        "aria-label": `Copy link to “${name}”` }),
      h("button", { type: "button", class: "mdx-btn mdx-btn--icon mdx-btn--note",
        "data-mdx-do": "note", title: "Note / not applicable",
        "aria-label": `Note or not applicable: “${name}”`, "aria-expanded": "false" }));
  }
}

// An entry with the item's status replaced: `status` is {done, na?, reason?, note?, link?};
// other fields (the rename's `from`, fields of later versions) stay.
function withStatus(old, status) {
  const { na: _na, reason: _reason, note: _note, link: _link, ...rest } = old ?? {};
  // `at` says when the entry last changed (import keeps the newer); `ticked` keeps when the
  // item was ticked, which a note saved later must not move ("updated since you ticked it").
  const ticked = old?.done === true && status.done === true ? tickedAt(old) : undefined;
  return { ...rest, ...status, at: new Date().toISOString(), ...(ticked && { ticked }) };
}

const shortLink = (link) => link.replace(/^https?:\/\//, "").replace(/\/$/, "");

// What an item shows under its heading, in this order: the update note (renderRevision), the
// reader's saved note (renderNote), the note form (noteForm). Each is made when it is first
// needed; `place` puts it after whichever of those before it the item has.
const SLOTS = [".mdx-item__head", ".mdx-item__updated", ".mdx-item__status", ".mdx-note"];
function place(li, node) {
  const earlier = SLOTS.slice(0, SLOTS.findIndex((slot) => node.matches(slot)));
  earlier.map((slot) => li.querySelector(`:scope > ${slot}`)).filter(Boolean).pop().after(node);
}

// What the item's saved note says, under the item: nothing (and no element) when there is none.
function renderNote(li) {
  const id = idOf(li);
  const { note, reason, link } = state.items[id] ?? {};
  const words = na(id)
    ? `Not applicable here${reason ? `: ${reason}` : ""}`
    : note && `Note: ${note}`;
  const parts = words ? [words] : [];
  if (link) {
    const anchor = h("a", { href: link, rel: "noopener" }, shortLink(link));
    parts.push(words ? " — " : "Link: ", anchor);
  }
  li.classList.toggle("mdx-item--na", na(id));
  let status = li.querySelector(":scope > .mdx-item__status");
  if (!status && !parts.length) return;
  if (!status) place(li, (status = h("p", { class: "mdx-item__status", id: `${id}--status` })));
  // Rewritten only when it changes: a reader may be selecting or following the link.
  if (status.textContent !== parts.map((part) => part.textContent ?? part).join("")) {
    status.replaceChildren(...parts);
  }
}

// The checkbox is described by what shows under the item (the update first, then the note), so
// screen readers read it with the item; by nothing when nothing shows.
function describeBox(li, box) {
  const ids = $$(":scope > :is(.mdx-item__updated:not([hidden]), .mdx-item__status:not(:empty))",
    li).map((node) => node.id).join(" ");
  if ((box.getAttribute("aria-describedby") ?? "") === ids) return;
  if (ids) box.setAttribute("aria-describedby", ids);
  else box.removeAttribute("aria-describedby");
}

const noteForms = new WeakMap(); // item -> its note form's {form, show, hide}, once opened

// The item's "Note / not applicable" control: its disclosure button (beside Copy link) opens a
// small form under the item, made the first time it opens; Save or Enter keeps it, Cancel or
// Escape closes it, and focus goes back to the button either way.
function toggleNote(li, toggle) {
  if (!noteForms.has(li)) noteForms.set(li, noteForm(li, toggle));
  const { form, show, hide } = noteForms.get(li);
  if (form.hidden) show();
  else hide();
}

function noteForm(li, toggle) {
  const id = idOf(li);
  const name = li.querySelector("label").textContent.trim();
  const naBox = h("input", { type: "checkbox", id: `${id}--na` });
  const text = h("input", { type: "text", id: `${id}--note`, maxlength: "300",
    autocomplete: "off" });
  const error = h("p", { class: "mdx-note__error", id: `${id}--link-error` });
  const link = h("input", { type: "url", id: `${id}--link`, autocomplete: "off",
    placeholder: "https://", "aria-describedby": error.id });
  const hide = () => {
    form.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  };
  const show = () => {
    const saved = state.items[id] ?? {};
    naBox.checked = na(id);
    text.value = (na(id) ? saved.reason : saved.note) ?? "";
    link.value = saved.link ?? "";
    error.textContent = "";
    link.removeAttribute("aria-invalid");
    form.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    naBox.focus();
  };
  const save = (event) => {
    event.preventDefault();
    const url = link.value.trim();
    if (url && !isWebLink(url)) {
      error.textContent = "The link must be a web address starting with https:// or http://.";
      link.setAttribute("aria-invalid", "true");
      link.focus();
      return;
    }
    const words = oneLine(text.value);
    const status = { done: !naBox.checked && done(id) };
    if (naBox.checked) status.na = true;
    if (words) status[naBox.checked ? "reason" : "note"] = words;
    if (url) status.link = url;
    update((s) => (s.items[id] = withStatus(s.items[id], status)));
    hide();
    announce(naBox.checked ? `Marked not applicable: ${name}`
      : words || url ? "Note saved" : "Note removed");
  };
  const form = h("form", { class: "mdx-note", id: `${id}--note-form`, hidden: "", novalidate: "",
    onsubmit: save, onkeydown: (event) => event.key === "Escape" && hide() },
    h("fieldset", {},
      h("legend", { class: "md-visually-hidden" }, `Your note on “${name}”`),
      h("p", { class: "mdx-note__na" }, naBox,
        h("label", { for: naBox.id }, "Not applicable here")),
      h("p", {}, h("label", { for: text.id }, "Note, or why it does not apply"), text),
      h("p", {}, h("label", { for: link.id },
        "Link (optional): the pull request, dashboard or profile"), link),
      error,
      h("p", {}, h("button", { type: "submit", class: "mdx-btn" }, "Save"),
        button("Cancel", "", hide))));
  place(li, form);
  toggle.setAttribute("aria-controls", form.id);
  return { form, show, hide };
}

const KINDS = { ticked: "Tick", unticked: "Untick", "not applicable": "Mark not applicable",
  applicable: "Mark as applying", noted: "Note", "note removed": "Remove the note" };
let pastes = 0;

// "Paste from an issue": a button that opens a text area for an onboarding issue's body, a
// preview of what it would change for the items on this page, applied only when the reader
// confirms. The panel is made the first time it opens, where `place(panel)` puts it; the parser
// (tasklist.js) loads on the first preview: no page pays for either before.
function pasteControl(more, place) {
  let panel, show, hide;
  const opener = button("Paste from an issue", more, () => {
    if (!panel) {
      [panel, show, hide] = pastePanel(opener);
      place(panel);
    }
    if (panel.hidden) show();
    else hide();
  });
  opener.setAttribute("aria-expanded", "false");
  return opener;
}

function pastePanel(opener) {
  const id = `mdx-paste-${++pastes}`;
  const area = h("textarea", { id: `${id}-text`, rows: "6", spellcheck: "false" });
  const preview = h("div", { class: "mdx-paste__preview" });
  opener.setAttribute("aria-controls", id);
  const show = () => {
    panel.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    area.focus();
  };
  const hide = () => {
    panel.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    preview.replaceChildren();
    opener.focus();
  };
  const showPreview = async () => {
    const { parseTaskList, taskChanges } = await import("./tasklist.js");
    const known = new Map();
    const names = new Map();
    for (const li of $$(".mdx-item")) {
      names.set(idOf(li), li.querySelector("label").textContent.trim());
      for (const alias of (li.dataset.mdxAliases || "").split(" ").filter(Boolean)) {
        known.set(alias, idOf(li));
      }
      known.set(idOf(li), idOf(li));
    }
    state = read();
    const tasks = parseTaskList(area.value);
    const { changes, unchanged, unmatched } = taskChanges(tasks, state.items, known);
    const summary = tasks.length
      ? [plural(changes.length, "change"),
        unchanged && `${plural(unchanged, "line")} already as saved`,
        unmatched.length && `${plural(unmatched.length, "line")} not matched`,
      ].filter(Boolean).join(", ") + "."
      : "No task lines (“- [ ] …” or “- [x] …”) in the pasted text.";
    const apply = () => {
      update((s) => {
        for (const c of changes) s.items[c.id] = withStatus(s.items[c.id], c.status);
      });
      area.value = "";
      hide();
      announce(`Applied ${plural(changes.length, "change")}.`);
    };
    const said = (c) => c.status.reason || c.status.note;
    preview.replaceChildren(
      h("p", { class: "mdx-paste__summary" }, summary),
      changes.length ? h("ul", { class: "mdx-paste__changes" }, ...changes.map((c) => h("li", {},
        `${c.kinds.map((kind) => KINDS[kind]).join(", ")}: `,
        h("a", { href: `#${c.id}` }, names.get(c.id)),
        said(c) ? ` — “${said(c)}”` : "", c.status.link ? ` (${c.status.link})` : ""))) : "",
      unmatched.length
        ? h("p", {}, "Lines that match no item on this page; nothing is done with them:") : "",
      unmatched.length ? h("ul", { class: "mdx-paste__unmatched" }, ...unmatched.map((u) =>
        h("li", {}, `Line ${u.number}: `, h("code", {}, u.line)))) : "",
      changes.length ? h("p", {}, button(`Apply ${plural(changes.length, "change")}`, "", apply),
        button("Cancel", " pasting", hide)) : "");
    announce(summary);
  };
  const panel = h("div", { class: "mdx-paste", id, hidden: "",
    onkeydown: (event) => event.key === "Escape" && hide() },
    h("label", { for: area.id }, "Paste the onboarding issue's text (Markdown). Lines match " +
      "items by the ids in their links, never by their words."),
    area,
    h("p", {}, button("Preview changes", "", showPreview), button("Cancel", " pasting", hide)),
    preview);
  return [panel, show, hide];
}

function mountPlan(root) {
  const tools = root.querySelector("[data-mdx-plan-tools]");
  tools?.append(pasteControl(" into this plan", (panel) => tools.append(panel)));
}

// The note an updated item shows, made the first time it shows; render() shows and hides it.
function renderRevision(li) {
  const on = updated(li);
  let note = li.querySelector(":scope > .mdx-item__updated");
  if (!note && !on) return;
  note ??= revisionNote(li);
  note.hidden = !on;
}

function revisionNote(li) {
  const day = li.dataset.mdxRevised;
  const label = li.querySelector("label");
  const gotIt = button("Got it", `: “${label.textContent.trim()}” was updated`, () => {
    update((s) => (s.items[idOf(li)] = { ...s.items[idOf(li)], seen: day }));
    label.control.focus(); // the button hides; focus stays on the item
    announce(`Marked as read: the update of ${day}.`);
  });
  const note = h("p", { class: "mdx-item__updated", id: `${idOf(li)}--updated`, hidden: "" },
    h("b", {}, "Updated"), ` ${day}: ${li.dataset.mdxRevision} `, gotIt);
  place(li, note);
  return note;
}

function updatedStatus(list) {
  const n = $$(".mdx-item[data-mdx-revised]", list).filter(updated).length;
  return n ? h("span", { class: "mdx-toolbar__updated" },
    ` · ${n} updated since you ticked ${n === 1 ? "it" : "them"}`) : "";
}

function mountStart(root) {
  const input = h("input", { type: "date", id: "mdx-start", value: state.startDate ?? "",
    onchange: () => update((s) => (s.startDate = input.value || null)) });
  root.querySelector("[data-mdx-start]")
    .append(h("label", { for: "mdx-start" }, "The day you started"), input);
}

// Import merges: a tick in either is kept; of two differing states (tick, not applicable,
// note) the newer wins.
const STATUS = ["done", "na", "reason", "note", "link"];
const differs = (a, b) => STATUS.some((field) => (a[field] ?? "") !== (b[field] ?? ""));

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
        if (!mine || (differs(mine, theirs) && theirs.at > mine.at)) s.items[id] = theirs;
        const seen = laterSeen(mine, theirs);
        if (seen) s.items[id] = { ...s.items[id], seen };
        n += theirs.done && s.items[id].done && !s.items[id].na;
      }
      s.startDate ??= data.startDate;
    });
    message.textContent = data ? `Imported ${plural(n, "tick")}.` :
      `Not a progress export of this guide (format 1 to ${VERSION}), so nothing was imported.`;
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

// Components that mount at once: they are small, and their counts read the whole page's state.
const MOUNT = { progress: mountPanel, plan: mountPlan };
const LISTS = "[data-mdx-component=checklist], [data-mdx-component=card]";

let listening = false;

/** Mount every component on the page and show the saved progress; resolves once all is mounted
 * (then the page has its live region, dom.js liveRegion). `before` runs first, on the page as the
 * reader got it: the plan page removes the parts its plan does not name there, so every count
 * below counts what is left. Mounting twice mounts only new components.
 * The work is split so that no part of it is a long task on a phone (web.dev, "Optimize long
 * tasks": a task over 50 ms delays input). The first task reads the saved progress and shows it
 * outside the lists (counts, panels, the timeline); then each list (its boxes, ticks, toolbar,
 * saved notes and its items' buttons) and the start day mount one per task, those in view
 * first, so the reader sees their own progress in the first frames. Each part waits for the
 * frame that shows the one before: the style and layout of what it adds are a frame's work of
 * their own, not one long task after them all. */
export async function mount({ before } = {}) {
  before?.();
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
  const parts = []; // [the element that must be in view, what mounts it]
  for (const root of $$("[data-mdx-component]:not([data-mdx-ready])")) {
    root.dataset.mdxReady = "";
    const kind = root.dataset.mdxComponent;
    if (root.matches(LISTS)) {
      parts.push([root, () => mountList(root)]);
    } else if (kind === "framework") {
      // The date field alone takes milliseconds to make: a task of its own.
      parts.push([root.querySelector("[data-mdx-start]"), () => mountStart(root)]);
    } else {
      MOUNT[kind]?.(root);
    }
  }
  renderPage();
  highlight();
  for (const [i, [, mountPart]] of (await inViewFirst(parts)).entries()) {
    if (i) await afterNextFrame();
    mountPart();
  }
  liveRegion();
}

// `parts` ([element, …]) with those whose element is in the viewport first, then the others in
// page order. An IntersectionObserver says which are in view once the browser has laid the page
// out for its next frame, so asking forces no layout. A page that is not shown (a background
// tab) lays nothing out: after 100 ms its parts come in page order.
function inViewFirst(parts) {
  if (!parts.length) return Promise.resolve(parts);
  return new Promise((resolve) => {
    const order = (inView) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve([...parts.filter(([node]) => inView.has(node)),
        ...parts.filter(([node]) => !inView.has(node))]);
    };
    const observer = new IntersectionObserver((entries) =>
      order(new Set(entries.filter((e) => e.isIntersecting).map((e) => e.target))));
    const timer = setTimeout(() => order(new Set()), 100);
    for (const [node] of parts) observer.observe(node);
  });
}

const today = () =>
  Math.round((new Date().setHours(0, 0, 0, 0) - new Date(`${state.startDate}T00:00`)) / 864e5);

const within = (day, start, end) => day >= start && (end == null || day < end);
const STATES = { todo: "Not started", doing: "In progress", done: "Done" };
const isNow = (node, day) => within(day, +node.dataset.mdxStartDay, node.dataset.mdxEndDay);
const mark = (node, now) =>
  now ? node.setAttribute("aria-current", "step") : node.removeAttribute("aria-current");

function render() {
  for (const list of $$(LISTS)) renderList(list);
  renderPage();
}

// A list's items (ticks, notes, updates) and its toolbar; nothing before the list has mounted.
function renderList(list) {
  const bar = list.querySelector(".mdx-toolbar__bar");
  if (!bar) return;
  for (const li of $$(".mdx-item", list)) {
    const box = li.querySelector(".mdx-item__box");
    box.checked = done(idOf(li));
    renderNote(li);
    if (li.dataset.mdxRevised) renderRevision(li);
    describeBox(li, box);
  }
  const all = idsOf(list);
  const ids = counted(all);
  const n = ids.filter(done).length;
  const key = n === ids.length ? "done" : n ? "doing" : "todo";
  const now = list.matches(".mdx-card") && isNow(list, today());
  mark(list, now);
  Object.assign(bar, { max: ids.length, value: n });
  disableEmptyReset(list, n);
  const skipped = all.length - ids.length;
  bar.previousSibling.replaceChildren(h("b", { class: `mdx-state--${key}` }, STATES[key]),
    ` · ${n} of ${ids.length} done`, skipped ? ` · ${skipped} not applicable` : "",
    updatedStatus(list), now ? h("b", { class: "mdx-badge" }, "Current phase") : "");
}

// Everything else that shows the reader's progress: topic counts, the start day, the timeline,
// the home page's next task, the progress panel, and the notice when storage is unusable.
function renderPage() {
  const day = today();
  for (const topic of $$(".mdx-topic")) {
    const ids = counted(topic.dataset.mdxItems.split(" "));
    const n = ids.filter(done).length;
    keepForPrint(topic.querySelector("[data-mdx-count]")).textContent =
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
  const ticks = Object.keys(state.items).filter(done).length;
  const skipped = Object.keys(state.items).filter(na).length;
  for (const summary of $$(".mdx-panel__summary")) {
    const and = skipped ? ` and ${skipped} not applicable` : "";
    summary.textContent = `${plural(ticks, "tick")}${and} saved in this browser only.`;
  }
  if (memoryOnly && !document.querySelector(".mdx-notice")) {
    document.querySelector("[data-mdx-component]")?.before(
      h("p", { class: "mdx-notice", role: "status" },
        "Progress can't be saved in this browser; ticks last until you leave this page."));
  }
}

// Paper shows none of the reader's state (the print rules of mdx.css): before `node`'s words
// first give way to the reader's, a copy of them stays next to it for print only.
function keepForPrint(node) {
  if (!node.classList.contains("mdx-screen-only")) {
    const copy = node.cloneNode(true);
    for (const el of [copy, ...$$("[id]", copy)]) el.removeAttribute("id");
    for (const name of Object.keys(copy.dataset)) delete copy.dataset[name];
    copy.className = `${node.className} mdx-print-only`;
    node.classList.add("mdx-screen-only");
    node.after(copy);
  }
  return node;
}

// Reset with nothing ticked would only offer "Progress reset. Undo" for nothing.
function disableEmptyReset(list, n) {
  const reset = list.querySelector("[data-mdx-reset]");
  if (reset) reset.disabled = n === 0;
}

// Next unticked task: in the current phase (or phase 1), then later ones, then earlier.
function renderContinue(panel, day) {
  const plan = JSON.parse(panel.dataset.mdxPlan);
  const at = Math.max(0, plan.findIndex((p) => within(day, p.start, p.end)));
  const tasks = plan.flatMap((p) => p.tasks).filter((task) => !na(task.id));
  const next = [...plan.slice(at), ...plan].flatMap((p) => p.tasks)
    .find((task) => !done(task.id) && !na(task.id));
  const link = (text, id = "") => h("a", { href: panel.dataset.mdxFramework + id }, text);
  keepForPrint(panel.querySelector("[data-mdx-continue-text]")).replaceChildren(...(next
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
