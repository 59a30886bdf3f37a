"""Full-text index for statement search, on PostgreSQL only.

The index expression must stay identical to ``issues.models.statement_search_vector``
so that ``Statement.objects.search()`` can use it. SQLite has no such index and
searches with a plain substring match instead, so the operation does nothing there;
that is also why the index is not declared in ``Statement.Meta``.
"""

from django.db import migrations

INDEX_NAME = "statement_text_search"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON issues_statement "
        "USING GIN (to_tsvector('english'::regconfig, COALESCE(text, '')))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("issues", "0002_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
