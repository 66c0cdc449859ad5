"""The pipeline end to end over the fixture server, and each step on its own."""

from __future__ import annotations

import pytest

from lantoa.monitoring import pipeline, services
from lantoa.monitoring.models import AreaMention, Item, ItemBand, ItemMatch, Source, Story
from tests.monitoring.helpers import make_source, make_watch

pytestmark = pytest.mark.django_db


def test_feed_through_whole_pipeline(world, fixture_server):
    watch = make_watch(world)
    source = make_source(world, fixture_server, "feeds/baophutho.rss")
    new_ids = services.source_poll_now(source=source)
    assert len(new_ids) == 3
    items = Item.objects.filter(pk__in=new_ids)
    assert all(i.stage == Item.Stage.INDEXED for i in items), [(i.url, i.error) for i in items]
    article = items.get(url__contains="xa-thanh-thuy-chuyen-doi-so")
    assert "12 tổ công nghệ số cộng đồng" in article.text
    assert article.title.startswith("Xã Thanh Thủy đẩy mạnh")
    assert article.raw is None  # the page is not kept after extraction
    assert ItemMatch.objects.filter(item=article, watch=watch).exists()
    assert article.tone in ("pos", "neu")  # lexicon only here; the e5 classifier is tested in test_semantic.py
    assert AreaMention.objects.filter(item=article, area=world.commune).exists()
    assert AreaMention.objects.filter(item=article, area=world.province).exists()
    rumour = items.get(url__contains="canh-giac")
    assert rumour.tone == "neg"
    source.refresh_from_db()
    assert source.health == "ok" and source.items_found == 3 and source.last_success_at


def test_windows_1258_page_with_wrong_declaration(world, fixture_server):
    source = make_source(world, fixture_server, "feeds/baophutho.rss")
    services.source_poll_now(source=source)
    legacy = Item.objects.get(url__contains="cong-xa-cu")
    assert legacy.stage == Item.Stage.INDEXED
    assert "hướng dẫn người dân sử dụng dịch vụ công trực tuyến" in legacy.text
    assert "Thanh Thủy" in legacy.text  # cp1258 combining tone recomposed (NFC)


def test_nothing_ingested_twice(world, fixture_server):
    first = make_source(world, fixture_server, "feeds/baophutho.rss")
    services.source_poll_now(source=first)
    again = services.source_poll_now(source=first)
    assert again == []
    # Another feed lists the same article with tracking parameters: same canonical URL, not stored again.
    other = make_source(world, fixture_server, "feeds/malformed.rss", outlet="PTV")
    services.source_poll_now(source=other)
    assert Item.objects.filter(url__contains="xa-thanh-thuy-chuyen-doi-so.html").count() == 1
    assert Item.objects.count() == 5


def test_syndicated_copies_cluster_into_one_story(world, fixture_server):
    for path in ("feeds/baophutho.rss", "feeds/malformed.rss", "feeds/hanoimoi.atom"):
        services.source_poll_now(source=make_source(world, fixture_server, path))
    original = Item.objects.get(url__contains="xa-thanh-thuy-chuyen-doi-so.html")
    copy = Item.objects.get(url__endswith="xa-thanh-thuy-chuyen-doi-so-dang-lai.html")
    assert original.story_id == copy.story_id
    rumour = Item.objects.get(url__endswith="canh-giac-tin-don-thu-phi-vneid.html")
    rumour_copy = Item.objects.get(url__endswith="canh-giac-tin-don-thu-phi-vneid-dang-lai.html")
    assert rumour.story_id == rumour_copy.story_id != original.story_id
    weather = Item.objects.get(url__contains="thoi-tiet")
    assert weather.story_id not in (original.story_id, rumour.story_id)
    story = Story.objects.get(pk=original.story_id)
    assert story.item_count == 2


def test_malformed_feed_still_read_with_warning(world, fixture_server):
    source = make_source(world, fixture_server, "feeds/malformed.rss")
    assert len(services.source_poll_now(source=source)) == 3
    source.refresh_from_db()
    assert source.is_active and source.failure_count == 0
    assert "lỗi định dạng" in source.last_error


