"""Filters every resource's query parameters are built from: slugs, search words, true/false.

A malformed value is a 400 naming the parameter (django-filter's form validation),
never a 500 and never a silent miss.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from collections.abc import Hashable

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django_filters.fields import ModelChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .serializers import is_slug

# Longest search query accepted (?q=): a sentence is plenty, and a page-long query is a 400, not work.
SEARCH_MAX_LENGTH = 200

_FORM_CLASSES: dict[Hashable, type[forms.Form]] = {}


class _Filters(OrderedDict):
    """A FilterSet class's filters, copied for each of its instances one level deep.

    django-filter deep-copies them for every FilterSet it makes, so that setting a filter's
    ``parent`` and ``model`` touches no other request's: some 600 objects a filtered
    statements list (choices, lazy help texts, querysets), a tenth of its time. A shallow
    copy is separate enough for that: nothing else in a filter (its arguments, its choices)
    changes after the class is made, and its form field, the one thing built from them per
    request, is now built once per class (``FilterSet.get_form_class``). A filter that calls
    a FilterSet method is given a link of its own copy (``method``), to its own FilterSet.
    """

    def __deepcopy__(self, memo: dict) -> OrderedDict:
        copies = OrderedDict()
        for name, filter_ in self.items():
            copied = copies[name] = copy.copy(filter_)
            if filter_.method is not None:
                copied.method = filter_.method  # a FilterMethod of the copy, not of the class's filter
        return copies


class _SharedFields(dict):
    """A cached filter form class's fields, shared by its instances instead of deep-copied.

    A Django form deep-copies its class's fields for every instance, so that a view may
    change one form's fields without touching the next request's: a filtered statements
    list's thirteen fields with their widgets, choices and lazy texts. No code changes a
    filter form's fields (they are built from the filters, fixed with the class, in one
    language: ``FilterSet.get_form_class``), and validating them only reads them, so each
    instance gets its own dict of the same field objects. Except those that choose a model
    object (the slugs): each holds a queryset, which the browsable API's filter form
    iterates and so compiles in place, and a queryset is not to be shared by threads
    (gunicorn's); those are deep-copied as Django copies them (a queryset of their own).
    A statements FilterSet's validation went from 0.96-0.99 ms to 0.79-0.80 ms.
    """

    def __deepcopy__(self, memo: dict) -> dict:
        return {
            name: copy.deepcopy(field, memo) if isinstance(field, forms.ModelChoiceField) else field
            for name, field in self.items()
        }


class FilterSet(filters.FilterSet):
    """django-filter's FilterSet, with its form class built once per class and language.

    django-filter builds the form class of every FilterSet it makes, so on each filtered
    request: one form field per filter, each labelled from its model field's verbose name,
    then a new class (1 ms of a filtered statements list's 10). The fields depend on
    nothing but the filters, which are the class's and fixed, and on the language of their
    labels; its forms share those fields rather than deep-copying them (``_SharedFields``).
    A filter whose field depended on the request (a callable queryset) would not fit this,
    and none here does: ``tests/api/test_filter_form_classes.py`` holds each to it.
    """

    @classmethod
    def get_filters(cls) -> OrderedDict:
        return _Filters(super().get_filters())

    def get_form_class(self) -> type[forms.Form]:
        key = (type(self), get_language())
        form_class = _FORM_CLASSES.get(key)
        if form_class is None:
            form_class = super().get_form_class()
            form_class.base_fields = _SharedFields(form_class.base_fields)
            _FORM_CLASSES[key] = form_class
        return form_class


class SlugChoiceField(ModelChoiceField):
    """Refuses a value that cannot be a slug before looking it up (PostgreSQL errors on a NUL character)."""

    def to_python(self, value):
        if value not in self.empty_values and not is_slug(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


@extend_schema_field(OpenApiTypes.STR)
class SlugFilter(filters.ModelChoiceFilter):
    """An object named by its slug; an unknown slug is a 400 naming the parameter."""

    field_class = SlugChoiceField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)


def search_filter(**kwargs) -> filters.CharFilter:
    return filters.CharFilter(method="filter_q", max_length=SEARCH_MAX_LENGTH, **kwargs)


@extend_schema_field({"type": "string", "enum": ["true", "false"]})
class TrueFalseFilter(filters.TypedChoiceFilter):
    """true or false, and a 400 for anything else (BooleanFilter silently ignores ?upcoming=perhaps)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs)
