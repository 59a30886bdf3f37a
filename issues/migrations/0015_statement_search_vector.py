"""Stored ``search_vector`` columns on statements, positions and sources, on PostgreSQL only.

Ranking searched statements with the expression index of migration 0003 meant running
``to_tsvector`` again on every matching row (tens of thousands for a common word), and
the index's recheck did the same. A stored generated column is computed once, on write;
``issues.models.StoredSearchVector`` reads it. The site search did the same for
positions (their summaries) and sources on every search; they get a column too.

The column is not a model field (no ``GeneratedField``): SQLite has no ``tsvector``, the
history model would copy it into every historical row, and every query of statements
would carry it. So, as in 0003, the operation does nothing on SQLite. Each expression is
exactly the vector ``issues.site_search`` declares for the columns it holds (``stored`` of
each kind): the same words and weights, so ranks are unchanged; change both together.
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
    # Positions: the summary (weight B); the title (A) is another table's, parsed per search.
    schema_editor.execute(
        "ALTER TABLE issues_position ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS "
        "(setweight(to_tsvector('english'::regconfig, COALESCE(summary, '')), 'B')) STORED"
    )
    # Sources: outlet and title (A), description (B).
    schema_editor.execute(
        "ALTER TABLE issues_source ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS "
        "(setweight(to_tsvector('english'::regconfig, COALESCE(outlet, '') || ' ' || COALESCE(title, '')), 'A')"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(description, '')), 'B')) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS source_search_vector ON issues_source USING GIN (search_vector)"
    )


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON issues_statement "
        "USING GIN (to_tsvector('english'::regconfig, COALESCE(text, '')))"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute("ALTER TABLE issues_statement DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute("DROP INDEX IF EXISTS source_search_vector")
    schema_editor.execute("ALTER TABLE issues_position DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute("ALTER TABLE issues_source DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("issues", "0014_negotiation_required")]

    operations = [migrations.RunPython(add_column, drop_column, elidable=False)]
