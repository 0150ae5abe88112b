# make demo: set up .venv, ingest the bundled example pages, show the stories and events found.
# make test: set up .venv, run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= dateline.db

.PHONY: install demo test docs clean

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

test: install
	$(BIN)/python -m pytest -q

docs: install
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
