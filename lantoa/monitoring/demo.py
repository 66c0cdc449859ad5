"""Demo monitoring data: sources, items built from the fixture pages (no network), a story, a watch, a case.

Safe to run twice: sources and watches are found by name, items by canonical URL hash.
"""

from __future__ import annotations

import zlib
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from lantoa.lib.monitoring.dedup import url_hash
from lantoa.lib.monitoring.extract import Entry, parse_social_export
from lantoa.monitoring import conf, pipeline, services
from lantoa.monitoring.models import Case, Item, Kind, Source, Story, Watch
from lantoa.units.demo import demo_unit

FIXTURES = Path(settings.BASE_DIR).parent / "tests" / "fixtures" / "monitoring"
# (fixture page, outlet, address it stands for, days ago)
PAGES = [
    ("xa-thanh-thuy-chuyen-doi-so", "Báo Phú Thọ", "https://baophutho.vn/demo/xa-thanh-thuy-chuyen-doi-so.html", 6),
    ("xa-thanh-thuy-chuyen-doi-so-dang-lai", "Đài PT-TH Phú Thọ", "https://ptv.vn/demo/thanh-thuy-95-ho-so.html", 6),
    ("vinh-tuy-binh-dan-hoc-vu-so", "Báo Hà Nội Mới", "https://hanoimoi.vn/demo/vinh-tuy-bdhvs.html", 4),
    ("canh-giac-tin-don-thu-phi-vneid", "Báo Phú Thọ", "https://baophutho.vn/demo/tin-don-thu-phi-vneid.html", 2),
    ("canh-giac-tin-don-thu-phi-vneid-dang-lai", "Báo Công an Nhân dân", "https://cand.vn/demo/tin-don-vneid.html", 1),
    ("thoi-tiet-mien-bac-chuyen-lanh", "Báo Hà Nội Mới", "https://hanoimoi.vn/demo/thoi-tiet.html", 3),
]


def _source(unit_key: str, name: str, **fields: object) -> Source:
    unit = demo_unit(unit_key)
    source = Source.objects.filter(unit=unit, name=name).first()
    return source or Source.objects.create(unit=unit, name=name, **fields)


def load() -> list[str]:
    now = timezone.now()
    press = _source("vhxh_thanhthuy", "Báo Phú Thọ - Chuyển đổi số", outlet="Báo Phú Thọ", kind=Kind.PRESS,
                    format=Source.Format.FEED, url="https://baophutho.vn/rss/chuyen-doi-so.rss")
    _source("ubnd_vinhtuy", "Báo Hà Nội Mới - Đô thị", outlet="Báo Hà Nội Mới", kind=Kind.PRESS,
            format=Source.Format.FEED, url="https://hanoimoi.vn/rss/do-thi.rss")
    manual = _source("vhxh_thanhthuy", "Tin nhập tay", outlet="Nhập tay", kind=Kind.PRESS,
                     format=Source.Format.MANUAL)
    social = _source("vhxh_thanhthuy", "Trang UBND xã Thanh Thủy", outlet="Facebook", kind=Kind.SOCIAL,
                     format=Source.Format.EXPORT)
    watch = Watch.objects.filter(unit=press.unit, name="Chuyển đổi số và VNeID").first() or services.watch_save(
        unit=press.unit, name="Chuyển đổi số và VNeID",
        query='"chuyen doi so" OR vneid OR "dich vu cong" OR "binh dan hoc vu so"',
        description="Tuyên truyền chuyển đổi số, dịch vụ công trực tuyến, định danh điện tử VNeID và phong trào "
                    "Bình dân học vụ số trên địa bàn xã.",
    )
    lines = []
    if not FIXTURES.exists():
        return [f"Theo dõi: bỏ qua tin mẫu (không có {FIXTURES})."]
    created = 0
    for slug, outlet, url, days in PAGES:
        if Item.objects.filter(url_hash=url_hash(url)).exists():
            continue
        html = (FIXTURES / "bai" / f"{slug}.html").read_bytes()
        ids = pipeline.ingest_entries(source=manual, outlet=outlet, entries=[
            Entry(url=url, published=now - timedelta(days=days, hours=2))])
        # The page stands in for a fetch: stored as if just downloaded, then the normal pipeline runs.
        Item.objects.filter(pk__in=ids).update(raw=zlib.compress(html), raw_content_type="text/html; charset=utf-8")
        for item_id in ids:
            pipeline.process_item(item_id)
        created += len(ids)
    export = (FIXTURES / "social" / "trang-xa.csv").read_bytes()
    entries = parse_social_export(export, filename="trang-xa.csv", salt=conf.handle_salt())
    for offset, entry in enumerate(entries):
        entry.published = now - timedelta(days=2, hours=offset)
    new_social = pipeline.ingest_entries(source=social, entries=entries, kind=Kind.SOCIAL)
    for item_id in new_social:
        pipeline.process_item(item_id)
    lines.append(f"Theo dõi: {created} bài báo, {len(new_social)} bài mạng xã hội mẫu; chủ đề “{watch.name}”.")
    rumour = Item.objects.filter(url_hash=url_hash(PAGES[3][2])).select_related("story").first()
    if rumour and rumour.story_id and not Case.objects.filter(story_id=rumour.story_id).exists():
        case = services.case_open(unit=press.unit, claim="Tin đồn: phải nộp 200.000 đồng để cài đặt VNeID",
                                  story=Story.objects.get(pk=rumour.story_id), query='"thu phi" AND vneid')
        services.case_transition(case=case, status=Case.Status.VERIFYING)
        lines.append("Theo dõi: vụ việc “thu phí cài VNeID” đang xác minh.")
    return lines
