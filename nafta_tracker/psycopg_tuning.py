"""psycopg 3 as Django drives it, made to spend less time in Python per query.

Timestamps read by psycopg's C parser, not by Python
----------------------------------------------------

Django registers its own ``timestamptz`` loader on every psycopg 3 connection: a subclass
of psycopg's pure-Python loader that parses the text, then sets the connection's time
zone. Subclassing the Python class leaves the C parser of psycopg's binary build unused:
a timestamp cost about 3.5 microseconds to read, a tenth of the issues list's time (three
hundred and fifty of them on a page of 50 issues and their latest positions).

Where Django's zone is UTC and the session's is too (Django sets it when it connects),
psycopg's C loader gives the very same values: aware datetimes whose ``tzinfo`` is
``datetime.UTC``. ``connect_signals`` then puts it in Django's place on each new
connection. Elsewhere (another zone, the pure-Python build, SQLite) nothing changes.

Placeholders of a query parsed once, not on every run
-----------------------------------------------------

psycopg turns each query's ``%s`` placeholders into PostgreSQL's ``$1`` form on every
execution, from a cache of the last 128 queries (one cache per way of binding), except for
a query of more than 50 parameters or 4 kB, never cached: ORMs make such queries with
ever-changing numbers of values (a bulk insert of N rows), which would only crowd the cache.
The nested lists of an API page are such queries (``IN`` one key per row, padded to a power
of two: 64 keys for a page of 50, by ``nafta_tracker.compiled_sql``), the same few texts on
every request, and parsing one took 90 to 180 microseconds. ``cache_long_queries`` raises
the parameters' limit to what those queries hold for pages of up to 128 rows (257
parameters, 3.6 kB, for the latest positions of 128 issues); longer pages (up to 500 rows,
for exports) are parsed on each request, as before. The price: other queries of up to that
many parameters are cached too (an admin's ``IN`` list, a bulk write), may push a read out
of the cache until its next run, and take up to some 60 kB each (a parsed part per
placeholder): at most about 8 MB per process and per way of binding, 128 entries.

A kept connection checked without a round trip
----------------------------------------------

A connection kept between requests (``CONN_MAX_AGE``) may have been closed by the server
meanwhile: a restart, a failover, ``idle_session_timeout``, ``pg_terminate_backend``.
Django's health check (``CONN_HEALTH_CHECKS``) finds out by sending ``SELECT 1`` before
the first query of every request: a round trip of 0.15 to 0.3 ms, on every request that
reads the database, for a connection that is nearly always fine. A server that closes a
connection says so on its socket (a FATAL message, then the end of the stream), so
``close_dead_connections`` looks there instead, at the start of each request: a socket
with nothing to read is a connection the server has not closed, with no message sent; one
with something to read (or a connection psycopg already knows is broken) gets Django's own
check, ``SELECT 1``, and is closed if that fails, so the request's first query opens a new
one. A connection that ends without a word on its socket (a NAT or a firewall forgetting
an idle flow, a host powered off) is found by TCP keepalives, which settings.py asks libpq
for on PostgreSQL connections: after 30 s idle, a probe every 10 s, given up after three,
when the kernel marks the socket in error and this check sees it. The probes also keep a
middlebox from forgetting a flow that is still wanted. What is left: a flow dropped since
the last probe, whose first query fails (one request) where ``SELECT 1`` would have met
the reset and reconnected. Django's check is turned off on PostgreSQL in settings.py, where
``select.poll`` exists (not on Windows); SQLite keeps no connection between requests.
"""

from __future__ import annotations

import datetime
import select
from typing import Any

from django.core.signals import request_started
from django.db import connections
from django.db.backends.signals import connection_created


