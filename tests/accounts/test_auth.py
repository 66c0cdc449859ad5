from __future__ import annotations

from django.core import mail
from django.test import Client

from tests.conftest import PASSWORD, World


def test_login_with_valid_password_reaches_home(world: World) -> None:
    client = Client()
    response = client.post("/tai-khoan/dang-nhap/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302
    assert "Phòng Văn hoá - Xã hội xã Thanh Thủy" in client.get("/").content.decode()


def test_repeated_failures_lock_the_account_with_a_vietnamese_message(world: World, settings: object) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):  # type: ignore[attr-defined]
        client.post("/tai-khoan/dang-nhap/", {"username": "owner", "password": "sai"})
    response = client.post("/tai-khoan/dang-nhap/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm thời bị khoá" in response.content.decode()


def test_password_reset_sends_an_email_with_a_working_link(world: World) -> None:
    client = Client()
    client.post("/tai-khoan/quen-mat-khau/", {"email": "owner@example.vn"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/dat-lai/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    new = "mat-khau-moi-rat-dai-2026"
    response = client.post(response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert Client().post("/tai-khoan/dang-nhap/", {"username": "owner", "password": new}).status_code == 302


def test_password_change_requires_the_old_password(world: World) -> None:
    client = world.client("owner")
    response = client.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": "sai", "new_password1": "moi-rat-dai-2026", "new_password2": "moi-rat-dai-2026"},
    )
    assert response.status_code == 200
    assert "Mật khẩu cũ không chính xác" in response.content.decode()
