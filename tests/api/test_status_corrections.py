"""Over the API, a published status entry is corrected (POST …/correction/), never patched in place."""

import datetime

import pytest

from issues.models import PublicationState, StatusAssessment
from tests.api.conftest import current
from tests.api.test_schema_contract import documented_errors, error_pairs
from tests.factories import StatusAssessmentFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def url(entry: StatusAssessment) -> str:
    return f"/api/v1/status-history/{entry.pk}/"


def test_a_patch_to_a_published_entry_is_refused_and_the_row_is_unchanged(editor_api, schema):
    entry = StatusAssessmentFactory(status="under_discussion")

    response = editor_api.patch(url(entry), {"status": "agreed"}, format="json", **current(editor_api, url(entry)))

    assert response.status_code == 400, response.content
    assert error_pairs(response) == {("status", "published")}
    assert "correction" in response.json()["errors"][0]["detail"]
    assert StatusAssessment.objects.get(pk=entry.pk).status == "under_discussion"
    documented = documented_errors(schema, "/api/v1/status-history/{id}/", "patch")
    assert "published" in documented["status"]


def test_a_draft_entry_is_patched_in_place(editor_api):
    entry = StatusAssessmentFactory(status="under_discussion", state=PublicationState.DRAFT, published_at=None)

    response = editor_api.patch(url(entry), {"status": "agreed"}, format="json", **current(editor_api, url(entry)))

    assert response.status_code == 200, response.content
    assert StatusAssessment.objects.get(pk=entry.pk).status == "agreed"


def test_a_published_entry_can_still_be_taken_back_to_draft(editor_api):
    entry = StatusAssessmentFactory()

    response = editor_api.patch(url(entry), {"state": "draft"}, format="json", **current(editor_api, url(entry)))

    assert response.status_code == 200, response.content
    assert StatusAssessment.objects.get(pk=entry.pk).state == PublicationState.DRAFT


def test_a_correction_keeps_the_old_entry_and_becomes_the_issue_status(editor, editor_api, api):
    entry = StatusAssessmentFactory(status="under_discussion", date=D(2018, 1, 29))

    response = editor_api.post(
        f"{url(entry)}correction/",
        {"status": "agreed", "reason": "The release says the chapter closed."},
        format="json",
        **current(editor_api, url(entry)),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["corrects"], body["superseded"]) == ("agreed", entry.pk, False)
    assert body["correction_reason"] == "The release says the chapter closed."
    assert response["Location"].endswith(f"/api/v1/status-history/{body['id']}/")
    correction = StatusAssessment.objects.get(pk=body["id"])
    assert correction.history.earliest().history_user == editor
    old = api.get(url(entry)).json()
    assert (old["status"], old["superseded"], old["superseded_by"]) == ("under_discussion", True, correction.pk)
    issue = api.get(f"/api/v1/issues/{entry.issue.slug}/").json()
    assert issue["status"] == "agreed"
    history = {row["id"]: row for row in issue["status_history"]}
    assert history[entry.pk]["superseded"] is True
    assert history[correction.pk]["corrects"] == entry.pk


def test_a_correction_without_if_match_is_428_and_records_nothing(editor_api):
    entry = StatusAssessmentFactory(status="under_discussion")

    response = editor_api.post(f"{url(entry)}correction/", {"status": "agreed", "reason": "R"}, format="json")

    assert response.status_code == 428
    assert response.json()["errors"][0]["code"] == "precondition_required"
    assert not StatusAssessment.objects.filter(corrects=entry).exists()


def test_a_stale_correction_is_refused_with_412(editor_api):
    entry = StatusAssessmentFactory(status="under_discussion")
    stale = current(editor_api, url(entry))
    first = editor_api.post(f"{url(entry)}correction/", {"status": "agreed", "reason": "R"}, format="json", **stale)

    late = editor_api.post(f"{url(entry)}correction/", {"status": "dropped", "reason": "S"}, format="json", **stale)

    assert first.status_code == 201
    assert late.status_code == 412
    assert StatusAssessment.objects.filter(corrects=entry).count() == 1


def test_a_correction_without_a_reason_is_a_documented_400(editor_api, schema):
    entry = StatusAssessmentFactory(status="under_discussion")

    response = editor_api.post(
        f"{url(entry)}correction/", {"status": "agreed"}, format="json", **current(editor_api, url(entry))
    )

    assert response.status_code == 400
    documented = documented_errors(schema, "/api/v1/status-history/{id}/correction/", "post")
    for attr, code in error_pairs(response):
        assert code in documented.get(attr, set()), (attr, code)
    assert not StatusAssessment.objects.filter(corrects=entry).exists()


def test_correcting_an_entry_twice_is_a_documented_400(editor_api, schema):
    entry = StatusAssessmentFactory(status="under_discussion")
    corrected = url(entry)
    editor_api.post(
        f"{corrected}correction/", {"status": "agreed", "reason": "R"}, format="json", **current(editor_api, corrected)
    )

    again = editor_api.post(
        f"{corrected}correction/", {"status": "dropped", "reason": "S"}, format="json", **current(editor_api, corrected)
    )

    assert again.status_code == 400
    assert error_pairs(again) == {("non_field_errors", "superseded")}
    assert (
        "superseded" in documented_errors(schema, "/api/v1/status-history/{id}/correction/", "post")["non_field_errors"]
    )


def test_the_schema_documents_if_match_on_corrections(schema):
    operation = schema["paths"]["/api/v1/status-history/{id}/correction/"]["post"]
    assert {"201", "400", "412", "428"} <= set(operation["responses"])
    assert "If-Match" in {parameter["name"] for parameter in operation["parameters"]}


def test_readers_may_not_correct(reader_api):
    entry = StatusAssessmentFactory(status="under_discussion")
    response = reader_api.post(
        f"{url(entry)}correction/", {"status": "agreed", "reason": "R"}, format="json", HTTP_IF_MATCH='"x"'
    )
    assert response.status_code == 403
    assert not StatusAssessment.objects.filter(corrects=entry).exists()
