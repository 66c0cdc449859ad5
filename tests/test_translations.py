"""The English locale: every string the code marks is in the catalogue, translated, and compiled."""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.pofile import read_po
from django.utils import translation

from lantoa.intake.forms import ReviewForm

ROOT = Path(__file__).resolve().parents[1] / "lantoa"
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
# The names makemessages passes to xgettext as keywords; a string wrapped in any other alias is never extracted.
EXTRACTED = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy",
             "npgettext", "npgettext_lazy", "gettext_noop"}


def test_translation_functions_are_imported_under_names_makemessages_extracts() -> None:
    wrong = []
    for path in ROOT.rglob("*.py"):
        if "lib" in path.relative_to(ROOT).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                wrong += [f"{path.relative_to(ROOT)}: {a.name} as {a.asname}" for a in node.names
                          if "gettext" in a.name and (a.asname or a.name) not in EXTRACTED]
    assert not wrong


def test_every_catalogue_entry_has_an_english_translation() -> None:
    with PO.open("rb") as handle:
        catalogue = read_po(handle)
    missing = [m.id for m in catalogue if m.id and (m.fuzzy or not m.string or (
        isinstance(m.string, tuple) and not all(m.string)))]
    assert not missing


def test_form_help_renders_in_english() -> None:
    with translation.override("en"):
        assert str(ReviewForm.base_fields["channels"].help_text).startswith("Each line: name | from | to")
    with translation.override("vi"):
        assert str(ReviewForm.base_fields["channels"].help_text).startswith("Mỗi dòng: tên | từ ngày")
