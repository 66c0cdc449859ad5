"""The one wrapper around the optional LLM: an OpenAI-compatible chat endpoint set in settings.

Without ``ASSISTANT_LLM_URL`` nothing calls out and the assistant answers extractively. Tests replace the
endpoint with a fake server on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
import urllib.request

from lantoa.assistant import conf

logger = logging.getLogger(__name__)


class LLMError(Exception):
    pass


def enabled() -> bool:
    return bool(conf.get("ASSISTANT_LLM_URL"))


def chat(messages: list[dict[str, str]], *, max_tokens: int = 400) -> str:
    """POST {base}/chat/completions and return the first choice's text."""
    base = conf.get("ASSISTANT_LLM_URL").rstrip("/")
    payload = {
        "model": conf.get("ASSISTANT_LLM_MODEL"),
        "messages": messages,
        "temperature": 0,
        "max_tokens": max_tokens,
    }
    headers = {"Content-Type": "application/json"}
    key = conf.get("ASSISTANT_LLM_API_KEY")
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(f"{base}/chat/completions", data=json.dumps(payload).encode(),
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=float(conf.get("ASSISTANT_LLM_TIMEOUT"))) as response:
            body = json.loads(response.read(1_000_000))
        return str(body["choices"][0]["message"]["content"])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        logger.warning("LLM endpoint failed: %s", exc)
        raise LLMError(str(exc)) from exc
