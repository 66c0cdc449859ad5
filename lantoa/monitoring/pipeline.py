"""The ingest pipeline: fetch → extract → normalise → dedup → relevance → tone → areas → index.

Each step reads what the previous one stored on the item and records ``Item.stage`` when it is done; steps
commit in two groups (fetch; extract and analysis), so a worker that dies mid-item resumes at the first step
of the group that did not commit, and since every step is idempotent nothing is applied twice. The source
poll writes one row per canonical URL hash: a URL seen again (in another feed, a sitemap or an export) is
never ingested twice.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import timedelta
from typing import Any

import numpy as np
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, Min, Model, Sum
from django.utils import timezone

from lantoa.areas.models import AdminArea
from lantoa.lib.monitoring import dedup, embed, tone
from lantoa.lib.monitoring.areas import AreaMatcher, AreaRef, normalise_text
from lantoa.lib.monitoring.extract import Entry, ExtractError, extract_article, parse_feed, parse_section, parse_sitemap
from lantoa.lib.monitoring.fetch import FetchError
from lantoa.lib.monitoring.query import Document, Node, QueryError, first_words, parse, spans
from lantoa.lib.monitoring.textkey import fold_fast
from lantoa.monitoring import conf
from lantoa.monitoring.http import error_message, get_fetcher
from lantoa.monitoring.models import AreaMention, Item, ItemBand, ItemMatch, Kind, Source, Story, Watch

log = logging.getLogger(__name__)
S = Item.Stage
MAX_ATTEMPTS = 3


# -- source polling ----------------------------------------------------------------------------------
def poll_source(source: Source) -> list[int]:
    """Fetch one feed/sitemap/section page, store its new entries, record health. Returns new item ids."""
    if source.format not in Source.POLLED_FORMATS:
        return []
    now = timezone.now()
    source.last_attempt_at = now
    if not source.url:
        record_failure(source, code="no_url")
        return []
    try:
        result = get_fetcher().get(source.url, etag=source.etag, last_modified=source.last_modified,
                                   previous_hash=source.content_hash)
        entries: list[Entry] = []
        warning = ""
        if not result.not_modified:
            if source.format == Source.Format.FEED:
                entries, warning = parse_feed(result.content, base_url=result.url, content_type=result.content_type)
            elif source.format == Source.Format.SITEMAP:
                entries = parse_sitemap(result.content)
            else:
                entries = parse_section(result.content, base_url=result.url, content_type=result.content_type)
    except (FetchError, ExtractError) as exc:
        record_failure(source, code=exc.code, detail=exc.detail)
        return []
    new_ids = ingest_entries(source=source, entries=entries)
    source.etag = result.etag or source.etag
    source.last_modified = result.last_modified or source.last_modified
    source.content_hash = result.content_hash or source.content_hash
    record_success(source, new_items=len(new_ids), warning=warning)
    return new_ids


def record_success(source: Source, *, new_items: int = 0, warning: str = "") -> None:
    now = timezone.now()
    source.last_success_at = now
    source.failure_count = 0
    source.last_error_code = "not_feed_warning" if warning else ""
    source.last_error = f"Nguồn có lỗi định dạng nhưng vẫn đọc được: {warning}" if warning else ""
    source.items_found += new_items
    source.next_poll_at = now + timedelta(minutes=source.poll_minutes)
    source.save()


# Errors a retry cannot fix: pause at once instead of knocking eight more times.
PERMANENT = {"scheme", "private_address", "robots", "redirect_loop", "no_url"}


def record_failure(source: Source, *, code: str, detail: str = "") -> None:
    """Failure-weighted backoff: the poll interval doubles with each consecutive failure (capped at a week);
    after MONITORING_DISABLE_AFTER failures, or at once for a permanent error, the source is paused with a
    visible reason."""
    now = timezone.now()
    source.last_attempt_at = now
    source.failure_count += 1
    source.last_error_code = code
    source.last_error = error_message(code, detail)
    delay = min(source.poll_minutes * 2 ** min(source.failure_count, 10), 7 * 24 * 60)
    source.next_poll_at = now + timedelta(minutes=delay)
    if code in PERMANENT or source.failure_count >= conf.get("MONITORING_DISABLE_AFTER"):
        source.is_active = False
        source.disabled_reason = source.last_error
    source.save()


def ingest_entries(*, source: Source | None, entries: Iterable[Entry], kind: str | None = None,
                   outlet: str | None = None, note: str = "") -> list[int]:
    """Create one item per new canonical URL; entries already known are skipped, whoever found them."""
    kind = kind or (source.kind if source else Kind.PRESS)
    social = kind == Kind.SOCIAL
    by_hash: dict[str, Entry] = {}
    for entry in entries:
        by_hash.setdefault(dedup.url_hash(entry.url), entry)
    if not by_hash:
        return []
    known = set(Item.objects.filter(url_hash__in=list(by_hash)).values_list("url_hash", flat=True))
    now = timezone.now()
    new_ids = []
    for key, entry in by_hash.items():
        if key in known:
            continue
        item = Item(
            source=source, outlet=outlet or (source.outlet if source else ""), kind=kind,
            # Social permalinks often carry a person's handle; only their hash (url_hash) is kept.
            url="" if social else entry.url[:1000], url_hash=key, title=entry.title[:500],
            summary=entry.summary, text=entry.summary if social else "", note=note,
            published_at=entry.published or now, reach=entry.reach, handle_hash=entry.handle_hash,
            needs_fetch=not social and source is not None and source.format != Source.Format.EXPORT,
        )
        try:
            with transaction.atomic():
                item.save()
        except IntegrityError:  # another worker stored the same URL a moment ago
            continue
        new_ids.append(item.pk)
    return new_ids


# -- per-item steps --------------------------------------------------------------------------------
# A step works on the item in memory (CPU, reads) and returns the database writes it needs, run later
# inside the group's transaction. On SQLite the write lock is then held for milliseconds of writing rather
# than for the extraction and analysis: two workers no longer queue behind each other's CPU work.
Writes = list[Callable[[], None]] | None


def run_step(item: Item, step: Callable[[Item], Writes]) -> None:
    """Run one step and its writes at once (tests, one-off repairs)."""
    for write in step(item) or []:
        write()


class StepError(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def step_fetch(item: Item) -> Writes:
    if not item.needs_fetch or item.raw:
        return None
    try:
        result = get_fetcher().get(item.url)
    except FetchError as exc:
        raise StepError(exc.code, exc.detail) from exc
    item.raw = zlib.compress(result.content, 1)
    item.raw_content_type = result.content_type[:200]
    return None


def step_extract(item: Item) -> Writes:
    if not item.raw:
        return None
    try:
        article = extract_article(zlib.decompress(bytes(item.raw)), url=item.url, content_type=item.raw_content_type)
    except ExtractError as exc:
        if not item.summary:
            raise StepError(exc.code, exc.detail) from exc
        # Truncated or odd page, but the feed gave a summary: keep the summary rather than lose the item.
        item.text = item.summary
        item.error_code, item.error = exc.code, error_message(exc.code)
    else:
        item.title = article.title or item.title
        item.text = article.text
        if article.published and (item.published_at is None or abs(item.published_at - item.discovered_at)
                                  < timedelta(minutes=1)):
            item.published_at = article.published
    item.raw = None
    return None


def step_normalise(item: Item) -> Writes:
    item.title = normalise_text(item.title)[:500]
    item.summary = normalise_text(item.summary)
    item.text = normalise_text(item.text)
    return None


def _story_tone(story: Story) -> str:
    counts = dict(story.items.exclude(tone="").values_list("tone").annotate(n=Count("id")).values_list("tone", "n"))
    if not counts:
        return ""
    top = max(counts.values())
    for choice in ("neg", "pos", "neu"):  # ties lean negative: those are the ones someone must look at
        if counts.get(choice) == top:
            return choice
    return ""


def refresh_story(story: Story) -> None:
    totals = story.items.aggregate(n=Count("id"), reach=Sum("reach"), first=Min("published_at"),
                                   last=Max("published_at"))
    story.item_count = totals["n"] or 0
    story.reach = (totals["reach"] or 0) + story.item_count
    if totals["first"]:
        story.first_seen_at, story.last_seen_at = totals["first"], totals["last"]
    story.tone = _story_tone(story)
    story.save()


def _insert_rows(model: type[Model], fields: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Plain INSERTs of an item's band, match or mention rows. bulk_create built a model instance per row and
    cost ten times the insert itself; these models have no signals, defaults or save() logic to skip."""
    if not rows:
        return
    quote = connection.ops.quote_name
    concrete = {field.name: field.column for field in model._meta.concrete_fields}
    columns = ", ".join(quote(concrete[name]) for name in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})", rows)


