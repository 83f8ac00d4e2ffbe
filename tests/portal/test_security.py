"""Secure by default: `check --deploy`, response headers, cookies, settings from the env."""

import re
import subprocess
import sys

import pytest

from tests.editorial.factories import UserFactory

from .conftest import ROOT, production_environment, settings_under


def test_check_deploy_reports_nothing_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_proxy_ssl_header_only_when_configured():
    assert settings_under(["SECURE_PROXY_SSL_HEADER"]) == {"SECURE_PROXY_SSL_HEADER": None}
    configured = settings_under(
        ["SECURE_PROXY_SSL_HEADER"], DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto=https"
    )
    assert configured == {"SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"]}


def test_hsts_is_configurable_and_off_without_https():
    names = ["SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD", "SECURE_SSL_REDIRECT"]
    assert settings_under(names, DJANGO_HSTS_SECONDS="600", DJANGO_HSTS_PRELOAD="0") == {
        "SECURE_HSTS_SECONDS": 600,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_SSL_REDIRECT": True,
    }
    plain = settings_under(names + ["SESSION_COOKIE_SECURE"], DJANGO_HTTPS="0")
    assert plain["SECURE_HSTS_SECONDS"] == 0
    assert plain["SECURE_SSL_REDIRECT"] is False
    assert plain["SESSION_COOKIE_SECURE"] is False


def test_redis_url_gives_shared_cache_and_sessions():
    names = ["CACHES", "SESSION_ENGINE", "PAGE_CACHE_LOCAL_SECONDS"]
    without = settings_under(names)
    assert without["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert without["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert without["PAGE_CACHE_LOCAL_SECONDS"] == 0  # each worker's cache is its own already
    with_redis = settings_under(names, REDIS_URL="redis://cache.internal:6379/1")
    assert with_redis["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert with_redis["CACHES"]["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert with_redis["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/1"
    assert with_redis["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert with_redis["PAGE_CACHE_LOCAL_SECONDS"] == 2


def test_replica_urls_give_replica_aliases():
    found = settings_under(
        ["DATABASE_REPLICAS", "DATABASES", "DATABASE_ROUTERS", "CONN_HEALTH_CHECKS"],
        DATABASE_URL="postgres://portal@primary:5432/portal",
        DATABASE_REPLICA_URLS="postgres://portal@r1:5432/portal,postgres://portal@r2:5432/portal",
    )
    assert found["DATABASE_REPLICAS"] == ["replica1", "replica2"]
    assert found["DATABASES"]["replica2"]["HOST"] == "r2"
    assert found["DATABASES"]["replica1"]["TEST"]["MIRROR"] == "default"
    for alias in ("default", "replica1", "replica2"):
        assert found["DATABASES"][alias]["CONN_HEALTH_CHECKS"] is True
        assert found["DATABASES"][alias]["CONN_MAX_AGE"] == 60
    assert found["DATABASE_ROUTERS"] == ["portal.routers.ReplicaRouter"]


def test_password_validators_and_session_expiry(settings):
    validators = [v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert validators == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert settings.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"] >= 10
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_security_headers(response):
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    directives = csp_directives(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def print_headers(title, response):
    print(f"--- {title}: {response.status_code}")
    for name, value in sorted(response.headers.items()):
        print(f"{name}: {value}")


@pytest.mark.django_db
def test_public_page_headers(client, production_https):
    assert client.get("/ar/").status_code == 301  # plain HTTP goes to HTTPS
    response = client.get("/ar/", secure=True)
    print_headers("/ar/", response)
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
def test_admin_headers_and_cookies(client, production_https):
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    UserFactory(username="editor-headers", is_superuser=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor-headers", "password": "a-long-test-password"},
        secure=True,
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 302, response.content[:500]
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert int(session["max-age"]) == production_https.SESSION_COOKIE_AGE

    response = client.get("/admin/events/event/", secure=True)
    print_headers("/admin/events/event/", response)
    assert response.status_code == 200
    assert_security_headers(response)


def test_every_inline_script_carries_the_csp_nonce():
    """Executable inline scripts need nonce="{{ request.csp_nonce }}"; data blocks (JSON,
    JSON-LD) are not executed and may stay as they are."""
    offenders = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        for tag in re.findall(r"<script\b[^>]*>", template.read_text()):
            if (
                "src=" in tag
                or "csp_nonce" in tag
                or re.search(r'type="application/(ld\+)?json"', tag)
            ):
                continue
            offenders.append(f"{template.relative_to(ROOT)}: {tag}")
    assert offenders == []


def test_gunicorn_configuration_is_valid():
    result = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn")
            if (ROOT / ".venv" / "bin" / "gunicorn").exists()
            else "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--print-config",
            "portal.wsgi",
        ],
        cwd=ROOT,
        env=production_environment(WEB_CONCURRENCY="4", GUNICORN_TIMEOUT="20"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    config = dict(
        re.match(r"(\w+)\s+= (.*)", line).groups()
        for line in result.stdout.splitlines()
        if re.match(r"\w+\s+= ", line)
    )
    assert config["workers"] == "4"
    assert config["timeout"] == "20"
    assert config["graceful_timeout"] == "30"
    assert config["max_requests"] == "1000"
    assert config["max_requests_jitter"] == "100"
    assert config["control_socket_disable"] == "True"
    assert config["accesslog"] == "-"
