"""Tone-mark restoration: "chuyen doi so cap xa" → "chuyển đổi số cấp xã".

People type Vietnamese without marks on phones and in search boxes; the assistant embeds questions and
search offers "did you mean" in the marked form. Each unmarked syllable has a handful of marked readings
("so" → số, sở, sơ, sổ, …); the trigram language model picks the sequence that reads best.

Syllables that already carry a mark, numbers, codes and anything the model does not know are left as
they are; only spelling changes, never spacing, punctuation or line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lantoa.lib.vn.decode import Position, decode
from lantoa.lib.vn.lm import UNK, SyllableLM, get_model
from lantoa.lib.vn.normalize import strip_marks

# Words, numbers (with their separators) and commas, which the language model treats as a token.
_WORD = re.compile(r"[^\W\d_]+|\d[\w.,/-]*\w|\d|,", re.UNICODE)
# A gap between two words that ends the language-model context.
_BREAK_GAP = re.compile(r"[.!?;:()\[\]\"“”…|•]|\n\s*\n")

MAX_CANDIDATES = 10


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


def split_segments(text: str) -> list[list[Token]]:
    """Group the words of ``text`` into runs that share language-model context."""
    segments: list[list[Token]] = []
    current: list[Token] = []
    last_end = 0
    for match in _WORD.finditer(text):
        if current and _BREAK_GAP.search(text, last_end, match.start()):
            segments.append(current)
            current = []
        current.append(Token(match.start(), match.end(), match.group(0)))
        last_end = match.end()
    if current:
        segments.append(current)
    return segments


def apply_case(pattern: str, syllable: str) -> str:
    """Give ``syllable`` the capitalisation of ``pattern`` (lower, Title or UPPER)."""
    if len(pattern) > 1 and pattern.isupper():
        return syllable.upper()
    if pattern[:1].isupper():
        return syllable[:1].upper() + syllable[1:]
    return syllable


def fixed_id(model: SyllableLM, word: str) -> int:
    """Id the language model uses for a word kept as it is (numbers share one id)."""
    if word[0].isdigit():
        return model.ids["<num>"]
    return model.ids.get(word.lower(), model.ids[UNK])


def restore_marks(text: str, *, beam: int = 8) -> str:
    """Return ``text`` with Vietnamese tone and vowel marks restored on unmarked syllables.

    Fast enough to call per request: a short question takes a few milliseconds once the model is
    loaded (the first call loads it, about 0.2 s).
    """
    if not text:
        return text
    model = get_model()
    vocab = model.vocab
    out: list[str] = []
    cursor = 0
    for segment in split_segments(text):
        positions: list[Position] = []
        editable: list[bool] = []
        for token in segment:
            word = token.text
            cands = None
            if not word[0].isdigit() and strip_marks(word) == word:
                cands = model.candidates.get(word.lower())
            if cands:
                positions.append([(c, 0.0) for c in cands[:MAX_CANDIDATES]])
                editable.append(True)
            else:
                positions.append([(fixed_id(model, word), 0.0)])
                editable.append(False)
        best = decode(model, positions, beam=beam)
        for token, choice, can_edit in zip(segment, best, editable, strict=True):
            out.append(text[cursor : token.start])
            out.append(apply_case(token.text, vocab[choice]) if can_edit else token.text)
            cursor = token.end
    out.append(text[cursor:])
    return "".join(out)
