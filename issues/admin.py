"""The editors' workbench: sources, issues, status history, positions and statements.

Entry is source-first: an editor opens (or adds) the Source of an article and
enters each quote and position under it as an inline row. Rows start as drafts
and are published in bulk by actions that call ``issues.services``. The rules
(blank text, unnamed speakers, dates inside rounds, duplicates, http(s) URLs) are
the models' own, shown as form errors by ``issues.admin_forms``.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from rounds import admin as frame_admin
from rounds.admin_base import EditorAdmin, EditorInlineMixin, ImportExportEditorMixin, PublishableAdminMixin
from rounds.admin_scope import NegotiationScopedAutocompleteMixin, negotiation_filter
from rounds.models import Milestone, Official, Party, Round, Source

from . import services
from .admin_forms import (
    PositionAdminForm,
    StatementAdminForm,
    StatementInlineFormSet,
    StatusAssessmentAdminForm,
    StatusCorrectionForm,
)
from .models import Issue, Position, Statement, StatementTranslation, StatusAssessment
from .resources import StatementResource

# --------------------------------------------------------------------------- inlines


class SourceStatementInline(EditorInlineMixin, admin.StackedInline):
    """Each quote of an article, entered under the article."""

    model = Statement
    form = StatementAdminForm
    formset = StatementInlineFormSet
    fields = (
        ("speaker", "attribution", "attributed_party"),
        ("kind", "language", "tone"),
        "text",
        ("context", "occasion"),
        ("date", "date_precision", "date_text"),
        ("round", "issues"),
        "state",
    )
    readonly_fields = ("state",)
    autocomplete_fields = ("speaker", "round", "issues")
    inline_select_related = ("speaker", "round")
    inline_prefetch_related = ("issues",)


# Stacked, not tabular: a table of eight columns with autocompletes was 882 px wider than a
# 1366 px laptop and its cells had no labels (screen readers read "combobox, blank").


class SourcePositionInline(EditorInlineMixin, admin.StackedInline):
    """Each party's stance the article reports."""

    model = Position
    form = PositionAdminForm
    fields = (("issue", "party", "kind"), "summary", ("date", "date_precision", "round"), "state")
    readonly_fields = ("state",)
    autocomplete_fields = ("issue", "round")
    inline_select_related = ("issue", "party", "round")


class IssueStatusInline(EditorInlineMixin, admin.StackedInline):
    model = StatusAssessment
    form = StatusAssessmentAdminForm
    fields = (("status", "date", "date_precision"), ("round", "source"), "note", "state")
    readonly_fields = ("state",)
    autocomplete_fields = ("round", "source")
    inline_select_related = ("issue", "round", "source")


class IssuePositionInline(EditorInlineMixin, admin.StackedInline):
    model = Position
    form = PositionAdminForm
    fields = (("party", "kind"), "summary", ("date", "date_precision"), ("round", "source"), "state")
    readonly_fields = ("state",)
    autocomplete_fields = ("round", "source")
    inline_select_related = ("issue", "party", "round", "source")


class StatementTranslationInline(EditorInlineMixin, admin.StackedInline):
    """Translations of the words, under the statement: shown to readers as translations, never as the words said."""

    model = StatementTranslation
    fields = (("language", "note"), "text")
    extra = 0
    show_change_link = False
    verbose_name = gettext_lazy("translation of the words (shown as a translation, never as the words said)")
    verbose_name_plural = gettext_lazy("translations of the words (shown as translations, never as the words said)")


# --------------------------------------------------------------------------- filters


class PartyListFilter(admin.SimpleListFilter):
    """Statements of a party: its officials' words, and unnamed speakers attributed to it.

    Uses ``StatementQuerySet.by_party``, the question the public site asks.
    """

    title = gettext_lazy("party")
    parameter_name = "party"

    def lookups(self, request, model_admin):
        self.parties = {str(party.pk): party for party in Party.objects.order_by("name")}
        return [(pk, party.name) for pk, party in self.parties.items()]

    def queryset(self, request, queryset):
        party = self.parties.get(self.value() or "")
        return queryset.by_party(party) if party is not None else queryset


# --------------------------------------------------------------------------- model admins


# The frame's admins (rounds.admin) know nothing of statements or issues; these
# subclasses add what only this app knows, and take their place in the admin.


