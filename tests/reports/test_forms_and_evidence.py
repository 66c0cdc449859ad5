"""Versioned forms keep earlier submissions valid; evidence providers suggest values with their records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lantoa.reports import evidence
from lantoa.reports.models import Aggregation, ReportValue, ValueType
from lantoa.reports.services import IndicatorSpec, ReportError, form_new_version
from tests.reports.factories import INDICATORS, SECTIONS, VALUES, setup_reports, submit


def test_new_version_keeps_earlier_reports_valid(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    new = form_new_version(form=s.form, indicators=[*INDICATORS[:2], IndicatorSpec("video", "Số video ngắn")],
                           sections=SECTIONS, note="Bỏ chỉ tiêu tỷ lệ, thêm video")
    assert new.number == 2 and s.form.current_version() == new
    # The January report still shows its values on version 1.
    page = world.client("owner").get(f"/bao-cao/{s.report.pk}/").content.decode()
    assert "Tỷ lệ cán bộ được quán triệt" in page and "90" in page
    assert ReportValue.objects.filter(report=s.report, indicator__version__number=1).count() == len(VALUES) + 1
    # A February request on version 2 rolls up together with January by indicator code.
    feb = setup_reports(world, start=dt.date(2026, 2, 1), form=s.form)
    assert feb.request.form_version == new
    submit(world.client("owner"), feb.report, {"tin_bai": "3", "video": "2"})
    from lantoa.reports import rollup

    totals = rollup.totals_by_province([s.request, feb.request], list(new.indicators.all()))
    finished = rollup.finish(list(new.indicators.all()), totals[world.province.pk])
    assert finished["tin_bai"] == 15 and finished["video"] == 2


def test_form_definition_errors(world):
    s = setup_reports(world)
    with pytest.raises(ReportError, match="tử số và mẫu số"):
        form_new_version(form=s.form, indicators=[IndicatorSpec("r", "Tỷ lệ", ValueType.PERCENT,
                                                                Aggregation.RATIO, numerator="x")], sections=[])
    with pytest.raises(ReportError, match="trùng"):
        form_new_version(form=s.form, indicators=[IndicatorSpec("a", "A"), IndicatorSpec("a", "B")], sections=[])


def test_registered_provider_suggests_values_with_records(world):
    s = setup_reports(world)
    indicator = s.request.form_version.indicators.get(code="nguoi_du")
    indicator.evidence_key = "thu:nguoi"
    indicator.save()

    def provider(unit, start, end, indicators):
        assert unit == world.unit and start == dt.date(2026, 1, 1) and end == dt.date(2026, 1, 31)
        record = evidence.EvidenceRecord("Hội nghị quán triệt 57", "/ke-hoach/", dt.date(2026, 1, 9))
        return [evidence.Suggestion("nguoi_du", Decimal(42), "thu", [record])]

    def broken(unit, start, end, indicators):
        raise RuntimeError("nguồn gợi ý hỏng")

    evidence.register_provider("thu", provider)
    evidence.register_provider("hong", broken)
    try:
        indicator2 = s.request.form_version.indicators.get(code="tin_bai")
        indicator2.evidence_key = "hong:x"
        indicator2.save()
        page = world.client("owner").get(f"/bao-cao/{s.report.pk}/sua/").content.decode()
    finally:
        evidence.unregister_provider("thu")
        evidence.unregister_provider("hong")
    assert "Hội nghị quán triệt 57" in page and "<strong>42</strong>" in page


def test_activity_log_provider_counts_and_sums_the_period(world):
    from django.apps import apps

    activity = apps.get_model("plans", "Activity")
    s = setup_reports(world)
    version = s.request.form_version
    version.indicators.filter(code="tin_bai").update(evidence_key="activity:news,series")
    version.indicators.filter(code="nguoi_du").update(evidence_key="activity:conference:attendees")
    activity.objects.create(unit=world.unit, kind="news", title="Tin về Nghị quyết 57", date=dt.date(2026, 1, 5))
    activity.objects.create(unit=world.unit, kind="series", title="Loạt bài chuyển đổi số", date=dt.date(2026, 1, 20))
    activity.objects.create(unit=world.unit, kind="news", title="Tin tháng sau", date=dt.date(2026, 2, 2))
    activity.objects.create(unit=world.unit, kind="conference", title="Hội nghị quán triệt", date=dt.date(2026, 1, 9),
                            attendees=85)
    activity.objects.create(unit=world.sibling_unit, kind="news", title="Tin của xã khác", date=dt.date(2026, 1, 5))
    found = evidence.suggestions_for(s.report)
    assert found["tin_bai"].value == 2
    assert [r.label for r in found["tin_bai"].records] == ["Tin về Nghị quyết 57", "Loạt bài chuyển đổi số"]
    assert found["nguoi_du"].value == 85


def test_suggest_fills_empty_cells_for_the_officer_to_edit(world):
    from django.apps import apps

    s = setup_reports(world)
    s.request.form_version.indicators.filter(code="tin_bai").update(evidence_key="activity:news")
    apps.get_model("plans", "Activity").objects.create(unit=world.unit, kind="news", title="Tin 57",
                                                       date=dt.date(2026, 1, 5))
    page = world.client("owner").get(f"/bao-cao/{s.report.pk}/sua/?suggest=1").content.decode()
    assert 'name="v_tin_bai" value="1"' in page
    assert not ReportValue.objects.filter(report=s.report).exists()  # nothing saved until the officer saves


def test_targets_dashboard_compares_plan_target_with_actual(world):
    from django.apps import apps

    plan = apps.get_model("plans", "Plan").objects.create(unit=world.province_unit, title="Kế hoạch tuyên truyền")
    target = apps.get_model("plans", "Target").objects.create(
        plan=plan, text="100% cán bộ chủ chốt được quán triệt", metric="percent", target_value=100, unit_label="%")
    s = setup_reports(world)
    s.request.form_version.indicators.filter(code="ty_le").update(target_id=target.pk)
    submit(world.client("owner"), s.report)  # 18 of 20 briefed
    page = world.client("supervisor").get(
        f"/bao-cao/tong-hop/?request={s.request.pk}&area={world.province.code}").content.decode()
    assert "Chỉ tiêu kế hoạch và kết quả" in page
    assert "100% cán bộ chủ chốt được quán triệt" in page and "90%" in page
