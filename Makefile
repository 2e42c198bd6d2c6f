# Two commands do everything on a fresh machine:  make serve  and  make test.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
WHEEL := .cache/wheels/svgwrite-1.4.3-py3-none-any.whl
# What `pip install .` needs, for the test that installs the package into a fresh venv offline.
PACKAGE_WHEELS := .cache/package-wheels
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build serve test lint typecheck unit browser screenshots bench bench-core system clean messages

setup: $(VENV)/.installed node_modules/.installed $(WHEEL) $(PACKAGE_WHEELS)/.downloaded

# The project's own package is installed editable: `import kenniskring` finds py/kenniskring itself.
$(VENV)/.installed: requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WHEEL): requirements.lock | $(VENV)/.installed
	$(PY) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
	  --python-version 3.14 --platform any --dest .cache/wheels svgwrite==1.4.3
	touch $@

$(PACKAGE_WHEELS)/.downloaded: requirements.lock | $(VENV)/.installed
	$(PY) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: --dest $(PACKAGE_WHEELS) \
	  $$(grep -E '^(setuptools|svgwrite|resvg-py)==' requirements.lock)
	touch $@

# Debian packages the browser tests drive: Chromium, and the two web servers whose snippets
# (hosting/) the IT page documents.
SYSTEM_PACKAGES := chromium nginx-light apache2
system:
	@export PATH="$$PATH:/usr/sbin"; command -v chromium >/dev/null && command -v nginx >/dev/null && command -v apache2 >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; }

build: setup
	$(PY) -m mkdocs build --strict 2>&1 | { grep -v "^INFO" || true; }; test $${PIPESTATUS[0]} -eq 0

serve: build
	$(PY) scripts/serve.py --root site --port 8000

lint: setup
	$(PY) -m ruff check py tests hooks scripts
	$(PY) -m ruff format --check py tests hooks scripts

typecheck: setup
	$(PY) -m mypy

unit: setup
	$(PY) -m pytest tests/core

browser: build system
	$(PY) -m pytest tests/browser

test: build system lint typecheck
	$(PY) -m pytest tests

# The guide's pictures, made from the real page: the only target that writes the committed
# docs/assets/screenshots/{nl,en}/*.png (make test makes them in a temporary folder). Commit what
# changed; the next build publishes them.
screenshots: build system
	KENNISKRING_SCREENSHOTS=docs/assets/screenshots $(PY) -m pytest tests/browser/test_screenshots.py

# The translation catalogues (py/kenniskring/locale/<lang>/LC_MESSAGES/kenniskring.po): adds each
# message id the code uses and a catalogue lacks (with an empty text to fill in), drops the ids no
# code uses, compiles the .mo files. Commit the .po and .mo files it changed. README: "Translations".
messages: setup
	$(PY) scripts/messages.py

# Speed next to the bare Pyodide floor; prints a table and writes bench/bench.{nl,en}.md for the site;
# then the kenniskring command on 1,000 files; then a long session of 1,000 edits (memory, redraw).
bench: build system
	$(PY) scripts/bench.py
	$(PY) scripts/bench_cli.py
	$(PY) scripts/bench_soak.py

# The core's own figures under CPython (back-up restore of 1,000 maps, panels for the largest map).
bench-core: setup
	$(PY) scripts/bench_core.py

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
