"""CSV/JSON import and export (django-import-export): the shared machinery, and sources.

Every import is all or nothing: it runs in one transaction, and a single invalid
row (or a row naming something that does not exist) rolls back every row. Rows
are validated by the models' own ``full_clean()`` (``Statement.clean`` and the
field validators: blank text, unnamed speaker without attribution, date outside
the round, duplicates, http(s) URLs), the same rules as the admin forms and the
API. Related rows are named by their slug (a round by its number), never by a
database id, so a file can be written by hand. The columns are documented in
README.md ("Editors"), with examples under docs/import/.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, JSON

from nafta_tracker.api.renderers import neutralise, unneutralise
from nafta_tracker.content_language import english

from .base import set_change_reason
from .models import Round, Source
from .services import record_save

# --------------------------------------------------------------------------- formats


class TooManyRows(ValueError):
    """A file with more rows than ``IMPORT_MAX_ROWS``; its message is for the import form."""


class RowLimitMixin:
    """Refuse a file of more than ``IMPORT_MAX_ROWS`` rows before any row is checked.

    Each row costs database work in the preview, and a request has gunicorn's 30 s.
    """

    def create_dataset(self, in_stream: str | bytes, **kwargs: Any) -> tablib.Dataset:
        dataset = super().create_dataset(in_stream, **kwargs)
        if len(dataset) > settings.IMPORT_MAX_ROWS:
            raise TooManyRows(
                _("This file has %(rows)s rows; an import takes at most %(max)s. Split it into smaller files.")
                % {"rows": f"{len(dataset):,}", "max": f"{settings.IMPORT_MAX_ROWS:,}"}
            )
        return dataset


class LimitedCSV(RowLimitMixin, CSV):
    """CSV, at most ``IMPORT_MAX_ROWS`` rows."""


class KeyedJSON(RowLimitMixin, JSON):
    """JSON as editors write it: a list of objects whose keys may differ from one to the next.

    tablib reads a JSON list by the first object's keys and takes every later
    object's values in order, so an object that leaves out a key (or lists keys
    in another order) would silently shift its values into the wrong columns.
    Here columns are the union of all keys, and each value goes to its own key.
    """

    def create_dataset(self, in_stream: str | bytes, **kwargs: Any) -> tablib.Dataset:
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8")
        rows = json.loads(in_stream)
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ValueError(_("A JSON import file must be a list of objects, one object per row."))
        headers = list(dict.fromkeys(key for row in rows for key in row))
        dataset = tablib.Dataset(headers=headers)
        for row in rows:
            dataset.append([row.get(key, "") for key in headers])
        return dataset


# --------------------------------------------------------------------------- widgets


class NamedForeignKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key given by a natural key; an unknown key is a field error, not a crash."""

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> Any:
        if value is None or str(value).strip() == "":
            return None
        value = str(value).strip()
        try:
            return self.get_queryset(value, row, **kwargs).get(**{self.field: value})
        except (self.model.DoesNotExist, ValueError):
            raise ValueError(
                _("No %(model)s with %(key)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "key": self.field, "value": value}
            ) from None


class ISODateWidget(widgets.DateWidget):
    """A date written YYYY-MM-DD, as exports write it; anything else is refused naming that format.

    import-export's own message ("Value could not be parsed using defined formats.") says
    neither what was wrong nor what to write instead.
    """

    def __init__(self) -> None:
        super().__init__("%Y-%m-%d")

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> Any:
        try:
            return super().clean(value.strip() if isinstance(value, str) else value, row, **kwargs)
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date: write it as YYYY-MM-DD, e.g. 2018-01-29.") % {"value": value}
            ) from None


class RoundWidget(NamedForeignKeyWidget):
    """A round by its number (``6``), or any meeting by its slug (``us-mexico-talks-2018-07``).

    Files written by hand name formal rounds by number, as they always have; meetings that
    are not numbered rounds have only a slug, and an export writes that, so it re-imports.
    Numbers count within a negotiation: with more than one, the row's ``negotiation``
    column (a slug) says whose round 1 is meant, and a number it leaves ambiguous is refused.
    """

    def __init__(self) -> None:
        super().__init__(Round, "number")

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> Any:
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        if not text.isdigit():
            found = Round.objects.filter(slug=text).first()
            if found is None:
                raise ValueError(_("No round or meeting with slug “%(value)s”.") % {"value": text})
            return found
        rounds = Round.objects.filter(number=int(text))
        negotiation = str((row or {}).get("negotiation") or "").strip()
        if negotiation:
            rounds = rounds.filter(negotiation__slug=negotiation)
        found = list(rounds[:2])
        if not found:
            raise ValueError(_("No round number %(value)s.") % {"value": text})
        if len(found) > 1:
            raise ValueError(
                _(
                    "Round %(value)s exists in more than one negotiation: "
                    "fill in the negotiation column, or give the round's slug."
                )
                % {"value": text}
            )
        return found[0]

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        if value is None:
            return ""
        return value.number if value.number is not None else value.slug