def c_timestamptz_loader() -> type | None:
    """A loader class for ``timestamptz`` backed by psycopg's C loader, or None without it."""
    try:
        from psycopg import _cmodule
        from psycopg.adapt import Loader
    except ImportError:
        return None
    c_module = getattr(_cmodule, "_psycopg", None)
    if c_module is None:  # the pure-Python build of psycopg
        return None
    c_loader = c_module.TimestamptzLoader  # final: wrapped, not subclassed

    class CTimestamptzLoader(Loader):
        # Read by Django's create_cursor(): a loader whose zone is the connection's is kept.
        timezone = datetime.UTC

        def __init__(self, oid: int, context: Any = None) -> None:
            super().__init__(oid, context)
            # psycopg calls the instance's ``load``: the C loader's own, with no Python frame.
            self.load = c_loader(oid, context).load

        def load(self, data: Any) -> datetime.datetime:  # replaced per instance in __init__
            raise NotImplementedError

    return CTimestamptzLoader


LOADER = c_timestamptz_loader()


def use_c_loader(sender: Any, connection: Any, **kwargs: Any) -> None:
    """On a new PostgreSQL connection in UTC, read timestamps with psycopg's C loader."""
    if LOADER is None or connection.vendor != "postgresql" or connection.timezone is not datetime.UTC:
        return
    raw = connection.connection
    # The C loader gives datetimes in the session's zone, which Django has just set to its own.
    if raw.info.parameter_status("TimeZone") != "UTC":
        return
    raw.adapters.register_loader("timestamptz", LOADER)


#: Pages of up to this many rows have their nested lists' queries parsed once (the default
#: page holds 50; exports of up to 500 are parsed each time, their entries too large to keep).
CACHED_KEYS = 128
#: The most parameters of a query whose placeholders psycopg keeps parsed: a nested list's
#: query for ``CACHED_KEYS`` keys, which names them twice (the latest positions').
CACHED_PARAMETERS = 2 * CACHED_KEYS + 16


def cache_long_queries() -> bool:
    """Let psycopg keep the parsed placeholders of queries of up to ``CACHED_PARAMETERS``
    parameters; whether it could (False where psycopg has no such limit to raise). psycopg
    reads the limit at each query, for either way of binding (server or client side)."""
    try:
        from psycopg import _queries
    except ImportError:
        return False
    if not isinstance(getattr(_queries, "MAX_CACHED_STATEMENT_PARAMS", None), int):
        return False
    _queries.MAX_CACHED_STATEMENT_PARAMS = max(_queries.MAX_CACHED_STATEMENT_PARAMS, CACHED_PARAMETERS)
    return True


def server_closed(raw: Any) -> bool:
    """Whether an idle psycopg connection may have been closed by the server: psycopg says it is
    closed or broken, or the server has sent something (nothing is due on an idle connection)."""
    from psycopg.pq import TransactionStatus

    if raw.closed or raw.broken:
        return True
    status = raw.info.transaction_status
    if status == TransactionStatus.UNKNOWN:
        return True
    if status != TransactionStatus.IDLE:
        return False  # in a transaction (a test's, say): not idle, nothing to judge
    poller = select.poll()
    poller.register(raw.fileno(), select.POLLIN | select.POLLPRI)
    return bool(poller.poll(0))  # also reports POLLHUP and POLLERR


def close_dead_connections(**kwargs: Any) -> None:
    """At a request's start, close each kept PostgreSQL connection the server has closed
    (see the module docstring): its first query then connects again instead of failing."""
    if not hasattr(select, "poll"):
        return  # Django's own check stays on there (settings.py)
    for connection in connections.all(initialized_only=True):
        if connection.vendor != "postgresql" or connection.connection is None or connection.health_check_enabled:
            continue  # Django checks it itself (CONN_HEALTH_CHECKS), or there is nothing to check
        if server_closed(connection.connection) and not connection.is_usable():
            connection.close()


def connect_signals() -> None:
    """Set psycopg up as above: the C timestamp loader on each new connection, the query cache
    now, and the check of kept connections at the start of each request."""
    connection_created.connect(use_c_loader, dispatch_uid="nafta_tracker.psycopg_tuning")
    cache_long_queries()
    request_started.connect(close_dead_connections, dispatch_uid="nafta_tracker.psycopg_tuning.health")
