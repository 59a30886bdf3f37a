"""Database triggers that keep ``StatementIssueDate`` (a statement-issue link with its date) true.

Why triggers and not Python: a link is written by ``statement.issues.set()`` from the services,
the admin's forms, import-export's widget, the seed loader and ``loaddata``; a statement's date
by ``save()``, ``QuerySet.update()`` and the same. A trigger sees every one of them, in the
same transaction, so the copy follows what it copies (a rollback takes both back). Not a
``TRUNCATE`` of the links, which fires no delete trigger (``flush`` empties the copy too).

Every ``migrate`` installs them (``issues.apps``, after the migrations) and makes the copy match
the links; on SQLite it also takes them off before the migrations, which could not rebuild a
table while a trigger names it (``drop_before_migrate``).
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

# Table names are written out (not formatted in): issues_statement_issues (the links Django made
# for Statement.issues), issues_statement, issues_statementissuedate (StatementIssueDate).

# SQLite: row triggers (it has no others); it plans each statement when the trigger is compiled,
# with the indexes it has, so a row trigger stays cheap as the tables grow.

# Links written before their statement (foreign keys are checked at commit: a fixture's or a
# test snapshot's tables can come in any order) are copied when the statement arrives.
_ADD_EARLIER_LINKS = """
    INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
    SELECT l.id, l.statement_id, l.issue_id, NEW.date FROM issues_statement_issues l
     WHERE l.statement_id = NEW.id AND NOT EXISTS (SELECT 1 FROM issues_statementissuedate d WHERE d.id = l.id)
"""

# PostgreSQL: one trigger per statement (not per row), reading the rows it wrote from transition
# tables, and each query planned when it runs (EXECUTE). Row triggers with PL/pgSQL's cached
# plans went quadratic: a plan made while the tables were empty (a seq scan) stayed for the
# connection's life, and building 100,000 synthetic statements in one transaction slowed by a
# batch each time. Here a bulk insert of 5,000 links costs one join, planned for its real size.
# A link's copy reads its statement's date FOR SHARE: a date changed by a transaction not yet
# committed is waited for, not missed (that transaction's own trigger cannot see this copy).
# The cost: linking a statement waits for any uncommitted edit of it, and two transactions that
# each edit one statement and then link the other's deadlock (PostgreSQL aborts one). The
# services, the admin and imports link only the statement they have just saved.
# The first row triggers (commits b4c4d01 and 8adc8f7): a database migrated then would copy each
# link twice, once by the old trigger and once by the new. Dropped after the new ones replace them.
LEGACY_POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS issues_link_date_sync ON issues_statement_issues",
    "DROP FUNCTION IF EXISTS issues_link_date_sync()",
    "DROP FUNCTION IF EXISTS issues_statement_date_sync()",
]

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION issues_link_date_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        EXECUTE 'INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
                 SELECT n.id, n.statement_id, n.issue_id, s.date
                   FROM issues_link_date_new n JOIN issues_statement s ON s.id = n.statement_id
                    FOR SHARE OF s';
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION issues_link_date_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        EXECUTE 'DELETE FROM issues_statementissuedate d USING issues_link_date_old o WHERE d.id = o.id';
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION issues_link_date_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        EXECUTE 'DELETE FROM issues_statementissuedate d USING issues_link_date_old o WHERE d.id = o.id';
        EXECUTE 'INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
                 SELECT n.id, n.statement_id, n.issue_id, s.date
                   FROM issues_link_date_new n JOIN issues_statement s ON s.id = n.statement_id
                    FOR SHARE OF s';
        RETURN NULL;
    END $$
    """,
    # Links written before their statement (foreign keys are checked at commit: a fixture's or a
    # test snapshot's tables can come in any order) are copied when the statement arrives.
    """
    CREATE OR REPLACE FUNCTION issues_statement_date_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        EXECUTE 'INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date)
                 SELECT l.id, l.statement_id, l.issue_id, n.date
                   FROM issues_statement_date_new n JOIN issues_statement_issues l ON l.statement_id = n.id
                  WHERE NOT EXISTS (SELECT 1 FROM issues_statementissuedate d WHERE d.id = l.id)';
        RETURN NULL;
    END $$
    """,
    # Every UPDATE of statements runs it (a trigger with transition tables cannot name its
    # columns); the join finds nothing unless a date changed.
    """
    CREATE OR REPLACE FUNCTION issues_statement_date_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        EXECUTE 'UPDATE issues_statementissuedate d SET date = n.date
                   FROM issues_statement_date_new n JOIN issues_statement_date_old o ON o.id = n.id
                  WHERE d.statement_id = n.id AND n.date IS DISTINCT FROM o.date';
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER issues_link_date_insert AFTER INSERT ON issues_statement_issues
    REFERENCING NEW TABLE AS issues_link_date_new
    FOR EACH STATEMENT EXECUTE FUNCTION issues_link_date_added()
    """,
    """
    CREATE OR REPLACE TRIGGER issues_link_date_delete AFTER DELETE ON issues_statement_issues
    REFERENCING OLD TABLE AS issues_link_date_old
    FOR EACH STATEMENT EXECUTE FUNCTION issues_link_date_removed()
    """,
    """
    CREATE OR REPLACE TRIGGER issues_link_date_update AFTER UPDATE ON issues_statement_issues
    REFERENCING OLD TABLE AS issues_link_date_old NEW TABLE AS issues_link_date_new
    FOR EACH STATEMENT EXECUTE FUNCTION issues_link_date_changed()
    """,
    """
    CREATE OR REPLACE TRIGGER issues_statement_links_sync AFTER INSERT ON issues_statement
    REFERENCING NEW TABLE AS issues_statement_date_new
    FOR EACH STATEMENT EXECUTE FUNCTION issues_statement_date_added()
    """,
    """
    CREATE OR REPLACE TRIGGER issues_statement_date_sync AFTER UPDATE ON issues_statement
    REFERENCING OLD TABLE AS issues_statement_date_old NEW TABLE AS issues_statement_date_new
    FOR EACH STATEMENT EXECUTE FUNCTION issues_statement_date_changed()
    """,
    *LEGACY_POSTGRESQL_DROP,
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
    "DROP TRIGGER IF EXISTS issues_link_date_sync",  # no SQLite database had it; as on PostgreSQL
]

POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS issues_link_date_insert ON issues_statement_issues",
    "DROP TRIGGER IF EXISTS issues_link_date_delete ON issues_statement_issues",
    "DROP TRIGGER IF EXISTS issues_link_date_update ON issues_statement_issues",
    "DROP TRIGGER IF EXISTS issues_statement_links_sync ON issues_statement",
    "DROP TRIGGER IF EXISTS issues_statement_date_sync ON issues_statement",
    "DROP FUNCTION IF EXISTS issues_link_date_added()",
    "DROP FUNCTION IF EXISTS issues_link_date_removed()",
    "DROP FUNCTION IF EXISTS issues_link_date_changed()",
    "DROP FUNCTION IF EXISTS issues_statement_date_added()",
    "DROP FUNCTION IF EXISTS issues_statement_date_changed()",
    *LEGACY_POSTGRESQL_DROP,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS issues_link_date_insert",
    "DROP TRIGGER IF EXISTS issues_link_date_delete",
    "DROP TRIGGER IF EXISTS issues_link_date_update",
    "DROP TRIGGER IF EXISTS issues_statement_date_sync",
    "DROP TRIGGER IF EXISTS issues_statement_links_sync",
]

#: What each database calls the triggers it holds once ``install`` has run (tests check them).
_NAMES = {
    "issues_link_date_insert",
    "issues_link_date_delete",
    "issues_link_date_update",
    "issues_statement_date_sync",
    "issues_statement_links_sync",
}
NAMES = {"postgresql": _NAMES, "sqlite": _NAMES}

#: Make the copy match the links and dates as they are (after the triggers were missing, or new).
RECONCILE = [
    """DELETE FROM issues_statementissuedate
        WHERE NOT EXISTS (SELECT 1 FROM issues_statement_issues l
                           WHERE l.id = issues_statementissuedate.id
                             AND l.statement_id = issues_statementissuedate.statement_id
                             AND l.issue_id = issues_statementissuedate.issue_id)""",
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
    """Create (or replace) the triggers, then make the copy match the links (idempotent).

    The matching reads both tables whole (a few milliseconds at the record's size, seconds at
    a million statements): it runs after each ``migrate`` and ``flush``, never on a request.
    """
    changed = 0
    with connection.cursor() as cursor:
        for sql in _statements(connection):
            cursor.execute(sql)
        for sql in RECONCILE:
            cursor.execute(sql)
            changed += max(cursor.rowcount, 0)
        if changed > 1_000 and connection.vendor == "postgresql":
            # Statistics now, not when autovacuum gets to it: without them PostgreSQL guessed
            # 10,000 rows for any issue and hashed them all (14 ms instead of 2 for one page's
            # rows at 1,000,000 statements).
            cursor.execute("ANALYZE issues_statementissuedate")


def drop_before_migrate(sender, using: str, **kwargs) -> None:
    """``pre_migrate``: on SQLite, take the triggers off while migrations run.

    SQLite alters a table by building a new one and renaming it; since Django 5 the rename
    re-reads every trigger of the schema, and one naming the table being rebuilt (the link's
    triggers name the statements) fails it: "error in trigger ...: no such table". Any later
    migration that altered a statement's column would fail so. ``install_after_migrate`` puts
    them back and repairs what was written meanwhile.
    """
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite":
        uninstall(connection)


def install_after_migrate(sender, using: str, **kwargs) -> None:
    """``post_migrate``: install the triggers and fill or repair the copy, unless migrated back to
    before the table. Migration 0021 creates the table and leaves this to run at the end."""
    from django.db import connections

    connection = connections[using]
    if TABLES <= set(connection.introspection.table_names()):
        install(connection)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in _statements(connection, drop=True):
            cursor.execute(sql)


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The names of every trigger on the links, the statements and the copy (tests check that
    they are this module's and no others: a stale one would copy each link twice)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY(%s)",
                [sorted(TABLES)],
            )
        else:
            cursor.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'",
            )
            return {name for name, table in cursor.fetchall() if table in TABLES}
        return {row[0] for row in cursor.fetchall()}
