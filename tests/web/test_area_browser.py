from __future__ import annotations

from tests.conftest import World


def test_area_search_is_tone_insensitive(world: World) -> None:
    client = world.client("owner")
    for query in ("thanh thuy", "Thanh Thủy", "THANH THUỶ"):
        response = client.get("/dia-ban/", {"q": query})
        assert "Xã Thanh Thuỷ" in response.content.decode(), query
    assert "Xã Thanh Thuỷ" not in client.get("/dia-ban/", {"q": "hoa binh"}).content.decode()


def test_area_search_answers_htmx_with_a_fragment(world: World) -> None:
    response = world.client("owner").get("/dia-ban/", {"q": "hoa binh"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Xã Hoà Bình" in body and "<html" not in body


def test_area_page_shows_breadcrumbs_and_units(world: World) -> None:
    body = world.client("owner").get(f"/dia-ban/{world.commune.code}/").content.decode().split("<main", 1)[1]
    assert body.index("Toàn quốc") < body.index("Phú Thọ") < body.index("Xã Thanh Thuỷ")
    assert "Phòng Văn hoá - Xã hội xã Thanh Thủy" in body


def test_interface_is_vietnamese_with_english_available(world: World) -> None:
    client = world.client("owner")
    assert "Kế hoạch" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/").content.decode()
    assert "Plans" in body and 'lang="en"' in body


def test_pages_send_a_content_security_policy_and_no_cdn(world: World) -> None:
    response = world.client("owner").get("/dia-ban/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "https://" not in response.content.decode().split("<body")[0]


def test_dates_are_day_month_year(world: World) -> None:
    from datetime import date

    from django.template import Context, Template

    assert Template("{{ d|date:'SHORT_DATE_FORMAT' }}").render(Context({"d": date(2025, 8, 28)})) == "28/08/2025"
