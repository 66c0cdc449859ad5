"""Search: the same results on SQLite (FTS5) and PostgreSQL (GIN over folded text)."""

from __future__ import annotations

from datetime import date, timedelta

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

