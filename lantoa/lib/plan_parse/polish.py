"""Turning extracted field text into readable Vietnamese.

Structure is found on the folded text, which works on garbled OCR as it is. Field values
(titles, themes, unit names, the signer) are then passed, all at once, through the text
core's repair (garbled OCR) or tone restoration (unaccented text) when that core is
installed. It is imported lazily and guarded: the parser works without it and flags the
fields it could not make readable as uncertain.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from .textutil import fold_same, upper_ratio

log = logging.getLogger(__name__)

_VIET_SPECIAL = re.compile(r"[ăâđêôơưẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰăắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựĂÂĐÊÔƠƯ]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Debris that OCR engines without Vietnamese leave where a marked letter was.
_DEBRIS = re.compile(r"\b[a-zA-Z]+[0-9$&¢§@][a-zA-Z]*\b|[¢§]|\b\w*[éèẽ]\w*[éèẽ]\w*\b")


def text_condition(text: str) -> str:
    """ "clean", "unaccented", "garbled" or "not_vietnamese" (a cheap local estimate).

    Clean Vietnamese has the letters ă â đ ê ô ơ ư in roughly a third of its syllables;
    OCR without the Vietnamese model almost never produces ơ, ư, ă or đ, and unaccented
    text has no marks at all.
    """
    sample = text[:60_000]
    words = _WORD.findall(sample)
    if len(words) < 5:
        return "clean"
    special = sum(1 for w in words if _VIET_SPECIAL.search(w)) / len(words)
    marked = sum(1 for w in words if fold_same(w) != w.lower()) / len(words)
    debris = len(_DEBRIS.findall(sample)) / len(words)
    if special >= 0.15 and debris < 0.02:
        return "clean"
    if marked < 0.02 and debris < 0.01:
        folded = " " + " ".join(fold_same(w) for w in words[:400]) + " "
        common = sum(folded.count(f" {w} ") for w in ("va", "cac", "cua", "trong", "nhung", "duoc"))
        return "unaccented" if common >= max(2, len(words[:400]) // 40) else "not_vietnamese"
    return "garbled"


def _classify_with_core(text: str) -> str | None:
    """Ask the text core's garble detector when it exists; None when absent or unclear."""
    try:
        from lantoa.lib.vn.garble import classify_text
    except Exception:
        return None
    try:
        result = classify_text(text[:60_000])
    except Exception:  # a bug there must not stop an import
        log.exception("classify_text failed")
        return None
    label = getattr(result, "label", None) or getattr(result, "kind", None) or result
    label = str(getattr(label, "value", label)).lower()
    for known in ("not_vietnamese", "unaccented", "garbled", "clean"):
        if known in label.replace("-", "_").replace(" ", "_"):
            return known
    return None


def _load_fixer(condition: str) -> Callable[[str], str] | None:
    try:
        if condition == "garbled":
            from lantoa.lib.vn.repair import repair_text

            return repair_text
        if condition == "unaccented":
            from lantoa.lib.vn.restore import restore_marks

            return restore_marks
    except Exception:
        return None
    return None


# One Vietnamese syllable, folded: an all-caps token of another shape is an acronym
# ("UBND", "MTTQ", "CVP", "KHCN") that repair must not turn into a word.
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
_CODE = re.compile(r"[A-ZĐ]{2,}.*[/\d-]|[/\d-].*[A-ZĐ]{2,}")
_PUNCT = ".,;:()[]{}\"'“”‘’!?"


def _protect(original: str, fixed: str) -> str:
    """Put acronyms and document codes back as printed, word by word."""
    src, out = original.split(), fixed.split()
    if len(src) != len(out):
        return fixed
    merged = []
    for a, b in zip(src, out, strict=True):
        core = a.strip(_PUNCT)
        letters = [c for c in core if c.isalpha()]
        caps = len(letters) >= 2 and all(c.isupper() for c in letters)
        if _CODE.search(core) or (caps and not _SYLLABLE.match(fold_same(core))):
            merged.append(a)
        elif caps and not b.isupper():
            merged.append(b.upper())
        else:
            merged.append(b)
    return " ".join(merged)


class Polisher:
    """Repairs field text in one batch, keeping all-caps headings in capitals."""

    def __init__(self, text: str, *, use_core: bool = True) -> None:
        local = text_condition(text)
        # Clean Vietnamese is never sent to repair (it can only lose there); for the rest the
        # core's detector, when present, knows garbled from unaccented better than we do.
        core = _classify_with_core(text) if use_core and local != "clean" else None
        self.condition = core or local
        self.fixer = _load_fixer(self.condition) if use_core else None
        self.needed = self.condition in ("garbled", "unaccented")

    @property
    def readable(self) -> bool:
        """True when field text is (or has been made) readable Vietnamese."""
        return not self.needed or self.fixer is not None

    def polish_many(self, items: list[str]) -> list[str]:
        if not self.needed or self.fixer is None or not items:
            return items
        prepared = [(" ".join(s.split())) for s in items]
        caps = [upper_ratio(s) > 0.8 for s in prepared]
        joined = "\n".join(s.lower() if c else s for s, c in zip(prepared, caps, strict=True))
        try:
            fixed = self.fixer(joined).split("\n")
        except Exception:
            log.exception("text repair failed; keeping the OCR text")
            return items
        if len(fixed) != len(prepared):
            return items
        return [_protect(s, f.upper() if c else f) for s, f, c in zip(prepared, fixed, caps, strict=True)]

    def polish(self, text: str | None) -> str | None:
        if text is None:
            return None
        return self.polish_many([text])[0]
