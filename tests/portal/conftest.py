"""Fixtures of the portal tests: the demo knowledge base (shipped vectors), clean rate-limit counters."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from django.core import signing
from django.core.cache import cache

from lantoa.assistant import engine
from lantoa.portal import abuse


@pytest.fixture(scope="session")
def embedding_model() -> object:
    from lantoa.assistant.embedding import _get_model

    return _get_model()


@pytest.fixture
def demo_kb(db: object, embedding_model: object) -> Iterator[list[object]]:
    from lantoa.assistant.demo import load_kb

    engine.reset()
    docs = load_kb()
    yield docs
    engine.reset()


@pytest.fixture(autouse=True)
def _fresh_counters() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def old_token(seconds: int = 60) -> str:
    """A form token as if the page had been shown ``seconds`` ago (a person had time to type)."""
    return signing.dumps(int(time.time()) - seconds, salt=abuse._SALT)