def _insert_story(**values: Any) -> int:
    """INSERT … RETURNING id of a new story (most items start one). Story.objects.create built and saved a
    model instance through the full save() machinery: a third of a millisecond an item, for one row."""
    quote = connection.ops.quote_name
    by_name = {field.name: field for field in Story._meta.concrete_fields}
    fields = [by_name[name] for name in values]
    columns = ", ".join(quote(field.column) for field in fields)
    params = [field.get_db_prep_save(values[field.name], connection) for field in fields]
    sql = (f"INSERT INTO {quote(Story._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))}) "
           f"RETURNING {quote(Story._meta.pk.column)}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def _fresh(item: Item) -> bool:
    """True when no step after normalising has ever committed for this item, so it has no bands, matches or
    mentions to replace: they are only ever written in the transaction that records the step's stage."""
    return getattr(item, "_committed_stage", S.INDEXED) < S.DEDUPED


def _story_totals(item: Item) -> tuple[object, ...]:
    return (item.story_id, item.tone, item.reach, item.published_at)


def _candidates(item_id: int, keys: list[int]) -> list[tuple[Any, int]]:
    """(signature, story id) of the 50 latest items in a story sharing a band key with this one.

    Plain SQL: the ORM spent longer building this query, once per item, than the database running it.
    """
    quote = connection.ops.quote_name
    item_table, band_table = quote(Item._meta.db_table), quote(ItemBand._meta.db_table)
    sql = (
        f"SELECT DISTINCT i.id, i.signature, i.story_id, i.published_at FROM {item_table} i "
        f"JOIN {band_table} b ON b.item_id = i.id "
        f"WHERE b.key IN ({', '.join(['%s'] * len(keys))}) AND i.story_id IS NOT NULL AND i.id <> %s "
        "ORDER BY i.published_at DESC, i.id DESC LIMIT 50"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*keys, item_id])
        return [(signature, story_id) for _id, signature, story_id, _published in cursor.fetchall()]


