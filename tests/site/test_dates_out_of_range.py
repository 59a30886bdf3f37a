"""A date stored outside the sane range (written before validation refused it, or by SQL)
must not take a public page down, nor blow a chart up to megabytes."""

import datetime

import pytest
from django.urls import reverse

from issues.models import StatusAssessment
from rounds.models import Milestone, Round
from tests.factories import IssueFactory, MilestoneFactory, RoundFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db

EXTREMES = [datetime.date(1, 1, 1), datetime.date(1, 1, 2), datetime.date(9999, 12, 30), datetime.date(9999, 12, 31)]


@pytest.fixture
def issue_and_round():
    issue = IssueFactory()
    round_ = RoundFactory(start_date=datetime.date(2018, 1, 23), end_date=datetime.date(2018, 1, 29))
    StatusAssessmentFactory(issue=issue, date=datetime.date(2018, 1, 29), status="far_apart")
    return issue, round_


@pytest.mark.parametrize("day", EXTREMES)
def test_an_issue_page_survives_a_status_dated_at_the_ends_of_the_calendar(client, issue_and_round, day):
    issue, _ = issue_and_round
    odd = StatusAssessmentFactory(issue=issue, status="agreed")
    StatusAssessment.objects.filter(pk=odd.pk).update(date=day)
    response = client.get(issue.get_absolute_url())
    assert response.status_code == 200
    assert len(response.content) < 200_000


@pytest.mark.parametrize(
    ("start", "end"),
    [(datetime.date(1, 1, 1), datetime.date(2018, 3, 1)), (datetime.date(2018, 3, 1), datetime.date(9999, 12, 31))],
)
def test_issue_round_and_calendar_pages_survive_a_round_at_the_ends_of_the_calendar(
    client, issue_and_round, start, end
):
    issue, first = issue_and_round
    odd = RoundFactory()
    Round.objects.filter(pk=odd.pk).update(start_date=start, end_date=end)
    for url in (issue.get_absolute_url(), first.get_absolute_url(), odd.get_absolute_url(), reverse("rounds:calendar")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.content) < 200_000, url


@pytest.mark.parametrize("day", EXTREMES)
def test_the_calendar_and_deadlines_page_survive_a_milestone_at_the_ends_of_the_calendar(client, day):
    milestone = MilestoneFactory()
    Milestone.objects.filter(pk=milestone.pk).update(date=day)
    for url in (reverse("rounds:calendar"), reverse("rounds:milestone-list")):
        assert client.get(url).status_code == 200, url


def test_a_typo_year_does_not_stretch_the_status_chart_across_two_thousand_years(client, issue_and_round):
    issue, _ = issue_and_round
    typo = StatusAssessmentFactory(issue=issue, status="agreed")
    StatusAssessment.objects.filter(pk=typo.pk).update(date=datetime.date(18, 3, 28))
    response = client.get(issue.get_absolute_url())
    assert response.status_code == 200
    assert len(response.content) < 100_000