def test_not_a_feed_shows_error_and_backs_off(world, fixture_server):
    source = make_source(world, fixture_server, "feeds/khong-phai-rss.rss")
    assert services.source_poll_now(source=source) == []
    source.refresh_from_db()
    assert source.failure_count == 1 and source.last_error_code == "not_feed"
    assert "RSS/Atom" in source.last_error
    assert source.health == "warn" and source.is_active


def test_truncated_page_keeps_feed_summary_or_reports(world, fixture_server):
    source = make_source(world, fixture_server, "feeds/hanoimoi.atom")
    services.source_poll_now(source=source)
    truncated = Item.objects.get(url__contains="bi-cat")
    # trafilatura still reads the paragraphs before the cut; either way nothing else stopped
    assert truncated.stage == Item.Stage.INDEXED or truncated.error
    assert Item.objects.filter(stage=Item.Stage.INDEXED).count() >= 2


def test_sitemap_and_section_page(world, fixture_server):
    sitemap = make_source(world, fixture_server, "sitemap.xml", fmt=Source.Format.SITEMAP)
    assert len(services.source_poll_now(source=sitemap)) == 2
    section = make_source(world, fixture_server, "chuyen-muc.html", fmt=Source.Format.SECTION)
    ids = services.source_poll_now(source=section)
    urls = sorted(Item.objects.filter(pk__in=ids).values_list("url", flat=True))
    assert len(urls) == 2 and all(u.startswith(fixture_server.base) for u in urls)


def test_steps_are_restartable(world, fixture_server):
    source = make_source(world, fixture_server, "feeds/baophutho.rss")
    ids = pipeline.poll_source(source)  # discovered only, nothing processed yet
    item = Item.objects.get(pk=ids[0])
    assert item.stage == Item.Stage.DISCOVERED
    # Run the first three steps by hand, as a worker that died after normalising would have.
    for stage, step in pipeline.STEPS[:3]:
        pipeline.run_step(item, step)
        item.stage = stage
        item.save()
    hits_before = fixture_server.hits["/bai/xa-thanh-thuy-chuyen-doi-so.html"]
    pipeline.process_item(item.pk)
    item.refresh_from_db()
    assert item.stage == Item.Stage.INDEXED
    assert fixture_server.hits["/bai/xa-thanh-thuy-chuyen-doi-so.html"] == hits_before  # not fetched again
    bands = ItemBand.objects.filter(item=item).count()
    # Re-running a finished step changes nothing (no duplicated bands, matches or mentions).
    for _stage, step in pipeline.STEPS[3:]:
        pipeline.run_step(item, step)
    assert ItemBand.objects.filter(item=item).count() == bands
    assert ItemMatch.objects.filter(item=item).count() <= 1


def test_periodic_poll_one_bad_source_stops_nothing(world, fixture_server):
    from lantoa.monitoring.tasks import poll_due_sources

    bad = [make_source(world, fixture_server, p) for p in ("feeds/khong-phai-rss.rss", "vong-a", "sang-noi-bo")]
    good = make_source(world, fixture_server, "feeds/hanoimoi.atom")
    poll_due_sources.call_local()
    good.refresh_from_db()
    assert good.items_found == 3 and good.health == "ok"
    states = {s.url.rsplit("/", 1)[1]: (s.refresh_from_db(), s.last_error_code, s.is_active)[1:] for s in bad}
    assert states == {"khong-phai-rss.rss": ("not_feed", True), "vong-a": ("redirect_loop", False),
                      "sang-noi-bo": ("private_address", False)}
    assert Item.objects.filter(stage=Item.Stage.INDEXED).count() >= 2
    poll_due_sources.call_local()  # nothing is due again yet: no refetch, nothing ingested twice
    assert Item.objects.count() == 3


