"""Who may manage the knowledge base and answer FAQ candidates (built on lantoa.units.access)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from lantoa.assistant.models import KnowledgeDoc
from lantoa.units.access import require, scope_for
from lantoa.units.models import Unit


def editing_units(request: object) -> QuerySet[Unit]:
    """Units the user may add knowledge for: officers, approvers, admins (viewers only read)."""
    scope = scope_for(request)
    if scope.is_superuser:
        return Unit.objects.active()
    return Unit.objects.filter(pk__in=scope.editable_unit_ids)


def document_for_view(request: object, pk: int) -> KnowledgeDoc:
    """Every staff member may read the knowledge base: it is what citizens are told."""
    require(scope_for(request).is_staff_user)
    return get_object_or_404(KnowledgeDoc.objects.select_related("unit"), pk=pk)


def document_for_edit(request: object, pk: int) -> KnowledgeDoc:
    document = document_for_view(request, pk)
    scope = scope_for(request)
    require(scope.is_superuser if document.unit is None else scope.can_edit_unit(document.unit))
    return document
