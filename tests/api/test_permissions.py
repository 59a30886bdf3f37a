"""Anonymous clients and readers may read but not write; editors write the editable resources only."""

import pytest

from issues.models import Statement
from tests.factories import IssueFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return {
        "speaker": None,
        "attribution": "a US official",
        "text": "New words",
        "date": "2018-03-28",
        "source": SourceFactory().pk,
    }


def test_anonymous_writes_are_401_with_a_token_challenge(api, body):
    response = api.post("/api/v1/statements/", body, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert api.patch(f"/api/v1/statements/{StatementFactory().pk}/", {"text": "x"}, format="json").status_code == 401
    assert not Statement.objects.filter(text="New words").exists()


def test_a_reader_without_permissions_gets_403(reader_api, body):
    assert reader_api.post("/api/v1/statements/", body, format="json").status_code == 403
    assert reader_api.post("/api/v1/sources/", {"slug": "s", "title": "t"}, format="json").status_code == 403
    assert not Statement.objects.filter(text="New words").exists()


def test_an_editor_can_write_but_read_only_resources_stay_read_only(editor_api, body):
    assert editor_api.post("/api/v1/statements/", body, format="json").status_code == 201
    issue = IssueFactory()
    assert editor_api.patch(f"/api/v1/issues/{issue.slug}/", {"title": "x"}, format="json").status_code == 405
    assert editor_api.post("/api/v1/parties/", {"name": "x"}, format="json").status_code == 405


def test_nobody_deletes_through_the_api(editor_api):
    statement = StatementFactory()
    assert editor_api.delete(f"/api/v1/statements/{statement.pk}/").status_code == 405
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_session_auth_for_the_browsable_api_requires_csrf(editor, body):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post("/api/v1/statements/", body, format="json").status_code == 403
    assert client.get("/api/v1/statements/", HTTP_ACCEPT="text/html").status_code == 200
