"""Draft work moves no public timestamp: the rows saved along with drafts change nothing public.

Editors enter drafts under a source, an issue or a round, and the admin saves that
parent row with them. A visitor must not learn from ETag, Last-Modified or the
calendar's LAST-MODIFIED that an editor is preparing something.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from issues.models import PublicationState, Source, Statement
from rounds.models import Official, Round
from tests.admin.helpers import errors_of, form_data, inline_management

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=3)


def validators(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return response["ETag"], response["Last-Modified"]


def draft_quote(index: int, speaker: Official, text: str) -> dict[str, str]:
    row = {
        "speaker": str(speaker.pk),
        "attribution": "",
        "attributed_party": "",
        "kind": "quote",
        "tone": "neutral",
        "text": text,
        "context": "",
        "occasion": "",
        "date": "2018-03-05",
        "date_precision": "day",
        "date_text": "",
        "round": "",
    }
    return {f"statements-{index}-{name}": value for name, value in row.items()}


def test_adding_a_source_with_three_draft_quotes_leaves_the_home_page_validators_alone(client, nafta, editor):
    home = reverse("home")
    before = validators(client, home)
    lighthizer = Official.objects.get(slug="robert-lighthizer")

    client.force_login(editor)
    response = client.post(
        reverse("admin:rounds_source_add"),
        {
            "kind": "article",
            "outlet": "Reuters",
            "title": "NAFTA talks end seventh round with little progress",
            "description": "",
            "url": "https://www.reuters.com/article/nafta-round-seven-drafts",
            "slug": "reuters-nafta-round-seven-drafts",
            "published_on": "2018-03-05",
            "author": "",
            "dateline": "",
            "notes": "",
            **inline_management("statements", 3),
            **draft_quote(0, lighthizer, "Zanzibar one."),
            **draft_quote(1, lighthizer, "Zanzibar two."),
            **draft_quote(2, lighthizer, "Zanzibar three."),
            **inline_management("positions", 0),
        },
    )
    assert response.status_code == 302, errors_of(response)
    assert Statement.objects.filter(text__startswith="Zanzibar", state=PublicationState.DRAFT).count() == 3
    client.logout()

    assert validators(client, home) == before
    source = Source.objects.get(slug="reuters-nafta-round-seven-drafts")
    assert client.get(source.get_absolute_url()).status_code == 404


def test_a_draft_statement_saved_on_the_round_page_leaves_the_calendar_alone(client, nafta, editor):
    round_7 = Round.objects.get(number=7)
    Round.objects.filter(pk=round_7.pk).update(updated_at=LONG_AGO)
    calendar_url = reverse("rounds:calendar")
    before = client.get(calendar_url)
    uid = f"round-{round_7.slug}@nafta-tracker"

    def last_modified(response) -> datetime.datetime:
        events = {str(event["UID"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")}
        return events[uid].decoded("LAST-MODIFIED")

    client.force_login(editor)
    url = reverse("admin:rounds_round_change", args=[round_7.pk])
    page = client.get(url)
    index = page.context["inline_admin_formsets"][0].formset.initial_form_count()
    data = form_data(
        page,
        **{
            f"statements-{index}-speaker": str(Official.objects.get(slug="chrystia-freeland").pk),
            f"statements-{index}-kind": "quote",
            f"statements-{index}-text": "Zanzibar, said during the round.",
            f"statements-{index}-date": "2018-03-01",
            f"statements-{index}-date_precision": "day",
            f"statements-{index}-source": str(Source.objects.public().first().pk),
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    assert Statement.objects.get(text__startswith="Zanzibar").state == PublicationState.DRAFT
    client.logout()

    after = client.get(calendar_url)
    assert last_modified(after) == last_modified(before)
    assert (after["ETag"], after["Last-Modified"]) == (before["ETag"], before["Last-Modified"])
