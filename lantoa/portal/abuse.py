"""Abuse protection for public forms: per-IP rate limits, a honeypot and a timing check (no CAPTCHA).

Counters live in the Django cache (Redis in production, shared by every web process). The client IP is
REMOTE_ADDR: behind a reverse proxy the proxy must set it (e.g. uWSGI/gunicorn forwarded-allow-ips),
never trust a client-supplied X-Forwarded-For here.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from typing import Any

from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

from lantoa.assistant import conf

HONEYPOT_FIELD = "website"
_SALT = "lantoa.portal.form-timing"


def client_key(request: HttpRequest) -> str:
    """A hashed client address: counters never hold the IP itself."""
    ip = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hashlib.sha256(ip.encode()).hexdigest()[:24]


def _parse(rate: str) -> tuple[int, int]:
    count, _, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def rate_limited(request: HttpRequest, scope: str, rate: str) -> bool:
    """Count one hit for this client in ``scope``; True once it exceeds ``rate`` ("10/60" = 10 per minute)."""
    limit, window = _parse(rate)
    bucket = int(time.time() // window)
    key = f"rl:{scope}:{client_key(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 5):
        return limit < 1
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        return False


def form_token() -> str:
    """A signed timestamp put in the form when it is shown."""
    return signing.dumps(int(time.time()), salt=_SALT)


def looks_automated(data: Mapping[str, Any], *, min_seconds: float | None = None) -> bool:
    """True for a filled honeypot, a missing or forged token, or a form sent faster than a person types."""
    get = data.get
    if get(HONEYPOT_FIELD):
        return True
    minimum = float(conf.get("FORM_MIN_SECONDS")) if min_seconds is None else min_seconds
    try:
        shown = signing.loads(str(get("ts", "")), salt=_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return True
    return time.time() - float(shown) < minimum
