"""Load test of forum registration through the real HTTP form.

Serves the site with gunicorn on loopback against a PostgreSQL database, opens one event with
C seats and a waiting list, then N registrants each GET the form (CSRF cookie and token) and
POST it, with at most --connections requests in flight. Prints sign-ups per second, p50/p95
latency of a whole sign-up (GET + POST, from the moment the client has a free connection) and
of the POST alone, the CPU time gunicorn, PostgreSQL, the client and the task worker used per
sign-up and how busy the cores were (from /proc: the rate drifts with the machine's speed, the
CPU per sign-up much less), the outcome counts seen by the clients, and what the database holds
afterwards (confirmed, waiting, positions, duplicates).
The baseline, measured in the same run with the same client, is /healthz (one query, no
template): the ratio says what a sign-up costs against a bare request.

E-mails: by default the server queues them as tasks in the database and one task worker,
`manage.py db_worker`, sends them beside it, as in docker-compose.yml; the bench reports when
the last one left. It runs at the lowest CPU priority (nice 19), since on this one machine it
shares the cores with the server: sign-ups come first, mail follows within seconds.
`--email inline` sends each one in its request, after the commit (the ImmediateBackend).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/registration_load.py --registrants 500 --seats 100

The database is created and migrated if needed; the bench event and its registrations are
deleted at the end. The rate limit is switched off for the server (REGISTRATION_RATE_LIMIT_
ENABLED=0); e-mails are built (QR code, .ics) and handed to Django's in-memory backend.

The client half-closes each connection once its request is written, as HTTP/1.1 allows: a
gunicorn sync worker lingers after answering until the client has closed its side, and on this
machine the client competes with the server for the CPU, which would make the server wait on
the client's scheduling (nginx in front closes within microseconds). It uses uvloop when it is
installed (the dev extra), to leave the cores to the server.
"""

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

try:
    from uvloop import run as run_async
except ImportError:  # the plain event loop measures the same server, with a busier client
    from asyncio import run as run_async

from common import (
    COOKIE,
    LOCATION,
    ROOT,
    TOKEN,
    django_setup,
    forum_open,
    free_port,
    manage,
    registration_form,
    server_env,
)


