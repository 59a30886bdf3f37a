"""Importing statements and sources from CSV and JSON: preview first, all rows or none."""

from pathlib import Path

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from issues.models import Source, Statement
from issues.resources import StatementResource
from rounds.models import Round
from rounds.resources import KeyedJSON, SourceResource
from tests.factories import NegotiationFactory

pytestmark = pytest.mark.django_db


def admin_app(model: str) -> str:
    """Sources belong to rounds (the provenance layer); statements and the rest to issues."""
    return "rounds" if model == "source" else "issues"


ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "import"
DATA = Path(__file__).resolve().parents[1] / "data"
CSV, JSON = "0", "1"  # the admin's format choices, by position


def upload(client, model: str, path: Path, file_format: str):
    """Step 1 in the admin: upload a file; import-export runs it as a dry run and shows the preview."""
    with path.open("rb") as handle:
        file = SimpleUploadedFile(path.name, handle.read())
    return client.post(
        reverse(f"admin:{admin_app(model)}_{model}_import"),
        {"resource": "0", "import_file": file, "format": file_format},
    )


def confirm(client, model: str, preview):
    """Step 2: the editor presses "Confirm import"."""
    return client.post(
        reverse(f"admin:{admin_app(model)}_{model}_process_import"),
        preview.context["confirm_form"].initial,
        follow=True,
    )


@pytest.fixture
def editor_with_source(client, editor, nafta):
    client.force_login(editor)
    confirm(client, "source", upload(client, "source", EXAMPLES / "sources.csv", CSV))
    return client


@pytest.fixture
def logged_in(client, editor, nafta):
    client.force_login(editor)
    return client


def test_the_example_sources_file_imports(logged_in):
    preview = upload(logged_in, "source", EXAMPLES / "sources.csv", CSV)
    assert preview.status_code == 200 and "confirm_form" in preview.context
    confirm(logged_in, "source", preview)
    source = Source.objects.get(slug="example-wire-round-seven")
    assert source.outlet == "Example Wire"
    assert source.url == "https://news.example.org/nafta-round-seven"


@pytest.mark.parametrize("name,file_format", [("statements.csv", CSV), ("statements.json", JSON)])
def test_the_example_statements_file_imports_every_row_as_a_draft(logged_in, editor, name, file_format):
    confirm(logged_in, "source", upload(logged_in, "source", EXAMPLES / "sources.csv", CSV))
    before = Statement.objects.count()

    preview = upload(logged_in, "statement", EXAMPLES / name, file_format)
    assert "confirm_form" in preview.context, preview.context["result"].invalid_rows
    response = confirm(logged_in, "statement", preview)

    assert response.status_code == 200
    imported = Statement.objects.filter(source__slug="example-wire-round-seven").order_by("pk")
    assert Statement.objects.count() == before + 3
    lighthizer, freeland, unnamed = imported
    assert {s.state for s in imported} == {"draft"}
    # Round 7 ran 25 February – 5 March 2018: filled in from the date, or given by number.
    assert lighthizer.round == Round.objects.get(number=7)
    assert freeland.round == Round.objects.get(number=7)
    assert unnamed.round is None  # a month-only date does not choose a round
    assert sorted(i.slug for i in lighthizer.issues.all()) == ["auto-rules-of-origin", "sunset-clause"]
    assert unnamed.speaker is None and unnamed.attribution == "a senior Mexican official"
    assert unnamed.attributed_party.slug == "mexico"
    record = lighthizer.history.latest("history_date")
    assert record.history_user == editor
    assert record.history_change_reason == f"Imported from {name}"


def test_the_preview_writes_nothing(logged_in):
    before = Source.objects.count()
    preview = upload(logged_in, "source", EXAMPLES / "sources.json", JSON)
    assert "confirm_form" in preview.context
    assert "example-wire-round-seven" in preview.content.decode()
    assert Source.objects.count() == before


def test_an_invalid_file_shows_each_bad_row_and_field_and_writes_nothing(editor_with_source):
    client = editor_with_source
    before = Statement.objects.count()

    preview = upload(client, "statement", DATA / "statements-invalid.csv", CSV)

    assert "confirm_form" not in preview.context  # no way to confirm a file with errors
    errors = {row.number: row.field_specific_errors for row in preview.context["result"].invalid_rows}
    assert sorted(errors) == [2, 3, 4, 5, 6]
    assert list(errors[2]) == ["text"]
    assert errors[3] == {"speaker": ["No official with slug “jean-chretien”."]}
    assert list(errors[4]) == ["round"] and "is outside it" in errors[4]["round"][0]
    assert list(errors[5]) == ["attribution"]
    assert errors[6] == {"issues": ["No issue with slug “softwood-lumber”."]}
    page = preview.content.decode()
    assert "Some rows failed to validate" in page
    assert "jean-chretien" in page
    assert Statement.objects.count() == before


