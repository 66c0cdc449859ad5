"""Writes across plan models. Keyword-only, typed; each runs in one transaction and either saves
everything or raises ``ValidationError`` (Vietnamese messages) and saves nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.lib.text import fold
from lantoa.plans.models import (
    Activity,
    Assignment,
    Audience,
    BudgetItem,
    Channel,
    ExpectationRule,
    Phase,
    Plan,
    PlanAttachment,
    PlanReference,
    Recipient,
    Target,
    Theme,
)
from lantoa.units.models import Unit


class ConcurrentEditError(ValidationError):
    """Someone saved the plan after this user opened it; their change must not be overwritten."""


def fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


# Plan header -------------------------------------------------------------------------------------------------

PLAN_FIELDS = (
    "doc_type", "number", "title", "issuer_parent", "place", "issued_on", "signer_name", "signer_capacity",
    "signer_title", "period_start", "period_end", "preamble", "purpose", "requirements", "organisation",
    "visibility",
)


def _check_plan(plan: Plan) -> None:
    errors: dict[str, list[str]] = {}
    if plan.period_start and plan.period_end and plan.period_end < plan.period_start:
        errors.setdefault("period_end", []).append(
            _("Thời gian kết thúc (%(end)s) trước thời gian bắt đầu (%(start)s).")
            % {"end": fmt(plan.period_end), "start": fmt(plan.period_start)}
        )
    plan.number = plan.number.strip()
    message = number_error(unit=plan.unit, number=plan.number, on=plan.issued_on or plan.period_start,
                           exclude_pk=plan.pk)
    if message:
        errors.setdefault("number", []).append(message)
    if plan.pk:
        # Shrinking the period must not leave duties or phases outside it.
        for a in plan.assignments.all():
            if not _window_inside(a.start, a.end, plan):
                errors.setdefault("period_end", []).append(
                    _("Nhiệm vụ của %(unit)s (%(start)s – %(end)s) sẽ nằm ngoài thời gian của kế hoạch.")
                    % {"unit": a.display_unit, "start": fmt(a.start), "end": fmt(a.end)}
                )
    if errors:
        raise ValidationError(errors)


def number_error(*, unit: Unit, number: str, on: dt.date | None, exclude_pk: int | None = None) -> str | None:
    """A number is unique per issuer and year (the year of the issue date, else of the period's start)."""
    number = number.strip()
    if not number:
        return None
    year = (on or timezone.localdate()).year
    clash = Plan.objects.filter(unit_id=unit.pk, year=year, number__iexact=number)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        return _("Số “%(number)s” đã được %(unit)s dùng cho một kế hoạch khác năm %(year)s.") % {
            "number": number, "unit": unit.name, "year": year}
    return None


def _save_plan(plan: Plan) -> None:
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as exc:  # a concurrent insert with the same number slipped past the check
        raise ValidationError({"number": _("Số, ký hiệu này đã được dùng trong năm.")}) from exc


@transaction.atomic
def plan_create(*, unit: Unit, by: Any, title: str, **fields: Any) -> Plan:
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"plan_create: unknown fields {sorted(unknown)}")
    plan = Plan(unit=unit, title=title, created_by=by if getattr(by, "pk", None) else None, **fields)
    if not plan.place and unit.area.level != "national":
        plan.place = unit.area.name.removeprefix("Xã ").removeprefix("Phường ").removeprefix("Tỉnh ")
    _check_plan(plan)
    _save_plan(plan)
    references_link_to(plan=plan)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, by: Any, version: int, **fields: Any) -> Plan:
    """Save header fields if nobody saved the plan since ``version`` was read; else ConcurrentEditError."""
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"plan_update: unknown fields {sorted(unknown)}")
    current = Plan.objects.select_for_update().get(pk=plan.pk)
    if current.version != version:
        raise ConcurrentEditError(
            _("Kế hoạch vừa được người khác sửa (phiên bản %(now)s, bạn mở phiên bản %(yours)s). "
              "Hãy tải lại trang, xem thay đổi của họ rồi sửa lại.") % {"now": current.version, "yours": version}
        )
    for name, value in fields.items():
        setattr(current, name, value)
    _check_plan(current)
    current.version = version + 1
    _save_plan(current)
    references_link_to(plan=current)
    plan.refresh_from_db()
    return current


def _bump(plan: Plan) -> None:
    """Item edits change the document too: move the version so an open header form notices."""
    Plan.objects.filter(pk=plan.pk).update(version=F("version") + 1, updated_at=timezone.now())


