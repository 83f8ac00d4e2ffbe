"""PostgreSQL restarted in the middle of a registration storm: is every acknowledged
registration stored, exactly once?

Serves the site with gunicorn (gunicorn.conf.py, persistent connections with health checks)
on loopback against a PostgreSQL cluster of its own, created for the run with Debian's
pg_createcluster (so restarting it disturbs no other database on the machine) and dropped at
the end. --threads registrants at a time each GET the form and POST it; a registrant who gets
a 503 page or a broken connection retries (up to --attempts times), as a person would, with
the same e-mail. Once a quarter of them are acknowledged, the cluster is restarted with
`pg_ctlcluster --skip-systemctl-redirect VERSION NAME restart`.

Prints the answers seen by the clients (acknowledged, 503 pages, other 5xx, broken
connections), the restart's duration and the time to the first success after it, then what
the database holds: acknowledged vs stored, missing, duplicated. Exit 1 if any acknowledged
registration is missing, any is duplicated, or any answer was a 5xx other than the 503 page.

    .venv/bin/python bench/outage.py --registrants 400 --threads 12

Needs root (pg_createcluster, pg_ctlcluster) and PostgreSQL's server packages.
"""

import argparse
import os
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

from common import (
    COOKIE,
    ROOT,
    TOKEN,
    django_setup,
    forum_open,
    free_port,
    manage,
    registration_form,
    server_env,
)


def run(*command: str) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def cluster_create(version: str, name: str, port: int) -> None:
    existing = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    if any(line.split()[:2] == [version, name] for line in existing.splitlines()):
        run("pg_dropcluster", "--stop", version, name)
    run(
        "pg_createcluster", version, name, "--port", str(port), "--start",
        "--", "--auth-host=trust", "--auth-local=trust",
    )  # fmt: skip


