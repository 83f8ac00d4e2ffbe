FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY requirements requirements
COPY portal portal
COPY organizations organizations
COPY events events
COPY articles articles
RUN pip install --no-cache-dir -c requirements/constraints.txt .
COPY . .
RUN DJANGO_DEBUG=1 python manage.py compilemessages --ignore=.venv \
    && DJANGO_DEBUG=1 python manage.py collectstatic --noinput
RUN useradd --create-home portal
USER portal
EXPOSE 8000
# Workers, threads, timeouts, logs: gunicorn.conf.py, from the environment.
ENV GUNICORN_BIND=0.0.0.0:8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi"]