@transaction.atomic
def plan_issue(*, plan: Plan, by: Any, number: str | None = None, issued_on: dt.date | None = None) -> Plan:
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError(_("Kế hoạch đã được ban hành."))
    if number is not None:
        plan.number = number
    if issued_on is not None:
        plan.issued_on = issued_on
    errors = {}
    if not plan.number.strip():
        errors["number"] = _("Cần số, ký hiệu để ban hành kế hoạch.")
    if not plan.issued_on:
        errors["issued_on"] = _("Cần ngày ban hành.")
    if errors:
        raise ValidationError(errors)
    _check_plan(plan)
    plan.status = Plan.Status.ISSUED
    plan.version += 1
    _save_plan(plan)
    references_link_to(plan=plan)
    return plan


@transaction.atomic
def plan_close(*, plan: Plan, by: Any) -> Plan:
    if plan.status != Plan.Status.ISSUED:
        raise ValidationError(_("Chỉ kết thúc được kế hoạch đã ban hành."))
    plan.status = Plan.Status.CLOSED
    plan.version += 1
    plan.save()
    return plan


# The cascade ---------------------------------------------------------------------------------------------------

def _ancestor_ids(plan: Plan) -> set[int]:
    """Every plan ``plan`` implements, directly or through others, following references (not just parent)."""
    seen: set[int] = set()
    frontier = {plan.pk}
    while frontier:
        nxt = set(
            PlanReference.objects.filter(
                plan_id__in=frontier, relation=PlanReference.Relation.IMPLEMENTS, target__isnull=False
            ).values_list("target_id", flat=True)
        )
        frontier = nxt - seen
        seen |= nxt
    return seen


def _would_cycle(plan: Plan, target: Plan) -> bool:
    return target.pk == plan.pk or plan.pk in _ancestor_ids(target)


def plan_set_parent(*, plan: Plan, parent: Plan | None) -> None:
    """Attach ``plan`` (and its whole subtree) under ``parent`` in the flattened cascade."""
    old_path = plan.path or f"{plan.pk}/"
    new_path = f"{parent.path}{plan.pk}/" if parent else f"{plan.pk}/"
    depth = parent.depth + 1 if parent else 0
    if len(new_path) > 250:
        raise ValidationError(_("Chuỗi kế hoạch thực hiện quá sâu."))
    shift = depth - plan.depth
    descendants = list(Plan.objects.filter(path__startswith=old_path).exclude(pk=plan.pk).only("pk", "path", "depth"))
    Plan.objects.filter(pk=plan.pk).update(parent=parent, path=new_path, depth=depth)
    for node in descendants:
        node.path = new_path + node.path[len(old_path):]
        node.depth += shift
    Plan.objects.bulk_update(descendants, ["path", "depth"], batch_size=500)
    plan.parent, plan.path, plan.depth = parent, new_path, depth


REFERENCE_FIELDS = ("relation", "doc_kind", "doc_number", "doc_date", "doc_issuer", "doc_subject")


@transaction.atomic
def reference_add(*, plan: Plan, by: Any, target: Plan | None = None, **fields: Any) -> PlanReference:
    ref = PlanReference(plan=plan, target=target, order=_next_order(plan.references), **fields)
    if target is not None:
        ref.doc_kind = ref.doc_kind or target.get_doc_type_display()
        ref.doc_number = ref.doc_number or target.number
        ref.doc_date = ref.doc_date or target.issued_on
        ref.doc_issuer = ref.doc_issuer or target.unit.name
        ref.doc_subject = ref.doc_subject or target.title
    _check_reference(ref)
    ref.save()
    _attach_by_reference(ref)
    _bump(plan)
    return ref


def _check_reference(ref: PlanReference) -> None:
    if not (ref.target_id or ref.doc_number or ref.doc_subject):
        raise ValidationError({"doc_number": _("Cần số hiệu hoặc trích yếu của văn bản căn cứ.")})
    if ref.relation == PlanReference.Relation.IMPLEMENTS and ref.target is not None and _would_cycle(ref.plan,
                                                                                                      ref.target):
        raise ValidationError({"target": _(
            "Không thể ghi “thực hiện %(target)s”: kế hoạch đó đã (trực tiếp hoặc gián tiếp) thực hiện kế hoạch "
            "này, sẽ tạo thành vòng lặp.") % {"target": ref.target.number or ref.target.title}})


def _attach_by_reference(ref: PlanReference) -> None:
    """The first "implements" link to a plan in the system places the plan in the cascade tree."""
    if ref.relation == PlanReference.Relation.IMPLEMENTS and ref.target is not None and ref.plan.parent_id is None:
        plan_set_parent(plan=ref.plan, parent=ref.target)


