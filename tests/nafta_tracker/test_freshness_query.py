"""Queries a worker repeats are planned once per connection on PostgreSQL (prepared statements).

The public-change query runs on every cacheable request, and planning it (two dozen MAX()
subqueries) cost 9 to 23 ms a request, more than serving the cached page around it. Since
settings.py turns on server-side binding with psycopg's prepare threshold, psycopg prepares
it, and every other query a worker repeats, once it has run five times on a connection.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nafta_tracker.freshness import _public_change_sql, public_data_changed_at
from tests.factories import IssueFactory

pytestmark = pytest.mark.django_db


def _on_sqlite_nothing_is_prepared() -> bool:
    """True on SQLite, which keeps its own cache of compiled statements and takes no such options."""
    if connection.vendor == "postgresql":
        return False
    assert connection.vendor == "sqlite"
    assert "server_side_binding" not in connection.settings_dict["OPTIONS"]
    return True


def _prepared_public_change_queries() -> int:
    """How many prepared statements of this session hold the public-change query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement = %s",
            [_public_change_sql(connection.vendor)],
        )
        return cursor.fetchone()[0]


def test_the_public_change_is_one_query_a_request():
    with CaptureQueriesContext(connection) as queries:
        public_data_changed_at()
    assert len(queries.captured_queries) == 1
    assert queries.captured_queries[0]["sql"].startswith("SELECT MAX(changed)")


def test_a_query_run_five_times_on_a_connection_is_prepared_once():
    if _on_sqlite_nothing_is_prepared():
        return
    connection.ensure_connection()
    before = _prepared_public_change_queries()
    for _ in range(6):
        public_data_changed_at()
    # Prepared once, then reused: not once per run.
    assert _prepared_public_change_queries() == 1
    assert before in (0, 1)  # another test on this connection may have prepared it already


def test_the_prepared_query_still_sees_the_newest_change():
    for _ in range(6):  # past the threshold: what follows runs the prepared plan
        assert public_data_changed_at() is None
    issue = IssueFactory()
    after_create = public_data_changed_at()
    assert after_create is not None
    issue.title = "Dairy, renamed"
    issue.save()
    assert public_data_changed_at() > after_create


def _configured(helper, engine: str = "postgresql", **options) -> dict:
    """A DATABASES entry for ``engine`` with ``options``, as a settings helper leaves it."""
    database = {"ENGINE": f"django.db.backends.{engine}", **({"OPTIONS": options} if options else {})}
    helper(database)
    return database


def test_postgresql_databases_prepare_statements_unless_told_not_to(monkeypatch):
    from nafta_tracker.settings import _prepare_statements

    assert _configured(_prepare_statements)["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}
    assert _configured(_prepare_statements, "sqlite3", timeout=20)["OPTIONS"] == {"timeout": 20}

    # A pooler in transaction mode cannot keep a session's prepared statements.
    monkeypatch.setenv("DJANGO_DB_PREPARED_STATEMENTS", "0")
    assert "OPTIONS" not in _configured(_prepare_statements)


def test_this_connection_prepares_statements():
    if _on_sqlite_nothing_is_prepared():
        return
    assert connection.settings_dict["OPTIONS"]["server_side_binding"] is True
    connection.ensure_connection()
    assert connection.connection.prepare_threshold == 5


def test_postgresql_connections_plan_no_parallel_workers_unless_told_to(monkeypatch):
    # A page of 50 planned as a parallel walk down the date index read far past the page:
    # /api/v1/statements/?issue= took 254-260 ms with two workers, 97 ms without (1M statements).
    from nafta_tracker.settings import _session_settings

    monkeypatch.delenv("DJANGO_DB_PARALLEL_WORKERS", raising=False)
    monkeypatch.setenv("DJANGO_DB_RANDOM_PAGE_COST", "-1")
    kept = _configured(_session_settings, options="-c search_path=public")  # a DATABASE_URL's own
    assert kept["OPTIONS"]["options"] == "-c search_path=public -c max_parallel_workers_per_gather=0"
    assert _configured(_session_settings, "sqlite3", timeout=20)["OPTIONS"] == {"timeout": 20}

    monkeypatch.setenv("DJANGO_DB_PARALLEL_WORKERS", "2")
    assert _configured(_session_settings)["OPTIONS"]["options"] == "-c max_parallel_workers_per_gather=2"

    # Behind PgBouncer, which refuses startup options it does not track, none is sent.
    monkeypatch.setenv("DJANGO_DB_PARALLEL_WORKERS", "-1")
    assert "OPTIONS" not in _configured(_session_settings)

    monkeypatch.setenv("DJANGO_DB_PARALLEL_WORKERS", "2000")
    with pytest.raises(ImproperlyConfigured, match="at most 1024"):
        _configured(_session_settings)


def test_postgresql_connections_price_random_reads_as_memory_does_unless_told_otherwise(monkeypatch):
    # PostgreSQL's default price of a random read (4) made a page read by its 50 keys hash two
    # whole tables instead of looking 50 rows up in their indexes (0.89 ms against 0.44).
    from nafta_tracker.settings import _session_settings

    monkeypatch.delenv("DJANGO_DB_PARALLEL_WORKERS", raising=False)
    monkeypatch.delenv("DJANGO_DB_RANDOM_PAGE_COST", raising=False)
    assert _configured(_session_settings, options="-c search_path=public")["OPTIONS"]["options"] == (
        "-c search_path=public -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"
    )
    monkeypatch.setenv("DJANGO_DB_PARALLEL_WORKERS", "2")
    assert _configured(_session_settings)["OPTIONS"]["options"] == (
        "-c max_parallel_workers_per_gather=2 -c random_page_cost=1.1"
    )

    # Behind PgBouncer, as above: a deployment that already sends no startup option (the
    # workers' -1) keeps sending none, unless told to send this one.
    monkeypatch.setenv("DJANGO_DB_PARALLEL_WORKERS", "-1")
    assert "OPTIONS" not in _configured(_session_settings)
    monkeypatch.setenv("DJANGO_DB_RANDOM_PAGE_COST", "4")
    assert _configured(_session_settings)["OPTIONS"]["options"] == "-c random_page_cost=4.0"
    monkeypatch.setenv("DJANGO_DB_RANDOM_PAGE_COST", "1.0000001")  # sent as given, not rounded
    assert _configured(_session_settings)["OPTIONS"]["options"] == "-c random_page_cost=1.0000001"
    monkeypatch.setenv("DJANGO_DB_RANDOM_PAGE_COST", "-1")
    assert "OPTIONS" not in _configured(_session_settings)

    for bad, message in (("-2", "0 or more"), ("cheap", "a number"), ("inf", "finite"), ("nan", "finite")):
        monkeypatch.setenv("DJANGO_DB_RANDOM_PAGE_COST", bad)
        with pytest.raises(ImproperlyConfigured, match=message):
            _configured(_session_settings)


def test_this_connection_plans_no_parallel_workers():
    # The test run's connection is set up as production's, without DJANGO_DB_PARALLEL_WORKERS.
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)
