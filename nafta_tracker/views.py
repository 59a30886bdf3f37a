"""Project-wide pages: the home page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from issues.models import Issue, IssueStatus, Statement
from rounds import models as rounds_models
from rounds.models import Milestone, Party, Round

from .caching import public_page

HOME_STATEMENTS = 6


@public_page
def home(request: HttpRequest) -> HttpResponse:
    """Where the talks stand now: rounds, the next deadline, the issue board, the latest words."""
    day = rounds_models.today()  # looked up at call time so tests can pin the day
    issues = Issue.objects.with_current_status().with_latest_positions().order_by("title")
    counts = Issue.objects.with_current_status().status_counts()
    context = {
        "today": day,
        "latest_round": Round.objects.select_related("host_party").latest_held(day),
        "next_round": Round.objects.select_related("host_party").upcoming(day).first(),
        "next_milestone": Milestone.objects.upcoming(day).first(),
        "last_milestone": Milestone.objects.past(day).first(),
        "parties": list(Party.objects.order_by("name")),
        "issues": issues,
        "status_summary": [(code, label, counts[code]) for code, label in IssueStatus.choices if counts.get(code)],
        "statements": Statement.objects.published().with_related()[:HOME_STATEMENTS],
    }
    return render(request, "home.html", context)
