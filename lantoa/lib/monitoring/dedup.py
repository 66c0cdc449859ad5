"""Duplicate detection: canonical URL hashes for the same address, MinHash LSH for syndicated copies.

Syndicated Vietnamese news is the same wire story with a new headline, a trimmed lead or an added line, so
near-duplicates are found over word shingles of the *folded* text (tone-mark variants such as "Thuỷ"/"Thủy"
or a re-typed "hoà"/"hòa" must not make copies look different). Signatures come from datasketch's MinHash;
the LSH band keys are computed here so they can live in an indexed database column, shared by every worker
process, instead of in one process's memory.
"""

from __future__ import annotations

import functools
import hashlib
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from lantoa.lib.monitoring.query import tokens

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 64
SHINGLE = 4
THRESHOLD = 0.5
# b bands × r rows = NUM_PERM. datasketch's optimiser suggests 14 × 4 for a 0.5 threshold; 16 × 4 uses every
# permutation. A
# pair at Jaccard 0.5 collides with probability 1-(1-0.5^4)^16 ≈ 0.64 and at 0.7 with ≈ 0.99.
BANDS, ROWS = 16, 4
_TRACKING = ("utm_", "fbclid", "gclid", "zarsrc", "zalo_", "_ga", "mc_cid", "mc_eid", "ref", "cmpid")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, sorted query, no trailing slash."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not any(k.lower().startswith(t) for t in _TRACKING)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(
        ("https" if parts.scheme in ("http", "https") else parts.scheme, host, path, urlencode(query), "")
    )


def url_hash(url: str) -> str:
    return hashlib.sha256(canonical_url(url).encode()).hexdigest()[:40]


MAX_WORDS = 600  # syndicated copies share their opening; hashing 600 words costs a fifth of a long article


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = tokens(text)[:MAX_WORDS]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(gram) for gram in zip(*(words[i:] for i in range(size)), strict=False)}


@functools.cache
def _empty_minhash() -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=57)


def signature(text: str) -> np.ndarray:
    """MinHash hash values (uint32 × NUM_PERM) of the folded shingles of ``text``.

    The values datasketch's ``MinHash(num_perm=64, seed=57).update_batch`` gives (a test compares them), so
    signatures stored before stay comparable. Its update calls a Python hash function per shingle; here the
    SHA-1 digests are joined and read as one array, and its permutation step runs on that array.
    """
    from datasketch.minhash import _fmix

    empty = _empty_minhash()
    found = shingles(text)
    if not found:
        return empty.hashvalues.astype(np.uint32)
    sha1 = hashlib.sha1
    digests = b"".join([sha1(shingle.encode()).digest()[:4] for shingle in found])
    hashed = _fmix(np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1), 32)
    a, b = empty.permutations
    return np.minimum(empty.hashvalues, (hashed * a + b).min(axis=0)).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band index mixed in so equal rows in different bands differ)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: np.ndarray | bytes, b: np.ndarray | bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    x = np.frombuffer(a, dtype=np.uint32) if isinstance(a, bytes) else a
    y = np.frombuffer(b, dtype=np.uint32) if isinstance(b, bytes) else b
    return float(np.count_nonzero(x == y)) / NUM_PERM
