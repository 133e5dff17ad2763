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

/** The page's polite live region, created at the end of <main> on first use. Call it when the
 * components have mounted: screen readers announce changes only in a region they have already
 * seen. Its presence says the page's components are all mounted (the browser tests wait for it). */
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

/** Run `fn` once the page is ready, in a task of its own after Material's start-up: the page
 * loader (overrides/main.html) imports the guide's scripts after Material's bundle has run and
 * been handed the document, so the two start-ups are two short tasks the browser can answer
 * input between, not one long one. Without Material's bundle (it failed to load) `fn` still
 * runs. */
export function onReady(fn) {
  const later = () => setTimeout(fn);
  const start = () => window.document$?.subscribe(later) ?? later();
  if (window.document$ || document.readyState === "complete") start();
  else addEventListener("DOMContentLoaded", start, { once: true });
}

/** A promise that resolves in a later task, so the browser can answer input and paint between
 * two parts of a long piece of work (a task over 50 ms delays input: web.dev, "Optimize long
 * tasks"). `scheduler.yield()` where the browser has it: the rest of the work keeps its place
 * ahead of other tasks. Elsewhere a MessageChannel message, which, unlike `setTimeout(fn, 0)`,
 * is not held back 4 ms once timers nest (HTML, "timer initialisation steps"). */
export function yieldToMain() {
  if (typeof globalThis.scheduler?.yield === "function") return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** A promise that resolves in a task after the browser has rendered its next frame, so that what
 * changed before it is styled, laid out and painted in that frame, apart from what changes after.
 * A page that is not shown renders no frames (and needs none): there it resolves after 100 ms. */
export function afterNextFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      yieldToMain().then(resolve);
    });
  });
}
