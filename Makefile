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

SOURCES := buildout.cfg versions.cfg $(wildcard src/*/setup.py src/*/setup.cfg)

.PHONY: help
help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(BUILDOUT): requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

# The administrator passwords (random, generated once, git-ignored): buildout.cfg extends this file.
var/secrets.cfg:
	$(PYTHON) scripts/admin_secrets.py ensure

# Test tools that run as commands, outside buildout's eggs (schemathesis); every dependency pinned.
# pytest.ini keeps their pytest plugins out of bin/pytest.
SCHEMATHESIS := $(VENV)/bin/schemathesis
$(SCHEMATHESIS): requirements-test.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install -q -r requirements-test.txt
	touch $@

# The test stack of tests/cluster gets ports derived from EZABRZE_TEST_PORT (deploy/cluster.py uses the same
# offsets for Varnish +200, HAProxy +230 and its stats +240).
CLUSTER_TEST_PORTS = ports:cluster-test1=$$(($(EZABRZE_TEST_PORT) + 210)) ports:cluster-test2=$$(($(EZABRZE_TEST_PORT) + 220)) \
  ports:postgres-test=$$(($(EZABRZE_TEST_PORT) + 250)) ports:instance-bench=$$(($(EZABRZE_TEST_PORT) + 60))

bin/instance: $(BUILDOUT) $(SOURCES) var/secrets.cfg
	@scripts/build_deps.sh
	$(BUILDOUT) -N -c buildout.cfg ports:instance-test=$(EZABRZE_TEST_PORT) $(CLUSTER_TEST_PORTS)
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
	@$(PYTHON) scripts/admin_secrets.py announce
	@echo "  Stop it with: make stop"

.PHONY: stop
stop: ## Stop the instance started by make start
	@if [ -x bin/instance ]; then bin/instance stop; fi

.PHONY: system-deps
system-deps: ## Debian packages used by the tests (Chromium, its driver, wrk) and axe-core
	@scripts/system_deps.sh

.PHONY: test
test: build $(SCHEMATHESIS) system-deps ## Build what is missing and run every test
	scripts/run_tests.sh $(PYTEST_ARGS)

BENCH_CLIENTS ?= 32
BENCH_SUBMISSIONS ?= 5000

.PHONY: bench
bench: bench-pages bench-scale bench-forms bench-remarks bench-search ## The benchmarks below

.PHONY: bench-pages
bench-pages: build system-deps ## Own pages (a consultation with 300 remarks among them) and REST answers against a stock Plone Document, as ratios in one run (wrk)
	scripts/bench.sh

.PHONY: bench-scale
bench-scale: build system-deps ## The catalogue at 20,000 service cards (var/bench): catalogue page vs demo size, @search filters p99
	scripts/bench_scale.sh

.PHONY: bench-forms
bench-forms: build system-deps ## $(BENCH_CLIENTS) clients send $(BENCH_SUBMISSIONS) form submissions, kill -9 half-way: nothing lost
	python3 tests/server.py run -- bin/zopepy tests/load/submit_load.py \
	  --clients $(BENCH_CLIENTS) --total $(BENCH_SUBMISSIONS) --crash

.PHONY: bench-remarks
bench-remarks: build ## 32 clients post 2000 remarks to one consultation, kill -9 half-way: nothing lost (remarks/s)
	python3 tests/server.py run -- bin/zopepy tests/load/remark_load.py --clients 32 --total 2000 --crash

# --- Production stack (README, "Production stack"): Varnish -> HAProxy -> N Zope instances -> PostgreSQL
CLUSTER_INSTANCES ?= 2
export CLUSTER_INSTANCES
# CLUSTER_STACK: which stack the commands below act on (tests/cluster runs them on its own, "cluster-test").
CLUSTER_STACK ?= cluster
CLUSTER := python3 deploy/cluster.py --stack $(CLUSTER_STACK)
# make migrate-to-postgres copies this FileStorage (make start's) into this database of the stack's PostgreSQL.
MIGRATE_FILESTORAGE ?= var/filestorage/Data.fs
MIGRATE_BLOBSTORAGE ?= var/blobstorage
MIGRATE_DATABASE ?= ezabrze
BACKUP_KEEP ?= 7
export BACKUP_KEEP

