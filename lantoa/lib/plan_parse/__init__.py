"""Plan structure extraction: the text of a plan → a :class:`PlanDraft` (plain Python).

    from lantoa.lib.plan_parse import parse_plan
    draft = parse_plan(text)
    draft.to_json()  # the import contract of issue 5

Matching is done on folded, OCR-tolerant text so garbled scans parse before repair;
field text is repaired through ``lantoa.lib.vn`` when that is installed.
"""

from __future__ import annotations

from .codes import find_numbers
from .header import Header, parse_header
from .model import Assignment, Channel, DigitalSignature, Phase, PlanDraft, Reference
from .parser import parse_plan
from .references import find_mentions, parse_reference_items
from .textutil import prepare_text

__all__ = [
    "Assignment",
    "Channel",
    "DigitalSignature",
    "Header",
    "Phase",
    "PlanDraft",
    "Reference",
    "find_mentions",
    "find_numbers",
    "parse_header",
    "parse_header_text",
    "parse_plan",
    "parse_references",
]


def parse_references(text: str) -> list[Reference]:
    """References of a "Căn cứ …"/"Thực hiện …" block plus numbers mentioned in it."""
    from .references import merge_references

    lines = prepare_text(text).split("\n")
    refs, _ = parse_reference_items(lines)
    return merge_references(refs + find_mentions("\n".join(lines)), None)


def parse_header_text(text: str) -> Header:
    """Header of a document given as one string."""
    return parse_header(prepare_text(text).split("\n"))
