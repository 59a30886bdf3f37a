from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Issue, Position, Source, Statement, StatusAssessment


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "outlet", "published_on", "kind"]
    list_filter = ["kind"]
    search_fields = ["title", "description", "outlet", "url"]


@admin.register(Issue)
class IssueAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(StatusAssessment)
class StatusAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["issue", "status", "date", "round", "state"]
    list_filter = ["status", "state"]
    list_select_related = ["issue", "round"]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["issue", "party", "kind", "date", "state"]
    list_filter = ["party", "kind", "state"]
    list_select_related = ["issue", "party"]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "date", "round", "tone", "state"]
    list_filter = ["kind", "tone", "state"]
    list_select_related = ["speaker", "round"]
    search_fields = ["text", "attribution", "speaker__name"]
    date_hierarchy = "date"
