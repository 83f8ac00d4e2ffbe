"""A fixed-window counter in the cache: enough rate limiting for public forms."""

import hashlib
import time

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
