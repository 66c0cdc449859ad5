"""Full-text index over ``Item.search_folded`` (title + text folded by lantoa.lib.text.fold).

Folding happens in Python, so both databases index the same tone-free text and the query goes through the
same fold: "Thuỷ"/"Thủy" and đ→d behave identically on SQLite and PostgreSQL, and PostgreSQL needs no
``unaccent`` extension (which needs a superuser to create and maps a few letters differently from fold()).

SQLite: an external-content FTS5 table kept in step by triggers.
PostgreSQL: a GIN index on to_tsvector('simple', search_folded); 'simple' has no stemming or stop words,
which suits Vietnamese syllables.
"""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE monitoring_item_fts USING fts5(search_folded, content='monitoring_item', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
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
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS monitoring_item_fts_au",
    "DROP TRIGGER IF EXISTS monitoring_item_fts_ad",
    "DROP TRIGGER IF EXISTS monitoring_item_fts_ai",
    "DROP TABLE IF EXISTS monitoring_item_fts",
]
POSTGRES_UP = [
    "CREATE INDEX monitoring_item_fts_gin ON monitoring_item USING gin (to_tsvector('simple', search_folded))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS monitoring_item_fts_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
