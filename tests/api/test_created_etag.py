"""A 201 Created carries the new object's ETag and Location: a client can update what it just made."""

import pytest

from issues.models import Position, Source, Statement, StatusAssessment
from tests.factories import IssueFactory, OfficialFactory, PartyFactory, SourceFactory

pytestmark = pytest.mark.django_db


def bodies():
    source = SourceFactory()
    issue = IssueFactory()
    return {
        "statements": (
            Statement,
            {"speaker": OfficialFactory().slug, "text": "We are close", "date": "2018-03-28", "source": source.pk},
            {"text": "We are very close"},
        ),
        "positions": (
            Position,
            {
                "issue": issue.slug,
                "party": PartyFactory().slug,
                "kind": "proposal",
                "summary": "Sunset review",
                "date": "2018-01-29",
                "source": source.pk,
            },
            {"summary": "Sunset review every 5 years"},
        ),
        "status-history": (
            StatusAssessment,
            {"issue": issue.slug, "status": "progressing", "date": "2018-01-29", "source": source.pk},
            {"note": "Assessed after the round"},
        ),
        "sources": (Source, {"slug": "cbc-1", "outlet": "CBC", "link": "https://cbc.example/1"}, {"title": "Talks"}),
    }


@pytest.mark.parametrize("resource", ["statements", "positions", "status-history", "sources"])
def test_the_etag_of_a_201_lets_the_creator_patch_the_new_object(editor_api, resource):
    model, body, change = bodies()[resource]

    created = editor_api.post(f"/api/v1/{resource}/", body, format="json")

    assert created.status_code == 201, created.content
    url = f"/api/v1/{resource}/{created.json()['id']}/"
    assert created["Location"] == f"http://testserver{url}"
    assert created["ETag"] == editor_api.get(url)["ETag"]
    patched = editor_api.patch(url, change, format="json", HTTP_IF_MATCH=created["ETag"])
    assert patched.status_code == 200, patched.content
    field, value = next(iter(change.items()))
    assert patched.json()[field] == value
    assert model.objects.filter(pk=created.json()["id"]).exists()


def test_the_etag_of_a_201_is_not_the_collections(editor_api):
    _model, body, _change = bodies()["sources"]
    created = editor_api.post("/api/v1/sources/", body, format="json")
    assert created["ETag"] != editor_api.get("/api/v1/sources/")["ETag"]


def test_the_schema_documents_location_and_etag_on_201(schema):
    created = schema["paths"]["/api/v1/statements/"]["post"]["responses"]["201"]
    assert {"Location", "ETag"} <= set(created["headers"])
