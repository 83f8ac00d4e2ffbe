"""Requests per second of the public pages against a bare Django view, served by gunicorn on
loopback and measured with wrk, all in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/public_bench \\
    REDIS_URL=redis://127.0.0.1:6379/3 .venv/bin/python bench/public_site.py --events 100000

(REDIS_URL: the cache a production site runs; without it each worker keeps its own.)

Generates synthetic events first when the database has fewer than --events public ones
(`manage.py generate_events`, bulk inserts). Then, for the anonymous page cache on and off,
measures, in interleaved rounds whose order turns each round: /bench/bare (a view returning
"ok" through the same middleware), the filtered event list (region + sector + upcoming), an
event's detail page and the home page; prints the median requests/s, median latency and
each page's ratio to the bare view measured in the same run (a loaded machine slows both
alike; compare ratios, not requests/s, between runs). Targets: every page >= 0.8 of the
bare view with the page cache on, >= 0.15 with it off. Figures and what made the
difference: bench/README.md. Needs wrk (apt-get install wrk).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import ROOT, free_port

FILTERED = "/ar/events/?region=casablanca-settat&sector=automotive&when=upcoming"


def server_env(page_cache: bool) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "public_site_settings",
        # The project first: bench/extraction.py must not shadow the extraction app.
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-" + "x" * 40),
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "BENCH_PAGE_CACHE": "1" if page_cache else "0",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "REGISTRATION_RATE_LIMIT_ENABLED": "0",
    }


def manage(*args: str) -> str:
    env = {**server_env(True), "DJANGO_SETTINGS_MODULE": "portal.settings"}
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True, capture_output=True
    )
    if result.returncode:
        sys.exit(result.stderr)
    return result.stdout


def prepare(events: int) -> str:
    """Migrate, load the reference data and generate events as needed; returns a detail URL."""
    manage("migrate", "--noinput", "-v0")
    script = (
        "from events.models import Event; from taxonomy.models import Region;"
        "print(Region.objects.count(), Event.objects.public().count())"
    )
    regions, public = map(int, manage("shell", "-c", script).split()[-2:])
    if not regions:
        manage("load_geography")
    if public < events:
        print(f"Generating {events - public} events…", flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "generate_events", str(events - public)],
            cwd=ROOT,
            env={**server_env(True), "DJANGO_SETTINGS_MODULE": "portal.settings"},
            check=True,
        )
        # Fresh rows are not in PostgreSQL's visibility map until a vacuum: before autovacuum
        # gets there, the lists' index-only scans visit the table's rows (bench/README.md).
        manage(
            "shell",
            "-c",
            "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')",
        )
    script = (
        "from events.models import Event;"
        "qs = Event.objects.public().order_by('pk');"
        "print(qs[qs.count() // 2].slug, qs.count())"
    )
    slug, count = manage("shell", "-c", script).split()[-2:]
    print(f"{count} public events in the database.")
    return f"/ar/events/{slug}/"


def wrk(url: str, seconds: int, connections: int) -> tuple[float, str]:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    for _attempt in range(3):  # a loaded machine can refuse a burst of connections
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode == 0:
            break
        time.sleep(1)
    else:
        sys.exit(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    if "Non-2xx" in result.stdout:
        sys.exit(f"{url} answered errors:\n{result.stdout}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    latency = re.search(r"^\s+50%\s+(\S+)", result.stdout, re.M).group(1)  # not "…72.50%"
    return rate, latency


def serve(page_cache: bool, workers: int):
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env(page_cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/bench/bare", timeout=2).read()
            return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=5, help="per page and round")
    parser.add_argument("--rounds", type=int, default=4, help="4: each page once in each slot")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Point DATABASE_URL at a PostgreSQL database of its own.")
    detail = prepare(args.events)
    pages = [
        ("bare Django view", "/bench/bare"),
        ("filtered list", FILTERED),
        ("detail", detail),
        ("home", "/ar/"),
    ]
    print(
        f"gunicorn {args.workers} workers; wrk 1 thread, {args.connections} connections; "
        f"{args.rounds} interleaved rounds of {args.seconds} s per page, median shown\n"
    )
    print(f"{'page':<18} {'cache':<6} {'req/s':>9} {'p50':>9} {'ratio':>7}")
    for page_cache in (True, False):
        server, base = serve(page_cache, args.workers)
        rates = {name: [] for name, _path in pages}
        latencies = {name: [] for name, _path in pages}
        try:
            for _name, path in pages:  # warm every worker (and its cache) up
                wrk(base + path, 2, args.connections)
            # Pages take turns, so a burst of load from elsewhere hits them all alike, and the
            # order turns each round: whichever page came last in every round measured lower.
            for round_ in range(args.rounds):
                shift = round_ % len(pages)
                for name, path in pages[shift:] + pages[:shift]:
                    rate, latency = wrk(base + path, args.seconds, args.connections)
                    rates[name].append(rate)
                    latencies[name].append(latency)
        finally:
            server.terminate()
            server.wait(timeout=20)
        bare = statistics.median(rates["bare Django view"])
        label = "on" if page_cache else "off"
        for name, _path in pages:
            rate = statistics.median(rates[name])
            latency = sorted(latencies[name])[len(latencies[name]) // 2]
            print(f"{name:<18} {label:<6} {rate:>9.0f} {latency:>9} {rate / bare:>7.2f}")
    print(f"\nfiltered list: {FILTERED}\ndetail: {detail}")


if __name__ == "__main__":
    main()