def step_dedup(item: Item) -> Writes:
    sig = dedup.signature(f"{item.title}\n{item.text}")
    keys = dedup.band_keys(sig)
    item.signature = sig.tobytes()
    new_story = False
    if item.story_id is None:
        best, best_story = 0.0, None
        for other_sig, story_id in _candidates(item.pk, keys):
            if other_sig:
                score = dedup.similarity(sig, bytes(other_sig))
                if score > best:
                    best, best_story = score, story_id
        if best_story is not None and best >= dedup.THRESHOLD:
            item.story_id = best_story
        else:
            new_story = True

    def write() -> None:
        if new_story:
            # Writes run after the whole group, so the item's tone, reach and date are final here: the story
            # starts with the totals refresh_story would compute for its one item, and step_index need not
            # read them back (three queries per new story).
            item.story_id = _insert_story(
                title=item.title[:500] or item.url[:500], first_seen_at=item.published_at,
                last_seen_at=item.published_at, item_count=1, reach=item.reach + 1, tone=item.tone,
            )
            item._story_totals = _story_totals(item)  # type: ignore[attr-defined]
        if not _fresh(item):
            ItemBand.objects.filter(item=item).delete()
        _insert_rows(ItemBand, ("item", "key"), [(item.pk, k) for k in keys])

    return [write]


# Watches and parsed queries are cached per process for a short while: a worker handles thousands of items
# a minute and watches change a few times a day.
_cache_lock = threading.Lock()
_watch_cache: tuple[float, list[tuple[Watch, Node | None, np.ndarray | None]]] | None = None
_area_cache: tuple[float, int, AreaMatcher] | None = None
CACHE_SECONDS = 60.0


def clear_caches() -> None:
    global _watch_cache, _area_cache
    with _cache_lock:
        _watch_cache = None
        _area_cache = None


