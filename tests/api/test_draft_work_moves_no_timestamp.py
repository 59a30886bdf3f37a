"""Draft work moves no public timestamp, and a source is public only once something public cites it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from issues.models import Issue, PublicationState, StatusAssessment
from tests.admin.helpers import errors_of, form_data
from tests.factories import IssueFactory, SourceFactory, StatusAssessmentFactory

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
