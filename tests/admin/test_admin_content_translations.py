"""Editors enter English, French and Spanish for each translated text, and the interface
language never decides which one a save writes."""

import pytest
from django.urls import reverse

from issues.models import Issue
from tests.admin.helpers import errors_of, form_data
from tests.factories import IssueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue():
    return IssueFactory(title="Rules of origin", title_fr="Règles d’origine", slug="rules-of-origin")


def test_the_change_form_has_labelled_french_and_spanish_inputs_under_the_english_one(admin_client, issue):
    body = admin_client.get(reverse("admin:issues_issue_change", args=[issue.pk])).content.decode()
    assert "Title (English)" in body
    assert "Title (French)" in body
    assert "Title (Spanish)" in body
    assert "Leave empty to show the English text" in body
    assert 'name="title_en"' not in body
    assert body.index('name="title"') < body.index('name="title_fr"') < body.index('name="title_es"')


def test_an_editor_in_french_edits_the_english_title_without_clobbering_the_french(admin_client, issue):
    url = reverse("admin:issues_issue_change", args=[issue.pk])
    response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    data = form_data(response)
    assert data["title"] == "Rules of origin"  # the English field shows English, not the French
    data["title"] = "Rules of origin for cars"
    response = admin_client.post(url, data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302, errors_of(response)
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.title_en == "Rules of origin for cars"
    assert issue.title_fr == "Règles d’origine"
    assert Issue.objects.filter(title="Rules of origin for cars").exists()  # the English column


def test_an_editor_clears_a_translation_to_fall_back_to_english(admin_client, issue):
    url = reverse("admin:issues_issue_change", args=[issue.pk])
    data = form_data(admin_client.get(url, HTTP_ACCEPT_LANGUAGE="fr"))
    data["title_fr"] = ""
    response = admin_client.post(url, data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302, errors_of(response)
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.title_fr is None
    assert issue.title_en == "Rules of origin"


def test_the_admin_in_these_tests_really_speaks_french(admin_client, issue):
    body = admin_client.get(
        reverse("admin:issues_issue_change", args=[issue.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert '<html lang="fr"' in body
    assert "Titre (anglais)" in body
