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
from collections import OrderedDict
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
    __slots__ = ("compiler", "converters", "names", "params", "slots", "sql")


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
    tied to its connection, hence one per connection (per thread). One value of
    ``values_by_lookups``.
    """
    return values_by_lookups(shape, field, [value], lambda values: build(values[0]), using=using)


def values_by_lookups(
    shape: Hashable,
    field: models.Field,
    values: Sequence[Any],
    build: Callable[[list[Any]], models.QuerySet],
    *,
    using: str,
) -> list[dict[str, Any]]:
    """``values_by_lookup`` for several values at once: the nested lists of a page of objects.

    ``build(values)`` filters on ``field`` being one of ``values``. Its query is built and
    compiled once per shape and per size, sizes being powers of two: the values are padded
    to the next one by repeating the last, which an ``IN`` list means the same with. So a page
    of 50 statements runs the query built for 64 keys, and there are at most ten sizes of
    each query, up to ``MAX_KEYS``; more keys than that (every row of a table) go to the ORM.
    ``build`` must read the values only as an ``IN`` list, where repeats change nothing.
    """
    if len(values) > MAX_KEYS:  # a whole table's keys (the dataset download): the ORM's query
        return list(build(list(values)))
    connection = connections[using]
    prepared = []
    # A page's keys are the integers its rows were read with: they are their own parameters
    # (what to_python() and get_prep_value() would make of them), checked against the
    # column's range only (2 to 4 us a key, a hundred keys a statements page, otherwise).
    internal_type = field.get_internal_type()
    integers = internal_type in connection.ops.integer_field_ranges
    low, high = connection.ops.integer_field_range(internal_type) if integers else (None, None)
    for value in values:
        if integers and type(value) is int:
            if (low is not None and value < low) or (high is not None and value > high):
                return list(build(list(values)))  # the ORM finds no row; the database would refuse it
            one, sentinel = value, _SENTINELS[int]
        else:
            one, sentinel = _prepared(field, value, connection)
        if sentinel is None or (prepared and type(one) is not type(prepared[0])):
            return list(build(list(values)))
        prepared.append(one)
    if not prepared:
        return list(build([]))
    size = 1 << (len(prepared) - 1).bit_length()
    known = _compiled_values.setdefault(connection, {})
    key = (using, shape, size)
    if key not in known:
        sentinels = _nth_sentinels(prepared[0], size)
        _keep(known, key, _compile_values(build(sentinels), sentinels, using))
    compiled = known[key]
    if compiled is None:
        return list(build(list(values)))
    return _fetch_values(connection, compiled, prepared + [prepared[-1]] * (size - len(prepared)))


def _nth_sentinels(example: Any, count: int) -> list[Any]:
    """``count`` distinct sentinels of ``example``'s type (an ``IN`` list drops repeats when built)."""
    first = _SENTINELS[type(example)]
    if isinstance(first, int):
        return [first - index for index in range(count)]
    return [f"{first}{index}" for index in range(count)]


# The most keys a nested list's query is compiled for: a page of at most 500 rows pads to 512.
MAX_KEYS = 512
# Shapes kept per connection before the oldest are let go (details' and nested lists' shapes are
# few: views x languages x sizes)...
MAX_SHAPES = 1_000
# ...and list pages, which the client chooses (page x page size x language x format): the least
# recently used are let go, so a crawler paging through everything cannot push out page 1.
MAX_PAGES = 200
_compiled_pages: weakref.WeakKeyDictionary[Any, OrderedDict[Hashable, _CompiledValues | None]] = (
    weakref.WeakKeyDictionary()
)


def _keep(known: dict[Hashable, _CompiledValues | None], key: Hashable, compiled: _CompiledValues | None) -> None:
    if len(known) >= MAX_SHAPES:
        del known[next(iter(known))]
    known[key] = compiled


def values_of_shape(shape: Hashable, build: Callable[[], models.QuerySet], *, using: str) -> list[dict[str, Any]]:
    """The dicts of ``build()``, a ``values()`` queryset, built and compiled once per ``shape``.

    For a query that depends on nothing but its shape: no lookup value, every parameter
    fixed by the build. A public list page is one: building the statements page's
    ``values()`` of some forty columns over six joins took the ORM about 2 ms, every
    request, for the same SQL. ``shape`` must name everything the build reads (the view,
    the reader, the language, the page's bounds...): what it leaves out is served from the
    first build. At most ``MAX_PAGES`` are kept per connection, the least recently used let go.
    """
    connection = connections[using]
    pages = _compiled_pages.setdefault(connection, OrderedDict())
    key = (using, shape)
    if key in pages:
        pages.move_to_end(key)
    else:
        if len(pages) >= MAX_PAGES:
            pages.popitem(last=False)
        pages[key] = _compile_values(build(), (), using)
    compiled = pages[key]
    if compiled is None:
        return list(build())
    return _fetch_values(connection, compiled, ())


_sql_by_shape: dict[Hashable, tuple[str, tuple]] = {}