def test_each_invalid_row_is_told_in_words_by_row_and_column(editor_with_source):
    preview = upload(editor_with_source, "statement", DATA / "statements-invalid.csv", CSV)

    problems = preview.context["validation_problems"]
    assert "Row 3, speaker: No official with slug “jean-chretien”." in problems
    assert "Row 6, issues: No issue with slug “softwood-lumber”." in problems
    assert [problem.split(",")[0] for problem in problems] == ["Row 2", "Row 3", "Row 4", "Row 5", "Row 6"]
    page = preview.content.decode()
    assert "Nothing was imported" in page
    assert "Row 3, speaker: No official with slug “jean-chretien”." in page


def test_an_invalid_row_rolls_back_the_rows_before_it_outside_the_admin_too(nafta):
    SourceResource().import_data(KeyedJSON().create_dataset((EXAMPLES / "sources.json").read_text()))
    dataset = tablib.Dataset().load((DATA / "statements-invalid.csv").read_text(), format="csv")
    before = Statement.objects.count()

    result = StatementResource().import_data(dataset, dry_run=False)

    assert result.has_validation_errors()
    assert Statement.objects.count() == before  # row 1 was valid, and is not there either


def test_the_same_words_twice_in_one_file_are_refused(editor_with_source, tmp_path):
    path = tmp_path / "twice.csv"
    lines = (EXAMPLES / "statements.csv").read_text().splitlines()
    path.write_text("\n".join([lines[0], lines[1], lines[1]]) + "\n")

    preview = upload(editor_with_source, "statement", path, CSV)

    errors = {row.number: row.field_specific_errors for row in preview.context["result"].invalid_rows}
    assert list(errors) == [2]
    assert "already recorded as statement" in errors[2]["text"][0]


def test_a_misspelt_column_is_refused_rather_than_ignored(editor_with_source, tmp_path):
    path = tmp_path / "typo.csv"
    path.write_text("source,speker,text,date\nexample-wire-round-seven,robert-lighthizer,Hello,2018-03-05\n")

    preview = upload(editor_with_source, "statement", path, CSV)

    result = preview.context["result"]
    assert result.has_errors()
    assert "Unknown columns: speker" in str(result.base_errors[0].error)
    assert "confirm_form" not in preview.context


def test_an_id_that_matches_no_statement_is_refused(editor_with_source, tmp_path):
    path = tmp_path / "id.csv"
    path.write_text("id,source,speaker,text,date\n999999,example-wire-round-seven,robert-lighthizer,Hello,2018-03-05\n")

    preview = upload(editor_with_source, "statement", path, CSV)

    errors = preview.context["result"].invalid_rows[0].field_specific_errors
    assert errors == {"id": ["No statement has id 999999; leave id empty to add a new one."]}


def test_a_row_with_the_id_of_a_statement_updates_it(editor_with_source, tmp_path):
    statement = Statement.objects.published().first()
    path = tmp_path / "update.csv"
    path.write_text(f"id,tone\n{statement.pk},critical\n")

    confirm(editor_with_source, "statement", upload(editor_with_source, "statement", path, CSV))

    statement.refresh_from_db()
    assert statement.tone == "critical"
    assert statement.is_published  # an import never changes the publication state


def test_a_source_with_a_bad_url_is_refused_and_nothing_is_written(logged_in, tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text(
        "slug,title,url\n"
        "good-one,A good article,https://news.example.org/good\n"
        "bad-one,A bad link,ftp://news.example.org/bad\n"
    )
    before = Source.objects.count()

    preview = upload(logged_in, "source", path, CSV)

    errors = preview.context["result"].invalid_rows
    assert [(row.number, list(row.field_specific_errors)) for row in errors] == [(2, ["url"])]
    assert Source.objects.count() == before


def test_a_file_that_changed_since_the_preview_is_not_half_imported(editor_with_source):
    """The data can change between preview and confirmation; the confirmation is all or nothing too."""
    client = editor_with_source
    preview = upload(client, "statement", EXAMPLES / "statements.csv", CSV)
    # Meanwhile someone enters the third row's words by hand.
    Statement.objects.create(
        negotiation=NegotiationFactory(),
        source=Source.objects.get(slug="example-wire-round-seven"),
        attribution="a senior Mexican official",
        text="Mexico expects the talks to go on after its presidential election.",
        date="2018-03-01",
        date_precision="month",
    )
    before = Statement.objects.count()

    response = confirm(client, "statement", preview)

    assert "Nothing was imported" in response.content.decode()
    assert Statement.objects.count() == before
