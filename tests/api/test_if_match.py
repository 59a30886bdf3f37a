"""Updates honour If-Match: an edit made on a stale copy is refused with 412, never silently applied."""

import pytest

from issues.models import Statement
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_a_stale_etag_gets_412_and_leaves_the_row_alone(editor_api):
    statement = StatementFactory(text="Original")
    url = f"/api/v1/statements/{statement.pk}/"
    etag = editor_api.get(url)["ETag"]
    assert editor_api.patch(url, {"text": "First edit"}, format="json", HTTP_IF_MATCH=etag).status_code == 200

    late = editor_api.patch(url, {"text": "Second edit"}, format="json", HTTP_IF_MATCH=etag)

    assert late.status_code == 412
    assert late.json()["errors"][0]["code"] == "precondition_failed"
    assert Statement.objects.get(pk=statement.pk).text == "First edit"


def test_the_etag_returned_by_an_update_allows_the_next_one(editor_api):
    source = SourceFactory(title="Before")
    url = f"/api/v1/sources/{source.pk}/"
    first = editor_api.patch(url, {"title": "Middle"}, format="json", HTTP_IF_MATCH=editor_api.get(url)["ETag"])
    second = editor_api.patch(url, {"title": "After"}, format="json", HTTP_IF_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second.json()["title"] == "After"


def test_an_edit_to_another_statement_does_not_make_my_etag_stale(editor_api):
    mine, other = StatementFactory(), StatementFactory()
    etag = editor_api.get(f"/api/v1/statements/{mine.pk}/")["ETag"]
    other_url = f"/api/v1/statements/{other.pk}/"
    editor_api.patch(
        other_url, {"text": "Someone else's edit"}, format="json", HTTP_IF_MATCH=editor_api.get(other_url)["ETag"]
    )
    response = editor_api.patch(f"/api/v1/statements/{mine.pk}/", {"text": "Mine"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200


def test_an_update_without_if_match_is_428_and_changes_nothing(editor_api):
    statement = StatementFactory(text="Original")
    response = editor_api.put(
        f"/api/v1/statements/{statement.pk}/",
        {"speaker": statement.speaker.slug, "text": "Replaced", "date": "2018-03-28", "source": statement.source.pk},
        format="json",
    )
    assert response.status_code == 428, response.content
    assert response.json()["errors"][0]["code"] == "precondition_required"
    assert Statement.objects.get(pk=statement.pk).text == "Original"


def test_the_schema_documents_412_and_428_on_updates(schema):
    patch = schema["paths"]["/api/v1/statements/{id}/"]["patch"]["responses"]
    assert {"412", "428"} <= set(patch)


def test_a_record_read_with_gzip_on_can_still_be_updated_with_its_etag(editor_api):
    # Pages are gzipped (nafta_tracker/compression.py), which weakens an ETag; the API's are
    # compared strongly here, so API answers are left uncompressed.
    statement = StatementFactory(text="Original")
    url = f"/api/v1/statements/{statement.pk}/"
    read = editor_api.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert not read.has_header("Content-Encoding")
    assert not read["ETag"].startswith("W/")

    update = editor_api.patch(url, {"text": "Edited"}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert update.status_code == 200
