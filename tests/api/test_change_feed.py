"""updated_since: what changed at or after a moment, so a client can poll cheaply."""

import datetime

import pytest
from django.utils import timezone

from issues import services
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