def active_watches() -> list[tuple[Watch, Node | None, np.ndarray | None]]:
    global _watch_cache
    with _cache_lock:
        if _watch_cache is None or _watch_cache[0] < time.monotonic() - CACHE_SECONDS:
            compiled = []
            for watch in Watch.objects.filter(is_active=True).select_related("unit"):
                node = None
                if watch.query.strip():
                    try:
                        node = parse(watch.query)
                    except QueryError:
                        node = None
                compiled.append((watch, node, embed.from_bytes(watch.embedding)))
            _watch_cache = (time.monotonic(), compiled)
        return _watch_cache[1]


def embeddings_enabled() -> bool:
    return bool(conf.get("MONITORING_EMBEDDINGS"))


def item_embedding(item: Item) -> np.ndarray | None:
    if not embeddings_enabled():
        return None
    existing = embed.from_bytes(item.embedding)
    if existing is not None:
        return existing
    lead = item.summary or item.text[:200]
    vector = embed.passages([f"{item.title}. {lead}"])[0]
    item.embedding = embed.to_bytes(vector)
    return vector


def searchable_text(item: Item) -> str:
    """Title, summary (unless the text already contains it) and text, for matching and indexing."""
    summary = item.summary if item.summary and item.summary[:200] not in item.text else ""
    return "\n".join(part for part in (item.title, summary, item.text) if part)


@functools.lru_cache(maxsize=4)
def _watch_vocabulary(nodes: tuple[Node | None, ...]) -> frozenset[str]:
    return frozenset().union(*(first_words(node) for node in nodes if node is not None))


def step_relevance(item: Item) -> Writes:
    watches = active_watches()
    doc = Document(searchable_text(item), vocabulary=_watch_vocabulary(tuple(node for _, node, _ in watches)))
    vector = item_embedding(item)
    threshold = conf.get("MONITORING_SEMANTIC_THRESHOLD")
    found: list[tuple[Any, ...]] = []
    for watch, node, watch_vector in watches:
        if node is not None and spans(node, doc) is not None:
            found.append((item.pk, watch.pk, ItemMatch.Via.QUERY.value, 1.0))
        elif vector is not None and watch_vector is not None:
            score = float(vector @ watch_vector)
            if score >= threshold:
                found.append((item.pk, watch.pk, ItemMatch.Via.SEMANTIC.value, score))

    def write() -> None:
        if not _fresh(item):
            ItemMatch.objects.filter(item=item).delete()
        _insert_rows(ItemMatch, ("item", "watch", "via", "score"), found)

    return [write]


def step_tone(item: Item) -> Writes:
    vector = item_embedding(item)
    text = f"{item.title}. {item.summary or item.text[:1000]}"
    label, score = tone.classify([text], None if vector is None else vector.reshape(1, -1))[0]
    item.tone, item.tone_score = label, score
    return None


def area_matcher() -> AreaMatcher:
    global _area_cache
    with _cache_lock:
        if _area_cache is not None and _area_cache[0] > time.monotonic() - CACHE_SECONDS:
            return _area_cache[2]
        count = AdminArea.objects.current().count()
        if _area_cache is None or _area_cache[1] != count or _area_cache[0] < time.monotonic() - 600:
            refs = [
                AreaRef(id=a.pk, name=a.name, level=a.level, province_id=a.province_id)
                for a in AdminArea.objects.current().exclude(level=AdminArea.Level.NATIONAL)
            ]
            _area_cache = (time.monotonic(), count, AreaMatcher(refs))
        else:
            _area_cache = (time.monotonic(), count, _area_cache[2])
        return _area_cache[2]


def step_areas(item: Item) -> Writes:
    mentions = area_matcher().find(searchable_text(item))

    def write() -> None:
        if not _fresh(item):
            AreaMention.objects.filter(item=item).delete()
        _insert_rows(AreaMention, ("item", "area", "ambiguous"), [(item.pk, m.area_id, m.ambiguous) for m in mentions])

    return [write]


def step_index(item: Item) -> Writes:
    # Title twice: a word in the headline is worth more than one deep in the body for ranking. Folded in
    # parts (equal to folding the joined text) so the body's fold, cached from the earlier steps, is reused.
    item.search_folded = " ".join(p for p in (fold_fast(item.title), fold_fast(searchable_text(item))) if p)

    def write() -> None:
        if item.story_id and getattr(item, "_story_totals", None) == _story_totals(item):
            return  # the story was created by this item in this group with its totals already right
        if item.story_id:
            # The group's save comes last; the story's totals read the row, so write their inputs now.
            Item.objects.filter(pk=item.pk).update(story_id=item.story_id, tone=item.tone, reach=item.reach,
                                                   published_at=item.published_at)
            refresh_story(item.story)  # type: ignore[arg-type]

    return [write]


