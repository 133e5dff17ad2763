// Small DOM helpers shared by the guide's scripts. Importing this module runs nothing: every
// export is a function, so a script that imports it decides itself when anything happens.

/** The elements under `root` matching `selector`, as an array. */
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** A new element: attributes by name, `on…` names attach listeners, then the children. */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

let live; // the page's one polite live region

/** The page's polite live region, created at the end of <main> on first use. Call it when a
 * component mounts: screen readers announce changes only in a region they have already seen. */
export function liveRegion() {
  live ??= h("div", { class: "md-visually-hidden", "aria-live": "polite" });
  if (!live.isConnected) document.querySelector("main").append(live);
  return live;
}

/** Say `text` to screen-reader users without moving focus. */
export const announce = (text) => liveRegion().replaceChildren(text);

/** Copy `text` for the reader: the Clipboard API, else a selected textarea (older browsers,
 * pages served over http). The button says "Copied" or "Copy failed" for two seconds and the
 * live region says it too; `data-mdx-copied` keeps the text copied last (tests read it). */
export async function copy(text, button) {
  button.dataset.mdxCopied = text;
  let ok = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.body.appendChild(h("textarea", {}, text));
    area.select();
    ok = document.execCommand("copy");
    area.remove();
    button.focus();
  }
  button.mdxLabel ??= button.textContent;
  button.textContent = ok ? "Copied" : "Copy failed";
  announce(button.textContent);
  clearTimeout(button.mdxTimer);
  button.mdxTimer = setTimeout(() => (button.textContent = button.mdxLabel), 2000);
}

/** Run `fn` once the page is ready, in a task of its own after Material's start-up: Material's
 * deferred bundle defines `document$` by DOMContentLoaded, so the two start-ups are two short
 * tasks the browser can answer input between, not one long one. Without Material's bundle
 * (it failed to load) `fn` still runs. */
export function onReady(fn) {
  const later = () => setTimeout(fn);
  const start = () => window.document$?.subscribe(later) ?? later();
  if (window.document$ || document.readyState === "complete") start();
  else addEventListener("DOMContentLoaded", start, { once: true });
}
