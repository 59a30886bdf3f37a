"""psycopg as nafta_tracker.psycopg_tuning sets it up: timestamps read by psycopg's C loader are
the values Django's own loader reads (the same instant, to the microsecond, in ``datetime.UTC``),
and the nested lists' queries of an API page are parsed once, not on every request."""

import datetime
from types import SimpleNamespace
from unittest import mock

import pytest
from django.db import connection

from nafta_tracker import psycopg_tuning
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

LITERALS = (
    "'2018-01-29 12:34:56.789012+00'",
    "'2017-08-16 09:00:00-04'",  # written with another offset: PostgreSQL sends it in the session's UTC
    "'0001-01-01 00:00:00+00'",
    "'9999-12-31 23:59:59.999999+00'",
    "'2026-03-08 02:30:00+00'",
)


def read(sql: str, *, djangos: bool) -> tuple:
    with connection.cursor() as cursor:
        if djangos:
            from django.db.backends.postgresql.psycopg_any import register_tzloader

            register_tzloader(connection.timezone, cursor.cursor)  # what Django puts on every connection
        cursor.execute(sql)
        return cursor.fetchone()


def test_postgresql_timestamps_read_in_c_are_the_values_djangos_loader_reads():
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # SQLite stores text; nothing to load
        return
    from psycopg import adapters
    from psycopg.pq import Format

    connection.ensure_connection()
    loader = connection.connection.adapters.get_loader(adapters.types["timestamptz"].oid, Format.TEXT)
    assert loader is psycopg_tuning.LOADER
    sql = "SELECT " + ", ".join(f"{literal}::timestamptz" for literal in LITERALS)
    fast, reference = read(sql, djangos=False), read(sql, djangos=True)
    assert fast == reference
    assert [value.tzinfo for value in fast] == [datetime.UTC] * len(LITERALS)
    assert fast[1] == datetime.datetime(2017, 8, 16, 13, 0, tzinfo=datetime.UTC)


