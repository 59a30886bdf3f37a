"""Clients send their token as ``Bearer`` (what client libraries default to) or ``Token``;
credentials the API does not understand are a 401, never a silent anonymous answer."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from issues.models import Statement
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def client_with(header: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    return client


@pytest.fixture
def key(editor) -> str:
    return Token.objects.create(user=editor).key


def draft_body() -> dict:
    return {"attribution": "a US official", "text": "New words", "date": "2018-03-28", "source": SourceFactory().pk}


@pytest.mark.parametrize("scheme", ["Bearer", "Token", "bearer", "TOKEN"])
def test_an_editor_writes_and_sees_drafts_with_either_scheme(key, scheme):
    client = client_with(f"{scheme} {key}")
    draft = StatementFactory(state="draft", published_at=None)

    assert client.post("/api/v1/statements/", draft_body(), format="json").status_code == 201
    assert client.get(f"/api/v1/statements/{draft.pk}/").status_code == 200
    assert Statement.objects.filter(text="New words").exists()


@pytest.mark.parametrize(
    "header",
    [
        "Basic ZWRpdG9yOmVkaXRvci1wYXNzLTE=",  # another scheme
        "Bearer",  # no token
        "Bearer a b",  # two
        "Bearer not-a-token",  # unknown token
        "",  # blank
        "Digest username=editor",
    ],
)
def test_credentials_the_api_does_not_understand_are_401_even_on_reads(key, header):
    client = client_with(header)

    read = client.get("/api/v1/statements/")
    write = client.post("/api/v1/statements/", draft_body(), format="json")

    assert read.status_code == 401, read.content
    assert read.json()["errors"][0]["code"] == "authentication_failed"
    assert read["WWW-Authenticate"] == 'Bearer realm="api"'
    assert write.status_code == 401
    assert not Statement.objects.filter(text="New words").exists()


def test_the_401_says_which_header_to_send(key):
    response = client_with(f"Basic {key}").get("/api/v1/issues/")
    assert "Authorization: Bearer <token>" in response.json()["errors"][0]["detail"]


def test_no_authorization_header_is_an_anonymous_read(api):
    StatementFactory()
    assert api.get("/api/v1/statements/").json()["count"] == 1


def test_the_schema_offers_bearer_and_token_as_alternatives(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["bearerAuth"]["description"],
    }
    assert schemes["tokenAuth"]["in"] == "header"
    security = schema["paths"]["/api/v1/statements/"]["post"]["security"]
    assert {"bearerAuth": []} in security and {"tokenAuth": []} in security
    # Reads need no credentials at all.
    assert {} in schema["paths"]["/api/v1/statements/"]["get"]["security"]