class Storm:
    """Registrants signing up over HTTP, retrying through the outage; thread-safe tallies."""

    def __init__(self, port: int, path: str, run_id: str, attempts: int):
        self.port, self.path, self.run_id, self.attempts = port, path, run_id, attempts
        self.lock = threading.Lock()
        self.answers: Counter = Counter()
        self.acknowledged: dict[str, str] = {}  # e-mail -> outcome shown to the registrant
        self.gave_up: list[str] = []
        self.success_times: list[float] = []

    def request(self, method, path, body=b"", headers=None):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheader("Set-Cookie") or "", response.read()
        finally:
            connection.close()

    def tally(self, answer: str) -> None:
        with self.lock:
            self.answers[answer] += 1

    def attempt(self, n: int, email: str) -> str | None:
        """One GET + POST; the outcome, or None when the registrant should retry."""
        try:
            status, cookie_header, content = self.request("GET", self.path)
        except OSError:
            self.tally("broken connection")
            return None
        if status != 200:
            self.tally(f"GET {status}")
            return None
        cookie, token = COOKIE.search(cookie_header.encode()), TOKEN.search(content)
        form = registration_form(token.group(1), n, email)
        headers = {
            "Cookie": f"csrftoken={cookie.group(1).decode()}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        try:
            status, _cookie, content = self.request("POST", self.path, form, headers)
        except OSError:
            self.tally("broken connection")
            return None
        if status != 200:
            self.tally(f"POST {status}")
            return None
        for marker, outcome in (
            (b"outcome-confirmed", "confirmed"),
            (b"outcome-waiting", "waiting"),
            # The event is open and unlimited: a refusal can only be "already registered",
            # an earlier attempt that was stored but whose answer was lost in the outage.
            (b"outcome-refused", "already registered"),
        ):
            if marker in content:
                self.tally(outcome)
                return outcome
        self.tally("POST 200 other")
        return "other"

    def sign_up(self, n: int) -> None:
        email = f"storm-{self.run_id}-{n}@example.ma"
        for _ in range(self.attempts):
            outcome = self.attempt(n, email)
            if outcome is not None:
                with self.lock:
                    if outcome != "other":
                        self.acknowledged[email] = outcome
                        self.success_times.append(time.monotonic())
                return
            time.sleep(0.25)
        with self.lock:
            self.gave_up.append(email)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrants", type=int, default=400)
    parser.add_argument("--threads", type=int, default=12, help="registrants at a time")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--attempts", type=int, default=40, help="tries per registrant")
    parser.add_argument("--pg-version", default=sorted(os.listdir("/etc/postgresql"))[-1])
    parser.add_argument("--cluster", default="outagebench", help="created and dropped")
    parser.add_argument("--pg-port", type=int, default=5499)
    args = parser.parse_args()

    cluster_create(args.pg_version, args.cluster, args.pg_port)
    database_url = f"postgres://postgres@127.0.0.1:{args.pg_port}/portal_outage"
    run("createdb", "-h", "127.0.0.1", "-p", str(args.pg_port), "-U", "postgres", "portal_outage")
    port = free_port()
    env = server_env(
        database_url,
        LOG_LEVEL="CRITICAL",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(args.workers),
        GUNICORN_LOG_LEVEL="warning",
    )
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        django_setup(env)
        from django.db.models import Count
        from django.db.models.functions import Lower

        from registrations.models import Registration

        run_id = secrets.token_hex(3)
        event = forum_open(
            title=f"منتدى اختبار الانقطاع {run_id}",
            title_fr=f"Forum de test de panne {run_id}",
            capacity=None,
        )

        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py",
             "portal.wsgi"],
            cwd=ROOT, env=env, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        storm = Storm(port, f"/ar/events/{event.slug}/register/", run_id, args.attempts)
        deadline = time.monotonic() + 30
        while True:
            try:
                if storm.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.2)

        restart: dict[str, float] = {}

        def restarter():
            while len(storm.acknowledged) < args.registrants // 4:
                time.sleep(0.01)
            restart["start"] = time.monotonic()
            run(
                "pg_ctlcluster", "--skip-systemctl-redirect", args.pg_version, args.cluster,
                "restart",
            )  # fmt: skip
            restart["end"] = time.monotonic()

        started = time.monotonic()
        restarting = threading.Thread(target=restarter, daemon=True)
        restarting.start()
        with ThreadPoolExecutor(args.threads) as pool:
            list(pool.map(storm.sign_up, range(args.registrants)))
        elapsed = time.monotonic() - started
        restarting.join(timeout=60)

        stored = dict(
            Registration.objects.filter(event=event)
            .annotate(address=Lower("email"))
            .values("address")
            .annotate(rows=Count("pk"))
            .values_list("address", "rows")
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        run("pg_dropcluster", "--stop", args.pg_version, args.cluster)

    acknowledged = storm.acknowledged
    missing = [email for email in acknowledged if email not in stored]
    duplicated = {email: rows for email, rows in stored.items() if rows > 1}
    unanswered = [email for email in stored if email not in acknowledged]
    other_5xx = sum(
        count for answer, count in storm.answers.items()
        if answer.split()[-1].startswith("5") and answer.split()[-1] != "503"
    )  # fmt: skip
    after_restart = [t for t in storm.success_times if t > restart.get("end", float("inf"))]
    print(
        f"registrants {args.registrants}, {args.threads} at a time, gunicorn workers "
        f"{args.workers}, PostgreSQL {args.pg_version} cluster '{args.cluster}' restarted "
        f"after {args.registrants // 4} acknowledgements"
    )
    if "end" in restart:
        first = f"{after_restart[0] - restart['end']:.2f} s" if after_restart else "never"
        print(
            f"restart took {restart['end'] - restart['start']:.2f} s; first success after it: "
            f"{first}; storm {elapsed:.1f} s"
        )
    print("answers seen      " + ", ".join(f"{k} {v}" for k, v in sorted(storm.answers.items())))
    print(
        f"registrants       acknowledged {len(acknowledged)} "
        f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(acknowledged.values()).items()))}),"
        f" gave up {len(storm.gave_up)}"
    )
    print(
        f"database          stored {len(stored)}, acknowledged but missing {len(missing)}, "
        f"duplicated {len(duplicated)}, stored without an answer {len(unanswered)}"
    )
    print(f"5xx other than the 503 page: {other_5xx}")
    ok = not missing and not duplicated and other_5xx == 0 and "end" in restart
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