def test_a_saved_moment_reads_back_to_the_microsecond_in_utc():
    moment = datetime.datetime(2018, 3, 5, 17, 4, 33, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    source = SourceFactory()
    type(source).objects.filter(pk=source.pk).update(updated_at=moment)
    read_back = type(source).objects.values_list("updated_at", flat=True).get(pk=source.pk)
    assert read_back == moment
    assert read_back.tzinfo is datetime.UTC


@pytest.mark.parametrize(
    ("vendor", "zone", "session_zone"),
    [
        ("postgresql", "America/Toronto", "America/Toronto"),
        ("postgresql", "UTC", "Europe/Paris"),
        ("sqlite", "UTC", ""),
    ],
)
def test_the_c_loader_is_left_out_where_it_would_read_another_zone(vendor, zone, session_zone):
    adapters = mock.Mock()
    fake = SimpleNamespace(
        vendor=vendor,
        timezone=datetime.UTC if zone == "UTC" else datetime.timezone(datetime.timedelta(hours=-5)),
        connection=SimpleNamespace(info=SimpleNamespace(parameter_status=lambda name: session_zone), adapters=adapters),
    )
    psycopg_tuning.use_c_loader(sender=None, connection=fake)
    adapters.register_loader.assert_not_called()


def test_the_nested_lists_of_a_page_are_parsed_once_not_on_every_request(client, monkeypatch):
    from psycopg import _queries

    from tests.factories import StatementFactory

    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # psycopg is PostgreSQL's driver
        return
    StatementFactory.create_batch(40)  # a page of 40: its issues and translations for 64 keys
    client.get("/api/v1/statements/")
    parsed_uncached = []
    parse = _queries._query2pg_nocache  # what psycopg calls for a query it does not cache

    def counting(query, encoding):
        parsed_uncached.append(query.count(b"%s"))
        return parse(query, encoding)

    monkeypatch.setattr(_queries, "_query2pg_nocache", counting)
    for _ in range(3):
        assert len(client.get("/api/v1/statements/").json()["results"]) == 40
    assert parsed_uncached == []


@pytest.mark.parametrize("issues", [50, 128])
def test_the_nested_lists_of_pages_up_to_128_rows_are_parsed_once_whatever_the_binding(rf, monkeypatch, issues):
    from psycopg import _queries
    from rest_framework.request import Request

    from issues.api.rows import IssueRows

    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"
        return
    # The issues list's latest positions name each key twice: 64 and 128 keys, 129 and 257
    # parameters, past psycopg's 50. No issue needs to exist.
    rows = [{"id": pk} for pk in range(1, issues + 1)]
    reader = IssueRows(Request(rf.get("/api/v1/issues/")))
    assert reader.latest_positions(rows) == {}
    parsed_uncached = []
    for name in ("_query2pg_nocache", "_query2pg_client_nocache"):  # server-side and client-side binding
        parse = getattr(_queries, name)

        def counting(query, encoding, parse=parse):
            parsed_uncached.append(len(query))
            return parse(query, encoding)

        monkeypatch.setattr(_queries, name, counting)
    assert reader.latest_positions(rows) == {}
    assert parsed_uncached == []


def _wait_until_readable(raw, seconds: float = 5.0) -> None:
    import select

    poller = select.poll()
    poller.register(raw.fileno(), select.POLLIN)
    assert poller.poll(int(seconds * 1000)), "the server did not close the connection"


@pytest.mark.django_db(transaction=True)
def test_a_request_after_the_server_closed_the_kept_connection_connects_again(client):
    """A restart, a failover or pg_terminate_backend closes the connection a worker kept: the next
    request must open a new one (Django's SELECT 1 check is off on PostgreSQL; the socket says it)."""
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # no connection is kept between requests
        return
    import psycopg

    connection.ensure_connection()
    killed = connection.connection.info.backend_pid
    assert not connection.health_check_enabled
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [killed])
    _wait_until_readable(connection.connection)
    response = client.get("/api/v1/issues/")
    assert response.status_code == 200
    assert connection.connection.info.backend_pid != killed


@pytest.mark.django_db(transaction=True)
def test_a_quiet_kept_connection_costs_no_select_1(client, monkeypatch):
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"
        return
    connection.ensure_connection()
    kept = connection.connection.info.backend_pid
    checks = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(1) or True)
    connection.health_check_done = False  # as each request's start leaves it (the test client skips that)
    assert client.get("/api/v1/issues/").status_code == 200
    assert checks == []
    assert connection.connection.info.backend_pid == kept


def test_postgresql_kept_connections_are_checked_on_their_socket_with_tcp_keepalives():
    """Django's SELECT 1 off, TCP keepalives on (they mark a flow a NAT dropped without a word);
    a DATABASE_URL's own keepalive options kept; SQLite left as it was."""
    from nafta_tracker.settings import _check_health_by_socket

    postgresql = {"ENGINE": "django.db.backends.postgresql", "CONN_HEALTH_CHECKS": True, "OPTIONS": {}}
    _check_health_by_socket(postgresql)
    assert postgresql["CONN_HEALTH_CHECKS"] is False
    assert postgresql["OPTIONS"] == {
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
    }
    own = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"keepalives_idle": "120"}}
    _check_health_by_socket(own)
    assert own["OPTIONS"]["keepalives_idle"] == "120"
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "CONN_HEALTH_CHECKS": True, "OPTIONS": {}}
    _check_health_by_socket(sqlite)
    assert sqlite == {"ENGINE": "django.db.backends.sqlite3", "CONN_HEALTH_CHECKS": True, "OPTIONS": {}}


def test_this_postgresql_connection_sends_tcp_keepalives():
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"
        return
    import socket

    connection.ensure_connection()
    kept = socket.socket(fileno=connection.connection.fileno())
    try:
        assert kept.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
        assert kept.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == 30
    finally:
        kept.detach()  # the socket is psycopg's: leave it open
