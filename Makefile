# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= provenance.db
GVDB_DEV := $(wildcard $(SHARED)/benchmarks/gvdb/dev.tsv)

.PHONY: run test lint typecheck unit eval bench compiled golden clean

$(BIN)/provenance: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	PROVENANCE_COMPILE=0 $(BIN)/pip install --quiet -e '.[dev]'  # pure: edits take effect at once
	touch $@

run: $(BIN)/provenance  ## the main job on the seeds
	$(BIN)/provenance extract seeds/ --format table
	$(BIN)/provenance ingest seeds/ --db $(DB)
	$(BIN)/provenance reextract --db $(DB)
	@echo "== conflicting figures"
	$(BIN)/provenance conflicts --db $(DB) -f table
	@echo "== secondhand sourcing"
	$(BIN)/provenance secondhand --db $(DB) -f table
	@echo "== who said it"
	$(BIN)/provenance who-said "dozens of attackers have been eliminated" --db $(DB) -f table
	@echo "== footnote"
	$(BIN)/provenance footnote "26 armed criminals have been killed" --style chicago --db $(DB) -f table

test: $(BIN)/provenance lint typecheck unit  ## ruff, mypy and pytest

lint: $(BIN)/provenance
	$(BIN)/ruff check provenance tests bench

typecheck: $(BIN)/provenance
	$(BIN)/mypy

unit: $(BIN)/provenance
	$(BIN)/pytest

eval: $(BIN)/provenance  ## quality figures on the seeds' gold (and PolNeAR/GVDB when ../shared is there)
	$(if $(GVDB_DEV),$(BIN)/provenance evaluate --gvdb $(GVDB_DEV))
	$(BIN)/provenance evaluate gold/dev --articles corpus/dev
	$(BIN)/provenance evaluate gold/dev2 --articles corpus/dev2
	$(BIN)/provenance evaluate gold/seeds $(if $(wildcard $(SHARED)/benchmarks/polnear),--polnear $(SHARED)/benchmarks/polnear/data/dev)

bench: $(BIN)/provenance  ## throughput, linking, who-said latency, RSS, SQLite vs PostgreSQL -> docs/benchmarks.md (BENCH_SCALE=small: quick)
	@if [ ! -d "$(SHARED)" ]; then echo "bench: $(SHARED) is missing: benchmarking on the seeds only"; fi
	@bash -c '. .ci/postgres.sh; \
	  if [ -z "$${PROVENANCE_BENCH_POSTGRES:-}" ] && start_test_postgres; then \
	    export PROVENANCE_BENCH_POSTGRES="$$PROVENANCE_TEST_POSTGRES"; fi; \
	  $(BIN)/python -m bench.run --shared "$(SHARED)"'

COMPILED ?= .venv-compiled

compiled:  ## what `pip install .` installs: extraction compiled with mypyc (fails without a C compiler) -> $(COMPILED)/bin/provenance
	$(PYTHON) -m venv $(COMPILED)
	$(COMPILED)/bin/pip install --quiet --upgrade pip
	PROVENANCE_COMPILE=1 $(COMPILED)/bin/pip install --quiet .
	@echo "compiled build: $(COMPILED)/bin/provenance"

clean:
	rm -rf $(VENV) $(COMPILED) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