def references_link_to(*, plan: Plan) -> int:
    """Link external references that cite ``plan`` by number, now that it is in the system."""
    if not plan.number:
        return 0
    key = fold(plan.number).replace(" ", "")
    linked = 0
    candidates = PlanReference.objects.filter(target__isnull=True).exclude(plan=plan).select_related("plan")
    for ref in candidates.filter(doc_number__iexact=plan.number):
        if fold(ref.doc_number).replace(" ", "") != key:
            continue
        if ref.doc_date and plan.issued_on and ref.doc_date != plan.issued_on:
            continue  # same number, another year or another issuer
        if ref.relation == PlanReference.Relation.IMPLEMENTS and _would_cycle(ref.plan, plan):
            continue
        ref.target = plan
        ref.save(update_fields=["target"])
        _attach_by_reference(ref)
        linked += 1
    return linked


@transaction.atomic
def plan_create_implementing(*, parent: Plan, unit: Unit, by: Any, title: str | None = None) -> Plan:
    """A draft plan of ``unit`` implementing ``parent``: themes, channels, phases, targets and audiences are
    copied for adaptation (each remembers where it came from) and the "Thực hiện" reference is recorded."""
    if parent.is_draft:
        raise ValidationError(_("Chỉ xây dựng kế hoạch thực hiện từ kế hoạch đã ban hành."))
    plan = plan_create(
        unit=unit, by=by, title=title or parent.title, doc_type=parent.doc_type,
        period_start=parent.period_start, period_end=parent.period_end,
        purpose=parent.purpose, requirements=parent.requirements,
    )
    reference_add(plan=plan, by=by, target=parent, relation=PlanReference.Relation.IMPLEMENTS)
    theme_map: dict[int, Theme] = {}
    for theme in parent.themes.order_by("parent_id", "order", "pk"):  # parents (NULL) first
        theme_map[theme.pk] = Theme.objects.create(
            plan=plan, order=theme.order, text=theme.text, derived_from=theme,
            parent=theme_map.get(theme.parent_id) if theme.parent_id else None,
        )
    Channel.objects.bulk_create([
        Channel(plan=plan, order=c.order, kind=c.kind, name=c.name, description=c.description, start=c.start,
                end=c.end, derived_from=c) for c in parent.channels.all()
    ])
    phase_map = {}
    for p in parent.phases.all():
        phase_map[p.pk] = Phase.objects.create(plan=plan, order=p.order, name=p.name, start=p.start, end=p.end,
                                               goals=p.goals, focus=p.focus, forms=p.forms, derived_from=p)
    Target.objects.bulk_create([
        Target(plan=plan, order=t.order, text=t.text, metric=t.metric, target_value=t.target_value,
               unit_label=t.unit_label, measured_how=t.measured_how, activity_kind=t.activity_kind,
               phase=phase_map.get(t.phase_id) if t.phase_id else None, derived_from=t)
        for t in parent.targets.all()
    ])
    Audience.objects.bulk_create([
        Audience(plan=plan, order=a.order, name=a.name, description=a.description) for a in parent.audiences.all()
    ])
    Recipient.objects.create(plan=plan, order=1, name=parent.unit.name, unit=parent.unit, note=_("(để báo cáo)"))
    plan.refresh_from_db()
    return plan


# Items (sections II–V, recipients) ---------------------------------------------------------------------------

ITEM_MODELS: dict[str, type[Model]] = {
    "reference": PlanReference,
    "theme": Theme,
    "channel": Channel,
    "phase": Phase,
    "target": Target,
    "audience": Audience,
    "budget": BudgetItem,
    "assignment": Assignment,
    "recipient": Recipient,
}


def _next_order(related: Any) -> int:
    last = related.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


def _window_inside(start: dt.date | None, end: dt.date | None, plan: Plan) -> bool:
    return plan.contains_date(start) and plan.contains_date(end)


def window_error(start: dt.date | None, end: dt.date | None, *, phase: bool = False) -> str | None:
    """The message for a window that ends before it starts (shared by the service and the forms)."""
    if start and end and end < start:
        what = _("Giai đoạn") if phase else _("Thời gian")
        return _("%(what)s kết thúc ngày %(end)s, trước ngày bắt đầu %(start)s.") % {
            "what": what, "end": fmt(end), "start": fmt(start)}
    return None