class SourceAdmin(frame_admin.SourceAdmin):
    """Source-first entry: the quotes and positions an article reports, entered under it."""

    inlines = (SourceStatementInline, SourcePositionInline)
    actions = ("publish_reported",)

    @admin.action(
        description=gettext_lazy("Publish the draft statements, positions and statuses these sources report"),
        permissions=["change"],
    )
    def publish_reported(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        try:
            count = services.publish_from_sources(sources=list(queryset))
        except ValidationError as exc:
            self.message_user(
                request, _("Nothing was published: %(reason)s") % {"reason": " ".join(exc.messages)}, messages.ERROR
            )
            return
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count) % {"count": count},
            messages.SUCCESS,
        )


class LatestStatementsFormSet(StatementInlineFormSet):
    """A round's latest statements only: a round may have thousands, a page should not."""

    limit = 10

    def get_queryset(self):
        if not hasattr(self, "_latest"):
            self._latest = super().get_queryset()[: self.limit]
        return self._latest


class RoundStatementInline(EditorInlineMixin, admin.StackedInline):
    """Statements made during the round: the latest ones, and room to add more."""

    model = Statement
    form = StatementAdminForm
    formset = LatestStatementsFormSet
    fields = (("speaker", "attribution", "kind"), "text", ("date", "date_precision", "source"), "state")
    readonly_fields = ("state",)
    autocomplete_fields = ("speaker", "source")
    inline_select_related = ("speaker", "source")
    verbose_name_plural = gettext_lazy("latest statements made during the round")


class RoundAdmin(frame_admin.RoundAdmin):
    readonly_fields = ("all_statements",)
    inlines = (RoundStatementInline,)

    @admin.display(description=gettext_lazy("all statements"))
    def all_statements(self, obj: Round) -> str:
        if obj.pk is None:
            return "—"
        url = reverse("admin:issues_statement_changelist") + f"?round__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Every statement made during this round"))


