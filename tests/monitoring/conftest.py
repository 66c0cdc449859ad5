from __future__ import annotations

from collections.abc import Iterator

import pytest

from lantoa.monitoring import http, pipeline
from tests.monitoring.server import FixtureServer


@pytest.fixture(scope="session")
def fixture_server() -> Iterator[FixtureServer]:
    with FixtureServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _monitoring_settings(settings: object) -> Iterator[None]:
    # Test-only: the fixture server listens on 127.0.0.1, which production refuses (SSRF).
    settings.MONITORING_ALLOW_LOOPBACK = True  # type: ignore[attr-defined]
    settings.MONITORING_POLITENESS_SECONDS = 0.0  # type: ignore[attr-defined]
    settings.MONITORING_TIMEOUT = 2.0  # type: ignore[attr-defined]
    settings.MONITORING_MAX_BYTES = 2 * 1024 * 1024  # type: ignore[attr-defined]
    # e5 costs ~0.1-1 s per text on this machine; tests that need it turn it on (see test_semantic.py).
    settings.MONITORING_EMBEDDINGS = False  # type: ignore[attr-defined]
    http.set_fetcher(None)
    pipeline.clear_caches()
    yield
    http.set_fetcher(None)
    pipeline.clear_caches()
