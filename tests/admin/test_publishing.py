"""Draft/published in the admin: bulk actions through the service layer, public pages follow."""

import datetime

import pytest
from django.urls import reverse

from issues.models import Position, Statement
from tests.factories import PositionFactory, RoundFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def admin_app(model: str) -> str:
    """Sources belong to rounds (the provenance layer); statements and the rest to issues."""
    return "rounds" if model == "source" else "issues"


def run_action(client, model: str, action: str, *objects):
    return client.post(
        reverse(f"admin:{admin_app(model)}_{model}_changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )


def test_an_editor_publishes_drafts_in_bulk_and_they_reach_the_public(client, editor):
    drafts = StatementFactory.create_batch(3, state="draft", published_at=None)
    client.force_login(editor)

    response = run_action(client, "statement", "publish_selected", *drafts)

    assert "3 items published." in response.content.decode()
    for draft in drafts:
        statement = Statement.objects.get(pk=draft.pk)
        assert statement.is_published and statement.published_at is not None
    client.logout()
    assert client.get(drafts[0].get_absolute_url()).status_code == 200


def test_unpublishing_takes_statements_off_the_public_site(client, editor):
    published = StatementFactory()
    client.force_login(editor)

    response = run_action(client, "statement", "unpublish_selected", published)

    assert "1 item is a draft again." in response.content.decode()
    client.logout()
    assert client.get(published.get_absolute_url()).status_code == 404


def test_one_invalid_row_stops_the_whole_publication_and_is_named(client, editor):
    montreal = RoundFactory(start_date=datetime.date(2018, 1, 23), end_date=datetime.date(2018, 1, 29))
    good = StatementFactory(state="draft", published_at=None)
    # Entered before the round's dates were corrected: its date is now outside the round.
    bad = StatementFactory(state="draft", published_at=None, round=montreal, date=datetime.date(2018, 3, 28))
    client.force_login(editor)

    response = run_action(client, "statement", "publish_selected", good, bad)

    body = response.content.decode()
    assert "Nothing was published." in body
    assert str(bad).replace("'", "&#x27;") in body
    assert not Statement.objects.published().exists()


def test_positions_are_published_and_unpublished_the_same_way(client, editor):
    position = PositionFactory(state="draft", published_at=None)
    client.force_login(editor)

    run_action(client, "position", "publish_selected", position)
    assert Position.objects.get(pk=position.pk).is_published
    run_action(client, "position", "unpublish_selected", position)
    assert not Position.objects.get(pk=position.pk).is_published


def test_the_state_cannot_be_set_by_hand_in_the_form(client, editor):
    draft = StatementFactory(state="draft", published_at=None)
    client.force_login(editor)
    page = client.get(reverse("admin:issues_statement_change", args=[draft.pk]))
    assert "state" not in page.context["adminform"].form.fields


def test_view_on_site_appears_once_the_statement_is_public(client, editor):
    draft = StatementFactory(state="draft", published_at=None)
    published = StatementFactory()
    client.force_login(editor)

    draft_page = client.get(reverse("admin:issues_statement_change", args=[draft.pk])).content.decode()
    published_page = client.get(reverse("admin:issues_statement_change", args=[published.pk])).content.decode()

    assert "View on site" not in draft_page
    assert f'href="{published.get_absolute_url()}" class="viewsitelink"' in published_page


def test_view_on_site_appears_for_a_source_once_something_public_cites_it(client, editor):
    """The rule the site and the API follow (SourceQuerySet.public): no page, no link."""
    uncited = SourceFactory()
    behind_draft = StatementFactory(state="draft", published_at=None).source
    cited = StatementFactory().source
    client.force_login(editor)

    def page(source) -> str:
        return client.get(reverse("admin:rounds_source_change", args=[source.pk])).content.decode()

    assert "View on site" not in page(uncited)
    assert "View on site" not in page(behind_draft)
    assert f'href="{cited.get_absolute_url()}" class="viewsitelink"' in page(cited)