def test_same_item_processed_twice_at_once_is_written_once(world, monkeypatch):
    """The same item queued twice: the run that commits second rolls back instead of doubling its rows."""
    from lantoa.lib.monitoring import dedup
    from lantoa.lib.monitoring.extract import Entry
    from lantoa.monitoring.models import Kind

    make_watch(world)
    [item_id] = pipeline.ingest_entries(source=None, kind=Kind.PRESS, outlet="Báo Phú Thọ", entries=[
        Entry(url="https://bao.example.vn/bai/hai-lan.html", title="Xã Thanh Thủy chuyển đổi số",
                       summary="Xã Thanh Thủy, tỉnh Phú Thọ đẩy mạnh chuyển đổi số và dịch vụ công trực tuyến.")])
    Item.objects.filter(pk=item_id).update(needs_fetch=False, text="Xã Thanh Thủy, tỉnh Phú Thọ đẩy mạnh "
                                           "chuyển đổi số, hướng dẫn người dân dùng dịch vụ công trực tuyến.")
    real_index = pipeline.step_index
    calls = []

    def index_after_another_worker(item):
        if not calls:
            calls.append(item.pk)
            pipeline.process_item(item.pk)  # the other worker finishes the item while this one is computing
        return real_index(item)

    steps = [*pipeline.STEPS[:-1], (Item.Stage.INDEXED, index_after_another_worker)]
    monkeypatch.setattr(pipeline, "GROUPS", [steps[0:1], steps[1:]])
    result = pipeline.process_item(item_id)
    assert calls == [item_id]
    assert result is not None and result.stage == Item.Stage.INDEXED
    assert ItemBand.objects.filter(item_id=item_id).count() == dedup.BANDS
    assert ItemMatch.objects.filter(item_id=item_id).count() == 1
    assert AreaMention.objects.filter(item_id=item_id).count() == len(set(
        AreaMention.objects.filter(item_id=item_id).values_list("area_id", flat=True)))
    assert Story.objects.count() == 1 and Story.objects.get().item_count == 1


def test_an_item_loaded_for_the_pipeline_equals_the_orm_one(world):
    """The pipeline builds items from one plain query; every field must come back as the ORM gives it."""
    from lantoa.lib.monitoring.extract import Entry
    from lantoa.monitoring.models import Kind

    make_watch(world)
    [item_id] = pipeline.ingest_entries(source=None, kind=Kind.PRESS, outlet="Báo Phú Thọ", entries=[
        Entry(url="https://bao.example.vn/bai/nap.html", title="Xã Thanh Thủy chuyển đổi số",
              summary="Xã Thanh Thủy đẩy mạnh chuyển đổi số.", reach=1200)])
    Item.objects.filter(pk=item_id).update(needs_fetch=False, text="Hướng dẫn người dân dùng dịch vụ công.")
    for _ in range(2):  # before processing, and once indexed (dates, story, signature, tone score set)
        loaded, expected = pipeline._load(item_id), Item.objects.get(pk=item_id)
        assert loaded is not None and not loaded._state.adding
        for field in Item._meta.concrete_fields:
            assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
        assert loaded.published_at.tzinfo is not None
        pipeline.process_item(item_id)
    assert pipeline._load(10**9) is None


def _page_item(n: int, paragraphs: list[str], *, html: str = "") -> int:
    """An item whose page is stored as the fetch step leaves it."""
    import zlib

    from django.utils import timezone

    title = "Xã Thanh Thủy ra mắt tổ công nghệ số cộng đồng"
    html = html or (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}"
                    "</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    return Item.objects.create(
        outlet="Báo Phú Thọ", kind="press", url=f"https://bao.example.vn/bai/{n}.html", url_hash=f"lo-{n}",
        published_at=timezone.now(), raw=zlib.compress(html.encode()), raw_content_type="text/html; charset=utf-8",
        needs_fetch=False,
    ).pk


