"""Indexes for the newest published version in the history of the tables with drafts.

``nafta_tracker.freshness`` asks, on every cacheable request, for the newest history row
with ``state = 'published'`` of statements, positions and status assessments. With only
``state`` indexed, PostgreSQL fetched every published history row and sorted them (453 rows
for 100,000 synthetic statements, and one more per edit, for ever); on ``(state,
history_date)`` it reads one index entry. Raw SQL because simple-history builds the
historical models: an index in their migration state would be one the models do not
declare, and ``makemigrations --check`` would want it removed.
"""

from django.db import migrations

TABLES = ["issues_historicalstatement", "issues_historicalposition", "issues_historicalstatusassessment"]


def _index(table: str) -> str:
    return f"{table}_published_date"


class Migration(migrations.Migration):
    dependencies = [("issues", "0017_content_translations")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX {_index(table)} ON {table} (state, history_date)",
            reverse_sql=f"DROP INDEX {_index(table)}",
        )
        for table in TABLES
    ]
