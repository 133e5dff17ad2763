// Entry script of pages with checklists, cards, progress counts or the progress panel: mounts
// them once the page is ready. (The plan page loads plan.js instead, which prunes the plan first.)

import { onReady } from "./dom.js";
import { mount } from "./mdx.js";

onReady(() => mount());
