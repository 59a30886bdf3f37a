"""The calendar feed of rounds and deadlines: the frame's only page that shows nothing but
the frame. The pages of rounds, officials, parties and deadlines show what was said and
assessed there, so they live one layer up, in ``issues.frame_views``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from nafta_tracker.freshness import public_page

from .calendar import negotiation_calendar
from .models import Milestone, Round


@public_page
def calendar_ics(request: HttpRequest) -> HttpResponse:
    """Rounds and deadlines as an iCalendar feed a reader can subscribe to."""
    body = negotiation_calendar(
        Round.objects.dated().select_related("host_party").order_by("start_date"),
        Milestone.objects.select_related("party").order_by("date"),
        absolute=request.build_absolute_uri,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nafta-talks.ics"'
    return response
