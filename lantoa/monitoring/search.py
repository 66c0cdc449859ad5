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


WINDOW = 3000


def _sqlite_recent_window(items: QuerySet[Item], node: Node | None, wanted: int) -> list[Item] | None:
    """Newest-first page on SQLite without materialising every FTS hit (a common word matches a third of
    a million items, and joining them all back to sort by date was the whole cost).

    FTS5 streams its newest rowids cheaply. Ids grow with discovery and an item is discovered after it is
    published, so the newest publications are almost always among the highest ids. The shortcut takes the
    WINDOW highest matching ids, sorts them by date, and then *proves* the answer: any match outside the
    window would have to be newer than the last item on the page, and the few items that new are checked
    against FTS directly. If one matches (a back-dated import, say), or the window is too small, it
    returns None and the caller runs the exact query. Returns None outside SQLite or without a query.
    """
    if node is None or connection.vendor != "sqlite" or wanted > WINDOW // 10:
        return None
    expression = to_fts5(node)
    if expression is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM monitoring_item_fts WHERE monitoring_item_fts MATCH %s "
                       "ORDER BY rowid DESC LIMIT %s", [expression, WINDOW])
        window = [row[0] for row in cursor.fetchall()]
    if not window:
        return []
    page = list(items.filter(pk__in=window).select_related("source").order_by("-published_at", "-id")[:wanted])
    if len(window) < WINDOW:
        return page  # the window holds every match: exact
    if len(page) < wanted:
        return None
    oldest_shown = page[-1].published_at
    newer_outside = list(
        Item.objects.filter(published_at__gt=oldest_shown, pk__lt=min(window)).values_list("pk", flat=True)[:500]
    )
    if len(newer_outside) == 500:
        return None
    if newer_outside:
        marks = ", ".join(["%s"] * len(newer_outside))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM monitoring_item_fts WHERE monitoring_item_fts MATCH %s "
                           f"AND rowid IN ({marks}) LIMIT 1", [expression, *newer_outside])
            if cursor.fetchone():
                return None
    return page


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
    page = _sqlite_recent_window(items, node, offset + limit)
    if page is None:
        page = list(items.select_related("source").order_by("-published_at", "-id")[offset:offset + limit])
    else:
        page = page[offset:offset + limit]
    # Counting every hit of a common word in a million items costs more than the page itself: cap it.
    if not (len(page) == limit or offset):
        counted = len(page)
    elif node is not None and connection.vendor == "sqlite" and filters == Filters() and to_fts5(node):
        # Without filters FTS5 counts its own matches in C, far cheaper than joining them back to the items
        # (only indexed items have search text, so the count is exact).
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM monitoring_item_fts WHERE monitoring_item_fts MATCH %s",
                           [to_fts5(node)])
            counted = int(cursor.fetchone()[0])
    else:
        counted = len(items.order_by().values("pk")[:COUNT_CAP + 1])
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
