# One command to run the site, one to run the tests. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export HOST PORT

.PHONY: install run serve demo test test-deps bench clean

# The stamp file makes `make run` / `make test` reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/flask --app wsgi init-db
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

# The site offline, against the sample upstreams in campaign/demo, with its own database
# (instance/demo.sqlite3) and a "demo data" banner on every page.
demo: install
	$(BIN)/python -m campaign.demo

# Production serving: gunicorn with gunicorn.conf.py (a worker per core plus one, each
# with a few threads; WEB_CONCURRENCY and GUNICORN_THREADS change them).
serve: install
	$(BIN)/flask --app wsgi init-db
	$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

# What the browser tests (tests/browser) need beyond Python: Chromium from Debian and
# axe-core from npm. Quick when both are there. Without root or apt-get it says so and
# goes on: the browser tests then skip, giving the reason.
CHROMIUM ?= /usr/bin/chromium
test-deps: node_modules/.installed
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else echo "test-deps: no $(CHROMIUM), and apt-get needs root: the browser tests will skip"; fi

# npm itself comes from Debian when missing (it brings Node.js).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; fi
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "test-deps: no npm: the accessibility tests will skip"; fi

test: install test-deps
	$(BIN)/python -m pytest

bench: install
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) instance .pytest_cache node_modules test-artifacts
