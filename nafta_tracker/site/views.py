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
    """Where the talks stand now: rounds, the next deadline, the issue board, the latest words;
    once they are over, how they ended (each contested issue's first demand beside its outcome)."""
    day = rounds_models.today()  # looked up at call time so tests can pin the day
    issues, status_summary = selectors.issue_board()
    context = {
        "today": day,
        "latest_round": Round.objects.select_related("host_party").formal().latest_held(day),
        # Talks are over once their agreement has been signed: the home page then says how they ended.
        "signed": Round.objects.filter(kind=Round.Kind.SIGNING).first_held(day),
        "next_round": Round.objects.select_related("host_party").upcoming(day).first(),
        "next_milestone": Milestone.objects.upcoming(day).first(),
        "recent_milestones": list(Milestone.objects.past(day)[:3]),
        "outcomes": selectors.how_it_ended(),  # lazy: only read once the talks are over
        "parties": list(Party.objects.order_by("name")),
        "issues": issues,
        "status_summary": status_summary,
        "statements": Statement.objects.published().with_related()[:HOME_STATEMENTS],
    }
    return render(request, "home.html", context)
