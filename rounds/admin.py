from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Milestone, Official, Party, Round


@admin.register(Party)
class PartyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "iso_code", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Official)
class OfficialAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "party", "organisation"]
    list_filter = ["party", "role"]
    list_select_related = ["party"]
    search_fields = ["name", "title", "organisation"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["number", "city", "start_date", "end_date", "status"]
    list_filter = ["status", "host_party"]
    search_fields = ["city", "venue"]
    prepopulated_fields = {"slug": ["city"]}


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "date", "kind", "party"]
    list_filter = ["kind", "party"]
    list_select_related = ["party"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