def check_item(item: Model) -> None:
    """Rules an item must satisfy against itself and its plan."""
    plan: Plan = item.plan  # type: ignore[attr-defined]
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    message = window_error(start, end, phase=isinstance(item, Phase))
    if message:
        raise ValidationError({"end": message})
    if isinstance(item, Assignment):
        if not item.unit_id and not item.unit_name.strip():
            raise ValidationError({"unit": _("Chọn đơn vị hoặc ghi tên đơn vị theo văn bản.")})
        if not _window_inside(start, end, plan):
            raise ValidationError({"start": _(
                "Thời gian thực hiện (%(start)s – %(end)s) nằm ngoài thời gian của kế hoạch "
                "(%(pstart)s – %(pend)s).") % {"start": fmt(start), "end": fmt(end),
                                               "pstart": fmt(plan.period_start), "pend": fmt(plan.period_end)}})
    if isinstance(item, Theme) and item.parent_id and item.parent.plan_id != plan.pk:  # type: ignore[union-attr]
        raise ValidationError({"parent": _("Mục cha phải thuộc cùng kế hoạch.")})
    if isinstance(item, PlanReference):
        _check_reference(item)


@transaction.atomic
def item_save(*, plan: Plan, by: Any, item: Model) -> Model:
    """Create or update one item of ``plan`` after checking it; new items go last."""
    item.plan = plan  # type: ignore[attr-defined]
    if not item.pk:
        item.order = _next_order(type(item).objects.filter(plan=plan))  # type: ignore[attr-defined]
    check_item(item)
    item.save()
    if isinstance(item, PlanReference):
        _attach_by_reference(item)
    _bump(plan)
    return item


@transaction.atomic
def item_delete(*, item: Model, by: Any) -> None:
    plan: Plan = item.plan  # type: ignore[attr-defined]
    if isinstance(item, PlanReference) and item.target_id and plan.parent_id == item.target_id:
        other = plan.references.filter(relation=PlanReference.Relation.IMPLEMENTS, target__isnull=False).exclude(
            pk=item.pk).select_related("target").first()
        item.delete()
        plan_set_parent(plan=plan, parent=other.target if other else None)
    else:
        item.delete()
    _bump(plan)


@transaction.atomic
def item_move(*, item: Any, by: Any, up: bool) -> None:
    """Swap with the neighbour above or below (renumbering first so equal orders cannot stall the move)."""
    model: Any = type(item)
    siblings = list(model.objects.filter(plan_id=item.plan_id).order_by("order", "pk"))
    for i, s in enumerate(siblings, start=1):
        s.order = i
    idx = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = idx - 1 if up else idx + 1
    if 0 <= other < len(siblings):
        siblings[idx].order, siblings[other].order = siblings[other].order, siblings[idx].order
    model.objects.bulk_update(siblings, ["order"])
    _bump(item.plan)


# Duties ------------------------------------------------------------------------------------------------------

@transaction.atomic
def assignment_report(*, assignment: Assignment, by: Any, status: str, evidence: str | None = None) -> Assignment:
    if status not in Assignment.Status.values or status == Assignment.Status.OVERDUE:
        raise ValidationError({"status": _("Tình trạng không hợp lệ.")})
    assignment.status = status
    if evidence is not None:
        assignment.evidence = evidence
    assignment.save(update_fields=["status", "evidence", "updated_at"])
    return assignment


# Compliance rules --------------------------------------------------------------------------------------------

@transaction.atomic
def expectation_add(
    *, plan: Plan, by: Any, area: Any, area_level: str = "", unit_kind: str = "", name_contains: str = "",
    due_on: dt.date | None = None, units: Iterable[Unit] = (),
) -> ExpectationRule:
    rule = ExpectationRule.objects.create(plan=plan, area=area, area_level=area_level, unit_kind=unit_kind,
                                          name_contains=fold(name_contains), due_on=due_on)
    if units:
        rule.units.set(list(units))
    return rule


# Attachments -------------------------------------------------------------------------------------------------

@transaction.atomic
def attachment_add(*, plan: Plan, by: Any, file: Any, kind: str, title: str = "") -> PlanAttachment:
    return PlanAttachment.objects.create(plan=plan, file=file, kind=kind, title=title or file.name,
                                         uploaded_by=by, order=_next_order(plan.attachments))


# Activities --------------------------------------------------------------------------------------------------

