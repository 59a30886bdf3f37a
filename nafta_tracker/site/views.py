"""Project-wide pages: the home page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from issues import selectors
from issues.models import Statement
from nafta_tracker.freshness import public_page
from rounds import models as rounds_models
from rounds.models import Milestone, Party, Round

HOME_STATEMENTS = 6


@public_page
def home(request: HttpRequest) -> HttpResponse:
    """Where the talks stand now: rounds, the next deadline, the issue board, the latest words."""
    day = rounds_models.today()  # looked up at call time so tests can pin the day
    issues, status_summary = selectors.issue_board()
    context = {
        "today": day,
        "latest_round": Round.objects.select_related("host_party").latest_held(day),
        "next_round": Round.objects.select_related("host_party").upcoming(day).first(),
        "next_milestone": Milestone.objects.upcoming(day).first(),
        "last_milestone": Milestone.objects.past(day).first(),
        "parties": list(Party.objects.order_by("name")),
        "issues": issues,
        "status_summary": status_summary,
        "statements": Statement.objects.published().with_related()[:HOME_STATEMENTS],
    }
    return render(request, "home.html", context)
