"""Database triggers that keep ``StatementIssueDate`` (a statement-issue link with its date) true.

Why triggers and not Python: a link is written by ``statement.issues.set()`` from the services,
the admin's forms, import-export's widget, the seed loader and ``loaddata``; a statement's date
by ``save()``, ``QuerySet.update()`` and the same. A trigger sees every one of them, in the
same transaction, so the copy cannot drift from what it copies (a rollback takes both back).

``install`` is idempotent. Migration 0021 runs it, and so does every ``migrate`` afterwards
(``issues.apps``): SQLite drops a table's triggers when Django rebuilds the table to alter
it, which a later migration of the statement or the link table would do.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

# Table names are written out (not formatted in): issues_statement_issues (the links Django made
# for Statement.issues), issues_statement, issues_statementissuedate (StatementIssueDate).

# Links written before their statement (foreign keys are checked at commit: a fixture's or a
# test snapshot's tables can come in any order) are copied when the statement arrives (SQLite;
# PostgreSQL's function below says the same).
_ADD_EARLIER_LINKS = """
    INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
    SELECT l.id, l.statement_id, l.issue_id, NEW.date FROM issues_statement_issues l
     WHERE l.statement_id = NEW.id AND NOT EXISTS (SELECT 1 FROM issues_statementissuedate d WHERE d.id = l.id)
"""

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION issues_link_date_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            DELETE FROM issues_statementissuedate WHERE id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
            SELECT NEW.id, NEW.statement_id, NEW.issue_id, s.date FROM issues_statement s WHERE s.id = NEW.statement_id;
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER issues_link_date_sync AFTER INSERT OR DELETE OR UPDATE ON issues_statement_issues
    FOR EACH ROW EXECUTE FUNCTION issues_link_date_sync()
    """,
    """
    CREATE OR REPLACE FUNCTION issues_statement_date_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN  -- the same as _ADD_EARLIER_LINKS
            INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
            SELECT l.id, l.statement_id, l.issue_id, NEW.date FROM issues_statement_issues l
             WHERE l.statement_id = NEW.id AND NOT EXISTS (SELECT 1 FROM issues_statementissuedate d WHERE d.id = l.id);
        ELSE
            UPDATE issues_statementissuedate SET date = NEW.date WHERE statement_id = NEW.id;
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER issues_statement_links_sync AFTER INSERT ON issues_statement
    FOR EACH ROW EXECUTE FUNCTION issues_statement_date_sync()
    """,
    """
    CREATE OR REPLACE TRIGGER issues_statement_date_sync AFTER UPDATE OF date ON issues_statement
    FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date) EXECUTE FUNCTION issues_statement_date_sync()
    """,
]

_SQLITE_ADD = """
    INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
    SELECT NEW.id, NEW.statement_id, NEW.issue_id, s.date FROM issues_statement s WHERE s.id = NEW.statement_id;
"""
SQLITE = [
    "CREATE TRIGGER IF NOT EXISTS issues_link_date_insert AFTER INSERT ON issues_statement_issues BEGIN"
    + _SQLITE_ADD
    + "END",
    """CREATE TRIGGER IF NOT EXISTS issues_link_date_delete AFTER DELETE ON issues_statement_issues
    BEGIN DELETE FROM issues_statementissuedate WHERE id = OLD.id; END""",
    """CREATE TRIGGER IF NOT EXISTS issues_link_date_update AFTER UPDATE ON issues_statement_issues
    BEGIN
        DELETE FROM issues_statementissuedate WHERE id = OLD.id;
        INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
        SELECT NEW.id, NEW.statement_id, NEW.issue_id, s.date FROM issues_statement s WHERE s.id = NEW.statement_id;
    END""",
    "CREATE TRIGGER IF NOT EXISTS issues_statement_links_sync AFTER INSERT ON issues_statement BEGIN"
    + _ADD_EARLIER_LINKS
    + "; END",
    """CREATE TRIGGER IF NOT EXISTS issues_statement_date_sync AFTER UPDATE OF date ON issues_statement
    WHEN OLD.date IS NOT NEW.date
    BEGIN UPDATE issues_statementissuedate SET date = NEW.date WHERE statement_id = NEW.id; END""",
]

POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS issues_link_date_sync ON issues_statement_issues",
    "DROP FUNCTION IF EXISTS issues_link_date_sync()",
    "DROP TRIGGER IF EXISTS issues_statement_date_sync ON issues_statement",
    "DROP TRIGGER IF EXISTS issues_statement_links_sync ON issues_statement",
    "DROP FUNCTION IF EXISTS issues_statement_date_sync()",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS issues_link_date_insert",
    "DROP TRIGGER IF EXISTS issues_link_date_delete",
    "DROP TRIGGER IF EXISTS issues_link_date_update",
    "DROP TRIGGER IF EXISTS issues_statement_date_sync",
    "DROP TRIGGER IF EXISTS issues_statement_links_sync",
]

#: What each database calls the triggers it holds once ``install`` has run (tests check them).
NAMES = {
    "postgresql": {"issues_link_date_sync", "issues_statement_date_sync", "issues_statement_links_sync"},
    "sqlite": {
        "issues_link_date_insert",
        "issues_link_date_delete",
        "issues_link_date_update",
        "issues_statement_date_sync",
        "issues_statement_links_sync",
    },
}

#: Make the copy match the links and dates as they are (after the triggers were missing, or new).
RECONCILE = [
    """DELETE FROM issues_statementissuedate
        WHERE NOT EXISTS (SELECT 1 FROM issues_statement_issues l WHERE l.id = issues_statementissuedate.id)""",
    """UPDATE issues_statementissuedate
          SET date = (SELECT s.date FROM issues_statement s WHERE s.id = issues_statementissuedate.statement_id)
        WHERE date <> (SELECT s.date FROM issues_statement s WHERE s.id = issues_statementissuedate.statement_id)""",
    """INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
       SELECT l.id, l.statement_id, l.issue_id, s.date
         FROM issues_statement_issues l JOIN issues_statement s ON s.id = l.statement_id
        WHERE NOT EXISTS (SELECT 1 FROM issues_statementissuedate d WHERE d.id = l.id)""",
]
TABLES = {"issues_statement_issues", "issues_statement", "issues_statementissuedate"}


def _statements(connection: BaseDatabaseWrapper, drop: bool = False) -> list[str]:
    vendor = connection.vendor
    if vendor == "postgresql":
        return POSTGRESQL_DROP if drop else POSTGRESQL
    if vendor == "sqlite":
        return SQLITE_DROP if drop else SQLITE
    raise NotImplementedError(f"No statement-issue date triggers for {vendor}: see issues/triggers.py.")


def install(connection: BaseDatabaseWrapper) -> None:
    """Create (or replace) the triggers, then make the copy match the links (idempotent: on data
    already in step, three index scans that change nothing)."""
    with connection.cursor() as cursor:
        for sql in [*_statements(connection), *RECONCILE]:
            cursor.execute(sql)


def install_after_migrate(sender, using: str, **kwargs) -> None:
    """``post_migrate``: install the triggers again, unless migrated back to before the table."""
    from django.db import connections

    connection = connections[using]
    if TABLES <= set(connection.introspection.table_names()):
        install(connection)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in _statements(connection, drop=True):
            cursor.execute(sql)


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The names of this module's triggers the database holds now."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname = ANY(%s)",
                [sorted(NAMES["postgresql"])],
            )
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()} & NAMES[connection.vendor]
