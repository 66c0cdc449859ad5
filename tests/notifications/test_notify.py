from __future__ import annotations

from django.core import mail

from lantoa.notifications.services import notify_unit
from tests.conftest import World


def test_notify_unit_reaches_officers_in_app_and_by_email(world: World) -> None:
    notify_unit(unit=world.unit, title="Sắp đến hạn báo cáo", body="Hạn nộp 30/11/2026", url="/bao-cao/")
    owner = world.users["owner"]
    assert owner.notifications.unread().count() == 1  # type: ignore[attr-defined]
    assert mail.outbox[0].to == ["owner@example.vn"]
    body = world.client("owner").get("/thong-bao/").content.decode()
    assert "Sắp đến hạn báo cáo" in body
    assert world.users["sibling"].notifications.count() == 0  # type: ignore[attr-defined]
