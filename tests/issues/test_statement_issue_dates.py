"""The statement-issue links' dates (``StatementIssueDate``), kept by the database's triggers.

``/api/v1/statements/?issue=`` reads an issue's statements in date order from this copy: a
copy that drifted from the links or the dates would hide a statement from the list, or put
it on the wrong page. Every way a link or a date is written must keep it true.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection

from issues import services, triggers
from issues.models import Statement, StatementIssueDate
from tests.factories import IssueFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def copies() -> set[tuple[int, int, int, datetime.date]]:
    return set(StatementIssueDate.objects.values_list("id", "statement_id", "issue_id", "date"))


def links() -> set[tuple[int, int, int, datetime.date]]:
    """What the copy should hold: every link, with its statement's date as it is now."""
    Link = Statement.issues.through
    return {
        (link.id, link.statement_id, link.issue_id, link.statement.date)
        for link in Link.objects.select_related("statement")
    }


def test_the_database_holds_the_triggers_and_no_others_on_their_tables():
    assert triggers.installed(connection) == triggers.NAMES[connection.vendor]


def test_install_removes_a_stale_trigger_that_would_copy_each_link_twice():
    # A database migrated at the first version of 0021 (PostgreSQL) has a row trigger of that
    # name beside the statement-level ones: each link written then failed on the copy's key.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION issues_link_date_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date) "
                "SELECT NEW.id, NEW.statement_id, NEW.issue_id, s.date FROM issues_statement s "
                "WHERE s.id = NEW.statement_id; RETURN NULL; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER issues_link_date_sync AFTER INSERT ON issues_statement_issues "
                "FOR EACH ROW EXECUTE FUNCTION issues_link_date_sync()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER issues_link_date_sync AFTER INSERT ON issues_statement_issues BEGIN "
                "INSERT INTO issues_statementissuedate (id, statement_id, issue_id, date) "
                "SELECT NEW.id, NEW.statement_id, NEW.issue_id, s.date FROM issues_statement s "
                "WHERE s.id = NEW.statement_id; END"
            )
    assert "issues_link_date_sync" in triggers.installed(connection)
    triggers.install(connection)
    assert triggers.installed(connection) == triggers.NAMES[connection.vendor]
    StatementFactory(issues=[IssueFactory()])
    assert copies() == links()


def test_links_made_changed_and_removed_through_the_service_are_copied_with_their_dates():
    dairy, autos, energy = IssueFactory(), IssueFactory(), IssueFactory()
    statement = StatementFactory(issues=[dairy, autos], date=D(2018, 1, 29))
    assert {(issue, date) for _, _, issue, date in copies()} == {(dairy.pk, D(2018, 1, 29)), (autos.pk, D(2018, 1, 29))}

    services.statement_update(statement=statement, issues=[autos, energy], date=D(2018, 1, 28))
    assert {(issue, date) for _, _, issue, date in copies()} == {
        (autos.pk, D(2018, 1, 28)),
        (energy.pk, D(2018, 1, 28)),
    }
    assert copies() == links()


def test_a_date_changed_in_bulk_moves_the_copies_too():
    issue = IssueFactory()
    statements = [StatementFactory(issues=[issue], date=D(2018, 3, 5)) for _ in range(3)]
    Statement.objects.filter(pk__in=[s.pk for s in statements[:2]]).update(date=D(2017, 8, 16))
    assert sorted(date for *_, date in copies()) == [D(2017, 8, 16), D(2017, 8, 16), D(2018, 3, 5)]
    assert copies() == links()


def test_a_deleted_statement_or_issue_takes_its_copies_with_it():
    kept, dropped = IssueFactory(), IssueFactory()
    gone = StatementFactory(issues=[kept, dropped])
    stays = StatementFactory(issues=[kept, dropped])
    gone.delete()
    dropped.delete()
    assert {(statement, issue) for _, statement, issue, _ in copies()} == {(stays.pk, kept.pk)}
    assert copies() == links()


def test_links_written_before_their_statement_are_copied_when_it_arrives():
    # Foreign keys are checked at commit, so a fixture or a test snapshot may insert the link
    # first: the link's trigger finds no statement to date it by, the statement's trigger does.
    issue = IssueFactory()
    model = StatementFactory.build(issues=None, source=SourceFactory(), speaker=None, attribution="A US official")
    model.negotiation.save()
    model.negotiation_id = model.negotiation.pk
    Link = Statement.issues.through
    with connection.constraint_checks_disabled():
        Link.objects.create(statement_id=987_654, issue=issue)
        assert copies() == set()
        model.pk = 987_654
        model.save()
    assert {(statement, date) for _, statement, _, date in copies()} == {(987_654, model.date)}


