"""History a person can read: labels and values in words, "—" for nothing, a reason for every
revert, import and publication, no link an editor cannot follow, and a revert that says what came back."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from issues.models import Statement
from tests.admin.helpers import form_data
from tests.factories import OfficialFactory, RoundFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(client, editor):
    """A critical draft with no round, entered by the editor through the admin."""
    client.force_login(editor)
    add_url = reverse("admin:issues_statement_add")
    data = form_data(client.get(add_url)) | {
        "source": str(SourceFactory().pk), "speaker": str(OfficialFactory().pk), "text": "We are far apart",
        "date": "2018-03-28", "tone": "critical",
    }  # fmt: skip
    assert client.post(add_url, data).status_code == 302
    return Statement.objects.get()


def change(client, statement, **fields):
    url = reverse("admin:issues_statement_change", args=[statement.pk])
    response = client.post(url, form_data(client.get(url), **fields))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def history_page(client, statement) -> str:
    return client.get(reverse("admin:issues_statement_history", args=[statement.pk])).content.decode()


def changes_cell(page: str) -> str:
    """The text of the history table, tags removed and spaces collapsed."""
    start = page.index('id="change-history"')
    table = page[start : page.index("</table>", start)]
    return " ".join(re.sub(r"<[^>]+>", " ", table).replace("&nbsp;", " ").split())


def test_an_empty_value_is_a_dash_and_choices_are_shown_by_their_label(client, statement):
    montreal = RoundFactory(number=6, city="Montreal", start_date=datetime.date(2018, 3, 25),
                            end_date=datetime.date(2018, 3, 30))  # fmt: skip
    change(client, statement, round=str(montreal.pk), tone="cautious")

    text = changes_cell(history_page(client, statement))

    assert "Round: — &rarr; Round 6, Montreal" in text
    assert "Tone: Critical &rarr; Cautious" in text
    assert "pk=None" not in text and "Deleted" not in text


def test_no_cell_says_none(client, statement):
    change(client, statement, text="We are quite a distance away")
    assert "None" not in changes_cell(history_page(client, statement))


def test_publishing_and_unpublishing_are_recorded_with_their_reason(client, statement):
    changelist = reverse("admin:issues_statement_changelist")
    client.post(changelist, {"action": "publish_selected", "_selected_action": [statement.pk]})
    client.post(changelist, {"action": "unpublish_selected", "_selected_action": [statement.pk]})

    reasons = list(statement.history.order_by("history_date").values_list("history_change_reason", flat=True))

    assert reasons == [None, "Published", "Taken back to draft"]


def test_publishing_through_the_api_is_recorded_with_its_reason(editor, statement):
    from issues import services

    services.statement_update(statement=statement, publish=True)
    assert statement.history.latest("history_date").history_change_reason == "Published"


def test_a_revert_says_which_version_came_back_and_records_why(client, editor, statement):
    first = statement.history.get()
    change(client, statement, text="We are quite a distance away")
    url = reverse("admin:issues_statement_simple_history", args=[statement.pk, first.history_id])

    response = client.post(url, form_data(client.get(url)))

    when = first.history_date.strftime("%b. %-d, %Y")
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(message.startswith(f"The version of {when}") and "by editor is back" in message for message in messages)
    latest = statement.history.latest("history_date")
    assert latest.text == "We are far apart"
    assert latest.history_change_reason.startswith(f"Reverted to the version of {when}")


def test_an_editor_sees_who_changed_it_without_a_link_they_cannot_follow(client, editor, statement):
    page = history_page(client, statement)
    assert "editor" in changes_cell(page)
    assert "/admin/auth/user/" not in page


def test_a_superuser_can_follow_the_link_to_the_user(client, superuser, statement):
    client.force_login(superuser)
    assert f"/admin/auth/user/{statement.history.get().history_user_id}/change/" in history_page(client, statement)


def test_the_revert_page_names_the_model_not_its_history_table(client, statement):
    record = statement.history.get()
    page = client.get(reverse("admin:issues_statement_simple_history", args=[statement.pk, record.history_id]))
    assert "Historical statements" not in page.content.decode()
    assert ">Statements</a>" in page.content.decode()


def test_a_long_file_name_still_fits_the_reason_column(nafta):
    import tablib

    from issues.resources import StatementResource

    dataset = tablib.Dataset(headers=["source", "speaker", "text", "date"])
    dataset.append([Statement.objects.first().source.slug, "robert-lighthizer", "Brand new words", "2018-03-05"])
    StatementResource().import_data(dataset, dry_run=False, file_name="x" * 300 + ".csv")

    reason = Statement.objects.get(text="Brand new words").history.get().history_change_reason
    assert reason.startswith("Imported from xxx") and len(reason) == 100
