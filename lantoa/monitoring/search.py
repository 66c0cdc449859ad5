"""Tone-insensitive full-text search over items: one interface, SQLite FTS5 or PostgreSQL GIN underneath.

Both engines index ``Item.search_folded`` (folded in Python) and receive the query compiled from the same
parse tree (lantoa.lib.monitoring.query), so results agree between a laptop and a national install.
Filters are ordinary ORM filters; highlighting is done in Python on the original, accented text.

Results are newest first and the count stops at COUNT_CAP, so a common word must not cost a pass over all
of its hits. SQLite reads its FTS5 index in publication order (the rowid is a date key); PostgreSQL walks
the date index for a common word and asks the GIN index for a rare one. Both give the exact same page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from lantoa.areas.models import AdminArea
from lantoa.lib.monitoring.highlight import highlight
from lantoa.lib.monitoring.query import Node, QueryError, highlight_terms, parse, to_fts5, to_tsquery
from lantoa.lib.monitoring.textkey import fold_fast
from lantoa.monitoring.coverage import day_start
from lantoa.monitoring.models import AreaMention, Item, ItemMatch


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


# SQLite: the FTS5 rowid is a search key, (seconds of published_at since 2000) * 2**32 + item id (migration
# 0004_search_publication_order); it grows with (published_at, id) except within one second.
FTS_TABLE = "monitoring_item_fts_by_date"
ID_BITS = 32
EPOCH_2000 = 946_684_800


def _fts5_expression(node: Node) -> str:
    expression = to_fts5(node)
    if expression is None:
        raise QueryError("truy vấn cần ít nhất một từ khoá không bị loại trừ")
    return expression


def _fts_joined(items: QuerySet[Item], expression: str, *, lowest_key: int | None = None,
                below_key: int | None = None) -> QuerySet[Item]:
    """``items`` joined to their FTS rows, the search key selected as ``search_key``. With FTS5 as the outer
    loop, ordering by the key or stopping at a LIMIT reads only as many matches as it needs."""
    where = [f"{FTS_TABLE} MATCH %s", f"monitoring_item.id = ({FTS_TABLE}.rowid & {(1 << ID_BITS) - 1})"]
    params: list[object] = [expression]
    if lowest_key is not None:
        where.append(f"{FTS_TABLE}.rowid >= %s")
        params.append(lowest_key)
    if below_key is not None:
        where.append(f"{FTS_TABLE}.rowid < %s")
        params.append(below_key)
    return items.extra(select={"search_key": f"{FTS_TABLE}.rowid"}, tables=[FTS_TABLE], where=where, params=params)


def _key_second(moment: datetime) -> int:
    """The seconds part of the search key, as the migration's triggers compute it."""
    return max(-(2**31), min(2**31 - 1, int(moment.timestamp()) - EPOCH_2000))


def _date_bounds(filters: Filters) -> tuple[datetime | None, datetime | None]:
    """[start, end) of the filter's dates as aware datetimes (whole days in the current time zone)."""
    start = day_start(filters.start) if filters.start else None
    end = day_start(filters.end + timedelta(days=1)) if filters.end else None
    return start, end


def apply_filters(items: QuerySet[Item], filters: Filters) -> QuerySet[Item]:
    start, end = _date_bounds(filters)
    if start:
        items = items.filter(published_at__gte=start)
    if end:
        items = items.filter(published_at__lt=end)
    if filters.source_id:
        items = items.filter(source_id=filters.source_id)
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.tone:
        items = items.filter(tone=filters.tone)
    # EXISTS rather than a join: no duplicate rows to remove with DISTINCT, so a newest-first walk can stop
    # at the first page instead of collecting and de-duplicating every match.
    if filters.watch_id:
        items = items.filter(Exists(ItemMatch.objects.filter(item=OuterRef("pk"), watch_id=filters.watch_id)))
    if filters.area is not None:
        areas = AdminArea.objects.within(filters.area).values("pk")
        items = items.filter(Exists(AreaMention.objects.filter(item=OuterRef("pk"), area__in=areas)))
    return items


def _sqlite_page(items: QuerySet[Item], node: Node, filters: Filters, offset: int,
                 limit: int) -> tuple[list[Item], int]:
    """One page newest first and the hit count up to COUNT_CAP + 1, reading matches in search-key order.

    The keys of the newest ``offset + limit`` matches (and of the rest up to the count cap, in the same
    pass) come from FTS5 without touching the dates. Keys order whole seconds exactly, so every match newer
    than the oldest of those keys lies in or above that key's second: the page is sorted by (published_at,
    id) among the matches from that second on, which holds the wanted ones and whatever shares their
    second, and is exact whatever order the items were stored in.
    """
    expression = _fts5_expression(node)
    start, end = _date_bounds(filters)
    lowest = _key_second(start) << ID_BITS if start else None
    below = (_key_second(end) + 1) << ID_BITS if end else None  # a whole second more: never too narrow
    matches = _fts_joined(items, expression, lowest_key=lowest, below_key=below)
    wanted = offset + limit
    newest = matches.order_by("-search_key").values_list("search_key", flat=True)  # type: ignore[misc]  # an extra() select
    keys = list(newest[:max(wanted, COUNT_CAP + 1)])
    if not keys[offset:wanted]:
        return [], len(keys)
    page_from = (keys[:wanted][-1] >> ID_BITS) << ID_BITS
    page = _fts_joined(items, expression, lowest_key=page_from, below_key=below)
    return list(page.select_related("source").order_by("-published_at", "-id")[offset:wanted]), len(keys)


