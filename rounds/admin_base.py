"""Building blocks shared by every ModelAdmin of the editors' workbench.

* ``EditorAdmin``: change history with diff and revert (django-simple-history), a
  "recover deleted" page for rows that were deleted, fast changelists, and a
  message when a round was filled in from a date.
* ``PublishableAdminMixin``: the draft/published workflow (bulk publish and
  unpublish through ``rounds.publishing``; published rows cannot be deleted by
  editors; "view on site" only once a row is public).
* ``EditorInlineMixin``: inlines that render with a constant number of queries.
* ``ImportExportEditorMixin``: CSV/JSON import and export, all or nothing.

Used by ``rounds.admin`` and ``issues.admin``.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON
from import_export.forms import ImportForm
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, to_historic
from simple_history.template_utils import HistoricalRecordContextHelper

from nafta_tracker.content_language import LANGUAGES, TRANSLATIONS, localized_name, translated_fields
from nafta_tracker.import_uploads import UploadExpired

from . import publishing
from .admin_forms import (
    EditorInlineFormSet,
    ModelRulesForm,
    PrimedAutocompleteSelect,
    PrimedAutocompleteSelectMultiple,
)
from .base import set_change_reason
from .publishing import PublicationState
from .resources import KeyedJSON, LimitedCSV
from .services import record_save

logger = logging.getLogger(__name__)

#: The key of the one admin log entry a confirmed import writes (read by the editors' home).
IMPORT_LOG_KEY = "import"


def _round_filled_messages(forms_: list[Any]) -> list[str]:
    return [
        _("The round of “%(item)s” was filled in from its date: %(round)s.") % {"item": form.instance, "round": round_}
        for form in forms_
        if (round_ := getattr(form, "round_filled", None)) is not None
    ]


class ReadableHistory(HistoricalRecordContextHelper):
    """The history's "Changes" column in words an editor reads: choices by their label
    ("Critical → Cautious", not "critical → cautious"), an empty value as "—" (not
    "Deleted round (pk=None)"), a related row that no longer exists as such, dates and
    yes/no as the rest of the admin writes them."""

    def prepare_delta_change_value(self, change: Any, value: Any) -> Any:
        field = self.model._meta.get_field(change.field)
        if isinstance(value, DeletedObject):
            if value.pk is None:
                return EMPTY
            return _("%(name)s #%(pk)s, since deleted") % {"name": value.model._meta.verbose_name, "pk": value.pk}
        if value is None or value == "" or value == []:
            return EMPTY
        if field.choices and not field.is_relation:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        return super().prepare_delta_change_value(change, value)


EMPTY = "—"


def with_translation_inputs(model: type[models.Model], fieldsets: Any) -> list:
    """``fieldsets`` with each translated field followed by its French and Spanish inputs.

    The English input stays the field itself (``title``: what every form, import and test
    posts, and what the record is); ``title_en`` is its copy and is never shown. No tabs:
    modeltranslation's tabbed admin needs jQuery UI from a CDN, which the CSP refuses.
    """
    translated = translated_fields(model)
    if not translated:
        return list(fieldsets)
    columns = {localized_name(name, language) for name in translated for language in LANGUAGES}

    def expand(entries: Any) -> list:
        lines: list = []
        for entry in entries:
            names = (entry,) if isinstance(entry, str) else tuple(entry)
            names = tuple(name for name in names if name not in columns)
            if not names:
                continue
            lines.append(names[0] if isinstance(entry, str) else names)
            for name in names:
                if name in translated:
                    lines.extend(localized_name(name, language) for language in TRANSLATIONS)
        return lines

    return [(title, {**options, "fields": expand(options.get("fields", ()))}) for title, options in fieldsets]


class TranslationInputsMixin:
    """French and Spanish inputs under each translated field, labelled and explained."""

    def get_fieldsets(self, request: HttpRequest, obj: models.Model | None = None):
        return with_translation_inputs(self.model, super().get_fieldsets(request, obj))

    def formfield_for_dbfield(self, db_field: models.Field, request: HttpRequest, **kwargs: Any):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return formfield
        translated = translated_fields(self.model)
        original = getattr(db_field, "translated_field", None)
        if db_field.name in translated:
            formfield.label = _("%(field)s (English)") % {"field": capfirst(db_field.verbose_name)}
        elif original is not None and original.name in translated:
            label = {"fr": _("%(field)s (French)"), "es": _("%(field)s (Spanish)")}.get(db_field.language)
            if label is not None:
                formfield.label = label % {"field": capfirst(original.verbose_name)}
                formfield.help_text = _("Leave empty to show the English text (marked as English).")
                formfield.required = False
        return formfield


class EditorAdmin(TranslationInputsMixin, SimpleHistoryAdmin):
    """History with diff and revert, recovery of deleted rows, and changelists that stay fast.

    ``show_full_result_count = False`` spares a second COUNT over the whole table
    on every filtered or searched page (a full scan of 100,000 statements) just to
    print "5 results (100000 total)".
    """

    form = ModelRulesForm
    change_list_template = "admin/nafta/change_list.html"
    recover_deleted_template = "admin/nafta/recover_deleted.html"
    show_full_result_count = False
    list_per_page = 50
    deleted_list_select_related: tuple[str, ...] = ()

    def view_on_site(self, obj: models.Model) -> str | None:
        """The object's public page, linked directly (no ContentType lookup per page), once
        the public may see it: the model says so by ``is_public`` (drafts, and sources nothing
        public cites, have no page); a model without it is public whole."""
        return obj.get_absolute_url() if getattr(obj, "is_public", True) else None

    def get_fieldsets(self, request: HttpRequest, obj: models.Model | None = None):
        """Every change form carries the version it was opened at (``ModelRulesForm``)."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, (None, {"fields": ["loaded_version"], "classes": ["hidden"]})]

    # ------------------------------------------------------------------ saving

    #: The service every save of this model goes through (the same one the import and the
    #: API call). The default validates by the model's rules and saves; apps whose models
    #: have more rules name their own (``issues.services.fact_save``).
    record_service: Callable[[models.Model], models.Model] = staticmethod(record_save)

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        links = {field.name for field in obj._meta.many_to_many}
        version = getattr(request, "reverting_to", None)
        if version is not None:
            set_change_reason(obj, _("Reverted to the version of %(when)s") % {"when": self._when(version)})
        type(self).record_service(obj, links_changed=bool(links.intersection(form.changed_data)))
        if version is not None:
            self.message_user(
                request,
                _("The version of %(when)s by %(who)s is back.")
                % {"when": self._when(version), "who": version.history_user or _("a script")},
                messages.SUCCESS,
            )
        for message in _round_filled_messages([form]):
            self.message_user(request, message, messages.INFO)

    @staticmethod
    def _when(version: models.Model) -> str:
        return formats.date_format(timezone.localtime(version.history_date), "DATETIME_FORMAT")

    # ------------------------------------------------------------------ history a person can read

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        """The history, with "Changed by" linking to the user's page only for those who may open it."""
        may_see_users = request.user.has_perm("auth.view_user") or request.user.has_perm("auth.change_user")
        extra_context = {**(extra_context or {}), "admin_user_view": "admin:auth_user_change" if may_see_users else ""}
        return super().history_view(request, object_id, extra_context)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Each inline row through its own model's service, as if entered on its own page."""
        row_admin = self.admin_site._registry.get(formset.model)
        service = type(row_admin).record_service if isinstance(row_admin, EditorAdmin) else record_save
        saved_objects = formset.save(commit=False)
        links = {field.name for field in formset.model._meta.many_to_many}
        relinked = {id(obj) for obj, names in formset.changed_objects if links.intersection(names)}
        for obj in saved_objects:
            service(obj, links_changed=id(obj) in relinked)
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()
        saved = [f for f in formset.forms if f.has_changed() and f not in formset.deleted_forms]
        for message in _round_filled_messages(saved):
            self.message_user(request, message, messages.INFO)

    # ------------------------------------------------------------------ recovery of deleted rows

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_deleted"
        return [path("deleted/", self.admin_site.admin_view(self.recover_deleted_view), name=name), *super().get_urls()]

    def has_recover_permission(self, request: HttpRequest) -> bool:
        """Recovering a deleted row creates it again: it takes the right to add and to change."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def deleted_records(self) -> models.QuerySet:
        """The latest deletion record of every row that is deleted and not recovered since."""
        history = self.model.history
        pk_name = self.model._meta.pk.attname
        latest_deletion = (
            history.filter(**{pk_name: OuterRef(pk_name)}, history_type="-")
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        still_there = self.model._default_manager.filter(pk=OuterRef(pk_name))
        return (
            history.filter(history_type="-", history_id=Subquery(latest_deletion))
            .exclude(Exists(still_there))
            .select_related("history_user", *self.deleted_list_select_related)
            .order_by("-history_date", "-history_id")
        )

    def deleted_label(self, record: models.Model) -> str:
        """How a deleted row is named in the list; override to avoid a query per row."""
        return str(record.instance)

    def recover_deleted_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_recover_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        pk_name = opts.pk.attname
        page = Paginator(self.deleted_records(), 50).get_page(request.GET.get("p"))
        rows = [
            {
                "label": self.deleted_label(record),
                "record": record,
                "recover_url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_simple_history",
                    args=[getattr(record, pk_name), record.history_id],
                ),
                "history_url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                    args=[getattr(record, pk_name)],
                ),
            }
            for record in page.object_list
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Recover deleted %(name)s") % {"name": opts.verbose_name_plural},
            "opts": opts,
            "page_obj": page,
            "rows": rows,
        }
        return TemplateResponse(request, self.recover_deleted_template, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting a deleted row re-creates it, so it takes the right to add as well."""
        try:
            exists = self.model._default_manager.filter(pk=unquote(object_id)).exists()
        except (ValueError, ValidationError):
            raise Http404 from None
        if not exists and not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            # Read by save_model: the history says which version came back, and so does the message.
            request.reverting_to = (
                self.model.history.filter(**{self.model._meta.pk.attname: unquote(object_id)})
                .filter(history_id=version_id)
                .select_related("history_user")
                .first()
            )
        # The breadcrumbs name the model ("Statements"), not its history table ("Historical statements").
        extra_context = {"opts": self.model._meta, **(extra_context or {})}
        return super().history_form_view(request, object_id, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "has_recover_permission": self.has_recover_permission(request)}
        return super().changelist_view(request, extra_context)


