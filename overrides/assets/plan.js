// The plan page: a plan link (?c=chapters&t=topics&p=phases, made by plan-builder.js) narrows
// the full onboarding plan to the parts it names. Entry script of the plan page: it prunes the
// plan, then mounts the progress script's components, so every count counts the plan.

import { $$, h, onReady } from "./dom.js";
import { mount } from "./mdx.js";

const KINDS = ["c", "t", "p"]; // chapters, checklists (topics), phases: the query's order

/** The parts a plan URL's query names, as "kind:id" strings ("c:intro"), in the query's order
 * of kinds; an empty list for a URL without a plan. */
export function planParts(search) {
  const params = new URLSearchParams(search);
  return KINDS.flatMap((kind) =>
    (params.get(kind) || "").split(",").filter(Boolean).map((id) => `${kind}:${id}`));
}

/** Remove the parts of the plan `root` that the page's plan link does not name (none without a
 * plan link) and say which named parts the guide no longer has. */
export function prunePlan(root) {
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

const prunePlans = () => {
  for (const root of $$("[data-mdx-component=plan]:not([data-mdx-plan-pruned])")) {
    root.dataset.mdxPlanPruned = "";
    prunePlan(root);
  }
};

onReady(() => mount({ before: prunePlans }));
