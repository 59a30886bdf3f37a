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
from tests.admin.helpers import errors_of, form_data

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=3)


def validators(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return response["ETag"], response["Last-Modified"]


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
