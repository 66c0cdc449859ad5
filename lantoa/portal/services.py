"""Writes of the portal: citizen feedback in, routed, answered, closed, and its contact erased on time."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.areas.models import AdminArea
from lantoa.assistant import conf
from lantoa.notifications.services import notify_unit
from lantoa.portal.models import Campaign, Feedback, FeedbackRoute, NewsPost, Practice, Topic
from lantoa.units.models import Unit


def _area_chain(area: AdminArea) -> list[AdminArea]:
    """The area, then each area above it up to the nation: the order in which rules are tried."""
    chain: list[AdminArea] = []
    current: AdminArea | None = area
    while current is not None and len(chain) < 5:
        chain.append(current)
        current = current.parent
    return chain


def feedback_route(*, topic: str, area: AdminArea) -> Unit | None:
    """The unit responsible for ``topic`` in ``area``.

    The rule table first (most specific area wins; a topic rule beats a catch-all rule in the same area);
    without a rule, the People's Committee of the commune, then of the province — the body every citizen
    petition reaches by law (seed 004 §V.3: "đến các cơ quan có thẩm quyền").
    """
    chain = _area_chain(area)
    rules = {(r.topic, r.area_id): r.unit for r in
             FeedbackRoute.objects.filter(area__in=chain, unit__is_active=True).select_related("unit")}
    for level in chain:
        for key in ((topic, level.pk), ("", level.pk)):
            if key in rules:
                return rules[key]
    for level in chain:
        units = Unit.objects.active().filter(area=level)
        unit = units.filter(kind=Unit.Kind.PEOPLES_COMMITTEE).first() or units.order_by("pk").first()
        if unit is not None:
            return unit
    return None


@transaction.atomic
def feedback_submit(*, topic: str, area: AdminArea, message: str, contact: str = "") -> Feedback:
    unit = feedback_route(topic=topic, area=area)
    feedback = Feedback.objects.create(topic=topic, area=area, message=message.strip(), contact=contact.strip(),
                                       unit=unit)
    if unit is not None:
        url = reverse("portal:feedback_detail", kwargs={"pk": feedback.pk})
        transaction.on_commit(lambda: notify_unit(
            unit=unit, title=_("Ý kiến mới của người dân: %(topic)s") % {"topic": feedback.get_topic_display()},
            body=_("Địa bàn: %(area)s") % {"area": area.name}, url=url, kind="feedback", email=False,
        ))
    return feedback


@transaction.atomic
def feedback_reply(*, feedback: Feedback, reply: str, close: bool, user: AbstractBaseUser) -> Feedback:
    now = timezone.now()
    feedback.public_reply = reply.strip()
    feedback.replied_at = now if feedback.public_reply else feedback.replied_at
    if close:
        feedback.status, feedback.closed_at = Feedback.Status.CLOSED, now
    elif feedback.status == Feedback.Status.NEW:
        feedback.status = Feedback.Status.IN_PROGRESS
    feedback._change_reason = f"xử lý bởi {user}"  # type: ignore[attr-defined]
    feedback.save()
    return feedback


def feedback_erase_contacts(*, now: dt.datetime | None = None, retention_days: int | None = None) -> int:
    """Erase the contact of every feedback closed more than the retention period ago; returns how many."""
    now = now or timezone.now()
    days = int(conf.get("FEEDBACK_CONTACT_RETENTION_DAYS")) if retention_days is None else retention_days
    due = Feedback.objects.filter(status=Feedback.Status.CLOSED, closed_at__lte=now - dt.timedelta(days=days)
                                  ).exclude(contact="")
    # update() skips the history rows on purpose: the contact is excluded from history anyway.
    return due.update(contact="", contact_erased_at=now)


def feedback_topics_by_area(*, queryset: QuerySet[Feedback] | None = None) -> list[dict[str, object]]:
    """Counts per area and topic (no message, no contact): what the reports consume."""
    qs = Feedback.objects.all() if queryset is None else queryset
    rows = qs.values("area__code", "area__name", "topic").annotate(n=Count("id")).order_by("area__code", "topic")
    labels = dict(Topic.choices)
    return [{**row, "topic_label": str(labels.get(row["topic"], row["topic"]))} for row in rows]


def news_publish(*, unit: Unit, title: str, summary: str = "", link: str = "",
                 campaign: Campaign | None = None) -> NewsPost:
    return NewsPost.objects.create(unit=unit, title=title.strip(), summary=summary.strip(), link=link,
                                   campaign=campaign)


def practice_publish(*, unit: Unit, area: AdminArea, kind: str, title: str, summary: str, link: str = "",
                     year: int) -> Practice:
    return Practice.objects.create(unit=unit, area=area, kind=kind, title=title.strip(), summary=summary.strip(),
                                   link=link, year=year)


def campaign_save(*, unit: Unit, slug: str, title: str, tagline: str = "", summary: str = "",
                  plan: object | None = None, is_published: bool = True) -> Campaign:
    campaign, _created = Campaign.objects.update_or_create(
        slug=slug, defaults={"unit": unit, "title": title, "tagline": tagline, "summary": summary, "plan": plan,
                             "is_published": is_published},
    )
    return campaign
