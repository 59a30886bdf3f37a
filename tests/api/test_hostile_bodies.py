"""Oversized, deeply nested and over-long request bodies are refused as client errors, never a 500."""

import json

import pytest

from issues.models import Statement
from tests.factories import OfficialFactory, SourceFactory

pytestmark = pytest.mark.django_db


def statement(**fields) -> dict:
    return {
        "speaker": OfficialFactory().slug,
        "text": "Words",
        "date": "2018-03-28",
        "source": SourceFactory().pk,
        **fields,
    }


def test_a_ten_megabyte_body_is_a_413_naming_the_limit(editor_api):
    body = json.dumps(statement(text="x" * 10_000_000))
    response = editor_api.post("/api/v1/statements/", body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    [error] = response.json()["errors"]
    assert response.json()["type"] == "client_error"
    assert error["code"] == "request_too_large"
    assert "2.5 MB" in error["detail"] or "2,621,440" in error["detail"], error["detail"]
    assert not Statement.objects.exists()


def test_json_nested_a_thousand_levels_is_a_400(editor_api):
    body = "[" * 1000 + "]" * 1000
    response = editor_api.post("/api/v1/statements/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parse_error"


def test_json_nested_a_hundred_thousand_levels_is_a_400(editor_api):
    body = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = editor_api.post("/api/v1/statements/", body, content_type="application/json")
    assert response.status_code == 400


def test_statement_text_beyond_the_search_index_limit_is_a_400_naming_it(editor_api):
    response = editor_api.post("/api/v1/statements/", statement(text="word " * 250_000), format="json")
    assert response.status_code == 400, response.content[:300]
    [error] = response.json()["errors"]
    assert error["attr"] == "text"
    assert "100,000" in error["detail"] or "100000" in error["detail"], error["detail"]
    assert not Statement.objects.exists()
