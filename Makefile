# The two set-up commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared

.PHONY: run test bench browser postgres clean

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
	$(PY) -m newsmine index out/corpus.jsonl --db out/archive.sqlite

test: $(VENV)/.dev browser postgres
	$(PY) -m pytest -q

# The end-to-end test drives Debian's chromium; install it when missing (root), else the test skips.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
	    >/dev/null 2>&1 || echo "chromium could not be installed: the browser test will be skipped"; }

# The PostgreSQL tests start a throwaway server (tests/pg.py); install Debian's when missing, else they skip.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib) \
	    >/dev/null 2>&1 || echo "postgresql could not be installed: the PostgreSQL tests will be skipped"; }

bench: $(VENV)/.installed
	$(PY) benchmarks/bench_extract.py --dump $(SHARED)/dumps/vnnews-2017.jsonl.gz
	$(PY) benchmarks/bench_archive.py --dump $(SHARED)/dumps/vnnews-2017.jsonl.gz
	$(PY) benchmarks/bench_parallel.py --dump $(SHARED)/dumps/vnnews-2017.jsonl.gz

clean:
	rm -rf $(VENV) out .pytest_cache