# PostgreSQL: the newest rows passing the filters are tested against the query one by one before the GIN
# index is asked: first PROBE_ROWS of them, then, if the hits among those promise enough, up to WALK_ROWS.
PROBE_ROWS = 1_000
WALK_ROWS = 40_000


def _postgres_recent_sql(items: QuerySet[Item], tsquery: str, rows: int) -> tuple[str, tuple[Any, ...]]:
    """SQL for the newest ``rows`` filtered items as (id, published_at, hit). Used as a subquery, its LIMIT
    is a fence: the text test cannot be pushed into it, so the planner walks the date index and tests each
    row instead of switching to the GIN index, which is the point."""
    recent = items.order_by("-published_at", "-id").extra(
        select={"hit": "monitoring_item.search_tsv @@ to_tsquery('simple', %s)"}, select_params=[tsquery],
    ).values_list("id", "published_at", "hit")[:rows]
    sql, params = recent.query.sql_with_params()
    return sql, tuple(params)


def _postgres_probe(items: QuerySet[Item], tsquery: str) -> tuple[int, list[int]]:
    """How many of the newest PROBE_ROWS filtered items there are, and the hits among them, newest first."""
    sql, params = _postgres_recent_sql(items, tsquery, PROBE_ROWS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), array_agg(recent.id ORDER BY recent.published_at DESC, recent.id DESC) "
                       f"FILTER (WHERE recent.hit) FROM ({sql}) recent", params)
        read, hits = cursor.fetchone()
    return read, hits or []


def _postgres_walk(items: QuerySet[Item], tsquery: str, needed: int) -> list[int]:
    """The newest ``needed`` hits among the newest WALK_ROWS filtered items (fewer if they hold fewer)."""
    sql, params = _postgres_recent_sql(items, tsquery, WALK_ROWS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT recent.id FROM ({sql}) recent WHERE recent.hit "
                       f"ORDER BY recent.published_at DESC, recent.id DESC LIMIT %s", [*params, needed])
        return [row[0] for row in cursor.fetchall()]


def _postgres_indexed(items: QuerySet[Item], tsquery: str, needed: int) -> list[int]:
    """Ids of the newest ``needed`` hits through the GIN index: every hit is gathered, then sorted.

    OFFSET 0 fences the planner off walking the date index with the test on every row, which it does when
    it guesses that a word it has no statistics for is common: a word in no item then read all of them.
    """
    # A plain WHERE on the same table (no self-join), over the stored tsvector so a recheck does not
    # recompute it.
    matching = items.extra(where=["monitoring_item.search_tsv @@ to_tsquery('simple', %s)"],
                           params=[tsquery]).order_by().values_list("id", "published_at")
    sql, params = matching.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT hits.id FROM ({sql} OFFSET 0) hits "
                       f"ORDER BY hits.published_at DESC, hits.id DESC LIMIT %s", [*params, needed])
        return [row[0] for row in cursor.fetchall()]


def _postgres_page(items: QuerySet[Item], node: Node, offset: int, limit: int) -> tuple[list[Item], int]:
    """One page newest first and the hit count up to COUNT_CAP + 1, from the date index or the GIN index.

    The GIN index answers "which items match" but not in date order: for a common word it gathers and
    rechecks hundreds of thousands of rows before the 20 newest are known. Walking the date index stops
    as soon as the count cap is reached, which for a common word is a few thousand rows, but reads every
    item for a rare one. The planner cannot tell the two apart (its estimates for phrases, for filters on
    top of them and for unseen words are off by orders of magnitude), so a probe of the newest items does.
    """
    wanted = offset + limit
    needed = max(wanted, COUNT_CAP + 1)
    tsquery = to_tsquery(node)
    read, ids = _postgres_probe(items, tsquery)
    if read == PROBE_ROWS and len(ids) < needed:  # fewer rows read: the probe saw every filtered item
        if ids and needed * PROBE_ROWS / len(ids) * 1.25 <= WALK_ROWS:
            ids = _postgres_walk(items, tsquery, needed)
        if len(ids) < needed:
            ids = _postgres_indexed(items, tsquery, needed)
    ids = ids[:needed]
    shown = ids[offset:wanted]
    page = {item.pk: item for item in Item.objects.filter(pk__in=shown).select_related("source")}
    return [page[pk] for pk in shown], len(ids)


def search_items(*, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0,
                 snippets: bool = True) -> Result:
    """Newest first. Raises QueryError for a query that cannot be parsed (the view shows its message)."""
    filters = filters or Filters()
    items: QuerySet[Item] = apply_filters(Item.objects.indexed(), filters)
    node = parse(query) if query.strip() else None
    if node is not None and connection.vendor == "postgresql":
        page, counted = _postgres_page(items, node, offset, limit)
    elif node is not None:
        page, counted = _sqlite_page(items, node, filters, offset, limit)
    else:
        page = list(items.select_related("source").order_by("-published_at", "-id")[offset:offset + limit])
        # Counting every hit of a common word in a million items costs more than the page itself: cap it.
        counted = (len(items.order_by().values("pk")[:COUNT_CAP + 1]) if len(page) == limit or offset
                   else len(page))
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
