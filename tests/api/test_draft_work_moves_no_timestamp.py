"""Draft work moves no public timestamp, and a source is public only once something public cites it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from issues.models import Issue, PublicationState, Source, StatusAssessment
from tests.admin.helpers import errors_of, form_data
from tests.factories import IssueFactory, SourceFactory, StatementFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db


def moment(value: datetime.datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def test_a_draft_assessment_added_on_the_issue_page_changes_neither_updated_at_nor_updated_since(api, client, editor):
    issue = IssueFactory(slug="dairy")
    StatusAssessmentFactory(issue=issue, status="far_apart")
    Issue.objects.filter(pk=issue.pk).update(updated_at=timezone.now() - datetime.timedelta(days=3))
    before = api.get(f"/api/v1/issues/{issue.slug}/").json()["updated_at"]
    since = moment(timezone.now())

    client.force_login(editor)
    url = reverse("admin:issues_issue_change", args=[issue.pk])
    page = client.get(url)
    inline = next(f for f in page.context["inline_admin_formsets"] if f.formset.model is StatusAssessment)
    prefix, index = inline.formset.prefix, inline.formset.initial_form_count()
    data = form_data(
        page,
        **{
            f"{prefix}-{index}-status": "agreed",
            f"{prefix}-{index}-date": "2018-09-30",
            f"{prefix}-{index}-date_precision": "day",
            f"{prefix}-{index}-source": str(SourceFactory().pk),
            f"{prefix}-{index}-note": "Zanzibar",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    assert issue.status_history.get(status="agreed").state == PublicationState.DRAFT

    assert api.get(f"/api/v1/issues/{issue.slug}/").json()["updated_at"] == before
    assert api.get("/api/v1/issues/", {"updated_since": since}).json()["results"] == []


def test_a_source_created_through_the_api_is_unseen_until_a_published_fact_cites_it(client, api, editor_api):
    created = editor_api.post("/api/v1/sources/", {"slug": "memo", "title": "Leaked memo"}, format="json")
    assert created.status_code == 201, created.json()
    source = Source.objects.get(slug="memo")
    detail = f"/api/v1/sources/{source.pk}/"

    # Nothing cites it: not public (it would otherwise appear now and 404 once a draft cites it).
    assert api.get(detail).status_code == 404
    assert api.get("/api/v1/sources/").json()["count"] == 0
    assert client.get(source.get_absolute_url()).status_code == 404

    statement = StatementFactory(source=source, state="draft", published_at=None)
    assert api.get(detail).status_code == 404
    assert api.get("/api/v1/sources/").json()["count"] == 0
    assert client.get(source.get_absolute_url()).status_code == 404

    url = f"/api/v1/statements/{statement.pk}/"
    editor_api.patch(url, {"state": "published"}, format="json", HTTP_IF_MATCH=editor_api.get(url)["ETag"])
    assert api.get(detail).json()["title"] == "Leaked memo"
    assert [row["id"] for row in api.get("/api/v1/sources/").json()["results"]] == [source.pk]
    assert client.get(source.get_absolute_url()).status_code == 200


def test_editing_a_source_only_drafts_cite_moves_no_public_validator(api, editor_api):
    public = StatementFactory().source
    hidden = SourceFactory(title="Leaked memo")
    StatementFactory(source=hidden, state="draft", published_at=None)
    listed = api.get("/api/v1/sources/")
    statements = api.get("/api/v1/statements/")

    url = f"/api/v1/sources/{hidden.pk}/"
    response = editor_api.patch(
        url, {"title": "Leaked memo, annotated"}, format="json", HTTP_IF_MATCH=editor_api.get(url)["ETag"]
    )
    assert response.status_code == 200, response.json()

    assert api.get("/api/v1/sources/", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 304
    assert api.get("/api/v1/statements/", HTTP_IF_NONE_MATCH=statements["ETag"]).status_code == 304
    assert [row["id"] for row in api.get("/api/v1/sources/").json()["results"]] == [public.pk]
