"""Roll-up pages: a submission shows at once, numbers link to the reports behind them, query counts pinned."""

from __future__ import annotations

import datetime as dt
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from lantoa.areas.models import AdminArea
from lantoa.reports.models import ReportRequest
from lantoa.reports.services import request_open
from lantoa.units.models import Membership, Unit
from tests.conftest import make_user
from tests.reports.factories import VALUES, make_form, setup_reports, submit


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response.content.decode()


def test_submission_is_in_every_roll_up_at_once(world):
    s = setup_reports(world)
    supervisor = world.client("supervisor")
    before = supervisor.get(f"/bao-cao/tong-hop/?request={s.request.pk}&area={world.province.code}").content.decode()
    assert "0/3" in before
    submit(world.client("owner"), s.report)
    page = supervisor.get(f"/bao-cao/tong-hop/?request={s.request.pk}&area={world.province.code}").content.decode()
    assert "1/3" in page and world.commune.name in page
    # The number links to the reports behind it.
    assert f"area={world.commune.code}" in page and "indicator=tin_bai" in page
    listing = supervisor.get(f"/bao-cao/danh-sach/?request={s.request.pk}&area={world.commune.code}"
                             "&indicator=tin_bai").content.decode()
    assert world.unit.name in listing and ">12<" in listing


def _many_requests(world, months: int, communes: int, first_month: int = 1) -> list[ReportRequest]:
    """Extra communes with one unit each, and ``months`` monthly requests, half the units submitting."""
    for n in range(first_month * 100, first_month * 100 + communes):
        area = AdminArea.objects.create(code=f"9{n:04d}", name=f"Xã Thử {n}", level="commune", kind="xa",
                                        parent=world.province)
        unit = Unit.objects.create(name=f"Phòng Văn hoá - Xã hội xã Thử {n}", kind=Unit.Kind.DEPARTMENT, area=area)
        make_user(f"canbo{n}", unit, Membership.Role.OFFICER)
    from lantoa.reports.models import ReportForm

    form = ReportForm.objects.filter(code="nhieu-ky").first() or make_form(world, code="nhieu-ky")
    version = form.current_version()
    requests = []
    for month in range(first_month, first_month + months):
        start = dt.date(2026, month, 1)
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        req = request_open(title=f"Tháng {month}", form_version=version, issuer=world.province_unit,
                           period_start=start, period_end=end, target_area=world.province,
                           target_level=ReportRequest.Level.COMMUNE, frequency="monthly")
        for report in list(req.reports.select_related("unit"))[::2]:
            from lantoa.reports.services import report_submit

            report_submit(report=report, user=None, expected_version=report.version, values=VALUES)
        requests.append(req)
    return requests


def test_roll_up_query_counts_do_not_grow_with_areas_or_periods(world, settings):
    settings.DEBUG = False
    small = _many_requests(world, months=2, communes=2)
    supervisor = world.client("supervisor")
    national_admin = make_user("quocgia", world.central_unit, Membership.Role.APPROVER)
    from django.test import Client

    nation = Client()
    nation.force_login(national_admin)
    urls = {
        "national": (nation, "/bao-cao/tong-hop/?form=nhieu-ky&year=2026"),
        "province": (supervisor, f"/bao-cao/tong-hop/?form=nhieu-ky&year=2026&area={world.province.code}"),
        "request": (supervisor, f"/bao-cao/yeu-cau/{small[0].pk}/?area={world.province.code}"),
    }
    counts_small = {k: _queries(c, u)[0] for k, (c, u) in urls.items()}
    _many_requests(world, months=4, communes=6, first_month=3)  # more areas, units and periods
    urls["national"] = (nation, "/bao-cao/tong-hop/?form=nhieu-ky&year=2026")
    counts_big = {k: _queries(c, u)[0] for k, (c, u) in urls.items()}
    assert counts_big == counts_small
    # Pinned: session + user + memberships + nav/notifications, then a fixed handful of GROUP BYs.
    assert counts_small == {"national": 17, "province": 19, "request": 16}


def test_national_dashboard_has_34_style_province_tiles_and_drills_down(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    national_admin = make_user("quocgia", world.central_unit, Membership.Role.APPROVER)
    from django.test import Client

    nation = Client()
    nation.force_login(national_admin)
    page = nation.get(f"/bao-cao/tong-hop/?request={s.request.pk}").content.decode()
    assert page.count('class="tile ') == AdminArea.objects.current().provinces().count()
    assert f"area={world.province.code}" in page
    drill = nation.get(f"/bao-cao/tong-hop/?request={s.request.pk}&area={world.province.code}").content.decode()
    assert world.commune.name in drill and world.sibling_commune.name in drill
    commune = nation.get(f"/bao-cao/tong-hop/?request={s.request.pk}&area={world.commune.code}").content.decode()
    assert world.unit.name in commune
    # A province supervisor cannot open the national view or another province.
    supervisor = world.client("supervisor")
    assert supervisor.get(f"/bao-cao/tong-hop/?request={s.request.pk}&area=VN").status_code == 403
    assert supervisor.get(f"/bao-cao/tong-hop/?area={world.other_province.code}").status_code == 403


def test_time_series_chart_is_server_side_svg_with_links(world):
    requests = _many_requests(world, months=3, communes=1)
    page = world.client("supervisor").get(
        f"/bao-cao/tong-hop/?form=nhieu-ky&year=2026&area={world.province.code}").content.decode()
    assert "<svg" in page and "<script" not in page.split("</header>")[1]
    assert f"request={requests[2].pk}" in page


def test_pivot_xlsx_areas_by_indicators(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    response = world.client("supervisor").get(f"/bao-cao/tong-hop/xlsx/?request={s.request.pk}")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    header = rows[0]
    assert header[0] == "Địa bàn" and any("Số tin, bài" in str(h) for h in header)
    commune_row = next(r for r in rows if r[0] == world.commune.name)
    assert commune_row[1:4] == (1, 1, 1)
    assert commune_row[header.index(next(h for h in header if str(h).startswith("tin_bai")))] == 12


def test_year_cells_agree_with_the_values_after_submit_and_return(world):
    from lantoa.reports import rollup
    from lantoa.reports.services import report_return

    requests = _many_requests(world, months=3, communes=3)
    indicators = list(requests[0].form_version.indicators.all())
    submitted = requests[1].reports.filter(counted=True).first()
    report_return(report=submitted, user=None, reason="Kiểm tra lại")
    by_values = rollup.totals_by_commune(requests, indicators, world.province.pk)
    by_cells = rollup.totals_by_commune_year(requests, indicators, world.province.pk)
    def clean(totals):  # drop empty cells (text indicators, units that returned to draft)
        out = {k: {i: v for i, v in t.items() if v[1]} for k, t in totals.items()}
        return {k: v for k, v in out.items() if v}

    assert clean(by_cells) == clean(by_values)
    assert len(clean(by_cells)) == 3


def test_indicator_chooser_limits_the_on_screen_table(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    client = world.client("supervisor")
    url = f"/bao-cao/tong-hop/?request={s.request.pk}&area={world.province.code}"
    default = client.get(url).content.decode()  # the first eight numeric indicators: all of this small form
    assert 'title="Thời lượng phát thanh"' in default and 'title="Số tin, bài"' in default
    chosen = client.get(url + "&chi_tieu=thoi_luong").content.decode()
    assert 'title="Thời lượng phát thanh"' in chosen and 'title="Số tin, bài"' not in chosen
    everything = client.get(url + "&chi_tieu=tat-ca").content.decode()
    assert 'title="Thời lượng phát thanh"' in everything and 'title="Số tin, bài"' in everything
