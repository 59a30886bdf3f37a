from django.urls import path

from . import views

app_name = "rounds"

urlpatterns = [
    path("rounds/", views.RoundListView.as_view(), name="round-list"),
    path("rounds/<slug:slug>/", views.RoundDetailView.as_view(), name="round-detail"),
    path("officials/", views.OfficialListView.as_view(), name="official-list"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official-detail"),
    path("parties/", views.PartyListView.as_view(), name="party-list"),
    path("parties/<slug:slug>/", views.PartyDetailView.as_view(), name="party-detail"),
    path("deadlines/", views.MilestoneListView.as_view(), name="milestone-list"),
    path("deadlines/nafta-talks.ics", views.calendar_ics, name="calendar"),
]
