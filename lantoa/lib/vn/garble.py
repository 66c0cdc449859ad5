"""Garble detector: does this text need OCR repair, tone-mark restoration, or nothing?

Intake receives clean Word files, OCR output from a Vietnamese engine, OCR output from an English one
(marks mangled) and, sometimes, documents that are not Vietnamese at all. Applying repair to clean text
wastes time and can hurt; not applying it to garbled text leaves the parser blind. The decision uses
word-level evidence that is cheap to compute with the syllable inventory of the language model:

- how many words are real Vietnamese syllables exactly as written (clean text: nearly all);
- how many carry marks (unaccented text: almost none);
- how many look like Vietnamese once marks and OCR debris are ignored (not Vietnamese: few);
- how many mix digits or symbols into letters ("s6", "h¢") — the fingerprint of English OCR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from lantoa.lib.vn.lm import get_model
from lantoa.lib.vn.normalize import strip_marks

Label = Literal["clean", "unaccented", "garbled", "not_vietnamese"]

_TOKEN = re.compile(r"[^\s.,;:!?()\[\]\"“”'‘’…/|-]+")
_MIN_WORDS = 3


@dataclass(frozen=True)
class TextClass:
    """The verdict: ``label``, and ``score`` = share of words that are not valid Vietnamese as written
    (0 clean … 1 unusable), with the features it was computed from."""

    label: Label
    score: float
    features: dict[str, float] = field(default_factory=dict)


def classify_text(text: str) -> TextClass:
    """Classify ``text`` as clean, unaccented or garbled Vietnamese, or not Vietnamese."""
    model = get_model()
    ids, keys = model.ids, model.candidates
    total = valid = marked = vn_like = debris = 0
    for token in _TOKEN.findall(text or ""):
        if not any(ch.isalpha() for ch in token):
            continue  # numbers and codes say nothing
        if any(ch.isdigit() for ch in token) and sum(ch.isupper() for ch in token) >= 2:
            continue  # codes like 57-NQ
        total += 1
        lower = token.lower()
        plain = strip_marks(lower)
        has_marks = plain != lower
        is_valid = lower in ids and lower.isalpha()
        valid += is_valid
        marked += has_marks
        if is_valid or (plain.isalpha() and plain in keys):
            vn_like += 1
        if not lower.isalpha():
            debris += 1
    if total < _MIN_WORDS:
        return TextClass("not_vietnamese", 1.0, {"words": float(total)})
    features = {
        "words": float(total),
        "valid": valid / total,
        "marked": marked / total,
        "vietnamese_like": vn_like / total,
        "debris": debris / total,
    }
    score = round(1.0 - features["valid"], 4)
    if features["vietnamese_like"] < 0.55 and features["marked"] < 0.3:
        label: Label = "not_vietnamese"
    elif features["marked"] < 0.1 and features["debris"] < 0.05:
        label = "unaccented"
    elif features["valid"] >= 0.9 and features["debris"] < 0.03 and features["marked"] >= 0.3:
        label = "clean"
    else:
        label = "garbled"
    return TextClass(label, score, features)
