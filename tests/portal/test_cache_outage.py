"""Redis down degrades to no caching, not to errors; Redis back is used again."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import caches

from portal.settings import redis_cache
from tests.editorial.factories import UserFactory


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cache_at(settings):
    """The cache the settings build for REDIS_URL (portal.settings.redis_cache), at a port."""

    def make(port: int):
        settings.CACHES = {
            **settings.CACHES,
            "outage": redis_cache(f"redis://127.0.0.1:{port}/0", "hardening-test"),
        }
        return caches["outage"]

    return make


def test_a_closed_port_reads_as_an_empty_cache(cache_at, caplog):
    cache = cache_at(free_port())
    caplog.set_level(logging.ERROR, logger="portal.cache")
    started = time.monotonic()
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert not cache.set("k", 1)
    assert not cache.add("k", 1)
    assert cache.get_or_set("k", 42) == 42
    assert cache.get_many(["a", "b"]) == {}
    assert not cache.delete("k")
    assert not cache.has_key("k")
    cache.set_many({"a": 1})
    cache.delete_many(["a"])
    assert cache.incr("k") is None
    assert time.monotonic() - started < 2
    assert any("Exception ignored" in r.getMessage() for r in caplog.records)  # logged


@pytest.mark.django_db
def test_the_site_serves_pages_and_sessions_without_redis(client, settings):
    settings.CACHES = {
        "default": redis_cache(f"redis://127.0.0.1:{free_port()}/0", "portal"),
        "ratelimit": redis_cache(f"redis://127.0.0.1:{free_port()}/0", "portal-ratelimit"),
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    for path in (
        "/ar/",
        "/fr/events/",
        "/en/",
        "/ar/events/?region=oriental",
        "/admin/login/",
        "/healthz",
    ):
        assert client.get(path).status_code == 200, path
    client.force_login(UserFactory())
    assert client.get("/admin/").status_code == 200  # the session lives in the database


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
def test_a_redis_outage_and_its_recovery(cache_at):
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
    cache = cache_at(port)
    try:
        cache.set("version", 7)
        assert cache.get("version") == 7
        server.terminate()
        server.wait(timeout=10)
        assert cache.get("version") is None  # down: a miss, no error
        cache.set("version", 8)
        server = start()
        cache.set("version", 9)  # back: used again at once
        assert cache.get("version") == 9
    finally:
        server.terminate()
        server.wait(timeout=10)
