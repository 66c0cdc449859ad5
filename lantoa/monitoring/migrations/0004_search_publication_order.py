"""SQLite: key the full-text index by publication order, so "newest first" is the index's own order.

The FTS5 table of 0002 used the item id as rowid, and ids follow discovery, not publication. A common word
therefore had every one of its matches joined back to the items and sorted by date before the first page of
20 could be returned (a third of a million rows at 1M items). The table that replaces it is contentless
(highlighting works on the item's own text) and its rowid is a *search key*:

    key = (whole seconds of published_at since 2000-01-01, clamped to 32 signed bits) * 2**32 + item id

Keys grow with (published_at, id) except between items of the same second, so FTS5 can stream the newest
matches with ORDER BY rowid DESC, a date filter becomes a rowid range, and the search service re-sorts the
last second of a page exactly (lantoa.monitoring.search). Item ids must stay below 2**32 (4.29 billion).
Clamping keeps the key monotone for a feed's impossible dates (year 1, year 9999) instead of overflowing.

The triggers re-key a row when its text or its publication time changes. PostgreSQL is unchanged here.
"""

from django.db import migrations

SECONDS = ("max(-2147483648, min(2147483647, "
           "CAST(strftime('%s', {row}.published_at) AS INTEGER) - 946684800))")
KEY = f"({SECONDS} * 4294967296 + {{row}}.id)"


def key(row: str) -> str:
    return KEY.format(row=row)


SQLITE_UP = [
    "DROP TRIGGER IF EXISTS monitoring_item_fts_au",
    "DROP TRIGGER IF EXISTS monitoring_item_fts_ad",
    "DROP TRIGGER IF EXISTS monitoring_item_fts_ai",
    "DROP TABLE IF EXISTS monitoring_item_fts",
    "CREATE VIRTUAL TABLE monitoring_item_fts_by_date USING fts5(search_folded, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"INSERT INTO monitoring_item_fts_by_date(rowid, search_folded) "
    f"SELECT {key('monitoring_item')}, search_folded FROM monitoring_item",
    "INSERT INTO monitoring_item_fts_by_date(monitoring_item_fts_by_date) VALUES ('optimize')",
    f"CREATE TRIGGER monitoring_item_fts_by_date_ai AFTER INSERT ON monitoring_item BEGIN "
    f"INSERT INTO monitoring_item_fts_by_date(rowid, search_folded) VALUES ({key('new')}, new.search_folded); END",
    # A contentless table forgets a row only when told the exact text it indexed: the old values.
    f"CREATE TRIGGER monitoring_item_fts_by_date_ad AFTER DELETE ON monitoring_item BEGIN "
    f"INSERT INTO monitoring_item_fts_by_date(monitoring_item_fts_by_date, rowid, search_folded) "
    f"VALUES ('delete', {key('old')}, old.search_folded); END",
    f"CREATE TRIGGER monitoring_item_fts_by_date_au AFTER UPDATE OF search_folded, published_at ON monitoring_item "
    f"BEGIN "
    f"INSERT INTO monitoring_item_fts_by_date(monitoring_item_fts_by_date, rowid, search_folded) "
    f"VALUES ('delete', {key('old')}, old.search_folded); "
    f"INSERT INTO monitoring_item_fts_by_date(rowid, search_folded) VALUES ({key('new')}, new.search_folded); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS monitoring_item_fts_by_date_au",
    "DROP TRIGGER IF EXISTS monitoring_item_fts_by_date_ad",
    "DROP TRIGGER IF EXISTS monitoring_item_fts_by_date_ai",
    "DROP TABLE IF EXISTS monitoring_item_fts_by_date",
    "CREATE VIRTUAL TABLE monitoring_item_fts USING fts5(search_folded, content='monitoring_item', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO monitoring_item_fts(monitoring_item_fts) VALUES ('rebuild')",
    "CREATE TRIGGER monitoring_item_fts_ai AFTER INSERT ON monitoring_item BEGIN "
    "INSERT INTO monitoring_item_fts(rowid, search_folded) VALUES (new.id, new.search_folded); END",
    "CREATE TRIGGER monitoring_item_fts_ad AFTER DELETE ON monitoring_item BEGIN "
    "INSERT INTO monitoring_item_fts(monitoring_item_fts, rowid, search_folded) "
    "VALUES ('delete', old.id, old.search_folded); END",
    "CREATE TRIGGER monitoring_item_fts_au AFTER UPDATE OF search_folded ON monitoring_item BEGIN "
    "INSERT INTO monitoring_item_fts(monitoring_item_fts, rowid, search_folded) "
    "VALUES ('delete', old.id, old.search_folded); "
    "INSERT INTO monitoring_item_fts(rowid, search_folded) VALUES (new.id, new.search_folded); END",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            # A cursor without parameters: schema_editor.execute() would read strftime's '%s' as a placeholder.
            with schema_editor.connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_postgres_stored_tsvector")]

    operations = [migrations.RunPython(_run(SQLITE_UP), _run(SQLITE_DOWN))]
