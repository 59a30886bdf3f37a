"""Source-first entry: one article, its quotes and positions, entered on one page as drafts."""

import pytest
from django.urls import reverse

from issues.models import Issue, Position, PublicationState, Source, Statement
from rounds.models import Official, Party, Round
from tests.admin.helpers import errors_of, inline_management

pytestmark = pytest.mark.django_db

ADD_SOURCE = "admin:rounds_source_add"


def statement_row(index: int, **fields) -> dict[str, str]:
    row = {
        "speaker": "",
        "attribution": "",
        "attributed_party": "",
        "kind": "quote",
        "tone": "neutral",
        "text": "",
        "context": "",
        "occasion": "",
        "date": "2018-03-05",
        "date_precision": "day",
        "date_text": "",
        "round": "",
        **fields,
    }
    return {f"statements-{index}-{name}": value for name, value in row.items()}


def position_row(index: int, **fields) -> dict[str, str]:
    row = {"issue": "", "party": "", "kind": "proposal", "summary": "", "round": "", **fields}
    row = {"date": "2018-03-05", "date_precision": "day", **row}
    return {f"positions-{index}-{name}": value for name, value in row.items()}


def article(**fields) -> dict[str, str]:
    return {
        "kind": "article",
        "outlet": "Reuters",
        "title": "NAFTA talks end seventh round with little progress",
        "description": "",
        "url": "https://www.reuters.com/article/nafta-round-seven",
        "slug": "reuters-nafta-round-seven",
        "published_on": "2018-03-05",
        "author": "",
        "dateline": "Mexico City",
        "notes": "",
        **fields,
    }


@pytest.fixture
def people(nafta):
    return {
        "lighthizer": Official.objects.get(slug="robert-lighthizer"),
        "freeland": Official.objects.get(slug="chrystia-freeland"),
        "guajardo": Official.objects.get(slug="ildefonso-guajardo"),
        "us": Party.objects.get(slug="united-states"),
        "autos": Issue.objects.get(slug="auto-rules-of-origin"),
    }


def three_quotes_and_a_position(people) -> dict[str, str]:
    return {
        **article(),
        **inline_management("statements", 3),
        **statement_row(0, speaker=str(people["lighthizer"].pk), text="We are running out of time."),
        **statement_row(1, speaker=str(people["freeland"].pk), text="Canada is ready to keep working."),
        **statement_row(
            2,
            attribution="a senior Mexican official",
            attributed_party=str(Party.objects.get(slug="mexico").pk),
            kind="reported",
            text="Mexico expects the talks to continue after its election.",
        ),
        **inline_management("positions", 1),
        **position_row(
            0,
            issue=str(people["autos"].pk),
            party=str(people["us"].pk),
            kind="demand",
            summary="Raise the regional value content for cars to 85 percent.",
        ),
    }


def test_an_editor_enters_an_article_with_three_quotes_and_a_position_in_one_form(client, editor, people):
    client.force_login(editor)
    response = client.post(reverse(ADD_SOURCE), three_quotes_and_a_position(people))
    assert response.status_code == 302, errors_of(response)

    source = Source.objects.get(slug="reuters-nafta-round-seven")
    statements = Statement.objects.filter(source=source)
    assert statements.count() == 3
    assert Position.objects.filter(source=source).count() == 1
    # New rows start as drafts: nothing reaches the public before an editor publishes it.
    assert set(statements.values_list("state", flat=True)) == {PublicationState.DRAFT}
    assert Position.objects.get(source=source).state == PublicationState.DRAFT


def test_the_round_is_filled_in_from_the_date_and_the_editor_is_told(client, editor, people):
    client.force_login(editor)
    response = client.post(reverse(ADD_SOURCE), three_quotes_and_a_position(people), follow=True)

    round_7 = Round.objects.get(number=7)  # 25 February to 5 March 2018
    source = Source.objects.get(slug="reuters-nafta-round-seven")
    assert set(Statement.objects.filter(source=source).values_list("round", flat=True)) == {round_7.pk}
    assert Position.objects.get(source=source).round == round_7
    assert "was filled in from its date: Round 7, Mexico City" in response.content.decode()


def test_a_bad_row_shows_its_errors_and_nothing_of_the_article_is_saved(client, editor, people):
    client.force_login(editor)
    data = three_quotes_and_a_position(people)
    data["statements-1-text"] = "   "
    data["statements-2-attribution"] = ""
    response = client.post(reverse(ADD_SOURCE), data)

    assert response.status_code == 200
    errors = errors_of(response)
    assert errors["statements-1-text"] == ["This field is required."]
    assert "give the attribution as printed" in errors["statements-2-attribution"][0]
    assert not Source.objects.filter(slug="reuters-nafta-round-seven").exists()
    assert not Statement.objects.filter(text="We are running out of time.").exists()


def test_publishing_the_source_publishes_what_it_reports_and_the_public_sees_it(client, editor, people):
    client.force_login(editor)
    client.post(reverse(ADD_SOURCE), three_quotes_and_a_position(people))
    source = Source.objects.get(slug="reuters-nafta-round-seven")
    statement = Statement.objects.get(source=source, text="We are running out of time.")
    client.logout()
    assert client.get(statement.get_absolute_url()).status_code == 404

    client.force_login(editor)
    response = client.post(
        reverse("admin:rounds_source_changelist"),
        {"action": "publish_reported", "_selected_action": [source.pk]},
        follow=True,
    )
    assert "4 items published." in response.content.decode()
    assert set(Statement.objects.filter(source=source).values_list("state", flat=True)) == {"published"}
    assert Position.objects.get(source=source).is_published

    client.logout()
    public = client.get(statement.get_absolute_url())
    assert public.status_code == 200
    assert "We are running out of time." in public.content.decode()
    assert "We are running out of time." in client.get(source.get_absolute_url()).content.decode()
