"""The frame's own page: the calendar feed. ``nafta_tracker.site.urls`` adds the frame's
other pages (``issues.urls.frame_urlpatterns``) to the same ``rounds`` namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("deadlines/nafta-talks.ics", views.calendar_ics, name="calendar"),
]
