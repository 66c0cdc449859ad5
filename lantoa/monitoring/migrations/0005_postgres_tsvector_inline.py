"""PostgreSQL: keep the stored tsvector inside the row (STORAGE MAIN) instead of out of line in TOAST.

Search tests the tsvector of each of the newest items in turn (lantoa.monitoring.search): out of line,
every test first looked the value up in the TOAST table, three or four pages read for one row. In the
1M-item benchmark, walking the newest social items for a common word read 21,738 pages in 56 ms before,
6,312 pages in 13 ms after. A tsvector too large for the page still goes out of line. Rows written before
this migration keep their current storage until they are next updated.
"""

from django.db import migrations


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0004_search_publication_order")]

    operations = [
        migrations.RunPython(
            _run("ALTER TABLE monitoring_item ALTER COLUMN search_tsv SET STORAGE MAIN"),
            _run("ALTER TABLE monitoring_item ALTER COLUMN search_tsv SET STORAGE EXTENDED"),
        ),
    ]
