"""Tone-insensitive full-text search over items: one interface, SQLite FTS5 or PostgreSQL GIN underneath.

Both engines index ``Item.search_folded`` (folded in Python) and receive the query compiled from the same
parse tree (lantoa.lib.monitoring.query), so results agree between a laptop and a national install.
Filters are ordinary ORM filters; highlighting is done in Python on the original, accented text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from lantoa.areas.models import AdminArea
from lantoa.lib.monitoring.highlight import highlight
from lantoa.lib.monitoring.query import Node, QueryError, highlight_terms, parse, to_fts5, to_tsquery
from lantoa.lib.monitoring.textkey import fold_fast
from lantoa.monitoring.models import Item


@dataclass
class Filters:
    start: date | None = None
    end: date | None = None
    source_id: int | None = None
    kind: str = ""
    watch_id: int | None = None
    tone: str = ""
    area: AdminArea | None = None


@dataclass
class Hit:
    item: Item
    snippet: str
    title: str


@dataclass
class Result:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    total_capped: bool = False
    node: Node | None = None


COUNT_CAP = 1000


def full_text(items: QuerySet[Item], node: Node) -> QuerySet[Item]:
    """Restrict ``items`` to those whose folded text matches ``node`` (raises QueryError)."""
    if connection.vendor == "postgresql":
        # A plain WHERE on the same table (no self-join) lets the planner choose between the GIN index and
        # walking published_at newest-first, with the stored tsvector making each recheck cheap.
        return items.extra(where=["monitoring_item.search_tsv @@ to_tsquery('simple', %s)"],
                           params=[to_tsquery(node)])
    expression = to_fts5(node)
    if expression is None:
        raise QueryError("truy vấn cần ít nhất một từ khoá không bị loại trừ")
    return items.filter(pk__in=RawSQL(
        "SELECT rowid FROM monitoring_item_fts WHERE monitoring_item_fts MATCH %s", [expression]))


def apply_filters(items: QuerySet[Item], filters: Filters) -> QuerySet[Item]:
    tz = timezone.get_current_timezone()
    if filters.start:
        items = items.filter(published_at__gte=timezone.make_aware(datetime.combine(filters.start, time.min), tz))
    if filters.end:
        end = timezone.make_aware(datetime.combine(filters.end + timedelta(days=1), time.min), tz)
        items = items.filter(published_at__lt=end)
    if filters.source_id:
        items = items.filter(source_id=filters.source_id)
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.tone:
        items = items.filter(tone=filters.tone)
    if filters.watch_id:
        items = items.filter(matches__watch_id=filters.watch_id)
    if filters.area is not None:
        areas = AdminArea.objects.within(filters.area).values("pk")
        items = items.filter(area_mentions__area__in=areas)
    return items


def search_items(*, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0,
                 snippets: bool = True) -> Result:
    """Newest first. Raises QueryError for a query that cannot be parsed (the view shows its message)."""
    filters = filters or Filters()
    items: QuerySet[Item] = Item.objects.indexed()
    node = None
    if query.strip():
        node = parse(query)
        items = full_text(items, node)
    items = apply_filters(items, filters).distinct() if (filters.watch_id or filters.area) else apply_filters(
        items, filters)
    page = list(items.select_related("source").order_by("-published_at", "-id")[offset:offset + limit])
    # Counting every hit of a common word in a million items costs more than the page itself: cap it.
    counted = len(items.order_by().values("pk")[:COUNT_CAP + 1]) if len(page) == limit or offset else len(page)
    result = Result(total=min(counted, COUNT_CAP), total_capped=counted > COUNT_CAP, node=node)
    terms = highlight_terms(node) if node is not None else []
    for item in page:
        snippet = highlight(item.display_text, terms, limit=320) if snippets else ""
        result.hits.append(Hit(item=item, snippet=snippet, title=highlight(item.title, terms)))
    return result


def suggestion(query: str) -> str:
    """A "did you mean" for a query that found nothing: OCR-style garble repaired by the text core
    (``lantoa.lib.vn.repair_text``: "chuyén dbi s6" → "chuyển đổi số"), offered only when it finds items.
    The text core is optional; without it there is simply no suggestion."""
    try:
        from lantoa.lib.vn import repair_text
    except ImportError:
        return ""
    try:
        repaired = repair_text(query)
    except Exception:  # another engineer's model: never let it break the search page
        return ""
    if not repaired or fold_fast(repaired) == fold_fast(query):
        return ""
    try:
        return repaired if search_items(query=repaired, limit=1, snippets=False).hits else ""
    except QueryError:
        return ""