def sql_of_shape(shape: Hashable, build: Callable[[], models.QuerySet], *, using: str) -> tuple[str, tuple]:
    """The SQL and parameters of ``build()``, a queryset that depends on nothing but ``shape``,
    compiled once per process (for keys made of a query's text, such as ``counted_rows``')."""
    key = (using, shape)
    sql = _sql_by_shape.get(key)
    if sql is None:
        # Shared by the process's threads: clear() and a dict's item assignment are each atomic,
        # where picking and deleting the oldest entry is not. The count's shapes (views x formats
        # x languages) stay far below the bound.
        if len(_sql_by_shape) >= MAX_SHAPES:
            _sql_by_shape.clear()
        sql = _sql_by_shape[key] = build().query.sql_with_params()
    return sql


def _fetch_values(connection: Any, compiled: _CompiledValues, values: Sequence[Any]) -> list[dict[str, Any]]:
    """The dicts of a compiled ``values()`` query run with ``values[i]`` in the places of its i-th sentinel."""
    params = list(compiled.params)
    for slot, index in compiled.slots:
        params[slot] = values[index]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        fetched = cursor.fetchall()
    names, converters = compiled.names, compiled.converters
    if converters is None:  # composite fields: only results_iter() knows how to shape them
        rows = compiled.compiler.results_iter(results=[fetched])
    elif converters:
        rows = _converted(fetched, converters, compiled.compiler.connection)
    else:
        rows = fetched
    return [dict(zip(names, row, strict=True)) for row in rows]


def _converted(rows: list[tuple], converters: list[tuple[int, tuple]], connection: Any) -> list[list]:
    """The rows with the database's values turned into Python's, as ``SQLCompiler.apply_converters``."""
    converted = []
    for row in rows:
        row = list(row)
        for place, (functions, expression) in converters:
            value = row[place]
            for function in functions:
                value = function(value, expression, connection)
            row[place] = value
        converted.append(row)
    return converted


def _run(connection: Any, compiled: _Compiled, prepared: Any) -> list[tuple]:
    """The rows of a compiled query run with ``prepared`` in its sentinel's places."""
    params = list(compiled.params)
    for slot in compiled.slots:
        params[slot] = prepared
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        return cursor.fetchall()


def _compile_values(queryset: models.QuerySet, sentinels: Sequence[Any], using: str) -> _CompiledValues | None:
    # Only plain values(): a subclass of its iterable may shape the rows in ways skipped here.
    if queryset.db != using or queryset._iterable_class is not ValuesIterable:
        return None
    query = queryset.query
    compiler = query.get_compiler(using=using)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:  # provably no row for any key: the ORM answers [] without a query
        return None
    slots = _sentinel_slots(params, sentinels)
    if len({index for _slot, index in slots}) != len(sentinels):
        return None  # the build did not pass every value on as a parameter: only the ORM knows
    compiled = _CompiledValues()
    compiled.compiler, compiled.sql, compiled.params, compiled.slots = compiler, sql, tuple(params), tuple(slots)
    # The converters of each column, found once: results_iter() looked them up on every fetch
    # (a tenth of an issue's detail time went to finding its five queries' converters).
    selected_expressions = [column[0] for column in compiler.select[: compiler.col_count]]
    if compiler.has_composite_fields(selected_expressions):
        compiled.converters = None
    else:
        compiled.converters = list(compiler.get_converters(selected_expressions).items())
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

    # Connect first: opening a connection runs queries of its own (django.contrib.postgres looks up
    # the hstore type's OIDs on the process's first connection), and the first of them would be
    # caught in place of the build's, leaving the shape uncompiled for the life of the process:
    # a worker whose first request was a statement detail built that detail's version query with
    # the ORM on every request after (about 5 ms of 12).
    connections[using].ensure_connection()
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


def _sentinel_slots(params: Sequence[Any], sentinels: Sequence[Any]) -> tuple[tuple[int, int], ...]:
    """(place, i) for each place of the i-th sentinel among a query's parameters, in one pass
    (a page's 512 sentinels among its parameters)."""
    wanted = {(type(sentinel), sentinel): index for index, sentinel in enumerate(sentinels)}
    slots = []
    for place, param in enumerate(params):
        if isinstance(param, (int, str)) and (index := wanted.get((type(param), param))) is not None:
            slots.append((place, index))
    return tuple(slots)


def _slots(params: Sequence[Any], sentinel: Any) -> tuple[int, ...]:
    """The places of ``sentinel`` among a query's parameters (same type too: ``True == 1``)."""
    return tuple(index for index, param in enumerate(params) if type(param) is type(sentinel) and param == sentinel)


def _last_logged(connection: Any) -> Any:
    return connection.queries_log[-1] if connection.queries_log else None


def forget() -> None:
    """Drop every compiled query (tests that change what a shape builds)."""
    _compiled.clear()
    _compiled_values.clear()
    _compiled_pages.clear()
    _sql_by_shape.clear()
