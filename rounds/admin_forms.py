"""Forms and formsets for the editors' admin, shared by every app's admin.

The rules themselves live in the models' ``clean()`` and in the services;
these forms only present them well: errors land on the right field (or at the top
when the field is not on the form), a duplicate links to the statement it repeats,
an empty round is filled from the date, and an inline of fifty rows renders with
the same handful of queries as an inline of one.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple, RelatedFieldWidgetWrapper
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet, model_to_dict
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from simple_history.models import to_historic

from .base import DatePrecision
from .models import http_url_validator
from .services import suggest_round

# --------------------------------------------------------------------------- fields


class HttpURLField(forms.URLField):
    """A URL field that accepts what the model accepts (http and https) and says so.

    Django's form URLField also takes ftp:// and answers "Enter a valid URL.";
    the model's validator is the rule, so the form uses it and its message.
    """

    default_validators = [http_url_validator]
    default_error_messages = {"invalid": http_url_validator.message}


# --------------------------------------------------------------------------- errors


def link_duplicate(error: ValidationError, model: type[models.Model]) -> ValidationError:
    """Turn the model's ``duplicate`` error into one that links to the row it repeats.

    The model raises the error with ``params={"pk": ...}`` and no URL (models know
    nothing of the admin); the link is built here, where the admin is.
    """
    if error.code != "duplicate" or not error.params or "pk" not in error.params:
        return error
    message = error.message % error.params
    opts = model._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[error.params["pk"]])
    except NoReverseMatch:  # pragma: no cover - the admin is always installed here
        return error
    return ValidationError(
        format_html(
            '{} <a href="{}">{}</a>', message, url, _("Open the existing %(name)s") % {"name": opts.verbose_name}
        ),
        code="duplicate",
    )


class ModelRulesForm(forms.ModelForm):
    """A ModelForm that shows every error the model's rules raise.

    Django refuses (with a ValueError, i.e. a 500) a model error keyed by a field
    that is not on the form, and hides one keyed by a hidden field, such as
    ``round`` on a statement entered under a Round. Those errors are shown at the
    top of the form instead, named by their field.
    A field the form already refused (say, a required text left empty) is not told
    the same thing a second time by the model.

    It also refuses a stale save: ``loaded_version`` carries the row's ``updated_at`` as
    the editor opened it, and if someone else saved the row since, the form says so and
    keeps what this editor typed, instead of silently overwriting the other's work (as
    wikis and issue trackers do). Saving again after a look applies it.
    """

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stamp = getattr(self.instance, "updated_at", None)
        self.fields["loaded_version"].initial = stamp.isoformat() if self.instance.pk and stamp else ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        sent = self.data.get(self.add_prefix("loaded_version"))
        if self.instance.pk is None or not sent or to_historic(self.instance) is not None:
            return cleaned  # a revert deliberately writes an old version over the current one
        model = type(self.instance)
        current = model._default_manager.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
        if current is not None and sent != current.isoformat():
            # The page shown again keeps what this editor changed and takes everything else
            # from the version now in the database; the next save is made against that version.
            self.data = self.data.copy()
            self._keep_only_own_changes(sent)
            self.data[self.add_prefix("loaded_version")] = current.isoformat()
            raise ValidationError(
                _(
                    "Someone else saved this %(name)s after you opened it. Nothing was saved: your "
                    "changes are kept below. Open the %(name)s in another tab to see the other "
                    "changes, then save again to apply yours."
                ),
                code="stale",
                params={"name": model._meta.verbose_name},
            )
        return cleaned

    def _keep_only_own_changes(self, loaded: str) -> None:
        """Reset the fields this editor left as they found them to their current values.

        What the editor found is the historical version saved at ``loaded`` (django-simple-
        history keeps ``updated_at`` in it); without that record, every field is kept.
        """
        history = getattr(type(self.instance), "history", None)
        try:
            base = history.filter(id=self.instance.pk, updated_at=loaded).order_by("-history_date").first()
        except (AttributeError, ValidationError, ValueError):
            return
        if base is None:
            return
        found = model_to_dict(base.instance)
        for name, field in self.fields.items():
            if name not in found or name == "loaded_version" or name not in self.initial:
                continue
            key = self.add_prefix(name)
            posted = field.widget.value_from_datadict(self.data, self.files, key)
            if field.has_changed(found[name], posted):
                continue  # the editor's own change: keep it
            current = self.initial[name]
            if isinstance(current, list | tuple):
                self.data.setlist(key, [str(getattr(item, "pk", item)) for item in current])
            else:
                self.data[key] = "" if current is None else str(getattr(current, "pk", current))

    def _update_errors(self, errors: ValidationError) -> None:
        if not hasattr(errors, "error_dict"):
            super()._update_errors(errors)
            return
        generic = self._generic_constraint_messages()
        rerouted: dict[str, list[ValidationError]] = {}
        messages = [message for field_errors in errors.error_dict.values() for message in ValidationError(field_errors)]
        has_plain_words = any(message not in generic for message in messages)
        for field, field_errors in errors.error_dict.items():
            if field != NON_FIELD_ERRORS and field in self._errors:
                continue
            for error in field_errors:
                if has_plain_words and error.message in generic:
                    # The database constraint backs a rule clean() already explained in words.
                    continue
                error = link_duplicate(error, self._meta.model)
                if field == NON_FIELD_ERRORS or (field in self.fields and not self.fields[field].widget.is_hidden):
                    rerouted.setdefault(field, []).append(error)
                else:
                    label = self._meta.model._meta.get_field(field).verbose_name
                    text = " ".join(error.messages)
                    rerouted.setdefault(NON_FIELD_ERRORS, []).append(
                        ValidationError("%(field)s: %(text)s", params={"field": str(label).capitalize(), "text": text})
                    )
        super()._update_errors(ValidationError(rerouted))

    def _generic_constraint_messages(self) -> set[str]:
        """Django's "Constraint “x” is violated." for the model's constraints without a message of their own."""
        return {
            str(constraint.get_violation_error_message())
            for constraint in self._meta.model._meta.constraints
            if constraint.violation_error_message == constraint.default_violation_error_message
        }


class RoundFromDateForm(ModelRulesForm):
    """Fill an empty round from the date, by ``rounds.services.suggest_round``.

    ``round_filled`` keeps the round chosen so the admin can tell the editor.
    Rows left untouched in an inline are not filled: nothing of theirs is saved.
    """

    round_filled = None

    def round_negotiation_id(self, cleaned: dict[str, Any]) -> int | None:
        """The negotiation whose rounds may be suggested (None: any); the app above knows."""
        return None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "round" not in self.fields or cleaned.get("round") is not None:
            return cleaned
        if self.has_error("round") or self.has_error("date"):
            return cleaned
        if self.instance.pk is not None and not self.has_changed():
            return cleaned
        precision = cleaned.get("date_precision") or self.instance.date_precision or DatePrecision.DAY
        round_ = suggest_round(
            date=cleaned.get("date"), date_precision=precision, negotiation_id=self.round_negotiation_id(cleaned)
        )
        if round_ is not None:
            cleaned["round"] = round_
            self.round_filled = round_
        return cleaned


# --------------------------------------------------------------------------- widgets


class PrimedAutocompleteMixin:
    """An autocomplete widget that can be told the selected objects in advance.

    Django's autocomplete widget runs one query per rendered widget to label the
    selected option: fifty inline rows, fifty queries per field. ``known`` maps
    primary keys (as strings) to objects the formset already has in memory.
    """

    known: dict[str, models.Model] | None = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if self.known is None or not selected <= self.known.keys():
            return super().optgroups(name, value, attr)
        options: list[dict[str, Any]] = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for key in sorted(selected):
            obj = self.known[key]
            label = self.choices.field.label_from_instance(obj)
            options.append(self.create_option(name, obj.pk, label, True, len(options)))
        return [(None, options, 0)]


class PrimedAutocompleteSelect(PrimedAutocompleteMixin, AutocompleteSelect):
    pass


class PrimedAutocompleteSelectMultiple(PrimedAutocompleteMixin, AutocompleteSelectMultiple):
    pass


def _inner_widget(widget: forms.Widget) -> forms.Widget:
    return widget.widget if isinstance(widget, RelatedFieldWidgetWrapper) else widget


# --------------------------------------------------------------------------- formsets


class EditorInlineFormSet(BaseInlineFormSet):
    """Inline rows for editors: constant queries to render, published rows kept.

    * Related objects shown by the rows are looked up once for the whole formset:
      autocomplete widgets are primed with the objects the (select_related /
      prefetched) rows already hold, and plain selects share one evaluated list.
    * An editor cannot delete a published row (the admin sets
      ``may_delete_published`` for superusers); they unpublish it first.
    """

    may_delete_published = False

    @cached_property
    def forms(self) -> list[forms.Form]:
        forms_ = super().forms
        self._prime(forms_)
        return forms_

    @property
    def empty_form(self) -> forms.Form:
        form = super().empty_form
        self._prime([form])
        return form

    @cached_property
    def _choice_cache(self) -> dict[str, list]:
        return {}

    def _prime(self, forms_: list[forms.Form]) -> None:
        if not forms_:
            return
        for name, field in forms_[0].fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            widget = _inner_widget(field.widget)
            if isinstance(widget, PrimedAutocompleteMixin):
                self._prime_autocomplete(forms_, name)
            elif isinstance(widget, forms.Select):
                if name not in self._choice_cache:
                    # A comprehension, not list(): list() asks the iterator's len() first,
                    # which is a COUNT query of its own.
                    self._choice_cache[name] = [choice for choice in field.choices]
                for form in forms_:
                    form.fields[name].choices = self._choice_cache[name]

    def _prime_autocomplete(self, forms_: list[forms.Form], name: str) -> None:
        known: dict[str, models.Model] = {}
        wanted: set[str] = set()
        for form in forms_:
            known.update(_objects_held_by(form.instance, name))
            value = form[name].value()
            values = value if isinstance(value, list | tuple) else [value]
            wanted.update(str(v) for v in values if v not in (None, ""))
        missing = {value for value in wanted - known.keys() if value.isdigit()}
        if missing:
            queryset = forms_[0].fields[name].queryset
            known.update({str(obj.pk): obj for obj in queryset.filter(pk__in=missing)})
        for form in forms_:
            _inner_widget(form.fields[name].widget).known = known

    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        """Each row holds its parent object itself, not only the parent's id.

        Django sets the row's foreign key to the parent's primary key, which on an add page
        is None: a row's rules that read the parent (a statement not dated after its
        source's publication) then had nothing to read, and the save failed later with a
        500. The parent form has filled the same object with what was typed by the time
        the rows are validated, so the rules check the values on the page, saved or not.
        """
        form = super()._construct_form(i, **kwargs)
        if not self.save_as_new:
            setattr(form.instance, self.fk.name, self.instance)
        return form

    def clean(self) -> None:
        super().clean()
        if self.may_delete_published:
            return
        for form in self.deleted_forms:
            if form.instance.pk and getattr(form.instance, "is_published", False):
                raise ValidationError(
                    _("“%(item)s” is published: unpublish it before deleting it, or ask an administrator."),
                    params={"item": form.instance},
                    code="published",
                )


def _objects_held_by(instance: models.Model, name: str) -> dict[str, models.Model]:
    """Related objects ``instance`` already has in memory for field ``name`` (no query)."""
    field = instance._meta.get_field(name)
    if field.many_to_many:
        cache = getattr(instance, "_prefetched_objects_cache", {})
        related = cache.get(field.name)
        return {str(obj.pk): obj for obj in related} if related is not None else {}
    if field.is_cached(instance):
        obj = field.get_cached_value(instance)
        return {str(obj.pk): obj} if obj is not None else {}
    return {}
