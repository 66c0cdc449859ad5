"""A real browser (Debian's Chromium, headless) logs in and opens the area browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, World

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium chưa được cài: chạy scripts/install-system-packages.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        yield page
        browser.close()


def test_officer_logs_in_and_finds_a_commune_without_tone_marks(
    live_server: object, world: World, browser_page: object
) -> None:
    page = browser_page
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")  # type: ignore[attr-defined]
    page.fill("#id_username", "owner")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")  # type: ignore[attr-defined]
    assert "Phòng Văn hoá - Xã hội xã Thanh Thủy" in page.content()
    page.click("text=Địa bàn và đơn vị")
    page.fill("#area-q", "thanh thuy")
    page.wait_for_selector("text=Xã Thanh Thuỷ")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "area-browser.png"), full_page=True)
    page.click("text=Xã Thanh Thuỷ")
    page.wait_for_selector("h1:has-text('Xã Thanh Thuỷ')")
    assert "Phú Thọ" in page.inner_text("nav[aria-label='Vị trí']")
