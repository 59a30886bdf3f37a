"""Change history: who changed what and when, a diff, revert, and recovery of deleted rows."""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from issues.models import Issue, Statement
from tests.admin.helpers import form_data
from tests.factories import IssueFactory, OfficialFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def change_url(statement):
    return reverse("admin:issues_statement_change", args=[statement.pk])


def revert_url(record):
    return reverse("admin:issues_statement_simple_history", args=[record.id, record.history_id])


@pytest.fixture
def statement(client, editor):
    """A draft the editor entered through the admin, about one issue."""
    client.force_login(editor)
    add_url = reverse("admin:issues_statement_add")
    data = form_data(client.get(add_url))
    data |= {
        "source": str(SourceFactory().pk),
        "speaker": str(OfficialFactory().pk),
        "text": "We are far apart",
        "date": "2018-03-28",
        "issues": [str(IssueFactory(title="Dairy").pk)],
    }
    assert client.post(add_url, data).status_code == 302
    return Statement.objects.get()


def test_every_change_is_recorded_with_who_made_it(client, editor, statement):
    url = change_url(statement)
    client.post(url, form_data(client.get(url), text="We are quite a distance away"))
    client.post(
        reverse("admin:issues_statement_changelist"),
        {"action": "publish_selected", "_selected_action": [statement.pk]},
    )

    records = list(statement.history.order_by("history_date"))
    assert records[0].history_type == "+"
    assert {r.history_user for r in records} == {editor}
    # (issues are recorded as a change of their own, hence the dict: one entry per version)
    versions = list(dict.fromkeys((r.text, r.state) for r in records))
    assert versions == [
        ("We are far apart", "draft"),
        ("We are quite a distance away", "draft"),
        ("We are quite a distance away", "published"),
    ]
    assert [i.issue.title for i in records[-1].issues.all()] == ["Dairy"]


def test_the_history_page_shows_a_diff_of_each_change(client, editor, statement):
    url = change_url(statement)
    client.post(url, form_data(client.get(url), text="We are quite a distance away"))

    page = client.get(reverse("admin:issues_statement_history", args=[statement.pk])).content.decode()

    assert "editor" in page
    assert "We are far apart" in page and "We are quite a distance away" in page
    assert "&rarr;" in page  # old → new


def test_reverting_restores_the_words_and_the_issues_of_an_old_version(client, statement):
    dairy = Issue.objects.get(title="Dairy")
    old = statement.history.latest("history_date")
    url = change_url(statement)
    client.post(
        url,
        form_data(client.get(url), text="We are quite a distance away", issues=[str(IssueFactory(title="Autos").pk)]),
    )

    revert_page = client.get(revert_url(old))
    assert revert_page.context["adminform"].form["text"].value() == "We are far apart"
    response = client.post(revert_url(old), form_data(revert_page))

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "We are far apart"
    assert list(statement.issues.all()) == [dairy]
    assert statement.history.latest("history_date").text == "We are far apart"


def test_a_revert_goes_through_the_same_rules(client, statement):
    """Reverting to words someone has since recorded again is refused as a duplicate."""
    old = statement.history.latest("history_date")
    url = change_url(statement)
    client.post(url, form_data(client.get(url), text="We are quite a distance away"))
    StatementFactory(speaker=statement.speaker, text="We are far apart")

    response = client.post(revert_url(old), form_data(client.get(revert_url(old))))

    assert response.status_code == 200
    assert "already recorded as statement" in response.content.decode()
    statement.refresh_from_db()
    assert statement.text == "We are quite a distance away"


def test_a_deleted_statement_is_listed_and_recovered_with_its_issues(client, editor, statement):
    pk = statement.pk
    client.post(reverse("admin:issues_statement_delete", args=[pk]), {"post": "yes"})
    assert not Statement.objects.filter(pk=pk).exists()

    deleted_list = client.get(reverse("admin:issues_statement_deleted"))
    rows = deleted_list.context["rows"]
    assert [row["record"].id for row in rows] == [pk]
    assert "We are far apart" in deleted_list.content.decode()

    recover_page = client.get(rows[0]["recover_url"])
    assert recover_page.status_code == 200
    response = client.post(rows[0]["recover_url"], form_data(recover_page))

    assert response.status_code == 302
    recovered = Statement.objects.get(pk=pk)
    assert recovered.text == "We are far apart"
    assert [issue.title for issue in recovered.issues.all()] == ["Dairy"]
    assert recovered.history.latest("history_date").history_user == editor
    assert client.get(reverse("admin:issues_statement_deleted")).context["rows"] == []


def test_recovering_takes_the_right_to_add(client, statement):
    pk = statement.pk
    record = statement.history.latest("history_date")
    statement.delete()
    changer = User.objects.create_user("changer", is_staff=True)
    changer.user_permissions.add(*Permission.objects.filter(codename__in=["view_statement", "change_statement"]))
    client.force_login(changer)

    assert client.get(reverse("admin:issues_statement_deleted")).status_code == 403
    assert client.post(revert_url(record), {"text": "x"}).status_code == 403
    assert not Statement.objects.filter(pk=pk).exists()


def test_a_revert_keeps_the_publication_state(client, statement):
    """Reverting to a version written while it was a draft does not take a public statement offline."""
    draft_version = statement.history.latest("history_date")
    client.post(
        reverse("admin:issues_statement_changelist"),
        {"action": "publish_selected", "_selected_action": [statement.pk]},
    )

    client.post(revert_url(draft_version), form_data(client.get(revert_url(draft_version))))

    statement.refresh_from_db()
    assert statement.is_published


def test_a_recovered_statement_comes_back_as_a_draft(client, superuser, statement):
    statement_pk = statement.pk
    client.post(
        reverse("admin:issues_statement_changelist"),
        {"action": "publish_selected", "_selected_action": [statement_pk]},
    )
    client.force_login(superuser)  # only a superuser may delete a published statement
    client.post(reverse("admin:issues_statement_delete", args=[statement_pk]), {"post": "yes"})
    recover_url = client.get(reverse("admin:issues_statement_deleted")).context["rows"][0]["recover_url"]

    client.post(recover_url, form_data(client.get(recover_url)))

    recovered = Statement.objects.get(pk=statement_pk)
    assert not recovered.is_published
