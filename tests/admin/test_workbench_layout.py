"""The workbench's lists and forms as editors see them: what waits for review first, forms that
stack rather than run off the screen (tests/browser checks the widths in a real browser)."""

import pytest
from django.urls import reverse

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["statement", "position", "statusassessment"])
def test_state_is_the_first_column_of_the_lists_of_facts(client, editor, model):
    client.force_login(editor)
    response = client.get(reverse(f"admin:issues_{model}_changelist"))
    assert response.context["cl"].list_display[:2] == ["action_checkbox", "state"]


def test_the_statements_list_shows_a_long_quote_readably(client, editor):
    quote = "We are going to keep working " * 6  # 180 characters: more than the old 90
    StatementFactory(text=quote.strip())
    client.force_login(editor)
    page = client.get(reverse("admin:issues_statement_changelist")).content.decode()
    assert quote.strip() in page


@pytest.mark.parametrize("url_name", ["admin:rounds_source_add", "admin:issues_issue_add"])
def test_the_rows_under_a_source_or_an_issue_are_stacked_with_a_label_per_field(client, editor, url_name):
    client.force_login(editor)
    response = client.get(reverse(url_name))
    page = response.content.decode()
    assert "tabular inline-related" not in page
    for inline in response.context["inline_admin_formsets"]:
        form = inline.formset.empty_form
        for name in ("date", "round"):
            if name in form.fields:
                assert f'for="{form[name].id_for_label}"' in page