STORY = [
    "Ủy ban nhân dân xã Thanh Thủy, tỉnh Phú Thọ vừa ra mắt tổ công nghệ số cộng đồng ở tất cả các thôn, "
    "giúp người dân cài đặt VNeID và nộp hồ sơ dịch vụ công trực tuyến ngay tại nhà văn hoá.",
    "Theo lãnh đạo xã, sau một tháng đã có hơn 1.200 người được hướng dẫn, tỷ lệ hồ sơ trực tuyến của xã tăng "
    "từ 35% lên 72%, người cao tuổi được các đoàn viên thanh niên hỗ trợ tận tình từng bước.",
    "Thời gian tới, xã tiếp tục mở các lớp Bình dân học vụ số vào buổi tối để người lao động có thể tham gia.",
]


def test_a_batch_is_processed_as_each_item_alone_would_be(world):
    """process_items extracts the whole batch before analysing: the stored results must be the same as one
    item at a time, a near-copy later in the batch must join the earlier item's story, and an item that
    fails must stop none of the others."""
    make_watch(world)
    original = _page_item(1, STORY)
    broken = _page_item(0, [], html="<html><body>")  # truncated, and no feed summary to fall back on
    copy = _page_item(2, [*STORY, "(Theo Báo Phú Thọ)"])
    other = _page_item(3, ["Mưa lớn kéo dài khiến nhiều tuyến đường giao thông nông thôn ở huyện miền núi bị sạt "
                           "lở, chính quyền đã huy động lực lượng khắc phục hậu quả trong đêm."] * 3)
    results = pipeline.process_items([original, broken, copy, other])
    assert [r.pk if r else None for r in results] == [original, broken, copy, other]
    by_id = {item.pk: item for item in Item.objects.all()}
    assert by_id[broken].stage < Item.Stage.INDEXED and by_id[broken].error_code
    for pk in (original, copy, other):
        assert by_id[pk].stage == Item.Stage.INDEXED and by_id[pk].raw is None
    assert by_id[copy].story_id == by_id[original].story_id != by_id[other].story_id
    assert Story.objects.get(pk=by_id[original].story_id).item_count == 2
    assert ItemMatch.objects.filter(item_id=original).exists()
    assert AreaMention.objects.filter(item_id=original, area=world.commune).exists()

    # The same pages one at a time: the same stored fields, rows and story shape.
    alone = [_page_item(n, STORY if n == 11 else [*STORY, "(Theo Báo Phú Thọ)"]) for n in (11, 12)]
    for pk in alone:
        pipeline.process_item(pk)
    first, second = Item.objects.get(pk=alone[0]), Item.objects.get(pk=alone[1])
    for batch_item, single in ((by_id[original], first), (by_id[copy], second)):
        for name in ("text", "search_folded", "signature", "tone", "tone_score", "stage"):
            assert getattr(batch_item, name) == getattr(single, name), name
        assert (set(ItemMatch.objects.filter(item=batch_item).values_list("watch", "via"))
                == set(ItemMatch.objects.filter(item=single).values_list("watch", "via")))
        assert (set(AreaMention.objects.filter(item=batch_item).values_list("area", "ambiguous"))
                == set(AreaMention.objects.filter(item=single).values_list("area", "ambiguous")))
    assert first.story_id == second.story_id == by_id[original].story_id  # copies of the batch's story
    # Finished items run again are left as they are.
    pipeline.process_items([original, copy, *alone])
    assert Story.objects.get(pk=by_id[original].story_id).item_count == 4


def test_poll_queues_new_items_in_batches(world, fixture_server, settings, monkeypatch):
    settings.MONITORING_BATCH_SIZE = 2
    batches: list[list[int]] = []
    real = pipeline.process_items
    monkeypatch.setattr(pipeline, "process_items", lambda ids: batches.append(list(ids)) or real(ids))
    source = make_source(world, fixture_server, "feeds/baophutho.rss")
    new_ids = services.source_poll_now(source=source)
    assert sorted(i for b in batches for i in b) == sorted(new_ids) and [len(b) for b in batches] == [2, 1]
    assert all(i.stage == Item.Stage.INDEXED for i in Item.objects.filter(pk__in=new_ids))
