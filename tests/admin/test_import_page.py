"""The import page speaks to editors: errors as messages, never a traceback, and the columns it lists are
the columns it imports."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


def upload(client, url_name: str, name: str, content: str, file_format: str = "0"):
    file = SimpleUploadedFile(name, content.encode())
    return client.post(reverse(url_name), {"resource": "0", "import_file": file, "format": file_format})


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


def test_a_misspelt_column_is_a_message_without_a_traceback(logged_in):
    response = upload(
        logged_in, "admin:issues_statement_import", "typo.csv", "source,speker,text,date\nx,y,Hello,2018-03-05\n"
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported" in page
    assert "Unknown columns: speker." in page
    assert "Traceback" not in page and 'File "' not in page and "raise ValueError" not in page


def test_a_json_file_that_is_not_a_list_of_rows_is_a_message(logged_in):
    response = upload(logged_in, "admin:rounds_source_import", "sources.json", '{"slug": "x"}', file_format="1")

    assert response.context["form"].errors["import_file"] == [
        "A JSON import file must be a list of objects, one object per row."
    ]


def test_a_file_that_is_not_json_says_where_it_breaks(logged_in):
    response = upload(logged_in, "admin:rounds_source_import", "sources.json", '[{"slug": }]', file_format="1")

    [message] = response.context["form"].errors["import_file"]
    assert message.startswith("This file is not valid JSON: Expecting value at line 1, column 11")


def test_an_error_of_the_tracker_itself_is_logged_and_told_plainly(logged_in, monkeypatch, caplog):
    def broken(self, dataset, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr("rounds.resources.AllOrNothingResource.before_import", broken)

    page = upload(logged_in, "admin:rounds_source_import", "s.csv", "slug,title\na,A\n").content.decode()

    assert "Traceback" not in page and "a bug" not in page
    assert "an error in the tracker; it has been logged" in page
    assert "KeyError" in caplog.text and "Traceback" in caplog.text


def test_the_page_lists_the_columns_imported_and_names_those_ignored(logged_in):
    page = logged_in.get(reverse("admin:issues_statement_import"))

    [(_resource, columns)] = page.context["fields_list"]
    assert "state" not in columns and "published_at" not in columns
    assert {"source", "speaker", "text", "date", "issues"} <= set(columns)
    assert page.context["ignored_columns"] == ["state", "published_at"]
    text = page.content.decode()
    assert "Exports also write state, published_at; an import accepts these columns and ignores them" in text
    assert "YYYY-MM-DD" in text


def test_every_column_the_page_lists_is_one_the_readme_documents(logged_in):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    page = logged_in.get(reverse("admin:issues_statement_import"))
    [(_resource, columns)] = page.context["fields_list"]
    assert all(f"`{column}`" in readme for column in columns)
