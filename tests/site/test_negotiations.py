"""Two negotiations: the NAFTA renegotiation and the USMCA joint review of 2026.

The shipped record holds both. A reader lands on the live review, follows an issue back
to the NAFTA fight it continues, and never sees one negotiation's rounds, issues,
statements or deadlines on the other's pages, feeds or calendar.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from issues.models import Issue, Statement
from rounds import models as rounds_models
from rounds.models import Milestone, Negotiation, Round

pytestmark = pytest.mark.django_db

REVIEW = "usmca-review-2026"
NAFTA = "nafta"


@pytest.fixture
def day_in_november_2026(monkeypatch):
    monkeypatch.setattr(rounds_models, "today", lambda: datetime.date(2026, 11, 28))


def text_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_home_page_leads_with_the_live_review_and_keeps_nafta_as_history(client, nafta, day_in_november_2026):
    page = text_of(client.get(reverse("home")))
    review = Negotiation.objects.get(slug=REVIEW)
    assert page.index(review.name) < page.index(Negotiation.objects.get(slug=NAFTA).name)
    assert "Earlier negotiations" in page
    assert "The record runs to July 2, 2026" in page  # the tracker says what it knows, and as of when
    assert reverse("issues:issue-detail", args=["jr-extension-decision"]) in page  # the review's board
    assert reverse("issues:issue-detail", args=["sunset-clause"]) not in page  # NAFTA's board is not


def test_the_sunset_clause_is_two_clicks_from_the_home_page(client, nafta, day_in_november_2026):
    extension = reverse("issues:issue-detail", args=["jr-extension-decision"])
    assert extension in text_of(client.get(reverse("home")))
    sunset = reverse("issues:issue-detail", args=["sunset-clause"])
    assert sunset in text_of(client.get(extension))
    back = text_of(client.get(sunset))
    assert "Taken up again in" in back and extension in back


@pytest.mark.parametrize(
    ("url_name", "own", "other"),
    [
        ("rounds:negotiation-round-list", Round, "negotiation"),
        ("rounds:negotiation-issue-list", Issue, "negotiation"),
        ("rounds:negotiation-milestone-list", Milestone, "negotiation"),
    ],
)
def test_a_negotiations_lists_show_only_its_own_rows(client, nafta, url_name, own, other):
    for slug, foreign in ((REVIEW, NAFTA), (NAFTA, REVIEW)):
        page = text_of(client.get(reverse(url_name, args=[slug])))
        mine = own.objects.filter(negotiation__slug=slug)
        theirs = own.objects.filter(negotiation__slug=foreign)
        assert mine.exists() and theirs.exists()
        link = (lambda row: row.get_absolute_url().split("#")[0]) if own is not Milestone else (lambda row: row.slug)
        assert all(link(row) in page for row in mine[:20])
        leaked = [row for row in theirs if f'"{link(row)}"' in page or f'{link(row)}"' in page]
        assert not leaked, leaked[:3]


def test_a_negotiations_statements_page_and_feed_hold_only_its_statements(client, nafta):
    review_statement = Statement.objects.published().filter(negotiation__slug=REVIEW).first()
    nafta_statement = Statement.objects.published().filter(negotiation__slug=NAFTA).order_by("-date").first()
    for url in (
        reverse("rounds:negotiation-statement-list", args=[REVIEW]),
        reverse("rounds:negotiation-feed", args=[REVIEW]),
    ):
        page = text_of(client.get(url))
        assert f"/statements/{review_statement.pk}/" in page
        assert f"/statements/{nafta_statement.pk}/" not in page


def test_each_negotiation_has_its_calendar_and_the_old_one_still_holds_nafta(client, nafta):
    review = text_of(client.get(reverse("rounds:negotiation-calendar", args=[REVIEW])))
    old = client.get("/deadlines/nafta-talks.ics")
    assert old.status_code == 200 and 'filename="nafta-talks.ics"' in old["Content-Disposition"]
    old_text = old.content.decode().replace("\r\n ", "")
    round_six = f"round-{Round.objects.get(negotiation__slug=NAFTA, number=6).slug}@"
    assert "milestone-jr-" in review and "milestone-jr-" not in old_text
    assert round_six in old_text and round_six not in review.replace("\r\n ", "")
    every = text_of(client.get(reverse("rounds:calendar-all"))).replace("\r\n ", "")
    assert "milestone-jr-" in every and round_six in every


def test_the_negotiation_list_and_page(client, nafta, day_in_november_2026):
    listing = text_of(client.get(reverse("rounds:negotiation-list")))
    review_link = reverse("rounds:negotiation-detail", args=[REVIEW])
    nafta_link = reverse("rounds:negotiation-detail", args=[NAFTA])
    assert listing.index(f'href="{review_link}"') < listing.index(f'href="{nafta_link}"')
    page = text_of(client.get(reverse("rounds:negotiation-detail", args=[NAFTA])))
    assert "How it ended" in page  # the finished negotiation says how it ended
    assert client.get(reverse("rounds:negotiation-detail", args=["no-such-talks"])).status_code == 404


def test_rounds_number_from_one_in_each_negotiation(nafta):
    firsts = Round.objects.filter(number=1).values_list("negotiation__slug", flat=True)
    assert sorted(firsts) == [NAFTA, REVIEW]
    review_round = Round.objects.get(slug="jr-round-1-mexico")
    assert sorted(review_round.parties.values_list("slug", flat=True)) == ["mexico", "united-states"]


def test_the_french_page_names_the_negotiation_in_french(client, nafta, day_in_november_2026):
    page = text_of(client.get("/fr/"))
    assert "Examen conjoint de l'ACEUM" in page or "Examen conjoint de l&#x27;ACEUM" in page


def test_a_round_no_source_confirms_is_not_the_latest_round(client, nafta, day_in_november_2026):
    # The third US-Mexico round was announced for the week of 20 July 2026; nothing on record says it met.
    page = text_of(client.get(reverse("home")))
    latest = page.split("Latest round", 1)[1].split("</li>", 1)[0]
    assert Round.objects.get(slug="jr-round-1-mexico").get_absolute_url() in latest
    assert Round.objects.get(slug="jr-round-3-mexico").get_absolute_url() not in latest
