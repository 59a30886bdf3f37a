"""Shared fixtures: the NAFTA data, and the people who use the tracker (personas).

Also the suite's plumbing: a fast password hasher, and the ``ops`` and ``browser``
markers put on every test under ``tests/ops/`` and ``tests/browser/``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.test import override_settings
from django.utils import translation
from rest_framework.throttling import SimpleRateThrottle

from issues.seed.load import load_nafta_data
from nafta_tracker.registry import data_tables, derived_models

_snapshot: list[tuple[type[models.Model], list[models.Model]]] = []

TESTS = Path(__file__).resolve().parent
# Folders whose tests need more than Python and the database (Redis, subprocesses,
# Chromium): `pytest -m "not ops and not browser"` leaves them out. Declared in pyproject.toml.
MARKED_FOLDERS = {"ops": pytest.mark.ops, "browser": pytest.mark.browser}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test by the folder it lives in, so that ``-m`` can select by folder.

    The production tests also go to one pytest-xdist worker, one after another (``--dist
    loadgroup``, as `make test` runs): they share Redis's database 4, gunicorn and Varnish
    ports, and a built site, and would trip over each other side by side. First among the
    hooks: pytest-xdist reads the group in its own, and this file is loaded before xdist's
    worker plugin, so without ``tryfirst`` its hook ran after xdist's and no group was seen."""
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else None
        if folder in MARKED_FOLDERS:
            item.add_marker(MARKED_FOLDERS[folder])
        if folder == "ops":
            item.add_marker(pytest.mark.xdist_group("ops"))


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English.

    A request activates its language in the test's thread and nothing deactivates it, so
    without this a ``reverse()`` after another test's ``/es/`` request would give a
    Spanish URL."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


#: 12:30:30 on a day (UTC): half a minute, half an hour and half a day into the API
#: throttle's fixed windows of each period (nafta_tracker/api/throttling.py).
THROTTLE_NOW = 20834 * 86400 + 12 * 3600 + 30 * 60 + 30


@pytest.fixture(autouse=True)
def throttle_clock(monkeypatch):
    """The API throttle's clock stands still at ``THROTTLE_NOW`` unless a test moves it.

    Its windows are fixed: on the real clock, a test's four quick requests would now and
    then straddle two of them and the fourth would be allowed."""
    monkeypatch.setattr(SimpleRateThrottle, "timer", staticmethod(lambda: THROTTLE_NOW))


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """MD5 instead of PBKDF2 for the whole run.

    Django's default hasher is slow on purpose (a million PBKDF2 rounds, about 0.3 s per
    password here), and every persona fixture sets a password. A test that is about real
    hashing sets ``settings.PASSWORD_HASHERS`` back to Django's default itself. Subprocesses
    (tests/ops) read settings.py and keep the production hashers.
    """
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


def _data_models() -> list[type[models.Model]]:
    """Every table of the domain apps: models, many-to-many links and history; not the tables the
    database derives from them (its triggers fill those as the rows they copy come back)."""
    derived = set(derived_models())
    return [model for model in data_tables() if model not in derived]


@pytest.fixture
def nafta(db):
    """The shipped 2017–2018 NAFTA data, loaded as `make run` loads it.

    The loader validates every row (about a second per run); the suite needs the same
    rows in hundreds of tests. So it runs once per session and its rows (history and links
    included) are kept. The next test puts them back with one bulk insert per table, and the
    statements that sends are recorded: from then on a test replays them as they are. Building
    3,300 model instances' insert parameters again took a quarter of a second per test, about
    half of the suite's set-up time. So the rows' ``created_at`` and ``updated_at`` are the
    recording's time in every later test, not each test's own (``fresh_local_cache`` keeps a
    cache keyed on them from carrying over). ``tests/issues/test_seed_data.py`` calls the loader
    itself.
    """
    if not _snapshot:
        load_nafta_data()
        _snapshot.extend((model, list(model._base_manager.all())) for model in _data_models())
        return
    # One transaction: foreign keys are checked at its end (tables reference each other
    # across the two apps), and transactional tests run in autocommit mode.
    with transaction.atomic():
        if _inserts.get(connection.vendor):
            with connection.cursor() as cursor:
                for sql, params in _inserts[connection.vendor]:
                    cursor.execute(sql, params)
            return
        recorded: list[tuple[str, Any]] = []
        with connection.execute_wrapper(_Recorder(recorded)):
            for model, rows in _snapshot:
                model._base_manager.bulk_create([copy.copy(row) for row in rows])
            # Rows came back with their ids: move PostgreSQL's sequences past them.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in _snapshot]):
                    cursor.execute(sql)
    _inserts[connection.vendor] = recorded  # only a whole recording is replayed


#: The statements that put the snapshot back, by database vendor, recorded the first time.
_inserts: dict[str, list[tuple[str, Any]]] = {}


class _Recorder:
    """An execute wrapper that keeps each statement and its parameters, then runs it."""

    def __init__(self, into: list[tuple[str, Any]]) -> None:
        self.into = into

    def __call__(self, execute, sql, params, many, context):
        assert not many, "bulk_create sends one statement per batch"
        self.into.append((sql, params))
        return execute(sql, params, many, context)


@pytest.fixture(autouse=True)
def fresh_local_cache():
    """Each test starts with an empty in-process cache (the default without REDIS_URL).

    Row counts and the dataset zip are cached under the data's latest change time, which the
    ``nafta`` fixture's replayed rows share across tests; without this a test could read a
    count or a zip another test cached. A shared cache (Redis) is left alone: clearing it would
    clear it under every other pytest-xdist worker too."""
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        cache.clear()


@pytest.fixture
def editor(db) -> User:
    """A staff member of the Editors group (created by migration)."""
    user = User.objects.create_user("editor", password="editor-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", password="root-pass-1")


@pytest.fixture
def reader(db) -> User:
    """A logged-in user with no permissions at all: reads like the public."""
    return User.objects.create_user("reader", password="reader-pass-1")


@pytest.fixture
def one_negotiation(request):
    """The negotiation every fact needs, for tests that enter facts without the shipped record.

    Used autouse by the admin's and the API's tests (their conftest): a statement belongs to a
    negotiation, and with no record loaded there would be none to belong to."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames)
    if "nafta" in request.fixturenames or not uses_db:
        return None
    from tests.factories import NegotiationFactory

    request.getfixturevalue("db")
    return NegotiationFactory()
