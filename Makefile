# One command to run the site, one to run the tests. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export HOST PORT

.PHONY: install run serve demo lint test test-deps bench translations clean

# The stamp file makes `make run` / `make test` reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Development: a known key and plain-HTTP cookies are fine on your own computer.
run: export APP_ENV ?= development
run: install
	$(BIN)/flask --app wsgi init-db
	@echo "Serving the site at http://$(HOST):$(PORT)/ (development; Ctrl-C stops it)"
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

# The site offline, against the sample upstreams in campaign/demo, with its own database
# (instance/demo.sqlite3) and a "demo data" banner on every page.
demo: install
	$(BIN)/python -m campaign.demo

# Production serving: gunicorn with gunicorn.conf.py (a worker per core plus one, each
# with a few threads; WEB_CONCURRENCY and GUNICORN_THREADS change them). It needs
# APP_ENV=production and a SECRET_KEY, and belongs behind nginx (deploy/nginx-site.conf):
# gunicorn must never face the internet directly.
serve: install
	@echo "make serve is production: it needs APP_ENV=production, SECRET_KEY (32+ random characters),"
	@echo "ORGANISATION_NAME, ORGANISATION_URL, ORGANISATION_EMAIL, ALLOWED_HOSTS,"
	@echo "TRUSTED_PROXIES=1 behind nginx and RATELIMIT_STORAGE_URI=redis://... (see README, Production)."
	$(BIN)/flask --app wsgi init-db
	$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

# What the browser tests (tests/campaign/browser), the production-shaped tests and the DOCX
# test need beyond Python: Chromium, nginx, redis-server and LibreOffice Writer (to
# open a DOCX as a writer would) from Debian, axe-core from npm. Quick when
# all are there. Without root or apt-get it says so and goes on: the tests that need
# them then skip, giving the reason. The lock timeout waits for another apt-get.
CHROMIUM ?= /usr/bin/chromium
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600
DEBIAN_TEST_PACKAGES := chromium:$(CHROMIUM) nginx:/usr/sbin/nginx redis-server:/usr/bin/redis-server \
	libreoffice-writer-nogui:/usr/bin/soffice
test-deps: node_modules/.installed
	@missing=""; for pair in $(DEBIAN_TEST_PACKAGES); do \
		[ -x "$${pair#*:}" ] || missing="$$missing $${pair%%:*}"; done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		$(APT_GET) update -q && $(APT_GET) install -y -q $$missing; \
	else echo "test-deps: missing$$missing, and apt-get needs root: the tests needing them will skip"; fi

# npm itself comes from Debian when missing (it brings Node.js).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		$(APT_GET) update -q && $(APT_GET) install -y -q npm; fi
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "test-deps: no npm: the accessibility tests will skip"; fi

# ruff (its settings are in pyproject.toml) runs over the whole tree before the tests:
# pyflakes, pycodestyle, import order, bugbear; then mypy over letters/ and all of
# campaign/ (its settings under [tool.mypy]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# The tests in PYTEST_WORKERS processes (pytest-xdist): most of the suite waits on
# browsers, servers and subprocesses rather than computing, so more processes than
# cores pay (on 2 cores, 4 beat 3: 455 s against 503 s of pytest; one process took
# 622-1033 s). --dist loadfile with tests/conftest.py's scheduler keeps each module (and
# all of tests/campaign/production) in one process, so its fixtures are made once.
# PYTEST_WORKERS=0 runs them in this one process.
PYTEST_WORKERS ?= 4
test: install test-deps lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

bench: install
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

# The site's Welsh: gather every translatable string from campaign/ and templates/
# into the template catalogue, merge it into the Welsh catalogue (new strings come in
# untranslated, for a translator; see README, "Translating"), and compile the .mo the
# site reads (shipped in the wheel). File names without line numbers keep diffs small.
TRANSLATIONS := campaign/translations
translations: install
	@mkdir -p $(TRANSLATIONS)
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l -k lazy_ngettext:1,2 --add-location=file \
		--sort-by-file --project=mp-letters --copyright-holder="the mp-letters authors" \
		-o $(TRANSLATIONS)/messages.pot campaign templates
	$(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l cy \
		--init-missing --ignore-obsolete -N
	$(BIN)/pybabel compile -d $(TRANSLATIONS) -l cy --statistics

clean:
	rm -rf $(VENV) instance .pytest_cache node_modules test-artifacts
