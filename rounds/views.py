"""The calendar feed of rounds and deadlines: the frame's only page that shows nothing but
the frame. The pages of rounds, officials, parties and deadlines show what was said and
assessed there, so they live one layer up, in ``issues.frame_views``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from nafta_tracker.freshness import public_page

from .calendar import negotiation_calendar
from .models import Milestone, Negotiation, Round

#: The first calendar's address, from when the tracker followed NAFTA alone: subscribed
#: calendars keep reading it, so it keeps serving NAFTA's rounds and deadlines.
FIRST_CALENDAR_NEGOTIATION = "nafta"


@public_page
def calendar_ics(request: HttpRequest, negotiation: str | None = None) -> HttpResponse:
    """Rounds and deadlines, of one negotiation or of all, as an iCalendar feed a reader can subscribe to."""
    rounds = Round.objects.started_on_known_day().select_related("host_party", "negotiation").order_by("start_date")
    milestones = Milestone.objects.select_related("party").order_by("date")
    scope = get_object_or_404(Negotiation, slug=negotiation) if negotiation else None
    if scope is not None:
        rounds, milestones = rounds.filter(negotiation=scope), milestones.filter(negotiation=scope)
    body = negotiation_calendar(
        rounds, milestones, absolute=request.build_absolute_uri, name=scope.display_name if scope else ""
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = "nafta-talks" if negotiation == FIRST_CALENDAR_NEGOTIATION else (negotiation or "trade-talks")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
