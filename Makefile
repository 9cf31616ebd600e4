# Course site and quizgen: `make html` builds the site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -nW --keep-going -q
LANGUAGES := en fa
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)
# Where the site will be published (sitemaps, canonical links, 404 pages); see README.
export SITE_BASEURL ?= http://127.0.0.1:8000/

.PHONY: help html test test-compat fuzz serve clean lint bench bench-peers gettext update-po schema install install-test browser-deps

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.docs-installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install -q -e '.[docs]'
	touch $@

$(VENV)/.test-installed: $(VENV)/.docs-installed pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.docs-installed  ## Create .venv and install the project with the docs tools

install-test: $(VENV)/.test-installed browser-deps  ## Install test tools, Chromium and axe-core

browser-deps:  ## Install Debian's chromium (as root) and axe-core from npm
	@bash .ci/browser-deps.sh

html: $(VENV)/.docs-installed  ## Build both editions into build/html/
	@rm -rf build/html
	@for lang in $(LANGUAGES); do \
	  $(BIN)/sphinx-build $(SPHINXOPTS) -b html -D language=$$lang -d build/doctrees/$$lang source build/html/$$lang || { rm -rf build/html; exit 1; }; \
	done
	@$(BIN)/python -m quizgen.course.root build/html
	@echo "Site built in build/html/ (open build/html/index.html or run make serve)"

test: $(VENV)/.test-installed browser-deps  ## Run the whole test suite (Jupyter Book's in test-compat)
	$(BIN)/python -m pytest --ignore=tests/compat/test_jupyter_book.py

fuzz: $(VENV)/.test-installed  ## Fuzz banks at length (QUIZGEN_FUZZ_EXAMPLES=2000 by default)
	QUIZGEN_FUZZ_EXAMPLES=$${QUIZGEN_FUZZ_EXAMPLES:-2000} $(BIN)/python -m pytest -q tests/robustness/test_bank_fuzz.py

# The lowest supported Sphinx, with Jupyter Book 1 (which pins Sphinx 7), in a venv of its own.
COMPAT_VENV := .venv-compat
COMPAT_PINS := 'sphinx>=7.4,<7.5' 'jupyter-book>=1,<2' 'myst-parser>=3' \
	'pytest>=8' 'pytest-regressions>=2.5' 'beautifulsoup4>=4.12'

$(COMPAT_VENV)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/pip install -q --upgrade pip
	$(COMPAT_VENV)/bin/pip install -q -e '.[sphinx]' $(COMPAT_PINS)
	touch $@

test-compat: $(COMPAT_VENV)/.installed  ## Extension tests on Sphinx 7.4 and a Jupyter Book 1 build
	$(COMPAT_VENV)/bin/python -m pytest -p no:cacheprovider tests/sphinx_ext tests/compat \
	  --ignore tests/compat/test_package.py

serve: html  ## Preview the site at http://127.0.0.1:8000/
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory build/html 8000

lint: $(VENV)/.test-installed  ## Ruff, mypy --strict on src/quizgen (the JS type check runs in tests/js)
	$(BIN)/ruff check src tests benchmarks source/conf.py
	$(BIN)/ruff format --check src tests benchmarks source/conf.py
	$(BIN)/mypy

bench: $(VENV)/.test-installed browser-deps  ## Run the benchmarks (BENCH_QUICK=1: small sizes, as CI)
	$(BIN)/python -m benchmarks

bench-peers: $(VENV)/.test-installed browser-deps  ## Compare with other quiz tools (not in CI)
	$(BIN)/python -m benchmarks.peers

gettext: $(VENV)/.docs-installed  ## Extract messages into build/gettext
	$(BIN)/sphinx-build -q -E -b gettext source build/gettext

update-po: gettext  ## Refresh locales/fa from the English sources
	$(BIN)/sphinx-intl update -p build/gettext -l fa -d locales

schema: $(VENV)/.docs-installed  ## Regenerate the bank JSON Schema
	$(BIN)/quizgen schema > src/quizgen/quizgen.schema.json

clean:  ## Remove build output (keeps .venv)
	rm -rf build
