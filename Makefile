# Two commands set up a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# A local run is a development run; production sets DJANGO_DEBUG=0 and DJANGO_SECRET_KEY.
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: run setup test lint messages clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	mkdir -p var
	$(RUN_ENV) $(MANAGE) migrate --noinput
	$(RUN_ENV) $(MANAGE) load_geography
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) compilemessages --ignore=.venv -v0 2>/dev/null || true
	$(RUN_ENV) $(MANAGE) collectstatic --noinput -v0
	$(RUN_ENV) $(MANAGE) create_local_admin

run: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ar/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(RUN_ENV) $(BIN)/gunicorn portal.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --no-control-socket

test: $(VENV)/.installed
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(VENV)/.installed
	DJANGO_DEBUG=1 $(MANAGE) makemessages -l ar -l fr -l en --ignore=.venv --ignore=var
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var staticfiles