class PublishableAdminMixin:
    """Draft/published workflow for statements, positions and status assessments.

    The state is never a form field: a row is published or unpublished only by the
    actions, which call ``issues.services`` (the same functions as the API), so the
    publication time is always stamped and the row validated again.
    """

    publication_fields = ("state", "published_at")
    actions = ("publish_selected", "unpublish_selected")

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.publication_fields)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and to_historic(obj) is not None:
            self._keep_live_publication(obj)
        return super().get_form(request, obj, change, **kwargs)

    @staticmethod
    def _keep_live_publication(obj: models.Model) -> None:
        """A revert brings back a version's content, not its publication state.

        Publishing goes through the publish/unpublish actions only, so reverting a
        public statement to a version written while it was a draft keeps it public,
        and a recovered row comes back as a draft, to be published again.
        """
        live = type(obj)._default_manager.filter(pk=obj.pk).values("state", "published_at").first()
        if live is None:
            obj.state = PublicationState.DRAFT
        else:
            obj.state, obj.published_at = live["state"], live["published_at"]

    def view_on_site(self, obj: models.Model) -> str | None:
        """The public page, once there is one: drafts have none."""
        return obj.get_absolute_url() if obj.is_published else None

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        """Editors may discard drafts; deleting what the public can see is for superusers.

        Django's delete action asks this for every selected row, so a selection that
        includes a published row is refused as a whole.
        """
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and obj.is_published and not request.user.is_superuser:
            return False
        return allowed

    @admin.action(description=gettext_lazy("Publish selected %(verbose_name_plural)s"), permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        items = list(queryset)
        # Check every row first (the model's own rules), so the editor learns about all
        # the rows to fix at once; publish_many would stop at the first one.
        problems = []
        for item in items:
            try:
                item.full_clean()
            except ValidationError as exc:
                problems.append(f"“{item}”: {' '.join(exc.messages)}")
        if problems:
            self.message_user(
                request,
                _("Nothing was published. Fix these first: %(problems)s") % {"problems": " · ".join(problems)},
                messages.ERROR,
            )
            return
        count = publishing.publish_many(items)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Unpublish selected %(verbose_name_plural)s"), permissions=["change"])
    def unpublish_selected(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        count = publishing.unpublish_many(list(queryset))
        self.message_user(
            request,
            ngettext("%(count)d item is a draft again.", "%(count)d items are drafts again.", count) % {"count": count},
            messages.SUCCESS,
        )


class EditorInlineMixin(TranslationInputsMixin):
    """Inline rows that render with a constant number of queries, whatever their number.

    ``inline_select_related`` / ``inline_prefetch_related`` load what the rows show
    (their labels, their autocomplete values, their public URLs) with the rows
    themselves; ``EditorInlineFormSet`` hands those objects to the widgets.
    """

    form = ModelRulesForm
    formset = EditorInlineFormSet
    inline_select_related: tuple[str, ...] = ()
    inline_prefetch_related: tuple[str, ...] = ()
    show_change_link = True
    extra = 1

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if self.inline_select_related:
            qs = qs.select_related(*self.inline_select_related)
        if self.inline_prefetch_related:
            qs = qs.prefetch_related(*self.inline_prefetch_related)
        return qs

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.may_delete_published = request.user.is_superuser
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PrimedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PrimedAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def view_on_site(self, obj: models.Model) -> str | None:
        return obj.get_absolute_url() if getattr(obj, "is_public", True) else None


class LimitedImportForm(ImportForm):
    """The upload form, refusing files over ``IMPORT_MAX_BYTES`` before they are read or stored."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("This file is %(size)s; an import takes at most %(max)s. Split it into smaller files.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(settings.IMPORT_MAX_BYTES)}
            )
        return upload


class ImportExportEditorMixin(ImportExportModelAdmin):
    """CSV and JSON import (with a dry-run preview) and export, for editors.

    Importing writes rows, so it takes the rights to add and to change; exporting
    reads, so viewing is enough. The resources (``issues.resources``) make every
    import all or nothing.
    """

    import_formats = [LimitedCSV, KeyedJSON]
    export_formats = [CSV, JSON]
    import_form_class = LimitedImportForm
    import_template_name = "admin/nafta/import.html"

    def add_data_read_fail_error_to_form(self, form, e):
        """A file that cannot be read says why, on the file field (import-export's message names
        only the exception's class: "'ValueError' encountered while trying to read file")."""
        if isinstance(e, json.JSONDecodeError):
            message = _("This file is not valid JSON: %(problem)s at line %(line)s, column %(column)s.") % {
                "problem": e.msg,
                "line": e.lineno,
                "column": e.colno,
            }
        elif isinstance(e, UnicodeDecodeError):
            message = _("This file is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”.")
        elif isinstance(e, ValueError):  # TooManyRows, a JSON file that is not a list of rows
            message = str(e)
        else:
            super().add_data_read_fail_error_to_form(form, e)
            return
        form.add_error("import_file", message)

    def import_action(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """The preview; a file that cannot be confirmed is removed from storage at once.

        import-export stores the upload before the preview and removes it only after
        "Confirm import", so a failed preview left it behind (in Redis, for a day).
        """
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if context:
            self._explain_import(request, context)
        # The uploaded file object, which import-export names after its stored copy (the
        # form's cleaned_data loses it when the form gets an error).
        stored = getattr(request.FILES.get("import_file"), "tmp_storage_name", None)
        if stored and "confirm_form" not in context:
            self._stored_upload(stored).remove()
        return response

    def _explain_import(self, request: HttpRequest, context: dict[str, Any]) -> None:
        """What the import page says: the columns an import takes (not the ones it ignores,
        which import-export lists as imported), and its errors as messages, never a traceback.

        A file's own faults (an unknown column, JSON that is not a list of rows) are
        ``ValueError``s whose message is for the editor. Anything else is the tracker's
        fault: the editor gets a plain message, the log gets the traceback.
        """
        resources = [resource_class() for resource_class in self.get_import_resource_classes(request)]
        context["fields_list"] = [
            (resource.get_display_name(), [f.column_name for f in resource.get_import_fields() if not f.readonly])
            for resource in resources
        ]
        context["ignored_columns"] = resources[0].export_only_columns() if resources else []
        result = context.get("result")
        if result is not None and result.has_validation_errors():
            # import-export shows these only in a wide table, each message behind a hover:
            # said in words too, row and column first, as an editor fixes them in the file.
            problems = []
            for row in result.invalid_rows:
                for field, messages_ in row.error_dict.items():
                    for message in messages_:
                        if field == NON_FIELD_ERRORS:
                            problems.append(_("Row %(line)s: %(problem)s") % {"line": row.number, "problem": message})
                        else:
                            problems.append(
                                _("Row %(row)s, %(field)s: %(problem)s")
                                % {"row": row.number, "field": field, "problem": message}
                            )
            context["validation_problems"] = problems
        if result is None or not result.has_errors():
            return
        problems = []
        for error in result.base_errors:
            problems.append(self._import_problem(error))
        for line, errors in result.row_errors():
            for error in errors:
                problems.append(_("Row %(line)s: %(problem)s") % {"line": line, "problem": self._import_problem(error)})
        context["import_problems"] = problems

    @staticmethod
    def _import_problem(error: Any) -> str:
        if isinstance(error.error, ValueError | ValidationError):
            return " ".join(getattr(error.error, "messages", None) or [str(error.error)])
        logger.error("Import failed: %s\n%s", error.error, error.traceback)
        return _("The file could not be imported because of an error in the tracker; it has been logged.")

    def _stored_upload(self, name: str):
        return self.get_tmp_storage_class()(name=name, **self.get_tmp_storage_class_kwargs())

    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """ "Confirm import"; an upload that has expired (or gone) asks for the file again."""
        try:
            return super().process_import(request, **kwargs)
        except UploadExpired:
            self.message_user(
                request,
                _(
                    "Nothing was imported: the uploaded file is kept for %(minutes)s minutes after the "
                    "preview, and that time has passed. Upload it again."
                )
                % {"minutes": settings.IMPORT_UPLOAD_SECONDS // 60},
                messages.ERROR,
            )
            opts = self.model._meta
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def get_valid_export_item_pks(self, request):
        """The rows an editor selected for "Export selected", and only those.

        import-export's default lists the primary key of every row of the table to
        validate the selection: 100,000 of them for statements, on every export.
        """
        selected = [pk for pk in request.POST.getlist("export_items") if pk.isdigit()]
        return self.get_queryset(request).filter(pk__in=selected).values_list("pk", flat=True)

    def generate_log_entries(self, result, request):
        """One log entry per import: the file, who, when and how many rows, for the editors' home.

        import-export writes one per row ("new through import_export", untranslatable): 2,000
        for a full file, which pushed every other action out of the admin's "Recent actions".
        Each row's own history already says "Imported from <file>".
        """
        from import_export.results import RowResult

        totals = result.totals
        LogEntry.objects.create(
            user_id=request.user.pk,
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=None,
            object_repr=(request.POST.get("original_file_name") or "")[:200],
            action_flag=ADDITION,
            change_message=json.dumps(
                [
                    {
                        IMPORT_LOG_KEY: {
                            "new": totals[RowResult.IMPORT_TYPE_NEW],
                            "updated": totals[RowResult.IMPORT_TYPE_UPDATE],
                            "skipped": totals[RowResult.IMPORT_TYPE_SKIP],
                        }
                    }
                ]
            ),
        )

    def process_result(self, result, request):
        """After "Confirm import": if the file no longer passes (the data changed since the
        preview), nothing was written; say so instead of reporting success."""
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                _("Nothing was imported: the file no longer passes the checks. Upload it again to see why."),
                messages.ERROR,
            )
            opts = self.model._meta
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))
        return super().process_result(result, request)
