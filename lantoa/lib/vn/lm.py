"""Vietnamese syllable trigram language model (interpolated Kneser-Ney, stored in backoff form).

Both tone-mark restoration and OCR repair are choices between spellings of one syllable ("so" → số, sợ,
sổ, sở, …); what decides is the neighbouring syllables. A syllable trigram model captures most of that
at a few microseconds per lookup, which keeps restoration of a short question in the millisecond range
and OCR repair above 5,000 words per second on one core, with no numeric library and no GPU.

The model file is built by ``scripts/build_language_model.py`` from text the project may ship (see
``docs/text-core.md``). It is loaded once per process, lazily, by ``get_model()``.

Storage: syllables get integer ids; a bigram (a, b) is the int ``a * V + b`` and a trigram
``(a * V + b) * V + c``, so lookups hash small ints instead of tuples of strings.
"""

from __future__ import annotations

import gzip
import pickle
import re
import threading
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lantoa.lib.vn.normalize import strip_marks

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA_DIR / "syllable_lm.pkl.gz"

BOS = "<s>"
EOS = "</s>"
UNK = "<unk>"
NUM = "<num>"
SPECIALS = (BOS, EOS, UNK, NUM)

# A word of letters, a number, or a comma (a comma is a token: "chuyển đổi số, cập nhật" must not
# teach the model that "cập" follows "số"); everything else separates.
_LM_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,/]\d+)*|,", re.UNICODE)
# Punctuation that ends the context a syllable depends on.
_SEGMENT_BREAK = re.compile(r"[.!?;:()\[\]\"“”…|•]+(?:\s|$)|[!?;:()\[\]\"“”…|•]|\n\s*\n")


def lm_segments(text: str) -> Iterator[list[str]]:
    """Yield the LM token sequences of ``text``: lowercase syllables, numbers as ``<num>``, commas.

    Used identically when building the model and when scoring, so the two always agree.
    """
    for segment in _SEGMENT_BREAK.split(text):
        tokens = [NUM if tok[0].isdigit() else tok.lower() for tok in _LM_TOKEN.findall(segment)]
        if tokens:
            yield tokens


def fold_syllable(syllable: str) -> str:
    """Lowercase ASCII key of a syllable: the index that maps unaccented input to candidates."""
    return strip_marks(syllable).lower()


@dataclass
class SyllableLM:
    """A loaded trigram model: integer-keyed log10 probabilities and backoff weights."""

    vocab: list[str]
    ids: dict[str, int]
    uni: list[float]
    bow1: list[float]
    bi: dict[int, float]
    bow2: dict[int, float]
    tri: dict[int, float]
    #: folded key → candidate ids, most frequent first
    candidates: dict[str, list[int]]
    #: raw corpus frequency of each id (for priors and the garble detector)
    counts: list[int]

    @property
    def size(self) -> int:
        return len(self.vocab)

    def id_of(self, syllable: str) -> int:
        return self.ids.get(syllable, self.ids[UNK])

    def logprob(self, u: int, v: int, w: int) -> float:
        """log10 P(w | u, v) with Kneser-Ney backoff."""
        size = len(self.vocab)
        uv = u * size + v
        value = self.tri.get(uv * size + w)
        if value is not None:
            return value
        vw = v * size + w
        value = self.bi.get(vw)
        if value is not None:
            return self.bow2.get(uv, 0.0) + value
        return self.bow2.get(uv, 0.0) + self.bow1[v] + self.uni[w]

    def score_sequence(self, syllables: Iterable[str]) -> float:
        """Total log10 probability of a sequence (with sentence boundaries)."""
        bos = self.ids[BOS]
        u, v = bos, bos
        total = 0.0
        for syl in syllables:
            w = self.id_of(syl)
            total += self.logprob(u, v, w)
            u, v = v, w
        return total + self.logprob(u, v, self.ids[EOS])


def _pack(table: dict[int, float]) -> tuple[array, array]:
    keys = array("q", sorted(table))
    values = array("f", (table[k] for k in keys))
    return keys, values


def _unpack(packed: tuple[array, array]) -> dict[int, float]:
    keys, values = packed
    return dict(zip(keys.tolist(), values.tolist(), strict=True))


def save_model(model: SyllableLM, path: Path = MODEL_PATH) -> None:
    """Write ``model`` compactly (sorted int keys + float32 values, gzip)."""
    payload = {
        "version": 1,
        "vocab": model.vocab,
        "uni": array("f", model.uni),
        "bow1": array("f", model.bow1),
        "bi": _pack(model.bi),
        "bow2": _pack(model.bow2),
        "tri": _pack(model.tri),
        "candidates": model.candidates,
        "counts": array("q", model.counts),
    }
    # mtime=0: the same model gives the same bytes, so a rebuild that changes nothing shows no diff
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
        pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)


def load_model(path: Path = MODEL_PATH) -> SyllableLM:
    """Read a model written by ``save_model`` (our own file, shipped in the package)."""
    with gzip.open(path, "rb") as handle:
        payload = pickle.load(handle)
    vocab: list[str] = payload["vocab"]
    return SyllableLM(
        vocab=vocab,
        ids={s: i for i, s in enumerate(vocab)},
        uni=payload["uni"].tolist(),
        bow1=payload["bow1"].tolist(),
        bi=_unpack(payload["bi"]),
        bow2=_unpack(payload["bow2"]),
        tri=_unpack(payload["tri"]),
        candidates=payload["candidates"],
        counts=payload["counts"].tolist(),
    )


_lock = threading.Lock()
_model: SyllableLM | None = None


def get_model() -> SyllableLM:
    """The process-wide model, loaded on first use (about half a second) and then reused."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = load_model()
    return _model
