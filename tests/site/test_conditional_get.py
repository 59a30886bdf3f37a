"""Public pages carry ETag and Last-Modified; a repeat visit gets 304 until something changes."""

import pytest
from django.urls import reverse

from tests.factories import IssueFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_a_page_has_validators_and_a_repeat_visit_gets_304(client):
    issue = IssueFactory()
    first = client.get(issue.get_absolute_url())
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(issue.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(issue.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_publishing_a_statement_changes_the_etag(client):
    url = reverse("issues:statement-list")
    draft = StatementFactory(state="draft", published_at=None)
    etag = client.get(url)["ETag"]
    draft.state = "published"
    draft.published_at = draft.created_at
    draft.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_deleting_a_statement_changes_the_etag(client):
    statement = StatementFactory()
    url = reverse("issues:statement-list")
    etag = client.get(url)["ETag"]
    statement.delete()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_each_language_has_its_own_etag(client):
    IssueFactory()
    assert client.get("/issues/")["ETag"] != client.get("/fr/issues/")["ETag"]


def test_public_pages_set_no_cookie_so_any_cache_can_keep_them(client):
    StatementFactory()
    response = client.get(reverse("issues:statement-list"))
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_work_on_a_draft_does_not_change_the_etag(client):
    # The validators would otherwise tell any visitor when an editor last saved a draft.
    published = StatementFactory()
    draft = StatementFactory(state="draft", published_at=None, source=published.source, speaker=published.speaker)
    issue = IssueFactory()
    url = reverse("issues:statement-list")
    etag = client.get(url)["ETag"]

    draft.text = "Still being written"
    draft.save()
    draft.issues.add(issue)
    draft.delete()

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
