"""The frame's own page: the calendar feed. ``nafta_tracker.site.urls`` adds the frame's
other pages (``issues.urls.frame_urlpatterns``) to the same ``rounds`` namespace."""

from django.urls import path

from . import views

urlpatterns = [
    # Kept where it always was, with what it always held: NAFTA's rounds and deadlines.
    path(
        "deadlines/nafta-talks.ics",
        views.calendar_ics,
        {"negotiation": views.FIRST_CALENDAR_NEGOTIATION},
        name="calendar",
    ),
    path("deadlines/calendar.ics", views.calendar_ics, name="calendar-all"),
    path("negotiations/<slug:negotiation>/calendar.ics", views.calendar_ics, name="negotiation-calendar"),
]
