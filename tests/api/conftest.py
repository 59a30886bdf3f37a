"""API clients for the personas, and a clean throttle between tests."""

from __future__ import annotations

import pytest
import yaml
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Throttle counters live in the cache; without this, requests from earlier tests would count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def schema(tmp_path_factory) -> dict:
    """The OpenAPI schema as `manage.py spectacular` writes it, parsed.

    Built once per run: generating and validating it takes about 4 s, and it depends on
    code and settings only, not on the database. Tests must not change it.
    """
    path = tmp_path_factory.mktemp("schema") / "schema.yaml"
    # --fail-on-warn turns any warning (unguessable type, enum clash...) into a failure.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


@pytest.fixture
def api() -> APIClient:
    """An anonymous client."""
    return APIClient()


def _token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def editor_api(editor) -> APIClient:
    """An editor authenticated with a token, as a script or newsroom tool would be."""
    return _token_client(editor)


@pytest.fixture
def reader_api(reader) -> APIClient:
    """A logged-in user without permissions: reads like the public, may not write."""
    return _token_client(reader)


def current(client: APIClient, url: str) -> dict[str, str]:
    """The If-Match header of an update made on what ``client`` reads at ``url`` now."""
    return {"HTTP_IF_MATCH": client.get(url)["ETag"]}


@pytest.fixture(autouse=True)
def _a_negotiation(one_negotiation):
    """Statements need a negotiation to belong to (tests/conftest.py)."""
