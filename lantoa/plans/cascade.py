"""The cascade tree and cascade compliance, as plain data other apps can use.

Both read a whole subtree with one query on the flattened ``Plan.path`` and do the rest in Python, so the
number of queries does not grow with the number of plans (bench/plan_tree.py checks this on the national
tree: 1 + 34 + 3,321 plans).

Public entry points:
    plan_tree(plan, scope=None, max_nodes=400) -> Tree
    plan_compliance(plan, area=None, today=None) -> Compliance
    own_plan_rate(plan, area=None) -> float | None      # "% units with their own plan" for dashboards
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from lantoa.areas.models import AdminArea
from lantoa.plans.models import ExpectationRule, Plan
from lantoa.units.models import Unit

NODE_FIELDS = ("pk", "parent_id", "path", "depth", "number", "title", "status", "issued_on", "unit_id",
               "unit__name", "unit__area__name", "unit__area_id")


@dataclass
class Node:
    pk: int
    parent_id: int | None
    depth: int  # relative to the tree's root
    number: str
    title: str
    status: str
    issued_on: dt.date | None
    unit_id: int
    unit_name: str
    area_name: str
    children: list[Node] = field(default_factory=list)
    below_total: int = 0  # plans below this node (visible to the reader)
    below_issued: int = 0
    collapsed: bool = False  # children exist but are not in the rendered list
    is_hidden: bool = False  # stands for a parent plan the reader may not see

    @property
    def is_draft(self) -> bool:
        return self.status == Plan.Status.DRAFT

    @property
    def status_label(self) -> str:
        return str(Plan.Status(self.status).label)

    @property
    def indent(self) -> int:
        return min(self.depth, 6)


@dataclass
class Tree:
    root: Node
    rows: list[Node]  # pre-order, only the expanded part
    total: int  # plans in the subtree, root excluded
    issued: int
    by_depth: dict[int, tuple[int, int]]  # depth → (plans, issued)


def plan_tree(plan: Plan, *, visible_q: Q | None = None, max_nodes: int = 400) -> Tree:
    """The cascade below ``plan``: every implementing plan, at any depth, that the reader may see.

    Levels are expanded while the page stays under ``max_nodes`` rows; nodes below are summarised by their
    counts and opened on demand (the national tree has 3,356 plans, too many to read on one page).
    """
    qs = Plan.objects.filter(path__startswith=plan.path)
    if visible_q is not None:
        qs = qs.filter(Q(pk=plan.pk) | visible_q).distinct()
    nodes: dict[int, Node] = {}
    for row in qs.values(*NODE_FIELDS).order_by("depth", "number", "pk"):
        nodes[row["pk"]] = Node(
            pk=row["pk"], parent_id=row["parent_id"], depth=row["depth"] - plan.depth, number=row["number"],
            title=row["title"], status=row["status"], issued_on=row["issued_on"], unit_id=row["unit_id"],
            unit_name=row["unit__name"], area_name=row["unit__area__name"],
        )
    root = nodes[plan.pk]
    by_depth_total: dict[int, int] = defaultdict(int)
    by_depth_issued: dict[int, int] = defaultdict(int)
    hidden: dict[int, Node] = {}
    for node in list(nodes.values()):  # ordered by depth: parents before children
        if node is root:
            continue
        parent = nodes.get(node.parent_id or 0)
        if parent is None or parent.depth >= node.depth:
            # Its parent is a plan the reader may not see (another unit's draft): the plan hangs from a
            # placeholder under the root that shows counts only and names nothing.
            key = node.parent_id or 0
            if key not in hidden:
                hidden[key] = Node(pk=0, parent_id=root.pk, depth=1, number="", title="", status=Plan.Status.DRAFT,
                                   issued_on=None, unit_id=0, unit_name="", area_name="", is_hidden=True)
                root.children.append(hidden[key])
            parent = hidden[key]
            node.depth = parent.depth + 1
        parent.children.append(node)
        by_depth_total[node.depth] += 1
        by_depth_issued[node.depth] += 0 if node.is_draft else 1
    for node in sorted([*nodes.values(), *hidden.values()], key=lambda n: -n.depth):
        for child in node.children:
            node.below_total += (0 if child.is_hidden else 1) + child.below_total
            node.below_issued += (0 if child.is_draft else 1) + child.below_issued
    # Expand level by level while the page stays readable; always show the first level.
    shown_depth = 1
    running = 1 + by_depth_total.get(1, 0)
    while by_depth_total.get(shown_depth + 1) and running + by_depth_total[shown_depth + 1] <= max_nodes:
        shown_depth += 1
        running += by_depth_total[shown_depth]
    rows: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        rows.append(node)
        if node.depth >= shown_depth or node.is_hidden:
            node.collapsed = bool(node.children) and not node.is_hidden
            continue
        stack.extend(reversed(node.children))
    by_depth = {d: (by_depth_total[d], by_depth_issued[d]) for d in sorted(by_depth_total)}
    return Tree(root=root, rows=rows, total=root.below_total, issued=root.below_issued, by_depth=by_depth)


# Compliance --------------------------------------------------------------------------------------------------

@dataclass
class ComplianceRow:
    unit_id: int
    unit_name: str
    area_name: str
    province_id: int | None
    due_on: dt.date | None
    province_name: str = ""
    plan_id: int | None = None
    plan_number: str = ""
    issued_on: dt.date | None = None
    days_late: int = 0

    @property
    def has_plan(self) -> bool:
        return self.plan_id is not None

    @property
    def is_late(self) -> bool:
        return self.days_late > 0


@dataclass
class Compliance:
    plan: Plan
    rows: list[ComplianceRow]
    has_rules: bool
    today: dt.date

    # Counted once (pages read them several times; the national view has thousands of rows).
    expected: int = 0
    issued: int = 0
    late: int = 0  # past the deadline: issued late, or not issued and the deadline has passed

    def __post_init__(self) -> None:
        self.expected = len(self.rows)
        self.issued = sum(1 for r in self.rows if r.plan_id is not None)
        self.late = sum(1 for r in self.rows if r.days_late > 0)

    @property
    def missing(self) -> int:
        return self.expected - self.issued

    @property
    def percent(self) -> float | None:
        return round(100 * self.issued / self.expected, 1) if self.rows else None

    def missing_rows(self) -> list[ComplianceRow]:
        return [r for r in self.rows if not r.has_plan]

    def by_province(self) -> list[ProvinceLine]:
        """One line per province when the expected units span several (the national view)."""
        lines: dict[int | None, ProvinceLine] = {}
        for r in self.rows:
            line = lines.get(r.province_id)
            if line is None:
                line = lines[r.province_id] = ProvinceLine(name=r.province_name or r.area_name)
            line.expected += 1
            line.issued += r.plan_id is not None
            line.late += r.days_late > 0
        return sorted(lines.values(), key=lambda x: (x.percent, x.name)) if len(lines) > 1 else []


@dataclass
class ProvinceLine:
    name: str
    expected: int = 0
    issued: int = 0
    late: int = 0

    @property
    def percent(self) -> float:
        return round(100 * self.issued / self.expected, 1) if self.expected else 0.0


UNIT_FIELDS = ("pk", "name", "area__name", "area__province_id", "area__province__name")


def expected_units(plan: Plan, *, area: AdminArea | None = None) -> dict[int, tuple[dict[str, Any], dt.date | None]]:
    """Units the plan's expectation rules name (as value dicts of UNIT_FIELDS), with the earliest deadline that
    applies to each. One query per rule; rules are few, units may be thousands."""
    out: dict[int, tuple[dict[str, Any], dt.date | None]] = {}

    def add(unit: dict[str, Any], due: dt.date | None) -> None:
        if unit["pk"] == plan.unit_id:
            return
        if unit["pk"] in out:
            old = out[unit["pk"]][1]
            due = min(d for d in (old, due) if d) if (old or due) else None
        out[unit["pk"]] = (unit, due)

    rules = list(ExpectationRule.objects.filter(plan=plan).select_related("area").prefetch_related("units__area"))
    for rule in rules:
        named = list(rule.units.all())
        for unit in named:
            if area is None or area.contains(unit.area):
                add({"pk": unit.pk, "name": unit.name, "area__name": unit.area.name,
                     "area__province_id": unit.area.province_id, "area__province__name": ""}, rule.due_on)
        if named and not (rule.area_level or rule.unit_kind or rule.name_contains):
            continue  # a rule that lists its units expects exactly those
        units = Unit.objects.active().in_area(rule.area)
        if rule.area_level:
            units = units.filter(area__level=rule.area_level)
        if rule.unit_kind:
            units = units.filter(kind=rule.unit_kind)
        if rule.name_contains:
            units = units.filter(name_folded__contains=rule.name_contains)
        if area is not None:
            units = units & Unit.objects.in_area(area)
        for unit in units.values(*UNIT_FIELDS):
            add(unit, rule.due_on)
    return out


def plan_compliance(plan: Plan, *, area: AdminArea | None = None, today: dt.date | None = None) -> Compliance:
    """Which expected units have issued their own plan in the cascade below ``plan`` (any depth).

    Only issued plans count: a draft is invisible to supervisors and is, for the record, "not yet".
    Days late: issued after the deadline → days between; not issued and the deadline passed → days so far.
    """
    today = today or timezone.localdate()
    expected = expected_units(plan, area=area)
    issued: dict[int, Any] = {}
    rows_qs = Plan.objects.issued().filter(path__startswith=plan.path).exclude(pk=plan.pk)
    for row in rows_qs.values("pk", "unit_id", "number", "issued_on").order_by("issued_on", "pk"):
        issued.setdefault(row["unit_id"], row)  # the earliest plan of a unit counts
    rows = []
    for unit, due in expected.values():
        r = ComplianceRow(unit_id=unit["pk"], unit_name=unit["name"], area_name=unit["area__name"],
                          province_id=unit["area__province_id"], due_on=due,
                          province_name=unit["area__province__name"] or "")
        hit = issued.get(unit["pk"])
        if hit:
            r.plan_id, r.plan_number, r.issued_on = hit["pk"], hit["number"], hit["issued_on"]
            if due and r.issued_on and r.issued_on > due:
                r.days_late = (r.issued_on - due).days
        elif due and today > due:
            r.days_late = (today - due).days
        rows.append(r)
    # Not yet issued first (the ones to chase), the latest on top; then the issued ones by area.
    rows.sort(key=lambda r: (r.plan_id is not None, -r.days_late, r.area_name, r.unit_name))
    has_rules = ExpectationRule.objects.filter(plan=plan).exists() if not expected else True
    return Compliance(plan=plan, rows=rows, has_rules=has_rules, today=today)


def own_plan_rate(plan: Plan, *, area: AdminArea | None = None) -> float | None:
    """Percentage of expected units that issued their own implementing plan (None when no rule applies)."""
    return plan_compliance(plan, area=area).percent
