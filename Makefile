# Two commands set up a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# A local run is a development run; production sets DJANGO_DEBUG=0 and DJANGO_SECRET_KEY.
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: run setup test lint messages clean backup constraints audit

# Versions are pinned by requirements/constraints.txt (`make constraints` refreshes it).
$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	mkdir -p var
	$(RUN_ENV) $(MANAGE) migrate --noinput
	$(RUN_ENV) $(MANAGE) load_geography
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) compilemessages --ignore=.venv -v0 2>/dev/null || true
	$(RUN_ENV) $(MANAGE) collectstatic --noinput -v0
	$(RUN_ENV) $(MANAGE) create_local_admin

# The task worker (django-tasks' db_worker) runs beside gunicorn and stops with it: requests
# only queue the registration e-mails; with debug on they are printed, personal links included.
run: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ar/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(RUN_ENV) $(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) GUNICORN_BIND=127.0.0.1:$(PORT) WEB_CONCURRENCY=$${WEB_CONCURRENCY:-2} \
		$(BIN)/gunicorn -c gunicorn.conf.py portal.wsgi

test: $(VENV)/.installed
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

messages: $(VENV)/.installed
	DJANGO_DEBUG=1 $(MANAGE) makemessages -l ar -l fr -l en --ignore=.venv --ignore=var
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var staticfiles

# A PostgreSQL dump (custom format) of DATABASE_URL into BACKUP_DIR (default var/backups).
backup:
	scripts/backup.sh

# Pin what the venv holds now; review the diff before committing it.
constraints: $(VENV)/.installed
	{ echo '# Pinned versions of every dependency (pip freeze --exclude-editable; `make constraints`).'; \
	  $(BIN)/pip freeze --exclude-editable; } > requirements/constraints.txt

# Known vulnerabilities in the pinned dependencies (requirements/audit-ignore.txt: accepted ones).
audit: $(VENV)/.installed
	$(BIN)/python scripts/audit.py
