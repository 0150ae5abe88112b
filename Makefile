# make demo: set up .venv, ingest the bundled example pages, show the stories and events found.
# make test: set up .venv, run every test (store tests also on PostgreSQL when
#            DATELINE_TEST_POSTGRES_URL is set; .ci/run sets it up).
# make bench: throughput and workers benchmarks, on demand (minutes; results in docs/benchmarks.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= dateline.db

.PHONY: install demo test bench docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# examples/pages/bad-download.txt fails on purpose, so ingest exits 1 ("some page
# failed") after storing the rest; the demo accepts that status and shows the results.
# Any other status (a crash, a usage error) still stops it.
demo: install
	$(BIN)/dateline ingest examples/pages --db $(DB) || test $$? -eq 1
	$(BIN)/dateline stories --db $(DB)
	$(BIN)/dateline events --db $(DB) --limit 25
	$(BIN)/dateline incidents --db $(DB) --limit 25
	@echo
	@echo "Explore the results in your browser: $(BIN)/dateline serve --db $(DB) --open   (http://127.0.0.1:8000/)"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py --write

docs: install
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
