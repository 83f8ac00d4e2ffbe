"""Redis down degrades to no caching, not to errors; Redis back is used again."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis

from portal.cache_backends import DegradingRedisCache
from tests.factories import UserFactory


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_cache(port: int, retry_after: float = 0) -> DegradingRedisCache:
    return DegradingRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {
            "KEY_PREFIX": "hardening-test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "RETRY_AFTER": retry_after},
        },
    )


def test_a_closed_port_reads_as_an_empty_cache(caplog):
    cache = redis_cache(free_port(), retry_after=60)
    caplog.set_level(logging.WARNING, logger="portal.cache")
    started = time.monotonic()
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert cache.set("k", 1) is None
    assert cache.add("k", 1) is False
    assert cache.get_or_set("k", 42) == 42
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.delete("k") is False
    assert cache.has_key("k") is False
    assert cache.touch("k") is False
    cache.delete_many(["a"])
    with pytest.raises(ValueError):
        cache.incr("k")
    assert time.monotonic() - started < 2
    outage_warnings = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(outage_warnings) == 1  # logged once, then Redis is skipped for RETRY_AFTER


@pytest.mark.django_db
def test_the_site_serves_pages_and_sessions_without_redis(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache_backends.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"RETRY_AFTER": 0},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    for path in ("/ar/", "/fr/events/", "/en/", "/admin/login/", "/healthz"):
        assert client.get(path).status_code == 200, path
    client.force_login(UserFactory())
    assert client.get("/admin/").status_code == 200  # the session lives in the database


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
def test_a_redis_outage_and_its_recovery():
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]

    def start():
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                return server
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    server = start()
    cache = redis_cache(port)
    try:
        cache.set("version", 7)
        assert cache.get("version") == 7
        server.terminate()
        server.wait(timeout=10)
        assert cache.get("version") is None  # down: a miss, no error
        cache.set("version", 8)
        server = start()
        cache.set("version", 9)  # back: used again at once (RETRY_AFTER = 0)
        assert cache.get("version") == 9
    finally:
        server.terminate()
        server.wait(timeout=10)