def _snapshot(item: Item) -> dict[str, object]:
    return {f.attname: getattr(item, f.attname) for f in Item._meta.concrete_fields if not f.primary_key}


def _changed(before: dict[str, object], item: Item) -> list[str]:
    return [name for name, value in _snapshot(item).items() if before.get(name) != value]


STEPS: list[tuple[int, Callable[[Item], Writes]]] = [
    (S.FETCHED, step_fetch), (S.EXTRACTED, step_extract), (S.NORMALISED, step_normalise),
    (S.DEDUPED, step_dedup), (S.RELEVANCE, step_relevance), (S.TONE, step_tone), (S.AREAS, step_areas),
    (S.INDEXED, step_index),
]


# Commit points: after the fetch (network work worth keeping), then after extraction and analysis together.
# Each step is idempotent, so a crash inside a group rolls the group back and the next run repeats it from
# its start (the page is still stored until the group commits). A commit of its own for extraction wrote the
# text twice and cost more per item than all the analysis steps' matching; a crash in analysis is a bug,
# rarer than the ~15 ms of extraction it would make a retry repeat.
GROUPS = [STEPS[0:1], STEPS[1:]]


@functools.cache
def _load_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in Item._meta.concrete_fields)
    return f"SELECT {columns} FROM {quote(Item._meta.db_table)} WHERE {quote(Item._meta.pk.column)} = %s"


@functools.cache
def _load_converters() -> list[tuple[Any, list[Callable[..., Any]]]]:
    """(column expression, converters) per concrete field, in ``_load_sql`` order: what the ORM would apply to
    each value (aware datetimes and decimals on SQLite, for instance)."""
    table = Item._meta.db_table
    return [
        # django-stubs leave out Field.get_db_converters, which every field has.
        (column, connection.ops.get_db_converters(column) + field.get_db_converters(connection))  # type: ignore[attr-defined]
        for field in Item._meta.concrete_fields
        for column in [field.get_col(table)]
    ]


def _load(item_id: int) -> Item | None:
    """The item, every column, built with ``Model.from_db`` as the ORM builds it. ``filter(pk=…).first()``
    spent ten times running the query on compiling it, and ``raw()`` still half its time on mapping columns
    it could have known in advance."""
    with connection.cursor() as cursor:
        cursor.execute(_load_sql(), [item_id])
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for index, (column, converters) in enumerate(_load_converters()):
        for convert in converters:
            values[index] = convert(values[index], column, connection)
    return Item.from_db(connection.alias, [field.attname for field in Item._meta.concrete_fields], values)


def _update(item: Item, names: list[str], committed: int) -> int:
    """``filter(pk=item.pk, stage=committed).update(<names>)`` in plain SQL, values prepared by each field as
    update() prepares them; compiling the ORM statement cost more than SQLite running it. Returns the rows
    changed: 0 when another worker moved the item on."""
    quote = connection.ops.quote_name
    by_attname = {field.attname: field for field in Item._meta.concrete_fields}
    fields = [by_attname[name] for name in names]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    params = [field.get_db_prep_save(getattr(item, field.attname), connection) for field in fields]
    sql = (f"UPDATE {quote(Item._meta.db_table)} SET {assignments} "
           f"WHERE {quote(Item._meta.pk.column)} = %s AND {quote(by_attname['stage'].column)} = %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, item.pk, committed])
        return cursor.rowcount


@contextlib.contextmanager
def erasing_freed_pages(erase: bool = True) -> Iterator[None]:
    """Have SQLite overwrite the pages freed inside this block. Connections run with secure_delete=FAST (see
    settings: a public page freed after extraction needs no erasing); social text does, whenever a write
    replaces or clears it, or its old bytes would outlive the retention purge in the file's free pages.
    PostgreSQL has no such switch: its dead rows are reclaimed by autovacuum (docs/privacy.md)."""
    if not erase or connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete=ON")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete=FAST")


class _Superseded(Exception):
    """Another worker committed this item's group first; this run's work is rolled back."""


