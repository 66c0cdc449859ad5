"""A citizen in a real browser (Debian's Chromium, headless): landing page, question without tone marks,
an answer with its citation, then feedback. Screenshots go to test-artifacts/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lantoa.portal.models import Campaign, FeedbackRoute
from tests.conftest import World

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium chưa được cài: chạy scripts/install-system-packages.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()


@pytest.fixture
def landing(world: World, demo_kb: object, settings: object) -> World:
    # Database work happens here, before Playwright starts its event loop in this thread.
    settings.FORM_MIN_SECONDS = 1  # type: ignore[attr-defined]
    settings.ASSISTANT_RATE_LIMIT = "2/60"  # type: ignore[attr-defined]
    Campaign.objects.create(slug="cds-2026", title="Chuyển đổi số vì người dân", unit=world.unit,
                            tagline="Mỗi người dân một tài khoản số", is_published=True)
    FeedbackRoute.objects.create(topic="", area=world.commune, unit=world.unit)
    return world


def test_citizen_asks_without_tone_marks_reads_a_cited_answer_and_sends_feedback(
    live_server: object, landing: World, browser: object
) -> None:
    world = landing
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")  # type: ignore[attr-defined]
    base = live_server.url  # type: ignore[attr-defined]
    page.goto(f"{base}/cong-thong-tin/chien-dich/cds-2026/")
    assert page.locator("h1").inner_text() == "Chuyển đổi số vì người dân"
    page.fill("#ask-q", "kich hoat tai khoan vneid muc 2 nhu the nao")
    page.wait_for_timeout(1100)  # the ask box refuses answers faster than a person types
    page.click(".ask-box button[type=submit]")
    source = page.wait_for_selector("#answer .sources a")
    assert "kích hoạt tài khoản định danh điện tử" in source.inner_text()
    assert "Bước 1" in page.inner_text("#answer .answer-text")
    page.screenshot(path=str(ARTIFACTS / "portal-answer-mobile.png"), full_page=True)
    page.click("#answer .rate button[value='1']")
    page.wait_for_selector("text=Cảm ơn bạn đã đánh giá")
    page.fill("#ask-q", "xin chao")
    page.click(".ask-box button[type=submit]")
    page.wait_for_selector("text=Tôi là trợ lý hỏi đáp")
    page.click(".ask-box button[type=submit]")  # third question within the minute: refused, and said so in place
    page.wait_for_selector("text=Bạn đã hỏi quá nhiều câu")
    page.goto(f"{base}/cong-thong-tin/gui-y-kien/")
    page.select_option("#id_topic", "ky_nang_so")
    page.select_option("#id_province", str(world.province.pk))
    page.fill("#id_commune", "thanh thuy")
    page.fill("#id_message", "Đề nghị mở thêm lớp Bình dân học vụ số buổi tối cho người đi làm.")
    page.fill("#id_contact", "0912 345 678")
    page.wait_for_timeout(1100)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/cong-thong-tin/y-kien/**")
    assert "Mới tiếp nhận" in page.content() and "0912" not in page.content()
    page.screenshot(path=str(ARTIFACTS / "portal-feedback-status.png"), full_page=True)
    desktop = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")  # type: ignore[attr-defined]
    desktop.goto(f"{base}/cong-thong-tin/")
    desktop.keyboard.press("Tab")  # the skip link is the first stop for keyboard users
    assert desktop.evaluate("document.activeElement.className") == "skip"
    desktop.screenshot(path=str(ARTIFACTS / "portal-home.png"), full_page=True)
