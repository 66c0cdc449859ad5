from __future__ import annotations

from typing import Any

from lantoa.monitoring import services
from lantoa.monitoring.models import Kind, Source, Watch
from tests.conftest import World
from tests.monitoring.server import FixtureServer


def make_source(world: World, server: FixtureServer, path: str, *, fmt: str = Source.Format.FEED,
                outlet: str = "Báo Phú Thọ", kind: str = Kind.PRESS, **extra: Any) -> Source:
    return services.source_save(unit=world.unit, name=f"Nguồn {path}", outlet=outlet, kind=kind, format=fmt,
                                url=server.url(path) if path else "", **extra)


def make_watch(world: World, name: str = "Chuyển đổi số", query: str = '"chuyen doi so" OR vneid OR "dich vu cong"',
               description: str = "", **extra: Any) -> Watch:
    return services.watch_save(unit=world.unit, name=name, query=query, description=description, **extra)


def manual_source(world: World) -> Source:
    return services.source_save(unit=world.unit, name="Nhập tay", outlet="Nhập tay", kind=Kind.PRESS,
                                format=Source.Format.MANUAL)


_counter = iter(range(1, 10**9))


def make_item(source: Source, title: str, text: str, **fields: Any) -> Any:
    """An item through the whole pipeline without a fetch (text given), optionally with fields overridden."""
    from lantoa.monitoring.models import Item

    url = fields.pop("url", f"https://bao.example.vn/bai/{next(_counter)}.html")
    item = services.item_add_manual(source=source, url=url, title=title, text=text)
    if fields:
        Item.objects.filter(pk=item.pk).update(**fields)
        item.refresh_from_db()
    return item
