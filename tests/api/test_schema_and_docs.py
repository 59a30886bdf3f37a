"""The OpenAPI schema generates without warnings and documents filters, enums and errors; docs work offline."""

import re

import pytest

pytestmark = pytest.mark.django_db


def parameters(schema, path, method="get"):
    return {p["name"]: p for p in schema["paths"][path][method].get("parameters", [])}


def test_every_statement_filter_is_documented(schema):
    documented = parameters(schema, "/api/v1/statements/")
    expected = {"official", "party", "issue", "round", "kind", "tone", "date_after", "date_before", "q",
                "updated_since", "ordering", "page", "page_size"}  # fmt: skip
    assert expected <= set(documented)
    assert documented["kind"]["schema"]["enum"] == ["quote", "reported"]
    assert "500" in documented["page_size"]["description"]


def test_issue_filters_and_status_enum_are_documented(schema):
    documented = parameters(schema, "/api/v1/issues/")
    assert {"status", "party", "round", "q", "updated_since"} <= set(documented)
    assert documented["status"]["schema"]["type"] == "array"
    assert "far_apart" in schema["components"]["schemas"]["IssueStatusEnum"]["enum"]


def test_error_responses_are_documented(schema):
    update = schema["paths"]["/api/v1/statements/{id}/"]["patch"]["responses"]
    assert {"200", "400", "401", "403", "404", "412", "429"} <= set(update)
    assert "412" not in schema["paths"]["/api/v1/statements/"]["post"]["responses"]
    listing = schema["paths"]["/api/v1/statements/"]["get"]["responses"]
    assert {"200", "400", "404", "406", "429"} <= set(listing)


def test_the_schema_and_docs_are_served(api):
    assert api.get("/api/schema/").status_code == 200
    docs = api.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    # No inline script or style (a strict Content-Security-Policy forbids them) and no asset from another host.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    assert "/static/css/api-docs.css" in html
    assert not re.search(r'(src|href)="https?://', html)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert api.get("/api/docs/?script=")["Content-Type"].startswith("application/javascript")


def test_the_api_root_lists_every_resource(api):
    root = api.get("/api/v1/").json()
    assert set(root) == {"negotiations", "parties", "officials", "rounds", "issues", "statements", "positions",
                         "status-history", "milestones", "sources", "tombstones", "dataset"}  # fmt: skip
    assert root["issues"] == "http://testserver/api/v1/issues/"


def test_the_schema_speaks_the_language_asked_for(api):
    # The page-size help is built from settings; it must still be translated per request.
    for lang, words in (("en", "Results per page"), ("fr", "Résultats par page"), ("es", "Resultados por página")):
        parameters = api.get(f"/api/schema/?lang={lang}&format=json").json()["paths"]["/api/v1/issues/"]["get"][
            "parameters"
        ]
        page_size = next(p for p in parameters if p["name"] == "page_size")
        assert page_size["description"].startswith(words), (lang, page_size["description"])
