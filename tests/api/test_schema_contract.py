"""The OpenAPI schema documents every answer the API really gives.

`make fuzz` (schemathesis) holds the live server to this schema; these tests pin the
gaps it found, without the fuzzer: each documents an answer the API gave that the
schema did not allow.
"""

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/parties/",
    "/api/v1/officials/",
    "/api/v1/rounds/",
    "/api/v1/issues/",
    "/api/v1/statements/",
    "/api/v1/positions/",
    "/api/v1/status-history/",
    "/api/v1/milestones/",
    "/api/v1/sources/",
]


def documented_errors(schema, path, method, status="400"):
    """{attr: {codes}} of the errors an operation's response documents (its x-error-codes)."""
    response = schema["paths"][path][method]["responses"][status]
    assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    return {entry["attr"]: set(entry["codes"]) for entry in response["x-error-codes"]}


def error_pairs(response):
    return {(error["attr"], error["code"]) for error in response.json()["errors"]}


@pytest.mark.parametrize("path", LISTS)
def test_a_bad_page_or_page_size_is_a_documented_error_on_every_list(api, schema, path):
    documented = documented_errors(schema, path, "get")
    for query in ("page=0", "page_size=0", "page_size=501"):
        response = api.get(f"{path}?{query}")
        assert response.status_code == 400
        for attr, code in error_pairs(response):
            assert code in documented.get(attr, set()), (query, attr, code)


@pytest.mark.parametrize("path", ["/api/v1/issues/", "/api/v1/statements/", "/api/v1/status-history/"])
def test_an_empty_item_in_ordering_is_a_documented_error(api, schema, path):
    # Found by the fuzzer: ?ordering=,,,, was answered 200, though the schema's items are an enum.
    documented = documented_errors(schema, path, "get")
    for query in ("ordering=,", "ordering=updated_at,"):
        response = api.get(f"{path}?{query}")
        assert response.status_code == 400, query
        assert error_pairs(response) == {("ordering", "empty_item")}, query
        assert "empty_item" in documented["ordering"], path


@pytest.mark.parametrize("path", LISTS)
def test_the_bounds_of_page_and_page_size_are_in_the_schema(schema, path):
    parameters = {p["name"]: p["schema"] for p in schema["paths"][path]["get"]["parameters"]}
    assert parameters["page"] == {"type": "integer", "minimum": 1}
    assert parameters["page_size"] == {"type": "integer", "minimum": 1, "maximum": 500}


def test_reads_are_documented_as_open_to_anonymous_clients_and_writes_are_not(schema):
    statements = schema["paths"]["/api/v1/statements/"]
    assert {} in statements["get"]["security"]
    assert {} in schema["paths"]["/api/v1/issues/{slug}/"]["get"]["security"]
    assert {} not in statements["post"]["security"]
    assert {} not in schema["paths"]["/api/v1/statements/{id}/"]["patch"]["security"]


def test_the_rules_of_the_models_are_documented_errors_of_the_writes(schema):
    source = documented_errors(schema, "/api/v1/sources/", "post")
    assert "unidentifiable" in source["non_field_errors"]
    assert "unique" in source["link"]
    assert "unique" in source["slug"]
    statement = documented_errors(schema, "/api/v1/statements/{id}/", "patch")
    assert "duplicate" in statement["text"]
    assert "invalid" in statement["round"]  # the date must fall within the round


def test_a_duplicate_statement_answers_an_error_the_schema_documents(editor_api, schema):
    existing = StatementFactory()
    response = editor_api.post(
        "/api/v1/statements/",
        {"speaker": existing.speaker.slug, "text": existing.text, "date": "2018-03-28", "source": existing.source.pk},
        format="json",
    )
    assert response.status_code == 400
    documented = documented_errors(schema, "/api/v1/statements/", "post")
    assert error_pairs(response) == {("text", "duplicate")}
    assert "duplicate" in documented["text"]


def test_request_bodies_are_documented_as_json_only(schema):
    body = schema["paths"]["/api/v1/statements/"]["post"]["requestBody"]["content"]
    assert list(body) == ["application/json"]


def test_writes_are_not_documented_as_csv(schema):
    created = schema["paths"]["/api/v1/statements/"]["post"]["responses"]["201"]["content"]
    assert list(created) == ["application/json"]
    listed = schema["paths"]["/api/v1/statements/"]["get"]["responses"]["200"]["content"]
    assert "text/csv" in listed


def test_single_valued_filters_are_documented_as_ignored_when_empty(api, schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]}
    for name in ("kind", "party", "updated_since", "date_after", "q", "format"):
        assert parameters[name].get("allowEmptyValue") is True, name
        assert api.get(f"/api/v1/statements/?{name}=").status_code == 200
    # A repeated parameter is a list: an empty item is not one of its values.
    status = {p["name"]: p for p in schema["paths"]["/api/v1/issues/"]["get"]["parameters"]}["status"]
    assert "allowEmptyValue" not in status
    assert api.get("/api/v1/issues/?status=").status_code == 400


def test_slugs_in_paths_are_documented_with_their_pattern(schema):
    slug = {p["name"]: p for p in schema["paths"]["/api/v1/issues/{slug}/"]["get"]["parameters"]}["slug"]
    assert slug["schema"]["pattern"] == "^[-a-zA-Z0-9_]+$"
