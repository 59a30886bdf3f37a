"""PostgreSQL: keep a frequency for every issue, speaker, round and source in the statistics.

A page of an issue's newest statements (``WHERE issue = X ORDER BY date DESC LIMIT 10``)
was planned as a walk down the date index of all statements, stopping after ten of
issue X: right for a busy issue, ruinous for a quiet one. PostgreSQL guessed every issue
had the average number of statements because, with its default statistics target (100),
an issue that is not among the 100 most common has no frequency of its own. Measured on
the 100,000-statement load set: the page of an issue with 11 statements read 64,997 rows
through the index and took 245 ms in the database; with a frequency for each of its 300
issues, PostgreSQL reads the issue's rows and sorts them, 1 ms. The same guess applies to
a speaker's, a round's and a source's statements and an issue's positions. 1,000 values
per column is a few kilobytes of statistics, and ``ANALYZE`` here so the plans change now.
SQLite has no such statistics: nothing to do there.
"""

from django.db import migrations

TARGET = 1000
COLUMNS = [
    ("issues_statement_issues", "issue_id"),
    ("issues_statement", "speaker_id"),
    ("issues_statement", "round_id"),
    ("issues_statement", "source_id"),
    ("issues_position", "issue_id"),
]


def _set_statistics(target: int):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        for table, column in COLUMNS:
            target_sql = "DEFAULT" if target < 0 else str(target)
            schema_editor.execute(
                f"ALTER TABLE {quote(table)} ALTER COLUMN {quote(column)} SET STATISTICS {target_sql}"
            )
        for table in sorted({table for table, _ in COLUMNS}):
            schema_editor.execute(f"ANALYZE {quote(table)}")

    return run


class Migration(migrations.Migration):
    dependencies = [("issues", "0018_history_published_date_indexes")]

    operations = [migrations.RunPython(_set_statistics(TARGET), _set_statistics(-1), elidable=False)]
