"""Read replicas for the public read-only pages (DATABASE_REPLICA_URLS).

Only reads of the public content apps (`public_content` on their AppConfig), made while
ReplicaRoutingMiddleware has marked the request as a public read (GET or HEAD outside the
admin, by a client that has not just written), go to a replica. Everything else (writes,
sessions, users, the admin, login attempts, every read inside a write request) stays on the
primary, so a visitor never reads data older than what they have just sent.
"""

import random
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_public_read: ContextVar[bool] = ContextVar("portal_public_read", default=False)


@contextmanager
def public_read():
    """Mark the code inside as a public read that may be served by a replica."""
    token = _public_read.set(True)
    try:
        yield
    finally:
        _public_read.reset(token)


def _public_content(model) -> bool:
    """The apps whose records public pages show say so on their AppConfig."""
    return getattr(model._meta.app_config, "public_content", False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = settings.DATABASE_REPLICAS
        if replicas and _public_read.get() and _public_content(model):
            return random.choice(replicas)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        """Replicas hold the same rows as the primary: objects may relate across them."""
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
