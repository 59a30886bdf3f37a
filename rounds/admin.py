"""The editors' workbench for sources, parties, officials, rounds and milestones.

Its building blocks (history and recovery, constant-query inlines, import) are in
``rounds.admin_base``. ``issues.admin`` extends the source, round and milestone
admins with what only it knows: the statements under a source or a round, and a
milestone's issues.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy

from .admin_base import EditorAdmin, EditorInlineMixin, ImportExportEditorMixin
from .admin_forms import HttpURLField
from .admin_scope import NegotiationScopedAutocompleteMixin, negotiation_filter
from .models import Appointment, Milestone, Negotiation, Official, Party, Round, Source
from .resources import SourceResource


@admin.register(Source)
class SourceAdmin(ImportExportEditorMixin, EditorAdmin):
    resource_classes = [SourceResource]
    list_display = ("__str__", "outlet", "kind", "published_on", "url")
    list_filter = ("kind", "published_on")
    search_fields = ("title", "description", "outlet", "url", "author", "slug")
    date_hierarchy = "published_on"
    ordering = (F("published_on").desc(nulls_last=True), "outlet", "title")
    prepopulated_fields = {"slug": ("outlet", "title")}
    fieldsets = (
        (None, {"fields": ("kind", ("outlet", "published_on"), "title", "description", "url", "slug")}),
        (gettext_lazy("Details"), {"fields": (("author", "dateline"), "notes")}),
    )
    # An address pasted without its scheme is taken as https:// (Django 6's default too).
    formfield_overrides = {models.URLField: {"form_class": HttpURLField, "assume_scheme": "https"}}


@admin.register(Party)
class PartyAdmin(EditorAdmin):
    list_display = ("name", "short_name", "iso_code", "slug", "updated_at")
    list_filter = ("updated_at",)
    search_fields = ("name", "short_name", "iso_code")
    date_hierarchy = "updated_at"
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class AppointmentInline(EditorInlineMixin, admin.TabularInline):
    """The official's titles and roles over time; statements show the one held on their date."""

    model = Appointment
    fields = ("title", "role", "valid_from", "valid_to", "source")
    autocomplete_fields = ("source",)
    inline_select_related = ("source",)
    extra = 0


@admin.register(Official)
class OfficialAdmin(EditorAdmin):
    list_display = ("name", "title", "party", "role", "organisation")
    list_filter = ("role", "party")
    list_select_related = ("party",)
    search_fields = ("name", "title", "organisation", "slug")
    date_hierarchy = "updated_at"
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("source",)
    inlines = (AppointmentInline,)


@admin.register(Negotiation)
class NegotiationAdmin(EditorAdmin):
    list_display = ("short_name", "name", "status", "start_date", "end_date", "record_ends_on")
    list_filter = ("status",)
    search_fields = ("name", "name_fr", "name_es", "short_name", "slug")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("short_name",)}
    autocomplete_fields = ("source",)
    filter_horizontal = ("parties",)


@admin.register(Round)
class RoundAdmin(NegotiationScopedAutocompleteMixin, EditorAdmin):
    list_display = ("__str__", "negotiation", "kind", "city", "host_party", "start_date", "end_date", "status")
    list_filter = (negotiation_filter(), "kind", "status", "host_party")
    list_select_related = ("host_party",)
    search_fields = ("city", "venue", "title", "slug")
    date_hierarchy = "start_date"
    ordering = ("start_date", "number")
    prepopulated_fields = {"slug": ("city",)}
    autocomplete_fields = ("source",)

    def get_search_results(self, request, queryset, search_term):
        """A number ("6") finds the round of that number; words search the city and venue."""
        if search_term.strip().isdigit():
            return queryset.filter(number=int(search_term)), False
        return super().get_search_results(request, queryset, search_term)


@admin.register(Milestone)
class MilestoneAdmin(EditorAdmin):
    list_display = ("title", "negotiation", "when", "kind", "party", "round")
    list_filter = (negotiation_filter(), "kind", "party")
    list_select_related = ("party", "round")
    search_fields = ("title", "description", "slug")
    date_hierarchy = "date"
    ordering = ("date", "title")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("officials", "round", "source")

    @admin.display(description=gettext_lazy("date"), ordering="date")
    def when(self, obj: Milestone) -> str:
        return obj.display_date
