# The verbs a contributor needs. Every target installs from the lock file on first use.
SHELL := /bin/bash
# The Python that creates .venv (3.11 or newer): `make PYTHON=python3.11 test` when python3 is older.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock

# MkDocs 1.6 prints a banner about MkDocs 2.0; these variables silence it without patching packages.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Reproducible output: timestamps (sitemap, archives) come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build check test test-fast lint ledger bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@# The build layer (hooks/) as an editable package, so every entry point imports it by name.
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP) ## live preview at http://127.0.0.1:8000 (without git dates, print page, llms.txt)
	FULL_SITE=false $(BIN)/mkdocs serve --strict --livereload --dev-addr 127.0.0.1:8000

build: $(STAMP) ## strict build into site/ (never pass -q: quiet mode hides warnings from --strict)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP) ## the quick answer: strict build and link-ledger check, no tests (seconds)
	$(BIN)/python -m hooks.commands.ledger check

test: $(STAMP) ## unit, build and browser tests: everything CI runs
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## unit and build tests without a browser or CONTRIBUTING's recipes
	$(BIN)/python -m pytest -m "not browser and not recipes"

lint: $(STAMP) ## ruff, Markdown lint, codespell, source URL form, zizmor, actionlint
	bash tools/lint.sh

ledger: $(STAMP) ## record new pages, ids and item texts in the link ledger
	$(BIN)/python -m hooks.commands.ledger update

bench: $(STAMP) ## Lighthouse, page weight and build-time benchmark
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf site .pytest_cache