class NamedManyToManyWidget(widgets.ManyToManyWidget):
    """Related rows by slug, separated by commas (a JSON list works too); unknown slugs are refused."""

    def clean(self, value: Any, row: dict | None = None, **kwargs: Any) -> Any:
        if value is None or value == "" or value == []:
            return self.model.objects.none()
        parts = value if isinstance(value, list | tuple) else str(value).split(self.separator)
        keys = [str(part).strip() for part in parts if str(part).strip()]
        found = self.model.objects.filter(**{f"{self.field}__in": keys})
        missing = sorted(set(keys) - {str(getattr(obj, self.field)) for obj in found})
        if missing:
            raise ValueError(
                _("No %(model)s with %(key)s %(values)s.")
                % {
                    "model": self.model._meta.verbose_name,
                    "key": self.field,
                    "values": ", ".join(f"“{key}”" for key in missing),
                }
            )
        return found


# --------------------------------------------------------------------------- base


class AllOrNothingResource(resources.ModelResource):
    """Shared behaviour: one transaction, no partial import, no unknown columns, and every
    row written through the model's service (``record_service``), as the admin and API do."""

    #: The service each imported row is saved through.
    record_service: Callable[[Model], Model] = staticmethod(record_save)

    def do_instance_save(self, instance, is_create):
        # With clean_model_instances, validate_instance() has just run full_clean() on this
        # instance: the service saves it without running the same checks a second time.
        type(self).record_service(instance, validated=bool(self._meta.clean_model_instances))

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        # Whoever calls (the admin's preview, its confirmation, a script), an invalid row
        # rolls back the whole file: import-export only does so for validation errors
        # when asked to.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=True, **kwargs)

    def before_import(self, dataset, **kwargs):
        """Refuse columns we do not know: a misspelt header would otherwise be ignored silently."""
        known = {field.column_name for field in self.get_import_fields()} | set(self.export_only_columns())
        unknown = [header for header in dataset.headers or [] if header not in known]
        if unknown:
            raise ValueError(
                _("Unknown columns: %(unknown)s. Known columns: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(known))}
            )
        super().before_import(dataset, **kwargs)

    def export_field(self, field, instance, **kwargs):
        """Cells a spreadsheet would run as a formula (``=HYPERLINK(...)``) get a leading quote,
        by the API's CSV rule; ``before_import_row`` takes it off again. Translated texts are
        exported in English, the record, whatever the editor's interface language: a file
        exported in French and imported back must not write French into the English column."""
        with english():
            value = super().export_field(field, instance, **kwargs)
        return neutralise(value) if isinstance(value, str) else value

    def before_import_row(self, row, **kwargs):
        for column, value in row.items():
            if isinstance(value, str):
                row[column] = unneutralise(value)
        super().before_import_row(row, **kwargs)

    def export_only_columns(self) -> list[str]:
        """Columns an export writes and an import accepts but ignores (so exports re-import)."""
        return [field.column_name for field in self.fields.values() if field.readonly]

    def after_init_instance(self, instance, new, row, **kwargs):
        """An ``id`` that matches no row is refused: ids are the database's to give."""
        if new and str(row.get("id") or "").strip():
            raise ValidationError(
                {
                    "id": _("No %(model)s has id %(id)s; leave id empty to add a new one.")
                    % {"model": self._meta.model._meta.verbose_name, "id": row["id"]}
                }
            )

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        # import-export checks many-to-many columns only when it saves them, after the
        # row is written; check them now so an unknown slug is a field error like any other.
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as exc:
                    errors.setdefault(field.attribute, []).append(ValidationError(str(exc)))
        file_name = kwargs.get("file_name")
        set_change_reason(
            instance, _("Imported from %(file)s") % {"file": file_name} if file_name else _("Imported from a file")
        )
        if errors:
            raise ValidationError(errors)


# --------------------------------------------------------------------------- sources


class SourceResource(AllOrNothingResource):
    """Sources are matched on their slug: a row with a known slug updates that source."""

    kind = fields.Field(attribute="kind", column_name="kind", default="article", widget=widgets.CharWidget())
    published_on = fields.Field(attribute="published_on", column_name="published_on", widget=ISODateWidget())

    class Meta:
        model = Source
        fields = (
            "slug", "kind", "outlet", "title", "description", "url", "published_on", "author", "dateline", "notes",
        )  # fmt: skip
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True  # re-importing an export writes (and records) nothing
        use_transactions = True

    def after_init_instance(self, instance, new, row, **kwargs):
        """Sources are keyed by slug, not id: a new slug is simply a new source."""
