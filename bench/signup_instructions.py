"""Instructions per sign-up, counted by valgrind's callgrind: unlike sign-ups per second, a
figure that does not drift with the speed of a shared machine (the same code gives the same
count to within a few tenths of a percent), so two versions of the code compare in one run.

Django runs in this process, without gunicorn or a network client, on a PostgreSQL database:
N registrants each GET the form and POST it through Django's WSGI handler, then the mail
worker's function sends their e-mails. Callgrind counts this process's instructions only while
each part runs; the baseline, measured in the same run, is /healthz (one query, no template).
PostgreSQL's own work is another process and is not counted: the load bench's CPU per sign-up
(bench/registration_load.py) shows it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/signup_instructions.py --registrants 100

Needs valgrind (Debian's package). Under it, Python runs some fifty times slower: 100
registrants take about half a minute.
"""

import argparse
import gc
import io
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import (
    COOKIE,
    ROOT,
    TOKEN,
    django_setup,
    forum_open,
    manage,
    registration_form,
    server_env,
)

PARTS = ("healthz", "form", "post", "mail")
LABELS = {
    "healthz": "/healthz (baseline)",
    "form": "form page (GET)",
    "post": "sign-up (POST)",
    "mail": "its e-mail (worker)",
}


def child(registrants: int) -> None:
    """Runs under valgrind: says READY <part> on stdout, waits for a line on stdin (the parent
    has zeroed the counters and switched them on), runs the part, says DONE."""
    from django.core.wsgi import get_wsgi_application

    from events import services
    from events.models import Registration

    application = get_wsgi_application()
    run = secrets.token_hex(3)
    event = forum_open(
        title=f"منتدى عد التعليمات {run}",
        title_fr=f"Forum de comptage {run}",
        capacity=registrants // 2,
        waiting_list=True,
    )
    path = f"/ar/events/{event.slug}/register/"

    def call(method: str, target: str, body: bytes = b"", **headers) -> tuple[list, bytes]:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": target,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            **headers,
        }
        answer = []
        content = b"".join(application(environ, lambda status, head: answer.extend(head)))
        return answer, content

    def form_page(n: int) -> tuple[str, bytes]:
        head, content = call("GET", path)
        cookie = COOKIE.search("\n".join(f"{k}: {v}" for k, v in head).encode()).group(1)
        email = f"instructions-{run}-{n}@example.ma"
        return cookie.decode(), registration_form(TOKEN.search(content).group(1), n, email)

    def post(cookie: str, form: bytes) -> None:
        _head, content = call(
            "POST",
            path,
            form,
            HTTP_COOKIE=f"csrftoken={cookie}",
            CONTENT_TYPE="application/x-www-form-urlencoded",
        )
        assert b"outcome-confirmed" in content or b"outcome-waiting" in content, content[:500]

    def mail() -> None:
        while services.registration_emails_send_queued(site_url="http://127.0.0.1", limit=20):
            pass

    # Warm-up: imports, connection, templates and caches, as in a worker that has served a while.
    for n in range(-20, 0):
        call("GET", "/healthz")
        post(*form_page(n))
    mail()
    gc.freeze()  # as each gunicorn worker does once it has started (gunicorn.conf.py)
    forms = []
    steps = {
        "healthz": lambda: [call("GET", "/healthz") for _n in range(registrants)],
        "form": lambda: forms.extend(form_page(n) for n in range(registrants)),
        "post": lambda: [post(*filled) for filled in forms],
        "mail": mail,
    }
    try:
        for part in PARTS:
            print(f"READY {part}", flush=True)
            sys.stdin.readline()
            steps[part]()
            print(f"DONE {part}", flush=True)
            sys.stdin.readline()
    finally:
        Registration.objects.filter(event=event).delete()
        event.delete()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrants", type=int, default=100)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("the bench needs PostgreSQL: --database-url postgres://...")
    if args.child:  # the parent's environment, its static files collected
        django_setup(dict(os.environ))
        child(args.registrants)
        return 0
    env = server_env(
        args.database_url,
        REGISTRATION_EMAIL_WORKER="1",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        parser.error("valgrind is needed: apt-get install valgrind")
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")

    counted = {}
    with tempfile.TemporaryDirectory(prefix="portal-callgrind-") as folder:
        out = Path(folder) / "callgrind.out"
        process = subprocess.Popen(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--child",
                "--registrants",
                str(args.registrants),
                "--database-url",
                args.database_url,
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

        def control(*options: str) -> None:
            subprocess.run(
                ["callgrind_control", *options, str(process.pid)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

        def proceed() -> None:
            process.stdin.write("go\n")
            process.stdin.flush()

        for dump, part in enumerate(PARTS, start=1):
            assert process.stdout.readline().split() == ["READY", part], "the child stopped"
            control("--zero")
            control("--instr=on")
            proceed()
            assert process.stdout.readline().split() == ["DONE", part], "the child stopped"
            control("--instr=off")
            control("--dump")
            totals = [
                line
                for line in Path(f"{out}.{dump}").read_text().splitlines()
                if line.startswith("totals:")
            ]
            counted[part] = int(totals[0].split()[1]) / args.registrants
            proceed()
        process.stdin.close()
        if process.wait() != 0:
            raise SystemExit("the counted run failed")

    baseline = counted["healthz"]
    print(
        f"instructions per request in this process (Django, psycopg, e-mail building), "
        f"{args.registrants} registrants, callgrind"
    )
    for part in PARTS:
        ratio = "" if part == "healthz" else f"   {counted[part] / baseline:5.1f}x /healthz"
        print(f"{LABELS[part]:26s} {counted[part] / 1e6:8.2f} M{ratio}")
    whole = counted["form"] + counted["post"] + counted["mail"]
    print(f"{'a whole sign-up':26s} {whole / 1e6:8.2f} M   {whole / baseline:5.1f}x /healthz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
