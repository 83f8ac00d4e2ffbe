"""What a request says about its client."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind DJANGO_PROXY_COUNT trusted proxies the address the first of
    them saw in X-Forwarded-For (the entries before it can be forged by the client)."""
    count = settings.PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
