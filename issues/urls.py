from django.urls import path

from . import frame_views, views

app_name = "issues"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("issues/", views.IssueListView.as_view(), name="issue-list"),
    path("issues/<slug:slug>/", views.IssueDetailView.as_view(), name="issue-detail"),
    path("issues/<slug:slug>/feed/", views.issue_statements_feed, name="issue-feed"),
    path("statements/", views.StatementListView.as_view(), name="statement-list"),
    path("statements/feed/", views.latest_statements_feed, name="statement-feed"),
    path("statements/<int:pk>/", views.StatementDetailView.as_view(), name="statement-detail"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source-detail"),
]

# Pages of rounds, officials, parties and deadlines, named in the ``rounds`` namespace by
# the composition layer (nafta_tracker.site.urls) together with rounds' own calendar.
frame_urlpatterns = [
    path("rounds/", frame_views.RoundListView.as_view(), name="round-list"),
    path("rounds/<slug:slug>/", frame_views.RoundDetailView.as_view(), name="round-detail"),
    path("officials/", frame_views.OfficialListView.as_view(), name="official-list"),
    path("officials/<slug:slug>/", frame_views.OfficialDetailView.as_view(), name="official-detail"),
    path("parties/", frame_views.PartyListView.as_view(), name="party-list"),
    path("parties/<slug:slug>/", frame_views.PartyDetailView.as_view(), name="party-detail"),
    path("deadlines/", frame_views.MilestoneListView.as_view(), name="milestone-list"),
    # One negotiation's own pages; the lists above show every negotiation.
    path("negotiations/", frame_views.NegotiationListView.as_view(), name="negotiation-list"),
    path("negotiations/<slug:slug>/", frame_views.NegotiationDetailView.as_view(), name="negotiation-detail"),
    path("negotiations/<slug:negotiation>/rounds/", frame_views.RoundListView.as_view(), name="negotiation-round-list"),
    path("negotiations/<slug:negotiation>/issues/", views.IssueListView.as_view(), name="negotiation-issue-list"),
    path(
        "negotiations/<slug:negotiation>/statements/",
        views.StatementListView.as_view(),
        name="negotiation-statement-list",
    ),
    path("negotiations/<slug:negotiation>/feed/", views.negotiation_statements_feed, name="negotiation-feed"),
    path(
        "negotiations/<slug:negotiation>/deadlines/",
        frame_views.MilestoneListView.as_view(),
        name="negotiation-milestone-list",
    ),
]
