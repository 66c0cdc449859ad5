"""Any text in, no exception out; line breaks and non-word characters survive repair and restoration."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lantoa.lib.vn.garble import classify_text
from lantoa.lib.vn.normalize import normalize
from lantoa.lib.vn.repair import repair_text
from lantoa.lib.vn.restore import restore_marks

ALPHABET = st.sampled_from(
    list("abcdeghiklmnopqrstuvxyĐđăâêôơưáàảãạéèẻẽẹóòỏõọúùủũụíìỉĩịýỳ06918@¢$&|/-.,;:()\"' \n\tIlVX")
)
TEXTS = st.text(alphabet=ALPHABET, max_size=120) | st.text(max_size=60)


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_repair_never_fails_and_keeps_lines(text: str) -> None:
    repaired = repair_text(text)
    assert repaired.count("\n") == text.count("\n")


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_restore_never_fails_and_keeps_lines(text: str) -> None:
    restored = restore_marks(text)
    assert restored.count("\n") == text.count("\n")


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_normalize_and_classify_never_fail(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)
    assert classify_text(text).label in {"clean", "unaccented", "garbled", "not_vietnamese"}
