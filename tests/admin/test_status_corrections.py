"""In the admin too, a published status entry is corrected, never rewritten in place."""

import pytest
from django.urls import reverse

from issues.models import PublicationState, StatusAssessment
from tests.admin.helpers import errors_of, form_data
from tests.factories import StatusAssessmentFactory

pytestmark = pytest.mark.django_db


def change_url(entry: StatusAssessment) -> str:
    return reverse("admin:issues_statusassessment_change", args=[entry.pk])


def test_the_change_form_refuses_to_rewrite_a_published_entry(client, editor):
    client.force_login(editor)
    entry = StatusAssessmentFactory(status="under_discussion")
    page = client.get(change_url(entry))

    response = client.post(change_url(entry), form_data(page, status="agreed"))

    assert response.status_code == 200
    assert "correction" in " ".join(errors_of(response)["status"])
    assert StatusAssessment.objects.get(pk=entry.pk).status == "under_discussion"
    assert "Correct this entry" in page.content.decode()


def test_the_issue_inline_refuses_to_rewrite_a_published_entry(client, editor):
    client.force_login(editor)
    entry = StatusAssessmentFactory(status="under_discussion")
    url = reverse("admin:issues_issue_change", args=[entry.issue_id])
    page = client.get(url)

    response = client.post(url, form_data(page, **{"status_history-0-status": "agreed"}))

    assert response.status_code == 200
    assert "correction" in " ".join(errors_of(response)["status_history-0-status"])
    assert StatusAssessment.objects.get(pk=entry.pk).status == "under_discussion"


def test_a_draft_stays_editable_in_the_change_form(client, editor):
    client.force_login(editor)
    entry = StatusAssessmentFactory(status="under_discussion", state=PublicationState.DRAFT, published_at=None)
    page = client.get(change_url(entry))

    response = client.post(change_url(entry), form_data(page, status="agreed"))

    assert response.status_code == 302
    assert StatusAssessment.objects.get(pk=entry.pk).status == "agreed"


def test_correct_this_entry_records_a_correction_with_the_reason_and_the_editor(client, editor):
    client.force_login(editor)
    entry = StatusAssessmentFactory(status="under_discussion", note="As reported")
    url = reverse("admin:issues_statusassessment_correct", args=[entry.pk])
    page = client.get(url)
    assert page.context["form"]["note"].value() == "As reported"  # prefilled

    data = {name: value for name, value in page_form_values(page).items() if value is not None}
    response = client.post(url, {**data, "status": "agreed", "reason": "The release says agreed."})

    assert response.status_code == 302, errors_of_form(response)
    correction = StatusAssessment.objects.get(corrects=entry)
    assert (correction.status, correction.note, correction.correction_reason) == (
        "agreed",
        "As reported",
        "The release says agreed.",
    )
    assert correction.history.earliest().history_user == editor
    assert StatusAssessment.objects.get(pk=entry.pk).status == "under_discussion"


def test_correct_this_entry_without_a_reason_is_refused(client, editor):
    client.force_login(editor)
    entry = StatusAssessmentFactory(status="under_discussion")
    url = reverse("admin:issues_statusassessment_correct", args=[entry.pk])
    data = page_form_values(client.get(url))

    response = client.post(url, {**data, "status": "agreed", "reason": ""})

    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert not StatusAssessment.objects.filter(corrects=entry).exists()


def page_form_values(response) -> dict:
    form = response.context["form"]
    values = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            values[name] = str(getattr(value, "pk", value))
    return values


def errors_of_form(response):
    return response.context["form"].errors if response.context else response