def check_activity(activity: Activity, themes: Sequence[Theme] = ()) -> None:
    errors: dict[str, str] = {}
    plan = activity.plan
    if activity.channel_id and (plan is None or activity.channel.plan_id != plan.pk):  # type: ignore[union-attr]
        errors["channel"] = _("Kênh phải thuộc kế hoạch đã chọn.")
    if any(plan is None or t.plan_id != plan.pk for t in themes):
        errors["themes"] = _("Nội dung phải thuộc kế hoạch đã chọn.")
    if activity.assignment_id and activity.assignment.unit_id != activity.unit_id:  # type: ignore[union-attr]
        errors["assignment"] = _("Nhiệm vụ không phải của đơn vị này.")
    if activity.date and activity.date > timezone.localdate() + dt.timedelta(days=1):
        errors["date"] = _("Ngày thực hiện không thể ở tương lai.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_record(
    *, unit: Unit, by: Any, kind: str, title: str, date: dt.date, plan: Plan | None = None,
    themes: Sequence[Theme] = (), channel: Channel | None = None, assignment: Assignment | None = None,
    link: str = "", file: Any = None, description: str = "", is_shared: bool = False, **metrics: int | None,
) -> Activity:
    """Record a product or event. Naming the duty it fulfils moves that duty to "in progress"."""
    unknown = set(metrics) - set(Activity.METRICS)
    if unknown:
        raise TypeError(f"activity_record: unknown metrics {sorted(unknown)}")
    if assignment is not None and plan is None:
        plan = assignment.plan
    activity = Activity(unit=unit, created_by=by, kind=kind, title=title, date=date, plan=plan, channel=channel,
                        assignment=assignment, link=link, description=description, is_shared=is_shared, **metrics)
    if file:
        activity.file = file
    check_activity(activity, themes)
    activity.save()
    if themes:
        activity.themes.set(themes)
    if assignment is not None and assignment.status == Assignment.Status.NOT_STARTED:
        assignment.status = Assignment.Status.IN_PROGRESS
        assignment.save(update_fields=["status", "updated_at"])
    return activity


@transaction.atomic
def activity_share(*, activity: Activity, by: Any, shared: bool) -> Activity:
    activity.is_shared = shared
    activity.save(update_fields=["is_shared"])
    return activity


def activities_import_xlsx(*, unit: Unit, by: Any, data: bytes, plans: Any) -> Any:
    """Import a filled template for ``unit``; all rows or none (see lantoa.plans.xlsx for why).

    ``plans`` are the plans the rows may cite by number (those the user can read). Returns an ImportResult
    with ``created`` activities or the row-level ``errors``.
    """
    from lantoa.plans.xlsx import import_activities

    return import_activities(unit=unit, by=by, data=data, plans=plans)


# Reminders ---------------------------------------------------------------------------------------------------

REMINDER_KIND = "plan_missing"


def plan_reminders_send(*, today: dt.date | None = None, every_days: int = 7, lead_days: int = 7) -> int:
    """Notify (in-app + email) each expected unit without its own plan, for every issued plan with rules.

    A unit is reminded from ``lead_days`` before the deadline (at once when there is none), then at most
    every ``every_days``: the last reminder is looked up among its members' notifications, so a rerun the
    same day sends nothing. Returns the number of units whose officers were notified.
    """
    from django.urls import reverse

    from lantoa.notifications.models import Notification
    from lantoa.notifications.services import notify_unit
    from lantoa.plans.cascade import plan_compliance

    today = today or timezone.localdate()
    cutoff = timezone.now() - dt.timedelta(days=every_days) + dt.timedelta(hours=1)
    recent = set(
        Notification.objects.filter(kind=REMINDER_KIND, created_at__gte=cutoff)
        .values_list("url", "user__memberships__unit_id")
    )
    sent = 0
    plans = Plan.objects.filter(status=Plan.Status.ISSUED, expectation_rules__isnull=False).distinct()
    for plan in plans.select_related("unit"):
        url = reverse("plans:implement", args=[plan.pk])
        for row in plan_compliance(plan, today=today).missing_rows():
            if row.due_on and today < row.due_on - dt.timedelta(days=lead_days):
                continue
            if (url, row.unit_id) in recent:
                continue
            unit = Unit.objects.get(pk=row.unit_id)
            if row.due_on and today > row.due_on:
                when = _("đã quá hạn %(n)s ngày (hạn %(d)s)") % {"n": row.days_late, "d": fmt(row.due_on)}
            elif row.due_on:
                when = _("hạn %(d)s") % {"d": fmt(row.due_on)}
            else:
                when = _("chưa có hạn cụ thể")
            notes = notify_unit(
                unit=unit, kind=REMINDER_KIND, url=url,
                title=_("Chưa ban hành kế hoạch thực hiện %(number)s") % {"number": plan.number},
                body=_("%(unit)s chưa ban hành kế hoạch thực hiện Kế hoạch %(number)s của %(issuer)s (%(when)s).")
                % {"unit": unit.name, "number": plan.number, "issuer": plan.unit.name, "when": when},
            )
            sent += 1 if notes else 0  # a unit nobody acts for yet cannot be reminded
    return sent
