"""updated_since: what changed at or after a moment, so a client can poll cheaply."""

import datetime

import pytest
from django.utils import timezone

from issues import services
from issues.models import Issue, Position, Source, Statement, StatusAssessment
from rounds.models import Party, Round
from tests.factories import IssueFactory, PositionFactory, StatementFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db


def moment() -> str:
    return timezone.now().isoformat().replace("+00:00", "Z")


def test_statements_and_positions_changed_since_a_moment(api):
    old_statement, old_position = StatementFactory(), PositionFactory()
    since = moment()
    new_statement, new_position = StatementFactory(), PositionFactory()
    services.statement_update(statement=old_statement, text="Corrected wording")

    statements = api.get("/api/v1/statements/", {"updated_since": since}).json()["results"]
    positions = api.get("/api/v1/positions/", {"updated_since": since}).json()["results"]

    assert {s["id"] for s in statements} == {new_statement.pk, old_statement.pk}
    assert [p["id"] for p in positions] == [new_position.pk]
    assert old_position.pk not in [p["id"] for p in positions]


def test_an_issue_counts_as_changed_when_its_status_or_a_position_changes(api):
    assessed, positioned, untouched = IssueFactory(), IssueFactory(), IssueFactory()
    since = moment()
    StatusAssessmentFactory(issue=assessed, status="near_agreement")
    PositionFactory(issue=positioned)

    body = api.get("/api/v1/issues/", {"updated_since": since}).json()["results"]

    assert {row["slug"] for row in body} == {assessed.slug, positioned.slug}
    changed = next(row for row in body if row["slug"] == assessed.slug)
    assert changed["status"] == "near_agreement"
    assert changed["updated_at"] >= since
    assert untouched.slug not in {row["slug"] for row in body}


def test_a_date_without_time_means_midnight_utc(api):
    StatementFactory()
    tomorrow = (timezone.now() + datetime.timedelta(days=1)).date().isoformat()
    assert api.get("/api/v1/statements/", {"updated_since": tomorrow}).json()["count"] == 0
    assert api.get("/api/v1/statements/", {"updated_since": "2000-01-01"}).json()["count"] == 1


def age_everything():
    """Move every row's timestamps a year back, so that a change made now is visible in them."""
    year_ago = timezone.now() - datetime.timedelta(days=365)
    for model in (Issue, Position, StatusAssessment, Statement, Party, Round, Source):
        model.objects.update(updated_at=year_ago)
    for model in (Position, StatusAssessment, Statement):
        model.objects.exclude(public_changed_at=None).update(public_changed_at=year_ago)


def public_view(api, issue):
    listing = api.get("/api/v1/issues/")
    row = next(row for row in listing.json()["results"] if row["slug"] == issue.slug)
    detail = api.get(f"/api/v1/issues/{issue.slug}/")
    return {
        "list ETag": listing["ETag"],
        "list Last-Modified": listing["Last-Modified"],
        "detail ETag": detail["ETag"],
        "updated_at": row["updated_at"],
        "statements Last-Modified": api.get("/api/v1/statements/")["Last-Modified"],
    }


def test_an_editor_saving_drafts_changes_nothing_the_public_can_see(api):
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="far_apart")
    draft = PositionFactory(issue=issue, state="draft", published_at=None)
    said = StatementFactory(issues=[issue])
    age_everything()
    since = moment()
    before = public_view(api, issue)

    services.position_update(position=draft, summary="Still being written")
    # (Citing the draft position's source: a new source would itself be a public change.)
    unpublished = {"state": "draft", "published_at": None, "source": draft.source}
    StatusAssessmentFactory(issue=issue, status="agreed", **unpublished)
    StatementFactory(issues=[issue], speaker=said.speaker, **unpublished)

    assert public_view(api, issue) == before
    assert api.get("/api/v1/issues/", {"updated_since": since}).json()["count"] == 0

    services.publish(draft)
    after = public_view(api, issue)
    assert after["updated_at"] >= since and after["detail ETag"] != before["detail ETag"]
    assert [row["slug"] for row in api.get("/api/v1/issues/", {"updated_since": since}).json()["results"]] == [
        issue.slug
    ]


def test_taking_an_assessment_back_to_draft_is_a_public_change(api):
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="far_apart")
    latest = StatusAssessmentFactory(issue=issue, status="progressing")
    age_everything()
    since = moment()

    services.unpublish(latest)

    [row] = api.get("/api/v1/issues/", {"updated_since": since}).json()["results"]
    assert (row["slug"], row["status"]) == (issue.slug, "far_apart")
