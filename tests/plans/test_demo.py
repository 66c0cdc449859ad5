"""The demo: the four seed plans in their real cascade, loadable twice."""

from __future__ import annotations

import pytest

from lantoa.areas.services import areas_load_official
from lantoa.plans import demo
from lantoa.plans.cascade import plan_compliance, plan_tree
from lantoa.plans.models import Plan
from lantoa.units import demo as units_demo


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_cascade_and_compliance() -> None:
    areas_load_official()
    units_demo.load()
    demo.load()
    count = Plan.objects.count()
    demo.load()
    assert Plan.objects.count() == count
    central = Plan.objects.get(number="03-KH/BCĐTW")
    assert central.themes.count() == 9 and central.channels.count() == 4
    assert central.visibility == Plan.Visibility.INTERNAL  # seed 001 is not for public pages
    root = Plan.objects.get(number="02-KH/BCĐTW")
    so = Plan.objects.get(number="13/KH-SVHTTDL")
    thanh_thuy = Plan.objects.get(unit__name="UBND xã Thanh Thủy")
    assert so.parent == root and thanh_thuy.parent == so and central.parent == root
    assert thanh_thuy.channels.count() == 3 and thanh_thuy.budget_items.get().source == "Ngân sách xã năm 2025"
    vinh_tuy = Plan.objects.get(number="41-KH/ĐU")
    assert vinh_tuy.phases.count() == 4 and vinh_tuy.targets.count() == 5 and vinh_tuy.is_party_body
    lam_dong = Plan.objects.get(unit__name="Ban Tuyên giáo và Dân vận Tỉnh uỷ Lâm Đồng")
    assert lam_dong.is_draft and lam_dong.phases.count() == 3 and lam_dong.parent.number == "08-KH/TU"
    tree = plan_tree(root)
    assert tree.total >= 10
    c = plan_compliance(so)
    assert (c.expected, c.issued) == (12, 7)  # Thanh Thủy and six generated communes; one draft, four none
