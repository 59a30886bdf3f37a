"""What stopped being public reaches the change feed as tombstones, so a mirror can follow it exactly.

A mirror polls each resource's feed (``?ordering=updated_at``) and the tombstones, from the
``next`` URL it stopped at; after creates, edits, withdrawals and deletes it holds what the
API holds, and drafts that were never public leave no trace in either.
"""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from issues import services
from issues.models import Issue, Statement
from tests.api.conftest import current
from tests.factories import IssueFactory, OfficialFactory, PositionFactory, StatementFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db

RESOURCES = {"issues": "slug", "statements": "id", "positions": "id", "status-history": "id"}


@pytest.fixture(autouse=True)
def settled(settings):
    """Serve changes at once (by default the feed holds them back 30 s, until their transactions surely committed)."""
    settings.API_FEED_SETTLE_SECONDS = 0


def moment(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


class Mirror:
    """A client that keeps a copy of the public data by polling the change feed, as the README tells it to."""

    def __init__(self, api: APIClient) -> None:
        self.api = api
        self.copy: dict[str, dict[str, dict]] = {name: {} for name in RESOURCES}
        self.resume = {name: f"/api/v1/{name}/?ordering=updated_at&page_size=2" for name in RESOURCES}
        self.resume["tombstones"] = "/api/v1/tombstones/?page_size=2"
        self.requests = 0

    def pages(self, name: str):
        url = self.resume[name]
        while True:
            response = self.api.get(url)
            self.requests += 1
            assert response.status_code == 200, response.content
            body = response.json()
            yield body["results"]
            if body["next"] is None:
                self.resume[name] = url  # the last page came back empty: next time, start here
                return
            url = body["next"]

    def poll(self) -> None:
        events = []  # (time, order, apply): a removal and a later re-publication apply in time order
        for name, key in RESOURCES.items():
            for rows in self.pages(name):
                events += [(moment(row["updated_at"]), 1, name, str(row[key]), row) for row in rows]
        for rows in self.pages("tombstones"):
            events += [(moment(t["removed_at"]), 0, t["type"], t["id"], None) for t in rows]
        for _time, _order, name, key, row in sorted(events, key=lambda event: event[:2]):
            if row is None:
                self.copy[name].pop(key, None)
            else:
                self.copy[name][key] = row


def everything(api: APIClient) -> dict[str, dict[str, dict]]:
    """What the API shows now, read in full."""
    found = {}
    for name, key in RESOURCES.items():
        body = api.get(f"/api/v1/{name}/", {"page_size": 500}).json()
        assert body["next"] is None
        found[name] = {str(row[key]): row for row in body["results"]}
    return found


def patch(client, url: str, body: dict):
    response = client.patch(url, body, format="json", **current(client, url))
    assert response.status_code == 200, response.content
    return response


def test_a_mirror_polling_the_feed_ends_identical_to_the_api(api, editor_api):
    issue, other_issue = IssueFactory(), IssueFactory()
    kept, edited, withdrawn, deleted = (StatementFactory(issues=[issue]) for _ in range(4))
    secret = StatementFactory(state="draft", published_at=None, issues=[issue])
    position, withdrawn_position = PositionFactory(issue=issue), PositionFactory(issue=other_issue)
    assessment = StatusAssessmentFactory(issue=issue, status="far_apart")
    mirror = Mirror(api)
    mirror.poll()
    assert mirror.copy == everything(api)

    # Creates, edits, withdrawals and deletes, through the API and the admin's doors.
    created = editor_api.post(
        "/api/v1/statements/",
        {
            "speaker": OfficialFactory().slug,
            "text": "A new public statement",
            "date": "2018-03-28",
            "source": kept.source.pk,
            "state": "published",
        },
        format="json",
    )
    assert created.status_code == 201
    patch(editor_api, f"/api/v1/statements/{edited.pk}/", {"text": "Edited wording"})
    patch(editor_api, f"/api/v1/statements/{withdrawn.pk}/", {"state": "draft"})
    Statement.objects.get(pk=deleted.pk).delete()  # a superuser's delete in the admin
    patch(editor_api, f"/api/v1/positions/{withdrawn_position.pk}/", {"state": "draft"})
    patch(editor_api, f"/api/v1/positions/{position.pk}/", {"summary": "A firmer line"})
    services.status_assessment_correct(assessment=assessment, reason="Misread", status="progressing", user=None)
    patch(editor_api, f"/api/v1/statements/{secret.pk}/", {"text": "Still a draft"})
    mirror.poll()
    assert mirror.copy == everything(api)
    assert str(withdrawn.pk) not in mirror.copy["statements"]
    assert str(deleted.pk) not in mirror.copy["statements"]

    # Withdrawn, then published again; a draft that was never public deleted; another removal.
    patch(editor_api, f"/api/v1/statements/{withdrawn.pk}/", {"state": "published"})
    Statement.objects.get(pk=secret.pk).delete()
    Statement.objects.get(pk=kept.pk).delete()
    mirror.poll()
    assert mirror.copy == everything(api)
    assert str(withdrawn.pk) in mirror.copy["statements"]
    assert str(secret.pk) not in mirror.copy["statements"]


def test_a_repeat_poll_with_nothing_new_is_one_empty_page_per_resource_and_304_with_its_etag(api):
    StatementFactory()
    mirror = Mirror(api)
    mirror.poll()
    url = mirror.resume["statements"]
    first = api.get(url)
    assert first.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    StatementFactory()
    assert [row["text"] for row in api.get(url).json()["results"]] != []


def test_tombstones_say_what_when_and_why(api):
    withdrawn, deleted = StatementFactory(), PositionFactory()
    services.unpublish(withdrawn)
    deleted_id = deleted.pk
    deleted.delete()

    body = api.get("/api/v1/tombstones/").json()

    rows = [(t["type"], t["id"], t["reason"]) for t in body["results"]]
    assert rows == [("statements", str(withdrawn.pk), "withdrawn"), ("positions", str(deleted_id), "deleted")]
    assert body["results"][0]["url"] == f"http://testserver/api/v1/statements/{withdrawn.pk}/"
    assert api.get(body["results"][0]["url"]).status_code == 404
    assert moment(body["results"][0]["removed_at"]) <= timezone.now()


def test_an_issue_given_a_new_slug_leaves_a_tombstone_under_the_old_one(api):
    issue = IssueFactory(slug="dairy")
    issue.slug = "dairy-supply-management"
    issue.save()
    [tombstone] = api.get("/api/v1/tombstones/", {"type": "issues"}).json()["results"]
    assert (tombstone["id"], tombstone["reason"]) == ("dairy", "moved")
    Issue.objects.get(slug="dairy-supply-management").delete()
    reasons = [(t["id"], t["reason"]) for t in api.get("/api/v1/tombstones/", {"type": "issues"}).json()["results"]]
    assert reasons == [("dairy", "moved"), ("dairy-supply-management", "deleted")]


def test_drafts_that_were_never_public_leave_no_tombstone(api, editor_api):
    draft = StatementFactory(state="draft", published_at=None)
    before = api.get("/api/v1/tombstones/").json()
    patch(editor_api, f"/api/v1/statements/{draft.pk}/", {"text": "Reworded"})
    services.publish(StatementFactory(state="draft", published_at=None))  # public: no removal either
    Statement.objects.get(pk=draft.pk).delete()
    assert (
        api.get("/api/v1/tombstones/").json()
        == before
        == {
            "count": 0,
            "next": None,
            "previous": None,
            "results": [],
        }
    )
    # An editor sees the same public removals: tombstones are about what the public saw.
    assert editor_api.get("/api/v1/tombstones/").json()["count"] == 0


def test_the_tombstone_cursor_pages_without_skipping_or_repeating(api):
    statements = [StatementFactory() for _ in range(5)]
    expected = [str(s.pk) for s in statements]
    for statement in statements[:3]:
        services.unpublish(statement)
    first = api.get("/api/v1/tombstones/", {"page_size": 2}).json()
    for statement in statements[3:]:
        statement.delete()
    ids = [t["id"] for t in first["results"]]
    url = first["next"]
    while url:
        body = api.get(url).json()
        ids += [t["id"] for t in body["results"]]
        url = body["next"]
    assert ids == expected


@pytest.mark.parametrize(
    ("params", "attr"),
    [
        ({"type": "officials"}, "type"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"cursor": "bogus"}, "cursor"),
        ({"page_size": "0"}, "page_size"),
    ],
)
def test_bad_tombstone_parameters_are_400_naming_them(api, params, attr):
    response = api.get("/api/v1/tombstones/", params)
    assert response.status_code == 400, response.content
    assert [error["attr"] for error in response.json()["errors"]] == [attr]


def test_the_schema_documents_the_tombstones(schema):
    operation = schema["paths"]["/api/v1/tombstones/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"type", "updated_since", "cursor", "page_size"} <= names
    assert "page" not in names
    assert {} in operation["security"]


@pytest.mark.parametrize("cursor", ["abc\x00def", "not a cursor!"])
def test_a_cursor_with_characters_no_cursor_holds_is_invalid_as_the_schema_says(api, cursor):
    response = api.get("/api/v1/tombstones/", {"cursor": cursor})
    assert response.status_code == 400
    assert [(error["attr"], error["code"]) for error in response.json()["errors"]] == [("cursor", "invalid")]
