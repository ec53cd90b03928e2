# `make serve` and `make test` set everything up on first use: a .venv with the project and its
# test tools, and Debian's chromium for the browser tests.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NODE   := node_modules/.installed
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast check install chromium bench runtime clean

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --livereload --dirty -a $(HOST)

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict -d site

check: $(STAMP)
	$(VENV)/bin/decision-guide check
	$(VENV)/bin/ruff check plugins tests bench
	$(VENV)/bin/mypy --strict plugins/decision_guide

# Everything, with coverage; the rendering half (site/, the chart, the MkDocs adapter) must
# stay at 80 % or more of its statements per module (tests/check_coverage.py).
test: $(STAMP) $(NODE) chromium
	$(PY) -m pytest --cov=decision_guide --cov-report=term:skip-covered --cov-report=json:.coverage.json
	$(PY) tests/check_coverage.py .coverage.json

# Unit and small property tests: no browser, no whole-site builds, one worker per core (about
# 40 s of CPU in all, so under a minute on two cores). Run it on every change.
test-fast: $(STAMP)
	$(PY) -m pytest -n auto -m "not browser and not slow"

# Every budget; pick parts and sizes with e.g. `make bench BENCH='--only scale --scales 1,10'`.
bench: $(STAMP) $(NODE) chromium
	$(PY) bench/run.py $(BENCH)

install: $(STAMP)

# After changing the calculators' runtime (plugins/decision_guide/calculators/runtime/*.js):
# minify its bundle into site/static/calculators.min.js, which ships (a test fails until then).
runtime: $(STAMP) $(NODE)
	UPDATE_RUNTIME=1 $(PY) -m pytest -q tests/test_runtime_bundle.py

# Test and bench tools from npm (axe-core, Lighthouse), pinned by package-lock.json.
$(NODE): package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Browser tests drive Debian's chromium through Playwright (no browser download).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf site $(VENV) node_modules
