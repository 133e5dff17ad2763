// Reads the guide's task lines back from Markdown a reader pastes (an onboarding issue's body,
// edited on GitHub). Pure functions: no DOM, no storage, so they can be tested on their own.
// mdx.js imports this module only when a reader previews a paste: pages never load it otherwise.

import { isWebLink } from "./mdx.js"; // the links a saved note may hold

// A GitHub task list item (GFM spec, "Task list items (extension)"): a list marker, then
// "[ ]" or "[x]" and white space. Nested and blockquoted items count as well.
const TASK = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\](?:\s+(.*))?$/;
// An inline link (CommonMark 6.3): text with escaped brackets or code spans, then the
// destination, optionally in <>, and an optional title. Struck through with ~ or ~~ (GFM 6.5).
const LINK =
  /(~{1,2})?\[((?:\\.|`[^`]*`|[^\\\]`])*)\]\(\s*<?([^\s<>()]+)>?(?:\s+"[^"]*")?\s*\)(~{1,2})?/g;
// The mark "Copy as Markdown" writes after an item updated since the reader ticked it; it is
// the guide's words, not the reader's, so it is never read back as a note.
const UPDATED = /^\s*\(updated \d{4}-\d\d-\d\d(?::[^()]*(?:\([^()]*\)[^()]*)*)?\)/;
// What a reader writes between the item and the note: an em or en dash, hyphens or a colon.
const SEPARATOR = /^\s*(?:—|–|-{1,2}|:)?\s*/;
const NOT_APPLICABLE = /^n\/a\b\s*:?\s*/i;
// A link at the end of the note: "(https://…)", "<https://…>" or the bare URL.
const TRAILING_LINK =
  /\s*(?:\((https?:\/\/[^\s()]+)\)|<(https?:\/\/[^\s<>]+)>|(https?:\/\/\S+))\s*$/;

/** The id an item link points at: its URL's fragment, decoded ("…/page/#cache-keys" →
 * "cache-keys"); "" for a URL without one. */
export function fragmentOf(url) {
  try {
    return decodeURIComponent(new URL(url, "https://example.invalid/").hash.slice(1));
  } catch {
    return "";
  }
}

/** The task lines of a Markdown text, in order: [{number, line, checked, id, na, text, link}].
 * `number` counts lines from 1; `id` is the fragment of the first link on the line that has one
 * ("" when none does); `na` is true when that link is struck through or the text after it
 * starts with "n/a"; `text` is that text without the separator, the "n/a" marker and the link
 * at its end (a note, or the reason an item does not apply); `link` is that http(s) URL or "".
 * Other lines (headings, prose, plain list items) are not returned. The line format is the one
 * "Copy as Markdown" writes: `- [x] [Item](url) — note (link)`, `- [x] ~~[Item](url)~~ — n/a:
 * reason`. Never throws. */
export function parseTaskList(markdown) {
  const tasks = [];
  String(markdown).split(/\r\n|\r|\n/).forEach((line, index) => {
    const task = TASK.exec(line);
    if (!task) return;
    const rest = task[2] ?? "";
    const links = [...rest.matchAll(LINK)];
    const link = links.find((match) => fragmentOf(match[3]));
    let tail = link ? rest.slice(link.index + link[0].length) : "";
    tail = tail.replace(UPDATED, "").replace(SEPARATOR, "");
    const na = Boolean(link && ((link[1] && link[4]) || NOT_APPLICABLE.test(tail)));
    tail = tail.replace(NOT_APPLICABLE, "");
    let url = TRAILING_LINK.exec(tail);
    if (url && !isWebLink(url[1] || url[2] || url[3])) url = null; // stays part of the text
    tasks.push({
      number: index + 1,
      line: line.trim(),
      checked: task[1] !== " ",
      id: link ? fragmentOf(link[3]) : "",
      na,
      text: (url ? tail.slice(0, url.index) : tail).trim(),
      link: url ? url[1] || url[2] || url[3] : "",
    });
  });
  return tasks;
}

const same = (a = "", b = "") => a === b;

/** What applying `tasks` (from parseTaskList) to saved progress would change.
 * `items` is the saved entries by id ({id: {done, at, na?, reason?, note?, link?}}); `known`
 * maps each id and old id (`renamed_from`) of the items that can be changed to the item's id
 * (a Map). Items match by id only, never by text. Returns {changes, unchanged, unmatched}:
 * `changes` is [{id, kinds, status, number}] in line order, where `status` is the entry's new
 * {done, na?, reason?, note?, link?} and `kinds` names what changes, of "ticked", "unticked",
 * "not applicable", "applicable", "noted" (note, reason or link set or changed) and "note
 * removed"; `unchanged` counts matched lines that change nothing; `unmatched` is the task lines
 * whose link matches no item ([{number, line}]), so a preview can name each one. A later line
 * for the same item overrides an earlier one. */
export function taskChanges(tasks, items, known) {
  const byId = new Map();
  const unmatched = [];
  for (const task of tasks) {
    const id = known.get(task.id);
    if (id) {
      byId.delete(id); // the later line wins, in its place
      byId.set(id, task);
    } else unmatched.push({ number: task.number, line: task.line });
  }
  const changes = [];
  let unchanged = 0;
  for (const [id, task] of byId) {
    const mine = items[id] ?? { done: false };
    const status = { done: task.checked && !task.na };
    if (task.na) {
      status.na = true;
      if (task.text) status.reason = task.text;
    } else if (task.text) status.note = task.text;
    if (task.link) status.link = task.link;
    const kinds = [];
    const wasNa = mine.na === true;
    if (task.na && !wasNa) kinds.push("not applicable");
    if (!task.na && wasNa) kinds.push("applicable");
    if (!task.na && status.done !== (mine.done === true && !wasNa)) {
      kinds.push(status.done ? "ticked" : "unticked");
    }
    const before = wasNa ? mine.reason : mine.note;
    const text = task.na ? status.reason : status.note;
    if (!same(text, before) || !same(status.link, mine.link)) {
      kinds.push(text || status.link ? "noted" : "note removed");
    }
    if (kinds.length) changes.push({ id, kinds, status, number: task.number });
    else unchanged += 1;
  }
  return { changes, unchanged, unmatched };
}
