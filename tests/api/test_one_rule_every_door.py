"""One rule, every door: the admin, the file import and the API refuse the same bad input the same way.

The rule here: a statement said at a round is dated within it (Statement.clean, applied by
issues.services.fact_save, which every door calls). Each door answers with an error on
``round`` and writes nothing.
"""

import datetime

import pytest
import tablib
from django.urls import reverse

from issues.models import Statement
from issues.resources import StatementResource
from tests.factories import IssueFactory, OfficialFactory, RoundFactory, SourceFactory

pytestmark = pytest.mark.django_db

WORDS = "Said a month after the round"


@pytest.fixture
def montreal():
    return RoundFactory(number=6, slug="round-6-montreal", start_date=datetime.date(2018, 1, 23),
                        end_date=datetime.date(2018, 1, 29))  # fmt: skip


def test_the_admin_refuses_it_on_the_round_field(client, editor, montreal):
    client.force_login(editor)
    official, source = OfficialFactory(), SourceFactory()
    data = {
        "source": str(source.pk), "kind": "quote", "text": WORDS, "context": "", "tone": "neutral",
        "speaker": str(official.pk), "attribution": "", "attributed_party": "", "date": "2018-02-28",
        "date_precision": "day", "date_text": "", "round": str(montreal.pk), "occasion": "",
    }  # fmt: skip
    response = client.post(reverse("admin:issues_statement_add"), data)
    assert response.status_code == 200
    assert "round" in response.context["adminform"].form.errors
    assert not Statement.objects.filter(text=WORDS).exists()


def test_the_import_refuses_it_on_the_round_column(montreal):
    official, source = OfficialFactory(), SourceFactory()
    dataset = tablib.Dataset(headers=["source", "speaker", "text", "date", "round"])
    dataset.append([source.slug, official.slug, WORDS, "2018-02-28", "6"])
    result = StatementResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    assert "round" in result.invalid_rows[0].error_dict
    assert not Statement.objects.filter(text=WORDS).exists()


def test_the_api_refuses_it_on_the_round_attribute(editor_api, montreal):
    response = editor_api.post(
        "/api/v1/statements/",
        {
            "speaker": OfficialFactory().slug,
            "text": WORDS,
            "date": "2018-02-28",
            "round": montreal.slug,
            "source": SourceFactory().pk,
            "issues": [IssueFactory().slug],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "round" in {error["attr"] for error in response.json()["errors"]}
    assert not Statement.objects.filter(text=WORDS).exists()


def test_every_door_fills_an_empty_round_from_the_date_by_the_same_rule(client, editor, editor_api, montreal):
    source = SourceFactory()
    dataset = tablib.Dataset(headers=["source", "speaker", "text", "date"])
    dataset.append([source.slug, OfficialFactory().slug, "Imported at Montreal", "2018-01-25"])
    StatementResource().import_data(dataset, dry_run=False)
    editor_api.post(
        "/api/v1/statements/",
        {"speaker": OfficialFactory().slug, "text": "Posted at Montreal", "date": "2018-01-25", "source": source.pk},
        format="json",
    )
    assert Statement.objects.get(text="Imported at Montreal").round == montreal
    assert Statement.objects.get(text="Posted at Montreal").round == montreal
