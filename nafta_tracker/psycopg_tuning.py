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
execution, from a cache of the last 128 queries, except for a query of more than 50
parameters, never cached: ORMs make such queries with ever-changing numbers of values (a
bulk insert of N rows), which would only crowd the cache. The nested lists of an API page
are such queries (``IN`` one key per row, padded to a power of two: 64 keys for a page of
50, by ``nafta_tracker.compiled_sql``), the same few texts on every request, and parsing
one took 90 to 180 microseconds. ``cache_long_parameter_lists`` raises the limit to what
those queries hold (``MAX_KEYS`` keys, twice where a query names them twice).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.backends.signals import connection_created

from .compiled_sql import MAX_KEYS


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


#: The most parameters of a query whose placeholders psycopg keeps parsed: the nested lists'
#: queries of a page of up to 500 rows (512 keys, named twice by the latest positions').
CACHED_PARAMETERS = 2 * MAX_KEYS + 16


def cache_long_parameter_lists() -> bool:
    """Let psycopg's cache of parsed queries hold those of up to ``CACHED_PARAMETERS``
    parameters; whether it could (False where psycopg has no such limit to raise)."""
    try:
        from psycopg import _queries
    except ImportError:
        return False
    if not isinstance(getattr(_queries, "MAX_CACHED_STATEMENT_PARAMS", None), int):
        return False
    _queries.MAX_CACHED_STATEMENT_PARAMS = max(_queries.MAX_CACHED_STATEMENT_PARAMS, CACHED_PARAMETERS)
    return True


def connect_signals() -> None:
    """Set psycopg up as above: the C timestamp loader on each new connection, the query cache now."""
    connection_created.connect(use_c_loader, dispatch_uid="nafta_tracker.psycopg_tuning")
    cache_long_parameter_lists()
