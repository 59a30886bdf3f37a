"""A stored ``search_vector`` column on statements, with its GIN index, on PostgreSQL only.

Ranking searched statements with the expression index of migration 0003 meant running
``to_tsvector`` again on every matching row (tens of thousands for a common word), and
the index's recheck did the same. A stored generated column is computed once, on write;
``issues.models.StatementSearchDocument`` reads it.

The column is not a model field (no ``GeneratedField``): SQLite has no ``tsvector``, the
history model would copy it into every historical row, and every query of statements
would carry it. So, as in 0003, the operation does nothing on SQLite. The expression must
stay identical to ``issues.models.STATEMENT_SEARCH_CONFIG`` and the text column.
"""

from django.db import migrations

OLD_INDEX = "statement_text_search"
INDEX = "statement_search_vector"


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE issues_statement ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english'::regconfig, COALESCE(text, ''))) STORED"
    )
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON issues_statement USING GIN (search_vector)")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON issues_statement "
        "USING GIN (to_tsvector('english'::regconfig, COALESCE(text, '')))"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute("ALTER TABLE issues_statement DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("issues", "0014_negotiation_required")]

    operations = [migrations.RunPython(add_column, drop_column, elidable=False)]
