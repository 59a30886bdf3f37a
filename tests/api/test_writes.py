"""Editors write statements, positions, status history and sources: same rules as the admin, all or nothing."""

import datetime

import pytest

from issues.models import Position, Source, Statement, StatusAssessment
from tests.api.conftest import current
from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PartyFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def attrs(response):
    return {error["attr"]: error["detail"] for error in response.json()["errors"]}


def test_an_editor_records_a_statement_with_its_issues_as_a_draft(editor_api):
    speaker, source = OfficialFactory(), SourceFactory()
    IssueFactory(slug="autos"), IssueFactory(slug="dairy")

    response = editor_api.post(
        "/api/v1/statements/",
        {
            "speaker": speaker.slug,
            "text": "We are close",
            "date": "2018-03-28",
            "source": source.pk,
            "issues": ["autos", "dairy"],
            "tone": "optimistic",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    statement = Statement.objects.get(text="We are close")
    assert statement.state == "draft"
    assert set(statement.issues.values_list("slug", flat=True)) == {"autos", "dairy"}
    assert response["Location"] == f"http://testserver/api/v1/statements/{statement.pk}/"
    assert response.json()["speaker"]["slug"] == speaker.slug
    assert response["ETag"]


def test_a_statement_whose_date_is_outside_its_round_is_refused_and_not_saved(editor_api):
    round_6 = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    response = editor_api.post(
        "/api/v1/statements/",
        {
            "speaker": OfficialFactory().slug,
            "text": "Out of round",
            "date": "2018-03-28",
            "round": round_6.slug,
            "source": SourceFactory().pk,
            "issues": [IssueFactory().slug],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "round" in attrs(response)
    assert not Statement.objects.filter(text="Out of round").exists()


def test_an_unnamed_speaker_needs_the_attribution(editor_api):
    response = editor_api.post(
        "/api/v1/statements/", {"text": "Words", "date": "2018-03-28", "source": SourceFactory().pk}, format="json"
    )
    assert response.status_code == 400
    assert "attribution" in attrs(response)


def test_shape_errors_name_the_field(editor_api):
    response = editor_api.post(
        "/api/v1/statements/",
        {"speaker": "nobody", "text": "Words", "date": "someday", "source": 999999, "kind": "rumour"},
        format="json",
    )
    assert response.status_code == 400
    assert {"speaker", "date", "source", "kind"} <= set(attrs(response))


def test_patch_changes_one_field_and_can_publish(editor_api):
    statement = StatementFactory(text="Old words", state="draft", published_at=None)

    url = f"/api/v1/statements/{statement.pk}/"
    response = editor_api.patch(
        url, {"text": "New words", "state": "published"}, format="json", **current(editor_api, url)
    )

    assert response.status_code == 200, response.content
    statement.refresh_from_db()
    assert (statement.text, statement.state) == ("New words", "published")
    assert statement.published_at is not None


def test_an_editor_records_a_position_and_a_status_assessment(editor_api):
    issue, party, source = IssueFactory(), PartyFactory(), SourceFactory()
    round_6 = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))

    position = editor_api.post(
        "/api/v1/positions/",
        {
            "issue": issue.slug,
            "party": party.slug,
            "kind": "proposal",
            "summary": "Sunset review every 5 years",
            "date": "2018-01-29",
            "round": round_6.slug,
            "source": source.pk,
            "state": "published",
        },
        format="json",
    )
    assessment = editor_api.post(
        "/api/v1/status-history/",
        {
            "issue": issue.slug,
            "status": "progressing",
            "round": round_6.slug,
            "source": source.pk,
            "state": "published",
        },
        format="json",
    )

    assert position.status_code == 201, position.content
    assert Position.objects.get(summary="Sunset review every 5 years").state == "published"
    assert assessment.status_code == 201, assessment.content
    saved = StatusAssessment.objects.get(issue=issue)
    assert saved.date == D(2018, 1, 29)  # the round's last day, as the service decides
    assert assessment.json()["status_label"] == "Progressing"


def test_a_bad_status_code_is_refused(editor_api):
    response = editor_api.post(
        "/api/v1/status-history/",
        {"issue": IssueFactory().slug, "status": "sort_of", "date": "2018-01-29", "source": SourceFactory().pk},
        format="json",
    )
    assert response.status_code == 400
    assert "status" in attrs(response)
    assert not StatusAssessment.objects.exists()


def test_sources_slugs_are_unique_and_errors_use_the_api_field_names(editor_api):
    SourceFactory(slug="afp-1")
    duplicate = editor_api.post("/api/v1/sources/", {"slug": "afp-1", "title": "Again"}, format="json")
    assert duplicate.status_code == 400
    assert "slug" in attrs(duplicate)

    nothing = editor_api.post("/api/v1/sources/", {"slug": "empty"}, format="json")
    assert nothing.status_code == 400
    assert not Source.objects.filter(slug="empty").exists()

    bad_link = editor_api.post("/api/v1/sources/", {"slug": "ftp", "link": "ftp://x.example/a"}, format="json")
    assert bad_link.status_code == 400
    assert "link" in attrs(bad_link)

    created = editor_api.post(
        "/api/v1/sources/", {"slug": "cbc-1", "outlet": "CBC", "link": "https://cbc.example/1"}, format="json"
    )
    assert created.status_code == 201, created.content
    assert created.json()["link"] == "https://cbc.example/1"
