"""Assistant settings: Django settings first, then environment variables, then defaults.

settings.py belongs to the foundation; deployments set these as environment variables.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "ASSISTANT_LLM_URL": "",  # OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1
    "ASSISTANT_LLM_MODEL": "default",
    "ASSISTANT_LLM_API_KEY": "",
    "ASSISTANT_LLM_TIMEOUT": 8,
    "ASSISTANT_EMBED_THREADS": 1,
    "ASSISTANT_RATE_LIMIT": "10/60",  # questions per seconds per IP
    "FEEDBACK_RATE_LIMIT": "5/3600",  # feedback forms per seconds per IP
    "FEEDBACK_CONTACT_RETENTION_DAYS": 30,
    "FORM_MIN_SECONDS": 3,  # a human needs at least this long to fill a form
}


def get(name: str) -> Any:
    if hasattr(settings, name):
        return getattr(settings, name)
    default = DEFAULTS[name]
    raw = os.environ.get(name)
    if raw is None:
        return default
    return type(default)(raw) if not isinstance(default, str) else raw