# More than the 2 instances of buildout.cfg: buildout makes cluster3..N from var/cluster/instances.cfg.
.PHONY: cluster-instances
cluster-instances: build
	@if [ "$(CLUSTER_INSTANCES)" -gt 2 ] && [ ! -x bin/cluster$(CLUSTER_INSTANCES) ]; then \
	  mkdir -p var/cluster; \
	  { echo "[buildout]"; echo "extends = ../../buildout.cfg"; echo "parts +="; \
	    for i in $$(seq 3 $(CLUSTER_INSTANCES)); do echo "    cluster$$i"; done; \
	    for i in $$(seq 3 $(CLUSTER_INSTANCES)); do \
	      echo "[cluster$$i]"; echo "<= cluster-instance"; echo "http-address = 127.0.0.1:$$((8100 + i))"; done; \
	  } > var/cluster/instances.cfg; \
	  $(BUILDOUT) -N -c var/cluster/instances.cfg buildout:directory=$(CURDIR) \
	    ports:instance-test=$(EZABRZE_TEST_PORT) $(CLUSTER_TEST_PORTS); \
	fi

.PHONY: cluster
cluster: cluster-instances system-deps ## Start PostgreSQL, $(CLUSTER_INSTANCES) instances, HAProxy and Varnish; print the URL
	@url=$$($(CLUSTER) start) && { \
	  echo ""; \
	  echo "  e-Zabrze (production stack) is running: $$url"; \
	  echo "  Varnish :8100 -> HAProxy :8110 (stats http://127.0.0.1:8111/) -> $(CLUSTER_INSTANCES) instances :8101.. -> PostgreSQL :5433"; \
	  echo "  Administrator login: admin / $$(cat var/cluster/admin-password)   (var/cluster/admin-password)"; \
	  echo "  Stop it with: make cluster-stop"; }

.PHONY: cluster-stop
cluster-stop: ## Stop the production stack (Varnish, HAProxy, instances, PostgreSQL)
	@$(CLUSTER) stop

.PHONY: migrate-to-postgres
migrate-to-postgres: cluster-instances ## Copy make start's FileStorage (var/filestorage) into PostgreSQL (zodbconvert)
	@$(MAKE) -s stop
	$(CLUSTER) migrate --filestorage $(MIGRATE_FILESTORAGE) --blobstorage $(MIGRATE_BLOBSTORAGE) --database $(MIGRATE_DATABASE)
	@echo "Migrated. Start the stack with: make cluster"

.PHONY: backup
backup: ## Dump the production database (objects and blobs) to var/backups/cluster/, keep the newest $(BACKUP_KEEP)
	$(CLUSTER) backup --keep $(BACKUP_KEEP)

.PHONY: restore
restore: ## Restore a dump into the production database (BACKUP=file, default: the newest)
	$(CLUSTER) restore $(BACKUP)

.PHONY: bench-cluster
bench-cluster: build system-deps ## The production stack's three ratios (cache, 2 vs 1 instance, proxy overhead)
	bin/zopepy tests/cluster/bench_cluster.py

BENCH_SEARCH_ITEMS ?= 20000

.PHONY: bench-search
bench-search: build ## Search: Polish lexicon against the stock one (reindex time, query p50/p99, recall, first hit)
	BENCH_SEARCH_ITEMS=$(BENCH_SEARCH_ITEMS) bin/zopepy scripts/bench_search.py

.PHONY: clean
clean: stop ## Remove everything built (keeps var/, the data)
	rm -rf $(VENV) bin .eggs-buildout develop-eggs instance instance-test .installed.cfg
