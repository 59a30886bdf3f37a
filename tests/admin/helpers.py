"""Helpers for admin tests: submit an admin form the way a browser would."""

from __future__ import annotations

from typing import Any

from django.forms import BaseForm, BaseFormSet
from django.http import HttpResponse


def _form_values(form: BaseForm) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in form.fields:
        bound = form[name]
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
    return data


def _formset_values(formset: BaseFormSet) -> dict[str, Any]:
    data = _form_values(formset.management_form)
    for form in formset.forms:
        data.update(_form_values(form))
    return data


def form_data(response: HttpResponse, **changes: Any) -> dict[str, Any]:
    """The data a browser would post back from an admin change (or revert) page, unchanged.

    ``changes`` overrides fields by their HTML name, e.g. ``text="…"`` or
    ``**{"statements-0-text": "…"}``.
    """
    context = response.context
    data = _form_values(context["adminform"].form)
    for inline in context.get("inline_admin_formsets") or []:
        data.update(_formset_values(inline.formset))
    data.update(changes)
    return data


def inline_management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def errors_of(response: HttpResponse) -> dict[str, list[str]]:
    """Every error of an admin change page, by field HTML name ("__all__" for the top)."""
    context = response.context
    errors: dict[str, list[str]] = {}
    form = context["adminform"].form
    for name, messages in form.errors.items():
        errors.setdefault(form.add_prefix(name) if name != "__all__" else "__all__", []).extend(messages)
    for inline in context.get("inline_admin_formsets") or []:
        formset = inline.formset
        for message in formset.non_form_errors():
            errors.setdefault(f"{formset.prefix}-__all__", []).append(message)
        for sub in formset.forms:
            for name, messages in sub.errors.items():
                key = sub.add_prefix(name) if name != "__all__" else f"{sub.prefix}-__all__"
                errors.setdefault(key, []).extend(messages)
    return errors
