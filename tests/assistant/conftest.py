"""Fixtures of the assistant tests: the demo knowledge base, loaded from its shipped vectors."""

from __future__ import annotations

import pytest

from lantoa.assistant import engine


@pytest.fixture(scope="session")
def embedding_model() -> object:
    """Load the embedding model once per test session (questions are embedded for real)."""
    from lantoa.assistant.embedding import _get_model

    return _get_model()


@pytest.fixture
def demo_kb(db: object, embedding_model: object) -> list[object]:
    from lantoa.assistant.demo import load_kb

    engine.reset()
    docs = load_kb()
    yield docs
    engine.reset()
