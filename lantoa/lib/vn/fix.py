"""One call for intake: look at a text, apply the step it needs, say what was done."""

from __future__ import annotations

from dataclasses import dataclass

from lantoa.lib.vn.garble import TextClass, classify_text
from lantoa.lib.vn.normalize import normalize
from lantoa.lib.vn.repair import repair_text
from lantoa.lib.vn.restore import restore_marks


@dataclass(frozen=True)
class FixResult:
    """The fixed ``text``, the verdict on the input, and the step applied
    ("none", "restore_marks" or "repair_text")."""

    text: str
    verdict: TextClass
    step: str


def fix_text(text: str) -> FixResult:
    """Classify ``text`` and repair, restore or leave it; the result is always normalised.

    Garbled OCR goes through ``repair_text``, unaccented text through ``restore_marks``; clean text and
    text that is not Vietnamese are only normalised. Intake calls this per page, so a document whose
    pages came from different sources gets the right step on each.
    """
    verdict = classify_text(text)
    if verdict.label == "garbled":
        return FixResult(normalize(repair_text(text)), verdict, "repair_text")
    if verdict.label == "unaccented":
        return FixResult(normalize(restore_marks(text)), verdict, "restore_marks")
    return FixResult(normalize(text), verdict, "none")