def database_ensure(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


class _Exchange(asyncio.Protocol):
    """One request on one connection: write it, collect the answer until the server closes."""

    def __init__(self, request: bytes, done: asyncio.Future):
        self.request, self.done, self.chunks = request, done, []

    def connection_made(self, transport):
        transport.write(self.request)
        transport.write_eof()

    def data_received(self, data: bytes):
        self.chunks.append(data)

    def connection_lost(self, exc):
        if not self.done.done():
            if exc is None:
                self.done.set_result(b"".join(self.chunks))
            else:
                self.done.set_exception(exc)


class Client:
    """HTTP/1.1 over bare asyncio protocols (no stream wrappers), one connection per request
    (gunicorn's sync workers close it anyway): light enough to leave the CPU to the server,
    which shares the machine's cores with this client."""

    def __init__(self, port: int, connections: int):
        self.port = port
        self.slots = asyncio.Semaphore(connections)
        self.host = f"Host: 127.0.0.1:{port}\r\nConnection: close\r\n"

    async def request(self, method: str, path: str, headers: dict | None = None, body=b""):
        head = f"{method} {path} HTTP/1.1\r\n{self.host}Content-Length: {len(body)}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        loop = asyncio.get_running_loop()
        async with self.slots:
            started = time.perf_counter()
            done = loop.create_future()
            request = (head + "\r\n").encode() + body
            await loop.create_connection(lambda: _Exchange(request, done), "127.0.0.1", self.port)
            response = await done
            elapsed = time.perf_counter() - started
        header_block, _sep, content = response.partition(b"\r\n\r\n")
        status = int(header_block[9:12]) if header_block[:5] == b"HTTP/" else 0
        return status, header_block, content, elapsed


async def sign_up(client: Client, path: str, n: int, run: str) -> dict:
    """One registrant: GET the form, POST it, follow the redirect to the outcome page.
    Latencies count from the moment the client has a free connection slot (its own queueing
    is not the server's) to the full response."""
    status, headers, content, got = await client.request("GET", path)
    if status != 200:
        return {"outcome": f"GET {status}", "latency": got}
    cookie, token = COOKIE.search(headers), TOKEN.search(content)
    if not (cookie and token):
        return {"outcome": "no CSRF token", "latency": got}
    form = registration_form(
        token.group(1), n, f"bench-{run}-{n}@example.ma", phone=f"06{n:08d}"[:10]
    )
    status, headers, content, posted = await client.request(
        "POST",
        path,
        {
            "Cookie": f"csrftoken={cookie.group(1).decode()}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        form,
    )
    location = LOCATION.search(headers)
    if status == 303 and location:  # the outcome page, as the browser follows the redirect
        status, _headers, content, shown = await client.request("GET", location.group(1).decode())
        posted += shown
    if status >= 500:
        outcome = "server error"
    elif status != 200:
        outcome = f"POST {status}"
    elif b"outcome-confirmed" in content:
        outcome = "confirmed"
    elif b"outcome-waiting" in content:
        outcome = "waiting"
    else:
        outcome = "other"
    return {"outcome": outcome, "latency": got + posted, "post": posted}


async def sign_up_counted(client: Client, path: str, n: int, run: str) -> dict:
    try:
        return await sign_up(client, path, n, run)
    except OSError as error:  # refused or reset: more in flight than the listen backlog holds
        return {"outcome": f"connection {type(error).__name__}"}


async def drive(port: int, path: str, registrants: int, connections: int, run: str):
    client = Client(port, connections)
    started = time.perf_counter()
    signing_up = (sign_up_counted(client, path, n, run) for n in range(registrants))
    results = await asyncio.gather(*signing_up)
    return results, time.perf_counter() - started


async def baseline(port: int, requests: int, connections: int):
    client = Client(port, connections)
    started = time.perf_counter()
    statuses = await asyncio.gather(*(client.request("GET", "/healthz") for _n in range(requests)))
    elapsed = time.perf_counter() - started
    assert all(status == 200 for status, *_rest in statuses), "healthz failed"
    return requests / elapsed


def cpu_seconds(server_pid: int, mailer_pid: int | None) -> dict[str, float]:
    """CPU time (user + system) used so far by the gunicorn processes, PostgreSQL, this client,
    the mail worker and the whole machine, from /proc: what a sign-up costs, which a rate alone
    hides when the machine's own speed drifts. Empty where there is no Linux /proc."""
    if not os.path.exists("/proc/stat"):
        return {}
    tick = os.sysconf("SC_CLK_TCK")
    with open("/proc/stat") as stat:
        ticks = [int(value) for value in stat.readline().split()[1:]]
    idle = ticks[3] + ticks[4]  # idle and waiting for I/O
    totals = {"machine": (sum(ticks[:8]) - idle) / tick}
    totals.update(dict.fromkeys(("server", "database", "client", "mailer"), 0.0))
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                command, fields = stat.read().rsplit(")", 1)
        except OSError:  # gone meanwhile
            continue
        pid, fields = int(entry.name), fields.split()
        ppid, seconds = int(fields[1]), (int(fields[11]) + int(fields[12])) / tick
        if server_pid in (pid, ppid):
            totals["server"] += seconds
        elif command.endswith("(postgres"):
            totals["database"] += seconds
        elif pid == os.getpid():
            totals["client"] += seconds
        elif pid == mailer_pid:
            totals["mailer"] += seconds
    return totals


def mail_drain(emails, timeout: float = 120.0) -> float:
    """Seconds from the end of the sign-ups until the worker has sent every queued e-mail."""
    started = time.perf_counter()
    while emails.filter(status="queued").exists() and time.perf_counter() - started < timeout:
        time.sleep(0.05)
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrants", type=int, default=500)
    parser.add_argument("--seats", type=int, default=100)
    parser.add_argument(
        "--connections",
        type=int,
        help="requests in flight at most (default: every registrant at once; beyond gunicorn's "
        "listen backlog, 2048, connections are refused and counted as errors)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="gunicorn worker processes (2, one per core, did best on a 2-core machine)",
    )
    parser.add_argument(
        "--email",
        choices=["worker", "inline"],
        default="worker",
        help="send e-mails from the mail worker (default) or in each request after the commit",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
    )
    args = parser.parse_args()
    args.connections = args.connections or args.registrants
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("the bench needs PostgreSQL: --database-url postgres://...")

    port = free_port()
    env = server_env(
        args.database_url,
        LOG_LEVEL="WARNING",
        TASKS_BACKEND=(
            "django_tasks_db.DatabaseBackend"
            if args.email == "worker"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        # No worker recycling mid-run: the CPU accounting follows the same processes throughout.
        GUNICORN_MAX_REQUESTS="0",
        SITE_URL=f"http://127.0.0.1:{port}",
    )
    database_ensure(args.database_url)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    django_setup(env)
    from registrations.models import OutgoingEmail, Registration, RegistrationStatus

    run = secrets.token_hex(3)
    event = forum_open(
        title=f"منتدى اختبار الحمل {run}",
        title_fr=f"Forum de test de charge {run}",
        capacity=args.seats,
        waiting_list=True,
    )

    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--backlog",
            "2048",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    mailer = None
    if args.email == "worker":
        mailer = subprocess.Popen(
            [
                "nice",
                "-n",
                "19",
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-reload",
                "--interval",
                "0.1",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.2)
        path = f"/ar/events/{event.slug}/register/"
        # Warm-up: every worker imports, connects and compiles its templates once.
        run_async(baseline(port, 50, 10))
        healthz_rate = run_async(baseline(port, args.registrants, args.connections))
        mailer_pid = mailer.pid if mailer else None
        cpu_before = cpu_seconds(server.pid, mailer_pid)
        results, elapsed = run_async(drive(port, path, args.registrants, args.connections, run))
        cpu_signups = cpu_seconds(server.pid, mailer_pid)
        sent_emails = OutgoingEmail.objects.filter(registration__event=event)
        mail_seconds = mail_drain(sent_emails) if mailer else 0.0
        cpu_mail = cpu_seconds(server.pid, mailer_pid)
    finally:
        for process in (server, mailer):
            if process:
                process.terminate()
                process.wait(timeout=30)

    outcomes: dict[str, int] = {}
    for result in results:
        outcomes[result["outcome"]] = outcomes.get(result["outcome"], 0) + 1
    latencies = [r["latency"] for r in results if "latency" in r] or [0.0]
    posts = [r["post"] for r in results if "post" in r]
    completed = outcomes.get("confirmed", 0) + outcomes.get("waiting", 0)
    rows = Registration.objects.filter(event=event)
    confirmed = rows.filter(status=RegistrationStatus.CONFIRMED).count()
    waiting = rows.filter(status=RegistrationStatus.WAITING)
    positions = sorted(waiting.values_list("waiting_position", flat=True))
    emails = rows.values_list("email", flat=True)
    outgoing = OutgoingEmail.objects.filter(registration__event=event)
    mail_errors = outgoing.exclude(status__in=["sent", "queued"]).count()
    mails_sent = outgoing.filter(status="sent").count()

    rate = completed / elapsed
    print(
        f"registrants {args.registrants}, seats {args.seats}, in flight {args.connections}, "
        f"gunicorn workers {args.workers}"
    )
    print(f"sign-ups/s            {rate:8.1f}   ({completed} sign-ups in {elapsed:.2f} s)")
    print(
        f"latency GET+POST  p50 {statistics.median(latencies) * 1000:8.1f} ms   "
        f"p95 {percentile(latencies, 0.95) * 1000:8.1f} ms"
    )
    if posts:
        print(
            f"latency POST      p50 {statistics.median(posts) * 1000:8.1f} ms   "
            f"p95 {percentile(posts, 0.95) * 1000:8.1f} ms"
        )
    print(
        f"baseline /healthz/s   {healthz_rate:8.1f}   (sign-up = {healthz_rate / rate:.1f}x a "
        "bare request; a sign-up is 3 requests: form, POST, outcome)"
    )
    if cpu_before:
        per_signup = {
            name: (cpu_signups[name] - cpu_before[name]) * 1000 / max(completed, 1)
            for name in ("server", "database", "client")
        }
        print(
            "CPU per sign-up       "
            + ", ".join(f"{name} {ms:.2f} ms" for name, ms in per_signup.items())
            + f" (web side {sum(per_signup.values()):.2f} ms)"
        )
        busy = (cpu_signups["machine"] - cpu_before["machine"]) / elapsed
        during = cpu_signups["mailer"] - cpu_before["mailer"]
        print(
            f"cores busy            {busy:8.2f}   of {os.cpu_count()} during the sign-ups, "
            f"{during / elapsed:.2f} of them the mail worker's"
        )
    print("client outcomes       " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    dense = positions == list(range(1, len(positions) + 1))
    print(
        f"database              confirmed {confirmed}, waiting {waiting.count()}, "
        f"positions 1..{len(positions)} {'ok' if dense else 'BROKEN'}, "
        f"duplicate e-mails {len(emails) - len(set(emails))}, e-mail errors {mail_errors}"
    )
    if mailer:
        when = f"the last {mail_seconds:.1f} s after the last sign-up"
        if cpu_before and mails_sent:
            spent = (cpu_mail["mailer"] - cpu_before["mailer"]) * 1000 / mails_sent
            when += f", {spent:.2f} ms of CPU each"
        print(f"e-mails               {mails_sent} sent by the mail worker, {when}")
    else:
        print(f"e-mails               {mails_sent} sent in their requests")
    server_errors = sum(v for k, v in outcomes.items() if k not in ("confirmed", "waiting"))
    print(f"errors                {server_errors}")

    outgoing.delete()
    rows.delete()
    event.delete()
    ok = (
        confirmed == min(args.seats, args.registrants)
        and server_errors == 0
        and dense
        and mails_sent == completed
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
