"""Exporting statements and sources as CSV or JSON, in the columns the import reads."""

import csv
import io
import json

import pytest
import tablib
from django.urls import reverse

from issues.models import Statement
from issues.resources import StatementResource
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def admin_app(model: str) -> str:
    """Sources belong to rounds (the provenance layer); statements and the rest to issues."""
    return "rounds" if model == "source" else "issues"


CSV, JSON = "0", "1"
COLUMNS = [
    "id", "negotiation", "source", "speaker", "attribution", "attributed_party", "kind", "text", "context", "occasion",
    "date", "date_precision", "date_text", "round", "issues", "tone", "state", "published_at",
]  # fmt: skip


def export(client, model: str, file_format: str, query: str = ""):
    url = reverse(f"admin:{admin_app(model)}_{model}_export") + query
    form = client.get(url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if getattr(field, "is_selectable_field", False)}
    return client.post(url, {**data, "resource": "0", "format": file_format})


@pytest.fixture
def logged_in(client, editor, nafta):
    client.force_login(editor)
    return client


def test_statements_export_as_csv_in_the_import_columns(logged_in):
    response = export(logged_in, "statement", CSV)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == Statement.objects.count()
    lighthizer = next(row for row in rows if row["text"].startswith("We finally began to discuss"))
    assert lighthizer["speaker"] == "robert-lighthizer"
    assert lighthizer["round"] == "6"
    assert lighthizer["state"] == "published"


def test_statements_export_as_json(logged_in):
    response = export(logged_in, "statement", JSON)
    rows = json.loads(response.content)
    assert len(rows) == Statement.objects.count()
    assert set(rows[0]) == set(COLUMNS)


def test_the_export_follows_the_list_filters(logged_in):
    draft = StatementFactory(state="draft", published_at=None, text="Only the drafts, please")
    rows = json.loads(export(logged_in, "statement", JSON, "?state__exact=draft").content)
    assert [row["text"] for row in rows] == [draft.text]


def test_sources_export_with_their_slugs(logged_in):
    rows = list(csv.DictReader(io.StringIO(export(logged_in, "source", CSV).content.decode())))
    assert "afp-montreal-round-close" in {row["slug"] for row in rows}


def test_an_export_imports_back_without_changing_anything(nafta):
    before = list(Statement.objects.order_by("pk").values("pk", "text", "round", "speaker", "state"))
    history_before = Statement.history.count()
    exported = StatementResource().export(Statement.objects.all()).csv

    result = StatementResource().import_data(tablib.Dataset().load(exported, format="csv"), dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    assert list(Statement.objects.order_by("pk").values("pk", "text", "round", "speaker", "state")) == before
    assert Statement.history.count() == history_before  # unchanged rows are skipped, not saved again
