"""Project-wide pages: the home page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from issues.models import Issue, Statement
from rounds.models import Milestone, Round


def home(request: HttpRequest) -> HttpResponse:
    """Where the talks stand now."""
    context = {
        "latest_round": Round.objects.latest_held(),
        "next_round": Round.objects.upcoming().first(),
        "next_milestone": Milestone.objects.upcoming().first(),
        "issues": Issue.objects.with_current_status().with_latest_positions(),
        "statements": Statement.objects.published().with_related()[:10],
    }
    return render(request, "home.html", context)
