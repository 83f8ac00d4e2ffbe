"""The `make run` path on an empty SQLite database, served by gunicorn."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_fresh_sqlite_database_serves_the_demo_events(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "smoke-test-key-" + "x" * 40,
    }
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput"],
        ["load_geography"],
        ["load_demo"],
        ["collectstatic", "--noinput"],
        ["create_local_admin"],
    ):
        result = subprocess.run(
            manage + command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr
    assert "password" in result.stdout

    port = free_port()
    server = subprocess.Popen(
        [
            Path(sys.executable).parent / "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        html = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ar/", timeout=5) as r:
                    html = r.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert '<html lang="ar" dir="rtl">' in html
        assert "المنتدى الدولي للكيمياء" in html
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/css/site.css") as r:
            assert r.status == 200
        # Every kind of page, and the API: their queries must run on SQLite too.
        for path in (
            "/fr/events/?region=rabat-sale-kenitra",
            "/ar/events/forum-international-de-la-chimie-2024/",
            "/fr/organizations/federation-de-la-chimie-et-de-la-parachimie-fcp/",
            "/fr/people/",
            "/ar/agreements/",
            "/ar/alerts/?region=oriental",
            "/api/v1/events/?region=rabat-sale-kenitra",
            "/api/v1/events/forum-international-de-la-chimie-2024",
        ):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                assert r.status == 200, path
    finally:
        server.terminate()
        server.wait(timeout=10)