class MilestoneIssuesForm(frame_admin.MilestoneAdmin.form):
    """A milestone's issues: the relation is declared on Issue (issues points down at rounds)."""

    issues = forms.ModelMultipleChoiceField(
        Issue.objects.order_by("title"), required=False, label=gettext_lazy("issues")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["issues"] = [issue.pk for issue in self.instance.issues.all()]

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.issues.set(self.cleaned_data.get("issues") or [])


class MilestoneAdmin(frame_admin.MilestoneAdmin):
    form = MilestoneIssuesForm
    fields = (
        "title", "slug", "kind", ("date", "date_precision", "date_text"), "description", "party", "round",
        "officials", "issues", "source",
    )  # fmt: skip


for _model, _admin_class in ((Source, SourceAdmin), (Round, RoundAdmin), (Milestone, MilestoneAdmin)):
    admin.site.unregister(_model)
    admin.site.register(_model, _admin_class)


@admin.register(Issue)
class IssueAdmin(NegotiationScopedAutocompleteMixin, EditorAdmin):
    list_display = ("title", "negotiation", "kind", "current_status_display", "updated_at")
    list_filter = (negotiation_filter(), "kind")
    search_fields = ("title", "description", "slug")
    date_hierarchy = "updated_at"
    ordering = ("title",)
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("related", "continues", "outcome_source")
    # A milestone's issues are chosen on the milestone, where editors enter the date.
    exclude = ("milestones",)
    inlines = (IssueStatusInline, IssuePositionInline)

    def get_queryset(self, request):
        return super().get_queryset(request).with_current_status()

    @admin.display(description=gettext_lazy("current status"), ordering="current_status_code")
    def current_status_display(self, obj: Issue) -> str:
        return obj.current_status_label


@admin.register(StatusAssessment)
class StatusAssessmentAdmin(PublishableAdminMixin, EditorAdmin):
    record_service = staticmethod(services.fact_save)
    form = StatusAssessmentAdminForm
    # "State" first: what an editor looks for in a list is what still waits for review.
    list_display = ("state", "issue", "status", "when", "round", "source")
    list_display_links = ("issue",)
    list_filter = (negotiation_filter("issue__negotiation"), "state", "status", "round")
    list_select_related = ("issue", "round", "source")
    search_fields = ("issue__title", "note")
    date_hierarchy = "date"
    ordering = ("-date", "-id")
    autocomplete_fields = ("issue", "round", "source")
    fields = (
        "issue", "status", ("date", "date_precision", "date_text"), "round", "note", "source", "state",
        "correction",
    )  # fmt: skip
    readonly_fields = ("correction",)
    deleted_list_select_related = ("issue",)

    @admin.display(description=gettext_lazy("date"), ordering="date")
    def when(self, obj: StatusAssessment) -> str:
        return obj.display_date

    @admin.display(description=gettext_lazy("correction"))
    def correction(self, obj: StatusAssessment) -> str:
        """What this entry corrects or is corrected by, or the way to correct it (published entries are not edited)."""
        if obj.pk is None:
            return "—"
        parts = []
        if obj.corrects_id:
            parts.append(
                format_html(
                    '{} <a href="{}">#{}</a>: {}',
                    _("Corrects"),
                    reverse("admin:issues_statusassessment_change", args=[obj.corrects_id]),
                    obj.corrects_id,
                    obj.correction_reason,
                )
            )
        latest = obj.corrections.published().order_by("-id").first()
        if latest is not None:
            parts.append(
                format_html(
                    '{} <a href="{}">#{}</a>: {}',
                    _("Corrected by"),
                    reverse("admin:issues_statusassessment_change", args=[latest.pk]),
                    latest.pk,
                    latest.correction_reason,
                )
            )
        elif obj.is_published:
            parts.append(
                format_html(
                    '<a class="button" href="{}">{}</a> {}',
                    reverse("admin:issues_statusassessment_correct", args=[obj.pk]),
                    _("Correct this entry"),
                    _("Published entries are not changed in place: a correction keeps this one and says why."),
                )
            )
        return format_html("<br>".join(["{}"] * len(parts)), *parts) if parts else "—"

    def get_urls(self):
        correct = path(
            "<path:object_id>/correct/",
            self.admin_site.admin_view(self.correct_view),
            name="issues_statusassessment_correct",
        )
        return [correct, *super().get_urls()]

    def correct_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Correct a published entry: a form prefilled with its values, and the reason."""
        original = self.get_object(request, unquote(object_id))
        if original is None:
            raise Http404
        if not (self.has_add_permission(request) and self.has_change_permission(request, original)):
            raise PermissionDenied
        names = [name for name in StatusCorrectionForm._meta.fields if name != "reason"]
        if request.method == "POST":
            form = StatusCorrectionForm(request.POST)
            if form.is_valid():
                changes = {name: form.cleaned_data[name] for name in names}
                try:
                    correction = services.status_assessment_correct(
                        assessment=original, reason=form.cleaned_data["reason"], user=request.user, **changes
                    )
                except ValidationError as exc:
                    for key, messages_ in exc.message_dict.items():
                        field = "reason" if key == "correction_reason" else key
                        form.add_error(field if field in form.fields else None, messages_)
                else:
                    self.message_user(
                        request, _("The entry is corrected; the corrected one stays in the history."), messages.SUCCESS
                    )
                    return HttpResponseRedirect(reverse("admin:issues_statusassessment_change", args=[correction.pk]))
        else:
            form = StatusCorrectionForm(initial={name: getattr(original, name) for name in names})
        context = {
            **self.admin_site.each_context(request),
            "title": _("Correct “%(entry)s”") % {"entry": original},
            "opts": self.model._meta,
            "original": original,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/nafta/status_correction.html", context)

    def deleted_label(self, record) -> str:
        return f"{record.issue.title if record.issue else '—'}: {record.get_status_display()} ({record.date})"


@admin.register(Position)
class PositionAdmin(PublishableAdminMixin, EditorAdmin):
    record_service = staticmethod(services.fact_save)
    form = PositionAdminForm
    list_display = ("state", "issue", "party", "kind", "when", "round", "source")
    list_display_links = ("issue",)
    list_filter = (negotiation_filter("issue__negotiation"), "state", "party", "kind", "round")
    list_select_related = ("issue", "party", "round", "source")
    search_fields = ("summary", "issue__title")
    date_hierarchy = "date"
    ordering = ("-date", "-id")
    autocomplete_fields = ("issue", "round", "source")
    fields = (
        ("issue", "party"),
        "kind",
        "summary",
        ("date", "date_precision", "date_text"),
        "round",
        "source",
        "state",
        "published_at",
    )
    deleted_list_select_related = ("issue", "party")

    @admin.display(description=gettext_lazy("date"), ordering="date")
    def when(self, obj: Position) -> str:
        return obj.display_date

    def deleted_label(self, record) -> str:
        party = record.party.name if record.party else "—"
        issue = record.issue.title if record.issue else "—"
        return f"{party}: {record.get_kind_display()} — {issue} ({record.date})"


@admin.register(Statement)
class StatementAdmin(PublishableAdminMixin, ImportExportEditorMixin, EditorAdmin):
    """Statements: the busiest changelist (built to stay fast at 100,000 rows).

    Related rows are joined (``list_select_related``) or chosen by autocomplete, so
    no page loads every official or source; filters are on small tables only
    (parties, rounds) or on choices; the full-table count is skipped.
    """

    record_service = staticmethod(services.fact_save)

    form = StatementAdminForm
    resource_classes = [StatementResource]
    list_display = ("state", "short_text", "speaker_display", "kind", "when", "round", "source")
    list_display_links = ("short_text",)
    list_filter = (negotiation_filter(), "state", "kind", "tone", PartyListFilter, "round")
    list_select_related = ("speaker", "round", "source")
    search_fields = ("text", "attribution", "speaker__name")
    date_hierarchy = "date"
    ordering = ("-date", "-id")
    autocomplete_fields = ("speaker", "round", "source", "issues")
    fieldsets = (
        (None, {"fields": ("source", "kind", "text", "language", "context", "tone")}),
        (gettext_lazy("Speaker"), {"fields": ("speaker", ("attribution", "attributed_party"))}),
        (
            gettext_lazy("When"),
            {"fields": (("date", "date_precision"), "date_text", "negotiation", "round", "occasion")},
        ),
        (gettext_lazy("Issues"), {"fields": ("issues",)}),
        (gettext_lazy("Publication"), {"fields": ("state", "published_at")}),
    )
    deleted_list_select_related = ("speaker",)
    inlines = (StatementTranslationInline,)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """A submission without the translations' rows (a script, a form saved before they
        existed) leaves the translations as they are, instead of failing on a missing
        management form."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        data = kwargs.get("data")
        if data is not None and isinstance(inline, StatementTranslationInline) and f"{prefix}-TOTAL_FORMS" not in data:
            data = data.copy()
            data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
            kwargs["data"] = data
        return kwargs

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        """Translations through their service, which marks the statement changed with them."""
        if formset.model is not StatementTranslation:
            super().save_formset(request, form, formset, change)
            return
        for translation in formset.save(commit=False):
            services.statement_translation_save(translation=translation)
        for translation in formset.deleted_objects:
            services.statement_translation_delete(translation=translation)

    def get_queryset(self, request):
        # The change form's title names the speaker: join it there too. (The changelist
        # skips list_select_related when the queryset already selects related rows, so
        # this joins the same ones.)
        return super().get_queryset(request).select_related(*self.list_select_related)

    def get_search_results(self, request, queryset, search_term):
        """Words of the text, or a speaker's name, or an attribution as printed.

        The text is searched by ``StatementQuerySet.search`` (full-text search through
        its GIN index on PostgreSQL, as on the public site); Django's default search
        (LIKE '%word%' on three columns across a join) scans the whole table and took
        seconds at 100,000 statements.
        """
        term = search_term.strip()
        if not term:
            return queryset, False
        in_text = Statement.objects.search(term).values("pk")
        speakers = Official.objects.search(term).values("pk")
        matches = Q(pk__in=in_text) | Q(speaker__in=speakers) | Q(attribution__icontains=term)
        return queryset.filter(matches), False

    @admin.display(description=gettext_lazy("text"), ordering="text")
    def short_text(self, obj: Statement) -> str:
        """The quote, readable: long enough to recognise (most quotes are shorter), wrapped by
        static/css/editors.css in a column wide enough to read."""
        return Truncator(obj.text).chars(240)

    @admin.display(description=gettext_lazy("speaker"), ordering="speaker__name")
    def speaker_display(self, obj: Statement) -> str:
        return obj.speaker_name

    @admin.display(description=gettext_lazy("date"), ordering="date")
    def when(self, obj: Statement) -> str:
        return obj.display_date

    def deleted_label(self, record) -> str:
        speaker = record.speaker.name if record.speaker_id and record.speaker else record.attribution
        return f"{speaker}: {Truncator(record.text).chars(90)}"
