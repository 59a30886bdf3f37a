"""CSV for spreadsheets: same rows as JSON, flat columns, no formulas, published only."""

import csv
import io

import pytest

from issues.models import Statement
from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PositionFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db


def rows(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_statements_as_csv_by_format_parameter_or_accept_header(api):
    autos, dairy = IssueFactory(slug="autos"), IssueFactory(slug="dairy")
    statement = StatementFactory(speaker=OfficialFactory(name="Steve Verheul"), issues=[autos, dairy])

    by_parameter = rows(api.get("/api/v1/statements/?format=csv"))
    by_header = rows(api.get("/api/v1/statements/", HTTP_ACCEPT="text/csv"))

    assert by_parameter == by_header
    (row,) = by_parameter
    assert row["id"] == str(statement.pk)
    assert row["speaker"] == "Steve Verheul"
    assert row["issues"] == "autos; dairy"
    assert row["url"] == f"http://testserver/api/v1/statements/{statement.pk}/"
    assert "attachment" in api.get("/api/v1/statements/?format=csv")["Content-Disposition"]


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(api):
    StatementFactory(text='=HYPERLINK("http://evil.example","click")', kind="quote")
    StatementFactory(text="-2% on tariffs", kind="quote")
    StatementFactory(text="@SUM(A1:A2)", kind="quote")
    StatementFactory(text="+1 for dairy", kind="quote")

    texts = {row["text"] for row in rows(api.get("/api/v1/statements/?format=csv"))}

    assert texts == {'\'=HYPERLINK("http://evil.example","click")', "'-2% on tariffs", "'@SUM(A1:A2)", "'+1 for dairy"}


def test_text_that_already_looks_neutralised_gets_one_more_quote_so_the_rule_can_be_undone(api):
    StatementFactory(text="'=1+1", kind="quote")
    StatementFactory(text="'tis plain", kind="quote")

    texts = {row["text"] for row in rows(api.get("/api/v1/statements/?format=csv"))}

    assert texts == {"''=1+1", "'tis plain"}


def test_positions_and_issues_as_csv_flatten_nested_data(api):
    issue = IssueFactory(slug="autos", title="Autos")
    StatusAssessmentFactory(issue=issue, status="far_apart")
    position = PositionFactory(issue=issue, kind="demand", summary="62.5% content")

    (position_row,) = rows(api.get("/api/v1/positions/?format=csv"))
    assert (position_row["issue"], position_row["party"], position_row["kind"]) == (
        "autos",
        position.party.slug,
        "demand",
    )
    (issue_row,) = rows(api.get("/api/v1/issues/?format=csv"))
    assert (issue_row["slug"], issue_row["status"], issue_row["status_label"]) == ("autos", "far_apart", "Far apart")
    assert "62.5% content" in issue_row["latest_positions"]


def test_csv_never_contains_drafts(api):
    StatementFactory(text="public words")
    StatementFactory(text="secret draft words", state="draft", published_at=None)
    body = api.get("/api/v1/statements/?format=csv").content.decode()
    assert "public words" in body
    assert "secret draft" not in body


def test_csv_pages_carry_link_headers(api):
    StatementFactory.create_batch(3)
    response = api.get("/api/v1/statements/?format=csv&page_size=2")
    assert len(rows(response)) == 2
    assert 'rel="next"' in response["Link"]
    assert response["X-Total-Count"] == "3"


@pytest.mark.parametrize(
    ("path", "first_columns"),
    [
        ("/api/v1/statements/", ["id", "date", "date_precision", "speaker"]),
        ("/api/v1/positions/", ["id", "issue", "party", "kind"]),
        ("/api/v1/issues/", ["slug", "title", "kind", "status"]),
    ],
)
def test_an_empty_csv_list_still_has_its_header_and_content_type(api, path, first_columns):
    response = api.get(f"{path}?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header = next(csv.reader(io.StringIO(response.content.decode())))
    assert header[: len(first_columns)] == first_columns


def test_a_write_asked_for_as_csv_is_refused_and_nothing_is_saved(editor_api):
    body = {"speaker": OfficialFactory().slug, "text": "As CSV", "date": "2018-03-28", "source": SourceFactory().pk}
    response = editor_api.post("/api/v1/statements/?format=csv", body, format="json")
    assert response.status_code == 406
    assert response["Content-Type"].startswith("application/json")
    assert not Statement.objects.exists()


def test_a_method_the_resource_lacks_is_a_405_whatever_the_format(editor_api):
    statement = StatementFactory()
    assert editor_api.delete(f"/api/v1/statements/{statement.pk}/?format=csv").status_code == 405
    assert editor_api.generic("TRACE", "/api/v1/statements/?format=csv").status_code == 405
