"""The API refuses dates outside 1990-01-01..2100-12-31, in its error shape, naming the range."""

import pytest

from issues.models import Source, Statement
from tests.factories import OfficialFactory, SourceFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Enter a date between 1990-01-01 and 2100-12-31."


def test_the_api_refuses_a_typo_year_in_the_error_shape(editor_api):
    response = editor_api.post(
        "/api/v1/statements/",
        {"speaker": OfficialFactory().slug, "text": "Typo", "date": "0018-03-28", "source": SourceFactory().pk},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert {e["attr"]: e["detail"] for e in response.json()["errors"]} == {"date": MESSAGE}
    assert not Statement.objects.filter(text="Typo").exists()


def test_the_api_refuses_a_source_published_in_9999(editor_api):
    response = editor_api.post(
        "/api/v1/sources/", {"slug": "late", "outlet": "X", "published_on": "9999-12-31"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert {e["attr"]: e["detail"] for e in response.json()["errors"]} == {"published_on": MESSAGE}
    assert not Source.objects.filter(slug="late").exists()
