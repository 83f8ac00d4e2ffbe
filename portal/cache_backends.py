"""A Redis cache that degrades to no caching when Redis is unreachable.

Django's RedisCache raises on connection errors, which would turn a cache outage into a site
outage. This subclass logs the outage once, answers as an empty cache would (get returns the
default, set and add report failure, incr raises ValueError as for a missing key) and skips
Redis for a short back-off instead of paying a connection attempt on every call.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("portal.cache")


def _degrading(fallback):
    """Run the Redis operation; on failure return fallback(*args, **kwargs) instead."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._unavailable_until:
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                self._outage(error)
                return fallback(*args, **kwargs)
            if self._unavailable_until:
                logger.warning("Redis cache is reachable again at %s", self._location_label)
                self._unavailable_until = 0.0
            return result

        return wrapper

    return decorator


def _default(key, default=None, *args, **kwargs):
    return default


def _false(*args, **kwargs):
    return False


def _none(*args, **kwargs):
    return None


def _empty_dict(*args, **kwargs):
    return {}


def _all_keys_failed(data, *args, **kwargs):
    return list(data)


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (cache unavailable).")


class DegradingRedisCache(RedisCache):
    """RedisCache whose failures read as cache misses. OPTIONS["RETRY_AFTER"] (seconds,
    default 5) is how long Redis is skipped after a failure."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self._retry_after = float(options.pop("RETRY_AFTER", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._unavailable_until = 0.0
        self._location_label = ",".join(s.split("@")[-1] for s in self._servers)

    def _outage(self, error: Exception) -> None:
        if not self._unavailable_until:
            logger.warning(
                "Redis cache unavailable at %s (%s): serving without cache",
                self._location_label,
                error.__class__.__name__,
            )
        self._unavailable_until = time.monotonic() + self._retry_after

    get = _degrading(_default)(RedisCache.get)
    set = _degrading(_none)(RedisCache.set)
    add = _degrading(_false)(RedisCache.add)
    touch = _degrading(_false)(RedisCache.touch)
    delete = _degrading(_false)(RedisCache.delete)
    has_key = _degrading(_false)(RedisCache.has_key)
    incr = _degrading(_missing_key)(RedisCache.incr)
    get_many = _degrading(_empty_dict)(RedisCache.get_many)
    set_many = _degrading(_all_keys_failed)(RedisCache.set_many)
    delete_many = _degrading(_none)(RedisCache.delete_many)
    clear = _degrading(_false)(RedisCache.clear)
