"""The editors' home: the first screen after login shows what waits for review, what others changed,
and the last imports, under the tracker's name."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from issues import services
from nafta_tracker.registry import public_models
from tests.factories import IssueFactory, OfficialFactory, PartyFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(db) -> User:
    user = User.objects.create_user("colleague", password="colleague-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def entered_by(user, **fields):
    """A draft statement entered by ``user`` (the history records who)."""
    statement = services.statement_create(speaker=OfficialFactory(), source=SourceFactory(), **fields)
    record = statement.history.get()
    record.history_user = user
    record.save()
    return statement


def test_logging_in_opens_the_editors_home_under_the_trackers_name(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:index"))
    text = page.content.decode()
    assert "<title>Editors&#x27; home | NAFTA tracker</title>" in text
    assert "NAFTA tracker: editors" in text
    assert "Django administration" not in text


def test_drafts_waiting_for_review_are_listed_by_kind_oldest_first_with_who_and_when(client, editor, colleague):
    older = entered_by(colleague, text="Said first", date=datetime.date(2018, 3, 1))
    newer = entered_by(editor, text="Said later", date=datetime.date(2018, 3, 2))
    services.position_create(
        issue=IssueFactory(), party=PartyFactory(), kind="demand", summary="Sunset clause",
        date=datetime.date(2018, 3, 1), source=SourceFactory(),
    )  # fmt: skip
    published = entered_by(editor, text="Already public", date=datetime.date(2018, 3, 3))
    services.publish(published)
    client.force_login(editor)

    drafts = {str(kind["name"]): kind for kind in client.get(reverse("admin:index")).context["drafts"]}

    assert list(drafts) == ["statements", "positions", "status history"]
    assert drafts["statements"]["count"] == 2
    assert [(row["item"], row["entered_by"]) for row in drafts["statements"]["rows"]] == [
        (older, "colleague"),
        (newer, "editor"),
    ]
    assert drafts["statements"]["rows"][0]["url"] == reverse("admin:issues_statement_change", args=[older.pk])
    assert drafts["positions"]["count"] == 1 and drafts["status history"]["count"] == 0


def test_recent_changes_are_those_of_others_newest_first(client, editor, colleague):
    entered_by(colleague, text="Colleague's words", date=datetime.date(2018, 3, 1))
    entered_by(editor, text="My own words", date=datetime.date(2018, 3, 1))
    client.force_login(editor)

    page = client.get(reverse("admin:index"))

    labels = [change.label for change in page.context["recent_changes"]]
    assert "Colleague's words" in labels
    assert "My own words" not in labels
    assert [change.user for change in page.context["recent_changes"] if change.label == "Colleague's words"] == [
        colleague
    ]
    when = [change.when for change in page.context["recent_changes"]]
    assert when == sorted(when, reverse=True)


def test_the_last_imports_say_which_file_who_and_how_many_rows(client, editor):
    client.force_login(editor)
    csv = b"slug,title,published_on\nwire-1,Round seven closes,2018-03-05\nwire-2,Round eight,2018-04-02\n"
    preview = client.post(
        reverse("admin:rounds_source_import"),
        {"resource": "0", "import_file": SimpleUploadedFile("wire.csv", csv), "format": "0"},
    )
    client.post(reverse("admin:rounds_source_process_import"), preview.context["confirm_form"].initial)

    [last] = client.get(reverse("admin:index")).context["last_imports"]

    assert (last.file, last.user, last.new, last.updated, str(last.model)) == ("wire.csv", editor, 2, 0, "sources")


def test_the_home_runs_a_fixed_number_of_queries(client, editor, colleague, django_assert_num_queries):
    for n in range(3):
        entered_by(colleague, text=f"Words {n}", date=datetime.date(2018, 3, 1))
    client.force_login(editor)
    client.get(reverse("admin:index"))  # warm: content types, sessions
    # session, user; the oldest drafts of each of the 3 kinds with their author (their count
    # comes free while fewer than 10 wait); the last changes of each public model's history
    # table; the last imports; the app list's permissions (the user's, the groups'); the
    # admin's own "Recent actions" sidebar.
    with django_assert_num_queries(2 + 3 + len(public_models()) + 1 + 2 + 1):
        client.get(reverse("admin:index"))


def test_more_drafts_than_shown_are_counted(client, editor):
    for n in range(11):
        entered_by(editor, text=f"Words {n}", date=datetime.date(2018, 3, 1))
    client.force_login(editor)

    [statements, *_others] = client.get(reverse("admin:index")).context["drafts"]

    assert statements["count"] == 11 and len(statements["rows"]) == 10
