"""The editors' workbench for parties, officials, rounds and milestones.

Shares its building blocks (history and recovery, constant-query inlines) with
``issues.admin``; see ``issues.admin_base``.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from issues.admin_base import EditorAdmin, EditorInlineMixin
from issues.admin_forms import StatementAdminForm, StatementInlineFormSet
from issues.models import Statement

from .models import Milestone, Official, Party, Round


@admin.register(Party)
class PartyAdmin(EditorAdmin):
    list_display = ("name", "short_name", "iso_code", "slug", "updated_at")
    list_filter = ("updated_at",)
    search_fields = ("name", "short_name", "iso_code")
    date_hierarchy = "updated_at"
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}


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


class LatestStatementsFormSet(StatementInlineFormSet):
    """A round's latest statements only: a round may have thousands, a page should not."""

    limit = 10

    def get_queryset(self):
        if not hasattr(self, "_latest"):
            self._latest = super().get_queryset()[: self.limit]
        return self._latest


class RoundStatementInline(EditorInlineMixin, admin.TabularInline):
    """Statements made during the round: the latest ones, and room to add more."""

    model = Statement
    form = StatementAdminForm
    formset = LatestStatementsFormSet
    fields = ("speaker", "attribution", "kind", "text", "date", "date_precision", "source", "state")
    readonly_fields = ("state",)
    autocomplete_fields = ("speaker", "source")
    inline_select_related = ("speaker", "source")
    verbose_name_plural = gettext_lazy("latest statements made during the round")


@admin.register(Round)
class RoundAdmin(EditorAdmin):
    list_display = ("number", "city", "host_party", "start_date", "end_date", "status")
    list_filter = ("status", "host_party")
    list_select_related = ("host_party",)
    search_fields = ("city", "venue", "slug")
    date_hierarchy = "start_date"
    ordering = ("number",)
    prepopulated_fields = {"slug": ("city",)}
    autocomplete_fields = ("source",)
    readonly_fields = ("all_statements",)
    inlines = (RoundStatementInline,)

    def get_search_results(self, request, queryset, search_term):
        """A number ("6") finds the round of that number; words search the city and venue."""
        if search_term.strip().isdigit():
            return queryset.filter(number=int(search_term)), False
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description=gettext_lazy("all statements"))
    def all_statements(self, obj: Round) -> str:
        if obj.pk is None:
            return "—"
        url = reverse("admin:issues_statement_changelist") + f"?round__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Every statement made during this round"))


@admin.register(Milestone)
class MilestoneAdmin(EditorAdmin):
    list_display = ("title", "when", "kind", "party", "round")
    list_filter = ("kind", "party")
    list_select_related = ("party", "round")
    search_fields = ("title", "description", "slug")
    date_hierarchy = "date"
    ordering = ("date", "title")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("officials", "issues", "round", "source")

    @admin.display(description=gettext_lazy("date"), ordering="date")
    def when(self, obj: Milestone) -> str:
        return obj.display_date