def test_install_puts_back_triggers_a_table_rebuild_dropped_and_repairs_the_copy():
    # SQLite drops a table's triggers when a migration rebuilds the table; every migrate runs
    # install again (issues.apps), which also makes the copy match what changed meanwhile.
    issue = IssueFactory()
    statement = StatementFactory(issues=[issue], date=D(2018, 2, 1))
    triggers.uninstall(connection)
    assert triggers.installed(connection) == set()
    Statement.objects.filter(pk=statement.pk).update(date=D(2018, 2, 2))
    StatementFactory(issues=[issue])
    assert copies() != links()

    call_command("migrate", verbosity=0)
    assert triggers.installed(connection) == triggers.NAMES[connection.vendor]
    assert copies() == links()


@pytest.mark.django_db(transaction=True)
def test_a_migration_that_rebuilds_the_statements_table_keeps_the_triggers_and_the_copy():
    # SQLite alters a column by building a new table and renaming it, and the rename re-reads
    # every trigger: with the link's triggers on (they name the statements) it failed, "error in
    # trigger issues_link_date_insert: no such table: main.issues_statement". migrate takes them
    # off first on SQLite (pre_migrate) and puts them back after (post_migrate). PostgreSQL
    # alters in place with the triggers on: there the test checks they are still there after.
    issue = IssueFactory()
    StatementFactory(issues=[issue], date=D(2018, 1, 29))
    old = Statement._meta.get_field("date_text")
    new = old.clone()
    new.max_length = old.max_length + 20
    new.set_attributes_from_name(old.name)
    new.model = Statement

    emit_pre_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    with connection.schema_editor() as editor:
        editor.alter_field(Statement, old, new)
        editor.alter_field(Statement, new, old)
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)

    assert triggers.installed(connection) == triggers.NAMES[connection.vendor]
    StatementFactory(issues=[issue])  # and they work
    assert len(copies()) == 2
    assert copies() == links()


def test_a_link_whose_ends_changed_while_the_triggers_were_off_is_copied_anew():
    first, second = IssueFactory(), IssueFactory()
    statement = StatementFactory(issues=[first])
    triggers.uninstall(connection)
    Statement.issues.through.objects.filter(statement=statement).update(issue=second)
    assert copies() != links()
    triggers.install(connection)
    assert copies() == links()


def test_the_shipped_record_has_a_copy_of_every_link(nafta):
    assert len(links()) > 50
    assert copies() == links()


def test_the_issue_page_and_its_feed_list_the_newest_statements_by_the_statements_own_dates(client):
    issue = IssueFactory()
    made = [StatementFactory(issues=[issue], date=D(2018, 1, day)) for day in (5, 9, 9, 2)]
    Statement.objects.filter(pk=made[3].pk).update(date=D(2018, 2, 1))  # now the newest
    wanted = list(Statement.objects.published().about(issue).order_by("-date", "-id").values_list("id", flat=True))
    assert wanted[0] == made[3].pk

    page = client.get(issue.get_absolute_url())
    assert [statement.pk for statement in page.context["statements"]] == wanted
    assert page.context["statement_count"] == 4

    from issues.views import IssueStatementsFeed

    assert [statement.pk for statement in IssueStatementsFeed().items(issue)] == wanted

    listed = client.get("/statements/", {"issue": issue.slug})
    assert [statement.pk for statement in listed.context["object_list"]] == wanted


def test_the_link_date_order_is_only_taken_from_a_join_already_made_and_for_the_date_order():
    issue = IssueFactory()
    both = StatementFactory(issues=[issue, IssueFactory()])
    unlinked = Statement.objects.published().in_link_date_order()
    assert list(unlinked) == [both]  # not once per link: no join added
    assert "issues_statementissuedate" not in str(unlinked.query)

    linked = Statement.objects.published().about_by_link(issue)
    assert "issues_statementissuedate" in str(linked.in_link_date_order().query).split("ORDER BY")[1]
    by_text = linked.order_by("text")
    assert str(by_text.in_link_date_order().query) == str(by_text.query)  # another order is kept
