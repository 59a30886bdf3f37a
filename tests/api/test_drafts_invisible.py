"""Drafts never reach anyone who may not change them: lists, details, nested data."""

import pytest

from tests.factories import (
    IssueFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = {"state": "draft", "published_at": None}


@pytest.fixture
def drafts():
    round_ = RoundFactory()
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="far_apart", round=round_, date=round_.start_date)
    return {
        "issue": issue,
        "round": round_,
        "statement": StatementFactory(
            text="draft words", issues=[issue], round=round_, date=round_.start_date, **DRAFT
        ),
        "position": PositionFactory(issue=issue, summary="draft position", **DRAFT),
        "assessment": StatusAssessmentFactory(
            issue=issue, status="agreed", round=round_, date=round_.end_date, note="draft note", **DRAFT
        ),
    }


@pytest.mark.parametrize("client_name", ["api", "reader_api"])
def test_the_public_and_readers_never_see_drafts(request, drafts, client_name):
    client = request.getfixturevalue(client_name)
    issue, round_ = drafts["issue"], drafts["round"]

    assert client.get("/api/v1/statements/").json()["count"] == 0
    assert client.get("/api/v1/positions/").json()["count"] == 0
    history = client.get("/api/v1/status-history/").json()["results"]
    assert [entry["status"] for entry in history] == ["far_apart"]
    for url in (
        f"/api/v1/statements/{drafts['statement'].pk}/",
        f"/api/v1/positions/{drafts['position'].pk}/",
        f"/api/v1/status-history/{drafts['assessment'].pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/api/v1/issues/{issue.slug}/",
        "/api/v1/issues/",
        f"/api/v1/rounds/{round_.slug}/",
        "/api/v1/statements/?state=draft",
        "/api/v1/issues/?format=csv",
    ):
        body = client.get(url).content.decode()
        for secret in ("draft words", "draft position", "draft note", '"agreed"'):
            assert secret not in body, (url, secret)
    issue_body = client.get(f"/api/v1/issues/{issue.slug}/").json()
    assert issue_body["status"] == "far_apart"
    assert issue_body["positions"] == [] and issue_body["latest_positions"] == []


def test_editors_read_back_their_drafts(editor_api, drafts):
    statements = editor_api.get("/api/v1/statements/?state=draft").json()["results"]
    assert [s["id"] for s in statements] == [drafts["statement"].pk]
    assert statements[0]["state"] == "draft"
    assert editor_api.get(f"/api/v1/positions/{drafts['position'].pk}/").status_code == 200
    # Nested data is the public picture, for editors too: the draft assessment does not become the status.
    assert editor_api.get(f"/api/v1/issues/{drafts['issue'].slug}/").json()["status"] == "far_apart"


def test_the_etag_differs_between_the_public_and_an_editor(api, editor_api, drafts):
    assert api.get("/api/v1/statements/")["ETag"] != editor_api.get("/api/v1/statements/")["ETag"]


@pytest.mark.parametrize("client_name", ["api", "reader_api"])
def test_a_source_behind_drafts_only_stays_unseen_until_one_is_published(request, editor_api, client_name):
    client = request.getfixturevalue(client_name)
    source = SourceFactory(title="Leaked memo on dairy")
    statement = StatementFactory(source=source, **DRAFT)
    PositionFactory(source=source, **DRAFT)
    detail = f"/api/v1/sources/{source.pk}/"

    assert client.get("/api/v1/sources/").json()["count"] == 0
    assert client.get(detail).status_code == 404
    assert editor_api.get(detail).status_code == 200  # the editor preparing the statement sees it

    listed = client.get("/api/v1/sources/")
    url = f"/api/v1/statements/{statement.pk}/"
    editor_api.patch(url, {"state": "published"}, format="json", HTTP_IF_MATCH=editor_api.get(url)["ETag"])
    assert client.get("/api/v1/sources/", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 200
    assert [row["id"] for row in client.get("/api/v1/sources/").json()["results"]] == [source.pk]
    assert client.get(detail).json()["title"] == "Leaked memo on dairy"