class _Run:
    """One item on its way through the steps. ``advance`` may stop after a given stage, keeping the group's
    pending writes, and a later call resumes there: ``process_items`` extracts a whole batch before
    analysing any of it."""

    def __init__(self, item_id: int) -> None:
        self.item_id = item_id
        self.result = _load(item_id)
        self.finished = self.result is None or self.result.stage >= S.INDEXED
        if self.result is not None and not self.finished:
            self.result._committed_stage = self.result.stage  # type: ignore[attr-defined]
            self.before = _snapshot(self.result)
            self.writes: list[Callable[[], None]] = []

    def _finish(self, item: Item | None) -> Item | None:
        self.finished, self.result = True, item
        return item

    def advance(self, *, until: int = S.INDEXED) -> Item | None:
        """Run the remaining steps up to stage ``until``; the item once it has none left, else None."""
        from lantoa.monitoring import alerts

        if self.finished:
            return self.result
        item = self.result
        assert item is not None
        for index, group in enumerate(GROUPS):
            todo = [(stage, step) for stage, step in group if item.stage < stage]
            if not todo:
                continue
            committed = item._committed_stage  # type: ignore[attr-defined]
            try:
                for stage, step in todo:
                    if stage > until:
                        return None  # paused inside the group: nothing is committed until it resumes
                    self.writes.extend(step(item) or [])
                    item.stage = stage
                if not self.writes and index < len(GROUPS) - 1 and _changed(self.before, item) == ["stage"]:
                    # Nothing worth a commit of its own (a page that was already fetched): the stage is saved
                    # with the next group, and a crash before then repeats only this no-op.
                    continue
                with erasing_freed_pages(item.kind == Kind.SOCIAL), transaction.atomic():
                    for write in self.writes:
                        write()
                    # Only the columns that changed: rewriting search_folded would re-index FTS for nothing.
                    # And only if no other worker moved the item on meanwhile (the same item queued twice):
                    # its rows are in place, and ours, written as for a fresh item, are rolled back with
                    # this group.
                    if not _update(item, _changed(self.before, item), committed):
                        raise _Superseded
                item._committed_stage = item.stage  # type: ignore[attr-defined]
                self.before = _snapshot(item)
                self.writes = []
            except _Superseded:
                return self._finish(Item.objects.filter(pk=self.item_id).first())
            except IntegrityError:
                # Our match or mention rows collided with the other worker's before the stage check could run.
                if not Item.objects.filter(pk=self.item_id).exclude(stage=committed).exists():
                    raise
                return self._finish(Item.objects.filter(pk=self.item_id).first())
            except StepError as exc:
                item.refresh_from_db()
                # A loop, a private address or an oversized page will not fix itself: do not retry those.
                item.attempts = MAX_ATTEMPTS if exc.code in PERMANENT | {"too_large"} else item.attempts + 1
                item.error_code, item.error = exc.code, error_message(exc.code, exc.detail)
                item.save(update_fields=["attempts", "error_code", "error"])
                if item.source_id:
                    Source.objects.filter(pk=item.source_id).update(
                        last_error_code=exc.code, last_error=f"{item.url}: {item.error}"
                    )
                return self._finish(item)
        alerts.check_case_claims(item)
        return self._finish(item)


def process_item(item_id: int) -> Item | None:
    """Run the remaining steps of one item. Safe to call again at any time."""
    return _Run(item_id).advance()


def process_items(item_ids: Sequence[int]) -> list[Item | None]:
    """Run the remaining steps of several items: every page is extracted first, then each item is analysed
    and committed in turn, exactly as ``process_item`` would.

    Why the order: trafilatura walks a tree of megabytes per page and leaves the CPU caches cold for the
    few milliseconds of analysis and database work after it. Run back to back, those steps cost about a
    quarter less CPU (dedup, candidate lookup and row inserts most; measured per step on the benchmark
    pages). Items are still committed one by one, so dedup sees the batch's earlier items and a failure
    stops no other item.
    """
    runs = [_Run(item_id) for item_id in item_ids]
    for run in runs:
        run.advance(until=S.EXTRACTED)
    return [run.advance() for run in runs]


def pending_items() -> list[int]:
    """Items that stopped before the end and may be retried."""
    return list(
        Item.objects.filter(stage__lt=S.INDEXED, attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True)[:1000]
    )
