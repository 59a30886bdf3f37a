"""?ordering=updated_at makes a list a change feed: oldest change first, paged by a cursor
that neither skips nor repeats a row while the data changes under the client."""

import datetime

import pytest
from django.utils import timezone

from issues import services
from issues.models import Statement
from tests.api.test_schema_contract import documented_errors
from tests.factories import IssueFactory, PositionFactory, StatementFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def settled(settings):
    """Serve changes at once (by default the feed holds them back 30 s, until their transactions surely committed)."""
    settings.API_FEED_SETTLE_SECONDS = 0


def feed(api, url, **params):
    """Every page of a feed, following next links: the (id, updated_at) of each row, in order."""
    seen = []
    response = api.get(url, {"ordering": "updated_at", "page_size": 2, **params})
    while True:
        assert response.status_code == 200, response.content
        seen += [(row.get("id", row.get("slug")), row["updated_at"]) for row in response.json()["results"]]
        if not response.json()["next"]:
            return seen
        response = api.get(response.json()["next"])


def test_the_feed_gives_every_change_once_oldest_first(api, settled):
    statements = [StatementFactory() for _ in range(5)]
    services.statement_update(statement=statements[0], text="Edited last")

    seen = feed(api, "/api/v1/statements/")

    assert [row_id for row_id, _ in seen] == [s.pk for s in statements[1:]] + [statements[0].pk]
    assert [moment for _, moment in seen] == sorted(moment for _, moment in seen)


def test_changes_made_while_a_client_pages_are_neither_skipped_nor_repeated(api, settled):
    statements = [StatementFactory() for _ in range(6)]
    first = api.get("/api/v1/statements/", {"ordering": "updated_at", "page_size": 2}).json()
    seen = [(row["id"], row["updated_at"]) for row in first["results"]]

    # Meanwhile: a row the client has seen changes, one it has not yet seen changes, one is added.
    services.statement_update(statement=statements[0], text="Seen, then changed")
    services.statement_update(statement=statements[4], text="Not seen yet, changed")
    added = StatementFactory()
    response = api.get(first["next"])
    while True:
        seen += [(row["id"], row["updated_at"]) for row in response.json()["results"]]
        if not response.json()["next"]:
            break
        response = api.get(response.json()["next"])

    assert len(seen) == len(set(seen)), "a version was served twice"
    latest = {}
    for row_id, moment in seen:
        latest[row_id] = moment
    current = {row["id"]: row["updated_at"] for row in api.get("/api/v1/statements/").json()["results"]}
    assert latest == current
    assert added.pk in latest
    # The row changed before the client reached it is served once, with its new content.
    assert [row_id for row_id, _ in seen].count(statements[4].pk) == 1


def test_the_issue_feed_is_ordered_by_the_issues_last_change(api, settled):
    quiet, busy = IssueFactory(), IssueFactory()
    PositionFactory(issue=busy)

    seen = feed(api, "/api/v1/issues/")

    assert [slug for slug, _ in seen] == [quiet.slug, busy.slug]


def test_positions_and_status_history_are_feeds_too(api, settled):
    position, assessment = PositionFactory(), StatusAssessmentFactory()
    assert [row_id for row_id, _ in feed(api, "/api/v1/positions/")] == [position.pk]
    assert [row_id for row_id, _ in feed(api, "/api/v1/status-history/")] == [assessment.pk]


def test_updated_since_narrows_the_feed(api, settled):
    old = StatementFactory()
    Statement.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=2))
    new = StatementFactory()
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert [row_id for row_id, _ in feed(api, "/api/v1/statements/", updated_since=since)] == [new.pk]


def test_a_change_is_held_back_until_it_has_settled(api):
    StatementFactory()
    response = api.get("/api/v1/statements/", {"ordering": "updated_at"})
    assert response.json()["count"] == 0  # younger than 30 s: its transaction might not be the last to commit
    assert api.get("/api/v1/statements/").json()["count"] == 1  # the plain list shows it at once


@pytest.mark.parametrize(
    ("params", "attr"),
    [
        ({"ordering": "updated_at", "cursor": "bogus"}, "cursor"),
        ({"ordering": "updated_at", "cursor": "WyJ4IiwxXQ"}, "cursor"),  # ["x", 1]
        ({"ordering": "updated_at", "page": "2"}, "page"),
        ({"cursor": "WyJ4IiwxXQ"}, "cursor"),
        ({"ordering": "-updated_at"}, "ordering"),
    ],
)
def test_malformed_feed_parameters_are_400_naming_the_parameter(api, settled, params, attr):
    response = api.get("/api/v1/statements/", params)
    assert response.status_code == 400, response.content
    assert [error["attr"] for error in response.json()["errors"]] == [attr]


def test_the_schema_documents_the_cursor_and_the_feed_ordering(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]}
    assert "cursor" in parameters
    assert "updated_at" in parameters["ordering"]["schema"]["items"]["enum"]


def test_an_empty_cursor_is_the_first_page(api, settled):
    StatementFactory()
    assert api.get("/api/v1/statements/", {"ordering": "updated_at", "cursor": ""}).json()["count"] == 1
    assert api.get("/api/v1/tombstones/", {"cursor": ""}).status_code == 200


def test_the_schema_documents_the_cursors_400(schema):
    assert "invalid" in documented_errors(schema, "/api/v1/statements/", "get")["cursor"]
