"""No lost updates: two tabs on one report; the second sees both versions and chooses."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from lantoa.reports.models import Report, ReportValue
from tests.reports.factories import VALUES, post_data, setup_reports


def _tin_bai(report: Report) -> int:
    return int(ReportValue.objects.get(report=report, indicator__code="tin_bai").number)


def test_second_tab_gets_a_conflict_page_with_both_versions_and_can_keep_its_own(world):
    s = setup_reports(world)
    tab1, tab2 = world.client("owner"), world.client("owner")
    stale = post_data(s.report, {**VALUES, "tin_bai": "20"})  # both tabs opened version 1
    first = tab1.post(f"/bao-cao/{s.report.pk}/sua/", post_data(s.report, {**VALUES, "tin_bai": "10"}))
    assert first.status_code == 302
    response = tab2.post(f"/bao-cao/{s.report.pk}/sua/", stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Bản của bạn" in page and "Bản đang lưu" in page and "20" in page and "10" in page
    assert _tin_bai(s.report) == 10  # nothing overwritten
    # "Keep mine" re-posts the user's values with the stored version number.
    s.report.refresh_from_db()
    keep = {**stale, "version": str(s.report.version)}
    assert tab2.post(f"/bao-cao/{s.report.pk}/sua/", keep).status_code == 302
    assert _tin_bai(s.report) == 20


def test_submit_from_a_stale_tab_after_the_other_tab_submitted_is_a_conflict(world):
    s = setup_reports(world)
    tab1, tab2 = world.client("owner"), world.client("owner")
    stale = post_data(s.report, {**VALUES, "tin_bai": "20"}, action="submit")
    tab1.post(f"/bao-cao/{s.report.pk}/sua/", post_data(s.report, action="submit"))
    response = tab2.post(f"/bao-cao/{s.report.pk}/sua/", stale)
    assert response.status_code == 409
    assert "không còn sửa được" in response.content.decode()
    assert _tin_bai(s.report) == 12


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_clients_on_postgresql_never_lose_an_update():
    """Two threads, two connections, the same stale version, released together: exactly one wins."""
    if connection.vendor != "postgresql":
        pytest.skip("cần PostgreSQL (DATABASE_URL=postgres://…)")
    from tests.conftest import build_world

    world = build_world()
    s = setup_reports(world)
    barrier = threading.Barrier(2)
    statuses: dict[str, int] = {}

    def tab(name: str, value: str) -> None:
        try:
            client = Client()
            client.force_login(world.users["owner"])  # type: ignore[arg-type]
            data = post_data(s.report, {**VALUES, "tin_bai": value}, action="submit")
            barrier.wait()
            statuses[name] = client.post(f"/bao-cao/{s.report.pk}/sua/", data).status_code
        finally:
            close_old_connections()
            connection.close()

    for _round in range(3):
        threads = [threading.Thread(target=tab, args=("a", "111")), threading.Thread(target=tab, args=("b", "222"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(statuses.values()) == [302, 409]
        winner = "111" if statuses["a"] == 302 else "222"
        assert str(_tin_bai(s.report)) == winner
        report = Report.objects.get(pk=s.report.pk)
        assert report.status == Report.Status.SUBMITTED and report.version == 2
        # Roll-up maintained once, not twice.
        from lantoa.reports.models import RollupCell

        cell = RollupCell.objects.get(request=s.request, indicator__code="tin_bai")
        assert (int(cell.total), cell.count) == (int(winner), 1)
        # Reset for the next round: back to draft, roll-up emptied.
        Report.objects.filter(pk=s.report.pk).update(status="draft", version=1, counted=False)
        RollupCell.objects.all().delete()
        ReportValue.objects.filter(report=s.report).update(counted=False)
        statuses.clear()
