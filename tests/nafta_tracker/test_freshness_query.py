"""The public-change query runs on every cacheable request: planned once per connection on PostgreSQL.

Planning it (two dozen MAX() subqueries) cost 9 to 23 ms a request, more than serving the
cached page around it; see ``freshness._public_change_statement``.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nafta_tracker import freshness
from nafta_tracker.freshness import public_data_changed_at
from tests.factories import IssueFactory

pytestmark = pytest.mark.django_db


def _statements_of(call) -> tuple[object, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        value = call()
    return value, [query["sql"] for query in queries.captured_queries]


def _forget_the_prepared_statement() -> None:
    """As on a new connection: no prepared statement, and the connection knows it."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DEALLOCATE ALL")
        connection.connection.nafta_public_change_prepared = False


@pytest.fixture(autouse=True)
def new_connection():
    _forget_the_prepared_statement()
    yield
    _forget_the_prepared_statement()  # the next test's connection state matches what it holds


def test_each_request_after_the_first_on_a_connection_runs_one_planned_statement():
    _, first = _statements_of(public_data_changed_at)
    _, second = _statements_of(public_data_changed_at)
    if connection.vendor == "postgresql":
        assert [sql.split()[0] for sql in first] == ["PREPARE", "EXECUTE"]
        assert second == [f"EXECUTE {freshness._PREPARED_NAME}"]
    else:  # SQLite keeps its own cache of compiled statements
        assert len(first) == len(second) == 1
        assert second[0].startswith("SELECT MAX(changed)")


def test_the_planned_statement_still_sees_the_newest_change():
    assert public_data_changed_at() is None
    issue = IssueFactory()
    after_create = public_data_changed_at()
    assert after_create is not None
    issue.title = "Dairy, renamed"
    issue.save()
    assert public_data_changed_at() > after_create


def test_without_persistent_connections_nothing_is_prepared(monkeypatch):
    # CONN_MAX_AGE = 0 is the PgBouncer set-up (docs/deploy.md): a session's prepared
    # statement would be on some other client's server connection next time.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
    _, statements = _statements_of(public_data_changed_at)
    assert len(statements) == 1
    assert statements[0].startswith("SELECT MAX(changed)")
