# One command to run the site, one to run the tests. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export HOST PORT

.PHONY: install run serve test bench clean

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

# Production serving: gunicorn with gunicorn.conf.py (a worker per core plus one, each
# with a few threads; WEB_CONCURRENCY and GUNICORN_THREADS change them).
serve: install
	$(BIN)/flask --app wsgi init-db
	$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

test: install
	$(BIN)/python -m pytest

bench: install
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) instance .pytest_cache
