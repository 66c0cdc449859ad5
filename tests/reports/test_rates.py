"""Completeness and timeliness exactly as DHIS2 defines them: submitted / expected and on time / expected; on
time up to and including the deadline minute, late from the next minute."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lantoa.reports import rollup
from tests.reports.factories import setup_reports, submit

DEADLINE = timezone.make_aware(dt.datetime(2026, 2, 5, 23, 59))


def _at(monkeypatch: pytest.MonkeyPatch, when: dt.datetime) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: when)


def test_submission_within_the_deadline_minute_is_on_time_and_the_next_minute_is_late(world, monkeypatch):
    s = setup_reports(world, deadline=DEADLINE)
    _at(monkeypatch, DEADLINE + dt.timedelta(seconds=59))
    assert submit(world.client("owner"), s.report).status_code == 302
    _at(monkeypatch, DEADLINE + dt.timedelta(minutes=1))
    assert submit(world.client("sibling"), s.sibling_report).status_code == 302
    s.report.refresh_from_db()
    s.sibling_report.refresh_from_db()
    assert s.report.on_time is True
    assert s.sibling_report.on_time is False
    rates = rollup.rates_by_request([s.request])[s.request.pk]
    # Three expected (province unit, two communes); two submitted; one on time.
    assert (rates.expected, rates.submitted, rates.on_time) == (3, 2, 1)
    assert rates.completeness == pytest.approx(200 / 3)
    assert rates.timeliness == pytest.approx(100 / 3)


def test_a_returned_report_leaves_completeness_until_resubmitted(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    world.client("supervisor").post(f"/bao-cao/{s.report.pk}/tra-lai/", {"reason": "Thiếu số liệu"})
    assert rollup.rates_by_request([s.request])[s.request.pk].submitted == 0
    submit(world.client("owner"), s.report)
    assert rollup.rates_by_request([s.request])[s.request.pk].submitted == 1


def test_rates_by_commune_and_province(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    by_commune = rollup.rates_by_commune([s.request], world.province.pk)
    assert by_commune[world.commune.pk].completeness == 100.0
    assert by_commune[world.sibling_commune.pk].completeness == 0.0
    assert by_commune[None].expected == 1  # the province-level unit itself
    assert rollup.rates_by_province([s.request])[world.province.pk].submitted == 1
