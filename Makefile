# e-Zabrze — build, run and test. `make start` and `make test` work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BUILDOUT := $(VENV)/bin/buildout
SITE_URL := http://localhost:8080/zabrze
export TZ := Europe/Warsaw

# Port of the throw-away test instance (tests/server.py reads the same variable); change it to run the
# tests of a second checkout on the same machine.
export EZABRZE_TEST_PORT ?= 18080

SOURCES := buildout.cfg versions.cfg $(wildcard src/*/setup.py)

.PHONY: help
help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(BUILDOUT): requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

bin/instance: $(BUILDOUT) $(SOURCES)
	$(BUILDOUT) -N -c buildout.cfg ports:instance-test=$(EZABRZE_TEST_PORT)
	touch $@

.PHONY: build
build: bin/instance ## Build the venv, zc.buildout and the Zope instance

.PHONY: site
site: build ## Create the site "zabrze" with demo content if it is missing (instance must be stopped)
	bin/instance run scripts/create_site.py

.PHONY: start
start: build ## Build, create the site if missing and serve it at http://localhost:8080/zabrze
	@if bin/instance status 2>/dev/null | grep -q "program running"; then \
	  echo "The instance is already running."; \
	else \
	  bin/instance run scripts/create_site.py && bin/instance start; \
	fi
	@scripts/wait_for_url.sh $(SITE_URL) 120
	@echo ""
	@echo "  e-Zabrze is running: $(SITE_URL)"
	@echo "  Administrator login: admin / admin   (change it in production)"
	@echo "  Stop it with: make stop"

.PHONY: stop
stop: ## Stop the instance started by make start
	@if [ -x bin/instance ]; then bin/instance stop; fi

.PHONY: system-deps
system-deps: ## Debian packages used by the tests (Chromium, its driver, wrk) and axe-core
	@scripts/system_deps.sh

.PHONY: test
test: build system-deps ## Build what is missing and run every test
	scripts/run_tests.sh $(PYTEST_ARGS)

BENCH_CLIENTS ?= 32
BENCH_SUBMISSIONS ?= 5000

.PHONY: bench
bench: bench-pages bench-forms bench-search ## The benchmarks below

.PHONY: bench-pages
bench-pages: build system-deps ## Anonymous throughput of the home page against a stock Plone Document (wrk)
	scripts/bench.sh

.PHONY: bench-forms
bench-forms: build system-deps ## $(BENCH_CLIENTS) clients send $(BENCH_SUBMISSIONS) form submissions, kill -9 half-way: nothing lost
	python3 tests/server.py run -- bin/zopepy tests/load/submit_load.py \
	  --clients $(BENCH_CLIENTS) --total $(BENCH_SUBMISSIONS) --crash

BENCH_SEARCH_ITEMS ?= 2000

.PHONY: bench-search
bench-search: build ## Search: Polish lexicon against the stock one (reindex time, query p50/p99, recall, first hit)
	BENCH_SEARCH_ITEMS=$(BENCH_SEARCH_ITEMS) bin/zopepy scripts/bench_search.py

.PHONY: clean
clean: stop ## Remove everything built (keeps var/, the data)
	rm -rf $(VENV) bin .eggs-buildout develop-eggs instance instance-test .installed.cfg
