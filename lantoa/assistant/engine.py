"""The process-wide knowledge index: built from the database once, rebuilt when the base changes.

Each question costs one small query (count and latest change of the documents) to notice edits made by
another process; the passages and vectors are read again only when that stamp moves.
"""

from __future__ import annotations

import threading

import numpy as np
from django.db.models import Count, Max

from lantoa.assistant import embedding
from lantoa.assistant.models import KnowledgeDoc, Passage
from lantoa.lib.qa.pipeline import KnowledgeIndex
from lantoa.lib.qa.pipeline import Passage as IndexPassage

_lock = threading.Lock()
_index: KnowledgeIndex | None = None
_stamp: tuple[object, ...] | None = None


def _current_stamp() -> tuple[object, ...]:
    agg = KnowledgeDoc.objects.aggregate(n=Count("id"), changed=Max("updated_at"), top=Max("id"))
    return (agg["n"], agg["changed"], agg["top"], Passage.objects.count())


def build_index() -> KnowledgeIndex:
    # Only public documents answer citizens: a quote is a publication, and seed 001-like internal texts must
    # not leak passage by passage through the assistant.
    rows = list(Passage.objects.filter(document__is_public=True).select_related("document")
                .order_by("document_id", "position"))
    passages = [
        IndexPassage(key=p.pk, document=p.document.title, heading=p.heading, text=p.text, link=p.get_public_url())
        for p in rows
    ]
    vectors = np.stack([p.as_array() for p in rows]) if rows else np.zeros((0, embedding.DIM), np.float32)
    return KnowledgeIndex(passages, vectors, embed=embedding.embed_query)


def get_index() -> KnowledgeIndex:
    global _index, _stamp
    stamp = _current_stamp()
    if _index is None or stamp != _stamp:
        with _lock:
            if _index is None or stamp != _stamp:
                _index = build_index()
                _stamp = stamp
    return _index


def reset() -> None:
    global _index, _stamp
    _index, _stamp = None, None
