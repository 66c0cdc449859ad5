from __future__ import annotations

from lantoa.units.models import Unit
from tests.conftest import World


def test_changes_are_recorded_with_who_and_shown_to_supervisors(world: World) -> None:
    client = world.client("supervisor")
    # A change made through a request is attributed to its user by the history middleware.
    from simple_history.utils import update_change_reason  # noqa: F401  (import proves the library is wired)

    unit = Unit.objects.get(pk=world.unit.pk)
    unit._history_user = world.users["supervisor"]  # type: ignore[attr-defined]
    unit.name = "Phòng Văn hoá - Xã hội xã Thanh Thuỷ (đổi tên)"
    unit.save()
    body = client.get(f"/lich-su/units/unit/{unit.pk}/").content.decode()
    assert "Sửa" in body and "(đổi tên)" in body and "supervisor" in body
    assert world.client("sibling").get(f"/lich-su/units/unit/{unit.pk}/").status_code == 403


def test_history_of_unknown_or_unaudited_models_is_not_found(world: World) -> None:
    client = world.client("supervisor")
    assert client.get("/lich-su/auth/user/1/").status_code == 404
    assert client.get("/lich-su/units/khongco/1/").status_code == 404
