# make demo:    set up .venv, ingest the bundled example pages, show the stories and events found.
# make test:    set up .venv, run make lint, then every test (store tests also on PostgreSQL when
#               DATELINE_TEST_POSTGRES_URL is set; .ci/run sets it up).
# make install: .venv from requirements.lock (exact versions, every file checked by its hash),
#               then dateline itself, editable, with no further downloads.
# make lint:    ruff, mypy and import-linter (docs/development.md).
# make lock:    re-resolve requirements.lock from pyproject.toml (needs the package registry).
# make audit:   pip-audit over requirements.lock (needs a vulnerability database over the network).
# make bench:   throughput and workers benchmarks, on demand (minutes; results in docs/benchmarks.md).
# make web:     (re)build the web UI only: npm ci in web/, then esbuild into src/dateline/web/static/
#               (docs/ui.md); make install does it too. Needs Node.js 18+ and npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
LOCKED_STAMP := $(VENV)/.locked-stamp
STAMP := $(VENV)/.installed-stamp
DB ?= dateline.db
# the platform the lock is resolved for: CPython 3.11 on Linux x86_64 (glibc 2.28 or newer)
LOCK_PYTHON := 3.11
LOCK_PLATFORM := x86_64-manylinux_2_28

.PHONY: install web demo test lint lock audit bench docs clean

# The web UI's npm packages (web/package-lock.json, installed as locked) and its build
# (web/build.mjs writes src/dateline/web/static/build.json last, so it stands for a whole build).
WEB_MODULES := web/node_modules/.package-lock.json
WEB_BUILT := src/dateline/web/static/build.json
WEB_SOURCES := $(wildcard web/src/* web/src/docs/*) web/build.mjs web/basemap.mjs web/package.json

# Every package of the lock, wheels only (nothing is built on the way), each file checked
# against the hashes in the lock; pip itself and setuptools (the build backend) are in it too.
$(LOCKED_STAMP): $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: --no-deps -r $(LOCK)
	touch $@

# dateline itself, editable, built by the locked setuptools; pip check fails if the lock
# lacks something pyproject.toml asks for (then run make lock).
$(STAMP): $(LOCKED_STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $@

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

# The checks first: a lint finding fails the build before the suite's minutes are spent.
test: lint
	$(BIN)/python -m pytest -q

# All three run, so one report shows every finding; the target fails if any of them did.
lint: install
	@status=0; \
	$(BIN)/ruff check src tests scripts benchmarks || status=1; \
	$(BIN)/mypy || status=1; \
	$(BIN)/lint-imports --no-logo || status=1; \
	exit $$status

# The runtime and the dev extra, plus pip and setuptools, resolved for LOCK_PYTHON on
# LOCK_PLATFORM (whatever machine runs it) with the hash of every file of each pinned
# release. Uses the uv of the current lock, so it works while pyproject.toml and the lock
# disagree.
lock: $(LOCKED_STAMP)
	printf 'pip\nsetuptools>=77\n' | $(BIN)/uv pip compile pyproject.toml - --extra dev \
	    --python-version $(LOCK_PYTHON) --python-platform $(LOCK_PLATFORM) \
	    --generate-hashes --no-build --custom-compile-command 'make lock' --quiet -o $(LOCK)

# Known vulnerabilities of the exact releases in the lock. Asks PyPI's vulnerability data
# over the network (AUDIT_SERVICE=osv asks osv.dev instead), so it is not part of make test.
# --strict: a release that could not be looked up fails the audit instead of passing unseen.
AUDIT_SERVICE ?= pypi
audit: $(LOCKED_STAMP)
	$(BIN)/pip-audit --requirement $(LOCK) --require-hashes --disable-pip --strict \
	    --vulnerability-service $(AUDIT_SERVICE) --progress-spinner off \
	|| { echo "audit: failed: a vulnerability above, or the $(AUDIT_SERVICE) database could not be reached" \
	          "(docs/development.md)" >&2; exit 1; }

bench: install
	$(BIN)/python benchmarks/throughput.py --write

docs: install
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache web/node_modules src/dateline/web/static
