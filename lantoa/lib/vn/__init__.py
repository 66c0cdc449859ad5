"""Vietnamese text core: normalisation, tokenising, tone-mark restoration, OCR repair, garble detection.

Plain Python, imports nothing from Django. Models load lazily on first use and are shared per process.

    from lantoa.lib.vn import normalize, restore_marks, repair_text, classify_text, word_tokenize
"""

from lantoa.lib.vn.fix import FixResult, fix_text
from lantoa.lib.vn.garble import TextClass, classify_text
from lantoa.lib.vn.normalize import normalize, strip_marks
from lantoa.lib.vn.repair import repair_text
from lantoa.lib.vn.restore import restore_marks
from lantoa.lib.vn.tokenize import word_tokenize

__all__ = [
    "FixResult",
    "TextClass",
    "classify_text",
    "fix_text",
    "normalize",
    "repair_text",
    "restore_marks",
    "strip_marks",
    "word_tokenize",
]
