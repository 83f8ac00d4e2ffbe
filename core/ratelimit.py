"""A fixed-window counter in the cache: enough rate limiting for public forms."""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches


def rate_limit_hit(scope: str, value: str, *, limit: int, window: int) -> bool:
    """Count one attempt in the current window; True once more than `limit` were made.

    Counters live in their own cache, CACHES["ratelimit"] (a Redis that does not evict in
    production, so every app server shares them and no flood of cached pages can push them
    out), under a hash of the value: no address or e-mail is stored in clear.
    """
    digest = hashlib.sha256(f"{scope}:{value}".encode()).hexdigest()[:32]
    key = f"rate:{scope}:{digest}:{int(time.time() // window)}"
    counters = caches["ratelimit"]
    counters.add(key, 0, timeout=window)
    try:
        count = counters.incr(key)
    except ValueError:  # expired between add and incr
        counters.set(key, 1, timeout=window)
        count = 1
    return count is not None and count > limit  # None: the counters' Redis is down


def sign_up_limited(form: str, scope: str, value: str) -> bool:
    """One attempt at a public sign-up form, by client address (`scope` "ip") or e-mail
    ("email"), under the form's settings: <FORM>_RATE_LIMIT_ENABLED, _PER_IP, _PER_EMAIL and
    _WINDOW (e.g. REGISTRATION_RATE_LIMIT_PER_IP)."""
    prefix = f"{form.upper()}_RATE_LIMIT"
    if not getattr(settings, f"{prefix}_ENABLED"):
        return False
    return rate_limit_hit(
        f"{form}-{scope}",
        value,
        limit=getattr(settings, f"{prefix}_PER_{scope.upper()}"),
        window=getattr(settings, f"{prefix}_WINDOW"),
    )
