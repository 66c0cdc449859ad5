"""Monitoring URLs. Items and stories are shared content (every staff user); sources, watches and cases
belong to the owner's unit: members and supervisors see them, only the unit's officers change them."""

from __future__ import annotations

from typing import Any

from tests.matrix import EVERYONE, Case

MINE = frozenset({"owner", "supervisor"})
OWNER = frozenset({"owner"})


def _source(w: Any) -> Any:
    from lantoa.monitoring.models import Source

    return Source.objects.get_or_create(unit=w.unit, name="Nguồn thử", defaults={
        "outlet": "Báo thử", "format": Source.Format.MANUAL})[0]


def _story(w: Any) -> Any:
    from django.utils import timezone

    from lantoa.monitoring.models import Item, Story

    story = Story.objects.get_or_create(title="Chuỗi tin thử", defaults={
        "first_seen_at": timezone.now(), "last_seen_at": timezone.now()})[0]
    Item.objects.get_or_create(url_hash="matrix", defaults={
        "outlet": "Báo thử", "kind": "press", "url": "https://bao.example.vn/1", "title": "Tin thử",
        "published_at": timezone.now(), "story": story, "stage": 80})
    return story


def _item(w: Any) -> dict[str, int]:
    from lantoa.monitoring.models import Item

    _story(w)
    return {"pk": Item.objects.get(url_hash="matrix").pk}


def _watch(w: Any) -> dict[str, int]:
    from lantoa.monitoring.models import Watch

    return {"pk": Watch.objects.get_or_create(unit=w.unit, name="Chủ đề thử", defaults={"query": "vneid"})[0].pk}


def _case(w: Any) -> dict[str, int]:
    from datetime import timedelta

    from django.utils import timezone

    from lantoa.monitoring.models import Case as MonitoringCase

    case = MonitoringCase.objects.get_or_create(unit=w.unit, claim="Thông tin sai lệch thử", defaults={
        "due_at": timezone.now() + timedelta(days=2)})[0]
    return {"pk": case.pk}


CASES = [
    Case("monitoring:index", allowed=EVERYONE),
    Case("monitoring:export_xlsx", allowed=EVERYONE),
    Case("monitoring:export_docx", allowed=EVERYONE),
    Case("monitoring:search", allowed=EVERYONE),
    Case("monitoring:api_items", allowed=EVERYONE),
    Case("monitoring:item", allowed=EVERYONE, kwargs=_item),
    Case("monitoring:story", allowed=EVERYONE, kwargs=lambda w: {"pk": _story(w).pk}),
    # Any officer may open a case (for their own unit) from a shared story.
    Case("monitoring:case_new", allowed=EVERYONE, kwargs=lambda w: {"pk": _story(w).pk}),
    Case("monitoring:sources", allowed=EVERYONE),
    Case("monitoring:source_new", allowed=EVERYONE),
    Case("monitoring:source", allowed=MINE, kwargs=lambda w: {"pk": _source(w).pk}),
    Case("monitoring:source_fetch", allowed=OWNER, method="post", ok_status=(302,),
         kwargs=lambda w: {"pk": _source(w).pk}),
    Case("monitoring:source_import", allowed=OWNER, method="post", ok_status=(302,),
         kwargs=lambda w: {"pk": _source(w).pk}),
    Case("monitoring:item_new", allowed=OWNER, method="post", ok_status=(302,),
         kwargs=lambda w: {"pk": _source(w).pk}),
    Case("monitoring:watches", allowed=EVERYONE),
    Case("monitoring:watch_new", allowed=EVERYONE),
    Case("monitoring:watch", allowed=MINE, kwargs=_watch),
    Case("monitoring:cases", allowed=EVERYONE),
    Case("monitoring:case", allowed=MINE, kwargs=_case),
    Case("monitoring:case_transition", allowed=OWNER, method="post", ok_status=(302,), kwargs=_case),
]
