# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= provenance.db

.PHONY: run test lint typecheck unit eval bench golden clean

$(BIN)/provenance: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/provenance  ## the main job on the seeds
	$(BIN)/provenance extract seeds/ --format table

test: $(BIN)/provenance lint typecheck unit  ## ruff, mypy and pytest

lint: $(BIN)/provenance
	$(BIN)/ruff check provenance tests

typecheck: $(BIN)/provenance
	$(BIN)/mypy

unit: $(BIN)/provenance
	$(BIN)/pytest

eval: $(BIN)/provenance  ## quality figures on the seeds' gold (and PolNeAR/GVDB when ../shared is there)
	$(BIN)/provenance evaluate gold/seeds

bench: $(BIN)/provenance
	@echo "benchmark: see issue 6"

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
