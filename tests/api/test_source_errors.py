"""A refused source says why in plain words, on the field at fault, once."""

import pytest

from issues.models import Source
from tests.api.conftest import current
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def errors(response):
    assert response.status_code == 400, response.content
    return [(error["attr"], error["code"], error["detail"]) for error in response.json()["errors"]]


def test_a_second_source_with_the_same_url_is_a_link_error_in_plain_words(editor_api):
    SourceFactory(url="https://news.example.com/montreal")
    response = editor_api.post(
        "/api/v1/sources/",
        {"slug": "again", "title": "Again", "link": "https://news.example.com/montreal"},
        format="json",
    )
    assert errors(response) == [("link", "unique", "Another source already has this URL.")]
    assert not Source.objects.filter(slug="again").exists()


def test_changing_a_source_to_a_url_already_recorded_is_refused_the_same_way(editor_api):
    SourceFactory(url="https://news.example.com/montreal")
    other = SourceFactory()
    url = f"/api/v1/sources/{other.pk}/"
    response = editor_api.patch(
        url, {"link": "https://news.example.com/montreal"}, format="json", **current(editor_api, url)
    )
    assert errors(response) == [("link", "unique", "Another source already has this URL.")]
    other.refresh_from_db()
    assert other.url != "https://news.example.com/montreal"


@pytest.mark.parametrize("body", [{"slug": "empty"}, {"slug": "blank", "title": "   ", "description": " "}])
def test_a_source_nobody_could_find_is_refused_once_with_the_reason(editor_api, body):
    response = editor_api.post("/api/v1/sources/", body, format="json")
    assert errors(response) == [
        (
            "non_field_errors",
            "unidentifiable",
            "Give at least a title, a description or a URL so readers can find the source.",
        )
    ]
    assert not Source.objects.exists()
