"""Search: the same results on SQLite (FTS5) and PostgreSQL (GIN over folded text)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from datetime import time as dt_time

import pytest
from django.utils import timezone

from lantoa.lib.monitoring.query import QueryError
from lantoa.monitoring.search import Filters, search_items
from tests.monitoring.helpers import make_item, make_watch, manual_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(world):
    make_watch(world, name="VNeID", query="vneid")
    source = manual_source(world)
    now = timezone.now()
    items = {
        "cds": make_item(source, "Xã Thanh Thủy đẩy mạnh chuyển đổi số",
                         "Người dân được hướng dẫn cài đặt VNeID và sử dụng dịch vụ công trực tuyến.",
                         published_at=now - timedelta(days=1)),
        "thuy": make_item(source, "Thanh Thuỷ tổ chức lớp Bình dân học vụ số",
                          "Lớp học kỹ năng số cho người cao tuổi tại nhà văn hoá thôn.",
                          published_at=now - timedelta(days=3)),
        "scam": make_item(source, "Cảnh giác lừa đảo cài VNeID giả mạo",
                          "Đối tượng giả danh công an gọi điện yêu cầu cài ứng dụng giả, người dân bức xúc.",
                          published_at=now - timedelta(days=2)),
        "weather": make_item(source, "Miền Bắc trời rét", "Không khí lạnh tăng cường, nhiệt độ giảm sâu.",
                             published_at=now - timedelta(days=10)),
    }
    return items


def ids(result):
    return {h.item.pk for h in result.hits}


def test_tone_insensitive(corpus):
    assert ids(search_items(query="chuyen doi so")) == {corpus["cds"].pk}
    assert ids(search_items(query="CHUYỂN ĐỔI SỐ")) == {corpus["cds"].pk}
    # old and new tone placement, đ folded
    assert ids(search_items(query="Thuỷ")) == {corpus["cds"].pk, corpus["thuy"].pk}
    assert ids(search_items(query="Thủy")) == {corpus["cds"].pk, corpus["thuy"].pk}
    assert ids(search_items(query="doi tuong")) == {corpus["scam"].pk}


def test_boolean_phrase_near(corpus):
    assert ids(search_items(query='vneid NOT "lua dao"')) == {corpus["cds"].pk}
    assert ids(search_items(query='"hoc vu so" OR "nhiet do"')) == {corpus["thuy"].pk, corpus["weather"].pk}
    assert ids(search_items(query='"cai dat" NEAR/2 vneid')) == {corpus["cds"].pk}
    assert ids(search_items(query='"nguoi dan" NEAR/1 "truc tuyen"')) == set()
    assert ids(search_items(query='"so chuyen doi"')) == set()


def test_filters(corpus, world):
    today = timezone.localdate()
    assert ids(search_items(query="", filters=Filters(tone="neg"))) == {corpus["scam"].pk}
    recent = search_items(query="", filters=Filters(start=today - timedelta(days=5), end=today))
    assert corpus["weather"].pk not in ids(recent) and len(recent.hits) == 3
    from lantoa.monitoring.models import Watch

    watch = Watch.objects.get(name="VNeID")
    assert ids(search_items(query="", filters=Filters(watch_id=watch.pk))) == {corpus["cds"].pk, corpus["scam"].pk}
    # "Xã Thanh Thủy" is a commune of the province; "Thanh Thuỷ" without "xã" is not taken as a place name.
    assert ids(search_items(query="", filters=Filters(area=world.province))) == {corpus["cds"].pk}
    assert ids(search_items(query="", filters=Filters(kind="social"))) == set()
    assert ids(search_items(query="vneid", filters=Filters(end=date(2000, 1, 1)))) == set()


def test_highlight_in_original_text(corpus):
    hit = search_items(query="chuyen doi so").hits[0]
    assert "<mark>chuyển đổi số</mark>" in hit.title
    hit = search_items(query="vneid NOT lua").hits[0]
    assert "<mark>VNeID</mark>" in hit.snippet


def test_newest_first_and_reindex_on_change(corpus):
    result = search_items(query="vneid")
    assert [h.item.pk for h in result.hits] == [corpus["cds"].pk, corpus["scam"].pk]
    item = corpus["weather"]
    from lantoa.lib.text import fold

    item.search_folded = fold("Tin mới về VNeID")
    item.save()
    assert item.pk in ids(search_items(query="vneid"))
    item.delete()
    assert item.pk not in ids(search_items(query="vneid"))


def test_bad_queries_raise_query_error(corpus):
    with pytest.raises(QueryError):
        search_items(query='("chuyen doi')



def _stored(source, n, published_at, title="Hướng dẫn cài VNeID"):
    return make_item(source, f"{title} {n}", "Người dân được hướng dẫn tận nơi.", published_at=published_at)


def test_newest_first_whatever_order_items_were_stored_in(world):
    """A late import or a corrected date stores an item long after newer ones: it still sorts by date."""
    source = manual_source(world)
    now = timezone.now().replace(microsecond=0)
    # Stored oldest id first, but published: 3 newest, then 0, 4, 1, 2, with 5 back-dated by a year.
    hours = {0: 5, 1: 7, 2: 8, 3: 1, 4: 6, 5: 24 * 365}
    stored = {n: _stored(source, n, now - timedelta(hours=h)) for n, h in hours.items()}
    newest_first = [stored[n].pk for n in (3, 0, 4, 1, 2, 5)]
    assert [h.item.pk for h in search_items(query="vneid").hits] == newest_first
    pages = [search_items(query="cai vneid", limit=2, offset=offset) for offset in (0, 2, 4)]
    assert [h.item.pk for page in pages for h in page.hits] == newest_first
    assert {page.total for page in pages} == {6}
    # A corrected date moves the item: the index follows the item's date, not the order it was stored in.
    from lantoa.monitoring.models import Item

    Item.objects.filter(pk=stored[5].pk).update(published_at=now)
    assert [h.item.pk for h in search_items(query="vneid", limit=2).hits] == [stored[5].pk, stored[3].pk]


def test_items_of_the_same_second_sort_by_their_exact_time(world):
    source = manual_source(world)
    second = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    # Stored in the order .1 s, .9 s, .5 s of one second; an item a second earlier is stored last.
    early, late, middle = (_stored(source, n, second + timedelta(microseconds=us))
                           for n, us in ((1, 100_000), (2, 900_000), (3, 500_000)))
    before = _stored(source, 4, second - timedelta(microseconds=1))
    assert [h.item.pk for h in search_items(query="vneid", limit=1).hits] == [late.pk]
    assert [h.item.pk for h in search_items(query="vneid", limit=2, offset=1).hits] == [middle.pk, early.pk]
    assert [h.item.pk for h in search_items(query="vneid", limit=1, offset=3).hits] == [before.pk]


def test_date_filter_takes_whole_days_in_local_time(world):
    source = manual_source(world)
    tz = timezone.get_current_timezone()
    day = date(2025, 11, 20)

    def at(d, *hms):
        return timezone.make_aware(datetime.combine(d, dt_time(*hms)), tz)

    first = _stored(source, 1, at(day, 0, 0, 0))
    last = _stored(source, 2, at(day, 23, 59, 59, 999_999))
    _stored(source, 3, at(day + timedelta(days=1), 0, 0, 0))
    _stored(source, 4, at(day, 0, 0, 0) - timedelta(microseconds=1))
    result = search_items(query="vneid", filters=Filters(start=day, end=day))
    assert [h.item.pk for h in result.hits] == [last.pk, first.pk] and result.total == 2


def test_watch_and_area_filters_list_an_item_once(world):
    """An item matched by a watch and mentioning two communes of the province is one hit, counted once."""
    from lantoa.monitoring.models import AreaMention, Watch

    make_watch(world, name="VNeID", query="vneid")
    source = manual_source(world)
    now = timezone.now()
    items = [_stored(source, n, now - timedelta(hours=n)) for n in range(3)]
    for item in items:
        for commune in (world.commune, world.sibling_commune):
            AreaMention.objects.get_or_create(item=item, area=commune)
    watch = Watch.objects.get(name="VNeID")
    for filters in (Filters(area=world.province), Filters(watch_id=watch.pk, area=world.province)):
        result = search_items(query="vneid", filters=filters, limit=2)
        assert [h.item.pk for h in result.hits] == [items[0].pk, items[1].pk]
        assert result.total == 3
    assert search_items(query="vneid", filters=Filters(area=world.other_province)).total == 0


@pytest.mark.parametrize("probe_rows, walk_rows", [(1000, 1000), (4, 1000), (4, 8)])
def test_common_and_rare_words_give_the_same_pages_and_counts(world, monkeypatch, probe_rows, walk_rows):
    """However many of the newest items PostgreSQL tests one by one before asking its index (all of them,
    enough of them, too few), the pages and the capped count are the same."""
    from lantoa.monitoring import search

    monkeypatch.setattr(search, "PROBE_ROWS", probe_rows)
    monkeypatch.setattr(search, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    source = manual_source(world)
    now = timezone.now()
    # Stored newest first, so ids run against publication order; every third one mentions VNeID.
    items = [make_item(source, f"{'Cài VNeID' if n % 3 == 0 else 'Mưa lũ'} {n}", "Tin trong ngày.",
                       published_at=now - timedelta(hours=n)) for n in range(24)]
    common = [item.pk for item in items]
    rare = [item.pk for n, item in enumerate(items) if n % 3 == 0]
    for query, expected in (("tin ngay", common), ("vneid", rare), ("mua lu NOT vneid", [p for p in common
                                                                                         if p not in rare])):
        pages = [search_items(query=query, limit=3, offset=offset) for offset in range(0, 24, 3)]
        assert [h.item.pk for page in pages for h in page.hits] == expected
        first = pages[0]
        assert (first.total, first.total_capped) == (min(len(expected), 5), len(expected) > 5)
    assert search_items(query="khongcotu").hits == []
