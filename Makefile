# make demo: set up .venv, ingest the bundled example pages, show the stories and events found.
# make test: set up .venv, run every test (store tests also on PostgreSQL when
#            DATELINE_TEST_POSTGRES_URL is set; .ci/run sets it up).
# make bench: throughput and workers benchmarks, on demand (minutes; results in docs/benchmarks.md).
# make web: (re)build the web UI only: npm ci in web/, then esbuild into src/dateline/web/static/
#           (docs/ui.md); make install does it too. Needs Node.js 18+ and npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= dateline.db

.PHONY: install web demo test bench docs clean

# The web UI's npm packages (web/package-lock.json, installed as locked) and its build
# (web/build.mjs writes src/dateline/web/static/build.json last, so it stands for a whole build).
WEB_MODULES := web/node_modules/.package-lock.json
WEB_BUILT := src/dateline/web/static/build.json
WEB_SOURCES := $(wildcard web/src/*) web/build.mjs web/basemap.mjs web/package.json

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(WEB_MODULES): web/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make: npm is missing: the web UI is built with Node.js 18+ and npm" \
	  "(Debian: apt-get install -y nodejs npm), see docs/ui.md" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_MODULES)

$(WEB_BUILT): $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npm run --silent build

web: $(WEB_BUILT)

install: $(STAMP) $(WEB_BUILT)

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
	rm -rf $(VENV) $(DB) .pytest_cache web/node_modules src/dateline/web/static
