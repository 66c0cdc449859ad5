"""Benchmark: the national cascade (1 central plan, 34 provincial, 3,321 commune plans) rendered as pages.

Builds everything in a throwaway SQLite database (areas from areas_load_official(), one UBND per commune, a Ban
Tuyên giáo per province, every plan with themes and assignments), then renders the cascade tree and the
compliance page of the central plan and of one provincial plan through the full Django stack, as a national
supervisor. Prints time (median of several runs) and query count per page; the target is < 300 ms and a query
count that does not depend on the number of plans (compare with --quick).

    .venv/bin/python bench/plan_tree.py            # the whole country
    .venv/bin/python bench/plan_tree.py --quick    # 3 provinces, 20 communes each
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")
    os.environ["LANTOA_VAR_DIR"] = str(db_path.parent)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(*, quick: bool) -> dict[str, int]:
    import datetime as dt

    from django.db import transaction

    from lantoa.areas.models import AdminArea, national_area
    from lantoa.areas.services import areas_load_official
    from lantoa.plans import services
    from lantoa.plans.models import Assignment, Plan, PlanReference, Theme
    from lantoa.units.models import Unit

    areas_load_official()
    nation = national_area()
    provinces = list(AdminArea.objects.provinces().current().order_by("code"))
    if quick:
        provinces = provinces[:3]
    communes: dict[int, list[AdminArea]] = {p.pk: [] for p in provinces}
    for area in AdminArea.objects.communes().current().filter(province__in=provinces).order_by("code"):
        if not quick or len(communes[area.province_id]) < 20:
            communes[area.province_id].append(area)
    start, end = dt.date(2025, 7, 20), dt.date(2025, 12, 31)
    K = Unit.Kind
    with transaction.atomic():
        central_unit = Unit.objects.create(name="Ban Tuyên giáo và Dân vận Trung ương", kind=K.PARTY_BOARD,
                                           area=nation)
        prov_units = Unit.objects.bulk_create([
            Unit(name=f"Ban Tuyên giáo và Dân vận Tỉnh uỷ {p.name}", name_folded=f"ban tuyen giao {p.code}",
                 kind=K.PARTY_BOARD, area=p) for p in provinces])
        commune_units = Unit.objects.bulk_create([
            Unit(name=f"UBND {a.name}", name_folded=f"ubnd {a.code}", kind=K.PEOPLES_COMMITTEE, area=a)
            for p in provinces for a in communes[p.pk]])
        central = services.plan_create(unit=central_unit, by=None, title="Kế hoạch truyền thông (trung ương)",
                                       number="03-KH/BCĐTW", issued_on=start, period_start=start, period_end=end)
        Plan.objects.filter(pk=central.pk).update(status=Plan.Status.ISSUED)
        central.refresh_from_db()
        services.expectation_add(plan=central, by=None, area=nation, area_level="province", unit_kind=K.PARTY_BOARD,
                                 due_on=dt.date(2025, 9, 30))
        services.expectation_add(plan=central, by=None, area=nation, area_level="commune",
                                 unit_kind=K.PEOPLES_COMMITTEE, due_on=dt.date(2025, 10, 31))

        def add_level(parents: list[Plan], units: list[Unit], parent_of: list[int], prefix: str) -> list[Plan]:
            plans = Plan.objects.bulk_create([
                Plan(unit=u, title=f"Kế hoạch thực hiện của {u.name}", number=f"{i + 1}-KH/{prefix}",
                     year=2025, status=Plan.Status.ISSUED if i % 5 < 3 or prefix != "UBND" else Plan.Status.DRAFT,
                     issued_on=start + dt.timedelta(days=30 + i % 90), period_start=start, period_end=end,
                     parent=parents[parent_of[i]], depth=parents[parent_of[i]].depth + 1)
                for i, u in enumerate(units)])
            for plan in plans:
                plan.path = f"{plan.parent.path}{plan.pk}/"  # type: ignore[union-attr]
            Plan.objects.bulk_update(plans, ["path"], batch_size=1000)
            PlanReference.objects.bulk_create([
                PlanReference(plan=p, relation="implements", target_id=p.parent_id, doc_number=p.parent.number)
                for p in plans], batch_size=1000)
            Theme.objects.bulk_create([
                Theme(plan=p, order=k, text=f"Nội dung tuyên truyền {k}") for p in plans for k in range(1, 4)],
                batch_size=2000)
            Assignment.objects.bulk_create([
                Assignment(plan=p, unit=p.unit, role=role, duties="Tổ chức tuyên truyền", start=start, end=end)
                for p in plans for role in ("lead", "coordinating")], batch_size=2000)
            return plans

        prov_plans = add_level([central], prov_units, [0] * len(prov_units), "BTGDVTU")
        index = {p.area_id: i for i, p in enumerate(prov_units)}
        add_level(prov_plans, commune_units, [index[u.area.province_id] for u in commune_units], "UBND")
        Theme.objects.bulk_create([Theme(plan=central, order=k, text=f"Nội dung {k}") for k in range(1, 10)])
    province_plan = next(p for p in prov_plans if p.status == Plan.Status.ISSUED)
    return {"central": central.pk, "province": province_plan.pk, "plans": Plan.objects.count(),
            "communes": len(commune_units), "provinces": len(prov_units)}


def measure(ids: dict[str, int], runs: int) -> list[tuple[str, int, float, int, int]]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from lantoa.plans.models import Plan
    from lantoa.units.models import Membership, Unit

    user = get_user_model().objects.create_user("giamsat", password="x")
    Membership.objects.create(user=user, unit=Unit.objects.get(name="Ban Tuyên giáo và Dân vận Trung ương"),
                              role=Membership.Role.APPROVER)
    client = Client()
    client.force_login(user)
    rows = []
    for label, name, key in [("Cây kế hoạch — trung ương", "plans:tree", "central"),
                             ("Theo dõi ban hành — trung ương", "plans:compliance", "central"),
                             ("Cây kế hoạch — một tỉnh", "plans:tree", "province"),
                             ("Theo dõi ban hành — một tỉnh", "plans:compliance", "province")]:
        url = reverse(name, args=[ids[key]])
        plan = Plan.objects.get(pk=ids[key])
        size = Plan.objects.subtree(plan).count()
        client.get(url)  # warm caches (templates, translations)
        times = []
        for _run in range(runs):
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.status_code
        rows.append((label, size, statistics.median(times), len(ctx.captured_queries), len(response.content)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 provinces × 20 communes instead of the nation")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lantoa-bench-") as tmp:
        t0 = time.perf_counter()
        setup(Path(tmp) / "bench.sqlite3")
        ids = build(quick=args.quick)
        built = time.perf_counter() - t0
        rows = measure(ids, args.runs)
    print(f"Cây kế hoạch: {ids['plans']} kế hoạch (1 trung ương, {ids['provinces']} tỉnh, {ids['communes']} xã; "
          f"tỉnh đã ban hành, 60% xã đã ban hành), dựng trong {built:.1f} s (SQLite tạm)")
    print(f"{'Trang':<34} {'KH trong cây':>12} {'ms (trung vị)':>14} {'truy vấn':>9} {'KB HTML':>8}")
    for label, size, ms, queries, size_bytes in rows:
        flag = "" if ms < 300 else "  > 300 ms"
        print(f"{label:<34} {size:>12} {ms:>14.1f} {queries:>9} {size_bytes / 1024:>8.0f}{flag}")


if __name__ == "__main__":
    main()
