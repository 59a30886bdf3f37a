"""Project-wide pages: the home page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from issues import selectors
from nafta_tracker.freshness import public_page
from rounds import models as rounds_models
from rounds.models import Negotiation


@public_page
def home(request: HttpRequest) -> HttpResponse:
    """The live negotiation first (where it stands, its next round and deadline, the issue
    board, the latest words), the finished ones below as history. With no live talks, the
    most recent negotiation leads, and once it is over says how it ended."""
    day = rounds_models.today()  # looked up at call time so tests can pin the day
    negotiations = list(Negotiation.objects.live_first())
    if not negotiations:
        return render(request, "home_empty.html")
    lead, *history = negotiations
    context = selectors.negotiation_overview(lead, day)
    context["history"] = history
    return render(request, "home.html", context)


def trivial(request: HttpRequest) -> HttpResponse:
    """The cheapest answer through the whole middleware stack: the framework's ceiling on a
    machine, against which bench/load.sh puts each page's requests per second. Routed only
    with DJANGO_BENCH_VIEWS=1 (bench/load.sh sets it)."""
    return HttpResponse("ok\n", content_type="text/plain")
