"""Screenshots of the main pages for the README tour, taken in Debian's Chromium.

Start the platform first (`make run`), then: .venv/bin/python scripts/screenshots.py [BASE_URL]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PASSWORD = "lantoa-demo-2025"


def login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")


def shot(page: Page, name: str, url: str | None = None, *, click: str | None = None) -> None:
    if url:
        page.goto(url)
    if click:
        page.click(click)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
    print("saved", name)


def main() -> None:
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="vi-VN")
        login(page, base, "trunguong")
        shot(page, "home", f"{base}/")
        shot(page, "plans", f"{base}/ke-hoach/")
        shot(page, "plan-document", click="tr:has(td:text-is('03-KH/BCĐTW')) a >> nth=0")
        page.goto(f"{base}/ke-hoach/")
        page.click("tr:has(td:text-is('02-KH/BCĐTW')) a >> nth=0")
        plan_url = page.url
        shot(page, "plan-tree", plan_url + "cay/")
        page.goto(f"{base}/ke-hoach/")
        page.click("tr:has(td:text-is('13/KH-SVHTTDL')) a >> nth=0")
        plan_url = page.url
        shot(page, "plan-compliance", plan_url + "tuan-thu/")
        shot(page, "reports-dashboard", f"{base}/bao-cao/tong-hop/")
        shot(page, "monitoring", f"{base}/theo-doi/")
        shot(page, "area-browser", f"{base}/dia-ban/?q=thanh+thuy")
        page.context.clear_cookies()
        login(page, base, "thanhthuy")
        shot(page, "duties", f"{base}/ke-hoach/nhiem-vu/")
        shot(page, "intake", f"{base}/nhap-van-ban/")
        page.context.clear_cookies()
        mobile = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True)
        shot(mobile, "portal-mobile", f"{base}/cong-thong-tin/")
        mobile.fill("#ask-q", "kich hoat tai khoan dinh danh muc 2 the nao")
        mobile.wait_for_timeout(2500)  # the form refuses answers typed faster than a person could
        mobile.keyboard.press("Enter")
        mobile.wait_for_timeout(2500)
        shot(mobile, "portal-answer")
        browser.close()


if __name__ == "__main__":
    main()
