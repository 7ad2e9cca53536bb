# The two set-up commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared

.PHONY: run test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(PY) -m newsmine extract corpora/articles -o out/corpus.jsonl

test: $(VENV)/.dev
	$(PY) -m pytest -q

bench: $(VENV)/.installed
	$(PY) benchmarks/bench_extract.py --dump $(SHARED)/dumps/vnnews-2017.jsonl.gz

clean:
	rm -rf $(VENV) out .pytest_cache
