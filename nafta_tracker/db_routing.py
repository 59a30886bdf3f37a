"""Read replica routing: public reads from the replica, everything else from the primary.

Active only when ``DATABASE_REPLICA_URL`` adds a ``replica`` database (settings then
install :class:`PrimaryReplicaRouter`). A request may read rounds/issues data from the
replica only when all of these hold:

* it is a GET/HEAD/OPTIONS request (a form post reads what it is about to change from
  the primary);
* its path is not under ``REPLICA_EXCLUDED_PATHS`` (the admin: editors must see what
  they just saved, and the admin reads before it writes);
* it has not written anything yet: after its first write, the request reads its own
  writes from the primary until it ends.

Accounts, sessions, permissions and login throttling (every app but rounds and issues)
always use the primary, so a replica's lag never logs anyone out. Outside a request
(management commands, the shell) everything uses the primary.

The decision lives in a context variable set by :class:`ReplicaRoutingMiddleware`, so it
is per request and per thread, with nothing shared between gunicorn threads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

from .registry import data_app_labels

PRIMARY = DEFAULT_DB_ALIAS
REPLICA = "replica"
_READ_METHODS = ("GET", "HEAD", "OPTIONS")

_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


@contextmanager
def replica_reads(allowed: bool = True) -> Iterator[None]:
    """Allow (or forbid) replica reads for the duration of the block."""
    token = _replica_allowed.set(allowed)
    try:
        yield
    finally:
        _replica_allowed.reset(token)


def request_may_read_replica(request: HttpRequest) -> bool:
    excluded = tuple(getattr(settings, "REPLICA_EXCLUDED_PATHS", ["/admin/"]))
    return request.method in _READ_METHODS and not request.path_info.startswith(excluded)


class ReplicaRoutingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with replica_reads(request_may_read_replica(request)):
            return self.get_response(request)


class PrimaryReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        if _replica_allowed.get() and model._meta.app_label in data_app_labels():
            return REPLICA
        return PRIMARY

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        # From the first write on, this request reads its own writes (the replica lags).
        _replica_allowed.set(False)
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        return True  # one database, two copies

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        # The replica is a copy of the primary made by PostgreSQL replication: migrate the primary only.
        return db == PRIMARY
