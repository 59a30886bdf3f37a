"""One ORM query, built and compiled once, then run for any value of its lookup.

A detail's ETag is one aggregate query over the object and every row it shows
(``freshness.version_of``). Building that query with the ORM and compiling it to SQL took
about 6 ms of a statement detail's 17 ms on PostgreSQL, for a query the database answers
in well under one: the query is the same for every statement but for the statement's id.

``run_by_lookup`` builds the query once per shape with a sentinel in place of the lookup
value, catches its SQL and parameters on their way to the database (the query is not
run), and from then on runs that SQL with the real value where the sentinel was. Every
other parameter (a state, a date) comes from the build and stays: so the shape key must
name everything the query depends on other than the lookup value (the view, its action,
whether drafts are seen, the language...). Where the sentinel cannot be found, or the value
is not one the field would accept, the query is built as before; so is every later request of
a shape whose first build ran some other query first (nothing to catch): slower, never wrong.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connections, models
from django.db.models.query import ValuesIterable

_SENTINELS: dict[type, Any] = {int: -2_147_000_123, str: "\u2063compiled-sql-sentinel\u2063"}


class _Caught(Exception):  # control flow, not an error
    def __init__(self, alias: str, sql: str, params: Sequence[Any]) -> None:
        self.alias, self.sql, self.params = alias, sql, params


class _Compiled:
    __slots__ = ("params", "slots", "sql")

    def __init__(self, sql: str, params: Sequence[Any], slots: tuple[int, ...]) -> None:
        self.sql, self.params, self.slots = sql, tuple(params), slots


_compiled: dict[Hashable, _Compiled | None] = {}


def run_by_lookup(
    shape: Hashable,
    field: models.Field,
    value: Any,
    build_and_run: Callable[[Any], Any],
    read: Callable[[tuple], Any],
    *,
    using: str,
) -> Any:
    """What ``build_and_run(value)`` gives, without building its query again for a known ``shape``.

    ``build_and_run(lookup_value)`` builds the query with the ORM, runs it (one query, on
    ``using``) and returns its result; ``read(row)`` turns the query's one row, fetched with a
    plain cursor, into the same result. ``field``: the model field the value is looked up in.
    """
    connection = connections[using]
    prepared, sentinel = _prepared(field, value, connection)
    if sentinel is None:
        return build_and_run(value)  # the ORM's own handling of a value it cannot take as it is
    key = (using, connection.vendor, shape)
    if key not in _compiled:
        _compiled[key] = _compile(build_and_run, sentinel, using)
    compiled = _compiled[key]
    if compiled is None:
        return build_and_run(value)
    return read(_run(connection, compiled, prepared)[0])


def _prepared(field: models.Field, value: Any, connection: Any) -> tuple[Any, Any]:
    """(the value as the query's parameter, the sentinel standing for it), or (None, None) where
    only the ORM knows what to do: a value the field refuses, or an integer beyond the column's
    range (the ORM finds no row; the database would refuse the parameter)."""
    try:
        prepared = field.get_prep_value(field.to_python(value))
    except (TypeError, ValueError, ValidationError):
        return None, None
    sentinel = _SENTINELS.get(type(prepared))
    if isinstance(prepared, int):
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        if (low is not None and prepared < low) or (high is not None and prepared > high):
            return None, None
    return prepared, sentinel


class _CompiledValues:
    __slots__ = ("compiler", "names", "params", "slots", "sql")


# A compiler belongs to its connection (one per thread): per connection, and let go with it.
_compiled_values: weakref.WeakKeyDictionary[Any, dict[Hashable, _CompiledValues | None]] = weakref.WeakKeyDictionary()


def values_by_lookup(
    shape: Hashable,
    field: models.Field,
    value: Any,
    build: Callable[[Any], models.QuerySet],
    *,
    using: str,
) -> list[dict[str, Any]]:
    """The dicts of ``build(value)``, a ``values()`` queryset, without building it again for a known ``shape``.

    The first time, the queryset is built for a sentinel and compiled; its compiler is kept
    with the SQL, so that the rows later fetched with a plain cursor go through the same
    converters as the queryset's own (SQLite gives dates as text, for one). A compiler is
    tied to its connection, hence one per connection (per thread).
    """
    connection = connections[using]
    prepared, sentinel = _prepared(field, value, connection)
    if sentinel is None:
        return list(build(value))
    known = _compiled_values.setdefault(connection, {})
    key = (using, shape)
    if key not in known:
        known[key] = _compile_values(build(sentinel), sentinel, using)
    compiled = known[key]
    if compiled is None:
        return list(build(value))
    fetched = _run(connection, compiled, prepared)
    names = compiled.names
    return [dict(zip(names, row, strict=True)) for row in compiled.compiler.results_iter(results=[fetched])]


def _run(connection: Any, compiled: _Compiled | _CompiledValues, prepared: Any) -> list[tuple]:
    """The rows of a compiled query run with ``prepared`` in its sentinel's places."""
    params = list(compiled.params)
    for slot in compiled.slots:
        params[slot] = prepared
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        return cursor.fetchall()


def _compile_values(queryset: models.QuerySet, sentinel: Any, using: str) -> _CompiledValues | None:
    # Only plain values(): a subclass of its iterable may shape the rows in ways skipped here.
    if queryset.db != using or queryset._iterable_class is not ValuesIterable:
        return None
    query = queryset.query
    compiler = query.get_compiler(using=using)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:  # provably no row for any key: the ORM answers [] without a query
        return None
    slots = _slots(params, sentinel)
    if not slots:
        return None
    compiled = _CompiledValues()
    compiled.compiler, compiled.sql, compiled.params, compiled.slots = compiler, sql, tuple(params), slots
    # As ValuesIterable names the columns (Django 5.2: ``selected`` when values() mixes fields and annotations).
    selected = getattr(query, "selected", None)
    compiled.names = (
        list(selected) if selected else [*query.extra_select, *query.values_select, *query.annotation_select]
    )
    return compiled


def _compile(build_and_run: Callable[[Any], Any], sentinel: Any, using: str) -> _Compiled | None:
    """The SQL ``build_and_run`` would send for ``sentinel``, the sentinel's places in its parameters."""

    def catch(execute, sql, params, many, context):
        raise _Caught(context["connection"].alias, sql, params or ())

    # A debug cursor (DEBUG, or a test counting queries) logs even a query that did not run:
    # that entry is taken back, so a build counts no query.
    last_logged = {connection.alias: _last_logged(connection) for connection in connections.all()}
    with contextlib.ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(connection.execute_wrapper(catch))
        try:
            build_and_run(sentinel)
        except _Caught as caught:
            log = connections[caught.alias].queries_log
            if log and log[-1] is not last_logged.get(caught.alias):
                log.pop()
            if caught.alias != using or not isinstance(caught.sql, str):
                return None
            slots = _slots(caught.params, sentinel)
            return _Compiled(caught.sql, caught.params, slots) if slots else None
    return None  # it ran no query


def _slots(params: Sequence[Any], sentinel: Any) -> tuple[int, ...]:
    """The places of ``sentinel`` among a query's parameters (same type too: ``True == 1``)."""
    return tuple(index for index, param in enumerate(params) if type(param) is type(sentinel) and param == sentinel)


def _last_logged(connection: Any) -> Any:
    return connection.queries_log[-1] if connection.queries_log else None


def forget() -> None:
    """Drop every compiled query (tests that change what a shape builds)."""
    _compiled.clear()
    _compiled_values.clear()
