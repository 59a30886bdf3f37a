from django.urls import path

from . import views

app_name = "issues"

urlpatterns = [
    path("issues/", views.IssueListView.as_view(), name="issue-list"),
    path("issues/<slug:slug>/", views.IssueDetailView.as_view(), name="issue-detail"),
    path("issues/<slug:slug>/feed/", views.issue_statements_feed, name="issue-feed"),
    path("statements/", views.StatementListView.as_view(), name="statement-list"),
    path("statements/feed/", views.latest_statements_feed, name="statement-feed"),
    path("statements/<int:pk>/", views.StatementDetailView.as_view(), name="statement-detail"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source-detail"),
]
