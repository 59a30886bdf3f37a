"""ETag / Last-Modified on every read, 304 when nothing changed, and a new ETag when something did."""

import pytest
from django.utils.http import http_date

from issues import services
from issues.models import Statement
from tests.factories import IssueFactory, OfficialFactory, RoundFactory, StatementFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db


def test_lists_and_details_carry_validators_and_answer_304_while_unchanged(api):
    statement = StatementFactory()
    for url in ("/api/v1/statements/", f"/api/v1/statements/{statement.pk}/", "/api/v1/parties/"):
        first = api.get(url)
        assert first.status_code == 200
        assert first["ETag"].startswith('"') and first["Last-Modified"]
        again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert again["ETag"] == first["ETag"]
        assert again.content == b""
        since = api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304, url


def test_a_change_gives_a_new_etag_and_a_full_answer(api):
    statement = StatementFactory(text="Before")
    etag = api.get("/api/v1/statements/")["ETag"]

    services.statement_update(statement=statement, text="After")

    response = api.get("/api/v1/statements/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["results"][0]["text"] == "After"


def test_renaming_a_speaker_changes_the_statements_etag(api):
    official = OfficialFactory(name="Before")
    statement = StatementFactory(speaker=official)
    list_etag = api.get("/api/v1/statements/")["ETag"]
    detail_etag = api.get(f"/api/v1/statements/{statement.pk}/")["ETag"]

    official.name = "After"
    official.save()

    assert api.get("/api/v1/statements/", HTTP_IF_NONE_MATCH=list_etag).status_code == 200
    assert api.get(f"/api/v1/statements/{statement.pk}/", HTTP_IF_NONE_MATCH=detail_etag).status_code == 200


def test_a_new_status_assessment_changes_the_issue_etag(api):
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="far_apart")
    list_etag = api.get("/api/v1/issues/")["ETag"]
    detail_etag = api.get(f"/api/v1/issues/{issue.slug}/")["ETag"]

    StatusAssessmentFactory(issue=issue, status="progressing")

    assert api.get("/api/v1/issues/", HTTP_IF_NONE_MATCH=list_etag).status_code == 200
    response = api.get(f"/api/v1/issues/{issue.slug}/", HTTP_IF_NONE_MATCH=detail_etag)
    assert response.status_code == 200
    assert response.json()["status"] == "progressing"


def test_each_filter_and_format_has_its_own_etag(api):
    StatementFactory()
    plain = api.get("/api/v1/statements/")["ETag"]
    assert api.get("/api/v1/statements/?kind=quote")["ETag"] != plain
    assert api.get("/api/v1/statements/?format=csv")["ETag"] != plain
    assert api.get("/api/v1/statements/?kind=quote", HTTP_IF_NONE_MATCH=plain).status_code == 200


def test_an_old_if_modified_since_gets_the_full_answer(api):
    StatementFactory()
    response = api.get("/api/v1/statements/", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200


def test_renaming_a_negotiation_changes_the_etags_of_what_shows_its_slug(api, one_negotiation):
    # Issues, statements and rounds print their negotiation's slug: a client holding an
    # old ETag must get the new slug, not a 304.
    round_ = RoundFactory(negotiation=one_negotiation)
    statement = StatementFactory(issues=[IssueFactory()], round=round_)
    urls = [
        "/api/v1/issues/",
        "/api/v1/statements/",
        "/api/v1/rounds/",
        f"/api/v1/statements/{statement.pk}/",
        f"/api/v1/rounds/{round_.slug}/",
    ]
    etags = {url: api.get(url)["ETag"] for url in urls}

    one_negotiation.slug = "renamed-talks"
    one_negotiation.save()

    for url in urls:
        response = api.get(url, HTTP_IF_NONE_MATCH=etags[url])
        assert response.status_code == 200, url
    assert api.get(f"/api/v1/statements/{statement.pk}/").json()["negotiation"] == "renamed-talks"


@pytest.mark.parametrize("url", ["/api/v1/statements/", "/api/v1/statements/?kind=quote"])
def test_a_list_changes_when_a_row_leaves_it(api, editor_api, url):
    # A list's validators are timestamps, not a count of its rows: a row withdrawn or deleted
    # leaves no newer row behind, so what must move is its public change time or its history.
    issue = IssueFactory()
    withdrawn, deleted = StatementFactory(kind="quote", issues=[issue]), StatementFactory(kind="quote", issues=[issue])
    before = api.get(url)

    editor = editor_api.get(f"/api/v1/statements/{withdrawn.pk}/")
    editor_api.patch(
        f"/api/v1/statements/{withdrawn.pk}/", {"state": "draft"}, format="json", HTTP_IF_MATCH=editor["ETag"]
    )
    after_withdrawal = api.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after_withdrawal.status_code == 200

    Statement.objects.get(pk=deleted.pk).delete()
    after_deletion = api.get(url, HTTP_IF_NONE_MATCH=after_withdrawal["ETag"])
    assert after_deletion.status_code == 200
    assert [before.json()["count"], after_withdrawal.json()["count"], after_deletion.json()["count"]] == [2, 1, 0]
