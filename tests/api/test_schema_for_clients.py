"""The schema says what generated clients need to trust it: one error type, every header, honest types.

tests/ops/test_generated_clients.py generates a Python and a TypeScript client from it and
runs them against a live server; these tests pin the schema's side without one.
"""

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

PROBLEM = {"$ref": "#/components/schemas/Problem"}
NULL = {"$ref": "#/components/schemas/NullEnum"}


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_error_answer_is_the_one_problem_type_as_json(schema):
    for path, method, operation in operations(schema):
        for code, response in operation["responses"].items():
            if int(code) >= 400:
                assert response["content"] == {"application/json": response["content"]["application/json"]}, (
                    path,
                    method,
                    code,
                )
                assert response["content"]["application/json"]["schema"] == PROBLEM, (path, method, code)
    names = set(schema["components"]["schemas"])
    assert {name for name in names if "Error" in name} == {"ProblemError"}


def test_the_problem_type_is_rfc_9457_with_the_errors_list_kept(schema):
    problem = schema["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail", "errors"}


def test_an_error_answer_is_a_problem_document_that_still_has_type_and_errors(api):
    response = api.get("/api/v1/statements/?date_after=yesterday&kind=rumour")
    body = response.json()
    assert response["Content-Type"] == "application/json"
    assert (body["type"], body["title"], body["status"]) == ("validation_error", "Bad Request", 400)
    assert {error["attr"] for error in body["errors"]} == {"date_after", "kind"}
    assert "date_after: " in body["detail"]
    assert "kind: " in body["detail"]


def test_every_read_documents_its_validators_its_304_and_anonymous_access(schema):
    for path, method, operation in operations(schema):
        if method != "get":
            continue
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert {"If-None-Match", "If-Modified-Since"} <= headers, path
        assert {"ETag", "Last-Modified"} <= set(operation["responses"]["304"]["headers"]), path
        assert {"ETag", "Last-Modified", "RateLimit-Remaining"} <= set(operation["responses"]["200"]["headers"]), path
        assert {} in operation["security"], path


def test_lists_document_their_page_headers_and_writes_their_validators(schema):
    listed = schema["paths"]["/api/v1/issues/"]["get"]["responses"]["200"]["headers"]
    assert {"Link", "X-Total-Count"} <= set(listed)
    created = schema["paths"]["/api/v1/statements/"]["post"]["responses"]["201"]["headers"]
    assert {"Location", "ETag", "Last-Modified"} <= set(created)
    update = schema["paths"]["/api/v1/statements/{id}/"]["patch"]
    if_match = next(p for p in update["parameters"] if p["name"] == "If-Match")
    assert if_match["required"] is True
    assert {"ETag", "Last-Modified"} <= set(update["responses"]["200"]["headers"])


def test_the_304_the_schema_promises_is_what_a_repeated_read_gets(api):
    StatementFactory()
    first = api.get("/api/v1/statements/")
    again = api.get("/api/v1/statements/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert first["X-Total-Count"] == "1"


def test_csv_is_documented_as_text(schema):
    content = schema["paths"]["/api/v1/statements/"]["get"]["responses"]["200"]["content"]
    assert content["text/csv"]["schema"]["type"] == "string"
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/PaginatedStatementList"}


def test_answers_mark_every_field_required_and_only_real_nulls_nullable(schema):
    statement = schema["components"]["schemas"]["Statement"]
    assert set(statement["required"]) == set(statement["properties"])
    assert "nullable" not in statement["properties"]["url"]  # an object's own URL is always there
    assert statement["properties"]["round"]["oneOf"] == [{"$ref": "#/components/schemas/RoundSummary"}, NULL]
    page = schema["components"]["schemas"]["PaginatedStatementList"]
    assert set(page["required"]) == {"count", "next", "previous", "results"}
    # Request bodies keep their optional fields.
    body = schema["components"]["schemas"]["StatementInputRequest"]
    assert set(body["required"]) < set(body["properties"])


def test_no_nullable_without_a_type_and_a_relative_server(schema):
    def walk(node, where):
        if isinstance(node, dict):
            assert not (node.get("nullable") and "type" not in node), where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema, "#")
    assert schema["servers"] == [{"url": "/"}]


def test_a_null_related_object_is_null_in_the_answer(api):
    statement = StatementFactory(round=None)
    assert api.get(f"/api/v1/statements/{statement.pk}/").json()["round"] is None


@pytest.mark.parametrize(("query", "status"), [("page=true", 400), ("page_size=0", 400), ("page=99", 404)])
def test_a_request_that_fails_without_if_none_match_fails_with_it_too(api, query, status):
    # RFC 9110 13.2.1: preconditions are ignored when the request would not succeed without them.
    StatementFactory()
    assert api.get(f"/api/v1/statements/?{query}").status_code == status
    assert api.get(f"/api/v1/statements/?{query}", HTTP_IF_NONE_MATCH="*").status_code == status
    assert api.get("/api/v1/statements/?page=last", HTTP_IF_NONE_MATCH="*").status_code == 304


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_IF_MODIFIED_SINCE": "Fri, 21 Jan 3944 09:22:34 GMT"},
        # An If-None-Match that parses to no ETag is ignored, as Django ignores it: the date decides.
        {"HTTP_IF_NONE_MATCH": 'W/"6<z?j=`%6:skp,4C["', "HTTP_IF_MODIFIED_SINCE": "Fri, 21 Jan 3944 09:22:34 GMT"},
    ],
)
def test_a_date_in_the_future_does_not_turn_a_bad_filter_into_a_304(api, headers):
    StatementFactory()
    assert api.get("/api/v1/issues/?status=no-such-status", **headers).status_code == 400
    assert api.get("/api/v1/issues/?page=true", **headers).status_code == 400
    assert api.get("/api/v1/issues/", **headers).status_code == 304
