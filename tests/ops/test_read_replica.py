"""With DATABASE_REPLICA_URL, public reads go to the replica; writes, the admin and
reads after a write go to the primary."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.db import router
from django.http import HttpResponse
from django.test import RequestFactory

from issues.models import Statement
from nafta_tracker.db_routing import PrimaryReplicaRouter, ReplicaRoutingMiddleware, replica_reads
from rounds.models import Party

from .conftest import ROOT, production_env


@pytest.fixture
def replica_router(settings):
    settings.DATABASE_ROUTERS = [PrimaryReplicaRouter()]


def database_read_by(method: str, path: str, *, write_first: bool = False) -> dict[str, str]:
    """Which database each model is read from inside a request's view."""
    seen = {}

    def view(request):
        if write_first:
            router.db_for_write(Party)  # what every save, update or delete asks first
        seen["statements"] = Statement.objects.all().db
        seen["users"] = User.objects.all().db
        return HttpResponse()

    ReplicaRoutingMiddleware(view)(RequestFactory().generic(method, path))
    return seen


def test_public_get_requests_read_domain_data_from_the_replica(replica_router):
    assert database_read_by("GET", "/statements/") == {"statements": "replica", "users": "default"}
    assert database_read_by("HEAD", "/issues/dairy/")["statements"] == "replica"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_requests_that_change_things_read_from_the_primary(replica_router, method):
    assert database_read_by(method, "/api/v1/statements/")["statements"] == "default"


def test_the_admin_reads_from_the_primary(replica_router):
    assert database_read_by("GET", "/admin/issues/statement/")["statements"] == "default"


def test_after_a_write_the_request_reads_its_own_writes_from_the_primary(replica_router):
    assert database_read_by("GET", "/statements/", write_first=True)["statements"] == "default"


def test_the_next_request_may_use_the_replica_again(replica_router):
    database_read_by("GET", "/statements/", write_first=True)
    assert database_read_by("GET", "/statements/")["statements"] == "replica"


def test_outside_requests_everything_uses_the_primary(replica_router):
    assert Statement.objects.all().db == "default"
    with replica_reads():
        assert Statement.objects.all().db == "replica"


def test_only_the_primary_is_migrated():
    assert PrimaryReplicaRouter().allow_migrate("default", "issues") is True
    assert PrimaryReplicaRouter().allow_migrate("replica", "issues") is False


def test_two_real_databases_pages_read_the_replica_and_the_admin_the_primary(built_site, tmp_path):
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    shutil.copy(built_site["database"], primary)
    shutil.copy(built_site["database"], replica)
    env = production_env(
        DATABASE_URL=f"sqlite:///{primary}",
        DATABASE_REPLICA_URL=f"sqlite:///{replica}",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_MANIFEST="0",
        DJANGO_SETTINGS_MODULE="nafta_tracker.settings",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.ops.replica_probe"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {
        "public page": ["Replicalandia"],
        "public page, logged in": ["Replicalandia"],
        "admin": ["Primaria"],
        "healthz": {"status": "ok", "checks": {"database": "ok", "replica": "ok", "cache": "ok"}},
    }
