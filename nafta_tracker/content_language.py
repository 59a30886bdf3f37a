"""Content in three languages: English is the record, French and Spanish are translations.

django-modeltranslation adds ``<field>_en``, ``<field>_fr`` and ``<field>_es`` columns beside
each registered field, and makes reading ``obj.title`` give the active language's text,
falling back to English where no translation was entered. We keep that, and take back
three of its defaults, each of which lets the *interface* language decide what is written
or queried:

- Writes: modeltranslation writes ``obj.title = x`` (and ``Model(title=x)``) into the
  active language's column, so an editor whose admin is in French, a French API client or
  the loader run under a French locale would overwrite the French translation with
  English text. Here ``title`` always means English: assigning it writes ``title_en``,
  and the original ``title`` column keeps the English text on every save.
- Queries: modeltranslation rewrites ``filter(title=...)`` and ``order_by("title")`` to the
  active language's column (a French reader would see the issue board ordered by French
  titles, with untranslated ones first or last: NULLs). The managers are put back: every
  query, ordering, index and uniqueness constraint keeps using the English ``title``.
- Internal reads: Django and its apps read ``getattr(obj, "title")`` to validate uniqueness,
  fill forms, write history rows and export. Those see English (``english()``,
  ``value_from_object``), so a French interface never validates or records a translation
  as if it were the record.

``fallbacks(obj)`` tells which fields of an object show English for lack of a translation
(the API's ``fallbacks`` list, the pages' ``lang="en"`` marks).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import models
from django.utils.translation import get_language
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.manager import MultilingualManager
from modeltranslation.translator import TranslationOptions, translator

#: The language of the record: what ``title`` is, and what every translation falls back to.
ORIGINAL = "en"
#: The languages a text may be translated into.
TRANSLATIONS = ("fr", "es")
LANGUAGES = (ORIGINAL, *TRANSLATIONS)

_english_reads: contextvars.ContextVar[bool] = contextvars.ContextVar("english_reads", default=False)


@contextlib.contextmanager
def english() -> Iterator[None]:
    """Within this block, translated fields read as their English text whatever the language.

    For code that reads a model to check or store it (validation, history, exports), not
    to show it. Unlike ``translation.override("en")``, messages stay in the reader's language.
    """
    token = _english_reads.set(True)
    try:
        yield
    finally:
        _english_reads.reset(token)


def content_language() -> str:
    """The active language if the content has it (en, fr, es), else English."""
    language = (get_language() or ORIGINAL)[:2]
    return language if language in LANGUAGES else ORIGINAL


def localized_name(field: str, language: str) -> str:
    return f"{field}_{language}"


def localized_column(field: str) -> Any:
    """A query expression for ``field`` in the active language, falling back to English:
    for annotations and subqueries, where the descriptor cannot help."""
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce, NullIf

    language = content_language()
    if language == ORIGINAL:
        return F(field)
    return Coalesce(NullIf(F(localized_name(field, language)), Value("")), F(field))


class EnglishWritingDescriptor(TranslationFieldDescriptor):
    """Reads in the active language with fallback to English; writes English, always."""

    def __set__(self, instance: models.Model, value: Any) -> None:
        instance.__dict__[self.field.name] = value
        if getattr(instance, "_mt_init", False) or getattr(instance, "_mt_disable", False):
            return
        setattr(instance, localized_name(self.field.name, ORIGINAL), value)

    def __get__(self, instance: models.Model | None, owner: type) -> Any:
        if instance is None:
            return self
        if _english_reads.get():
            return english_value(instance, self.field.name)
        return super().__get__(instance, owner)


def english_value(instance: models.Model, field: str) -> Any:
    """The English text of ``field`` (the record), whatever the active language."""
    value = instance.__dict__.get(localized_name(field, ORIGINAL))
    if value is None:
        value = instance.__dict__.get(field)
    return value


def _empty(value: Any) -> bool:
    return value is None or value == ""


def translated_value(instance: models.Model, field: str, language: str | None = None) -> tuple[Any, bool]:
    """(text shown in ``language``, whether it fell back to English).

    A missing translation is NULL or empty. An English text that is itself empty is not a
    fallback: there is nothing to mark.
    """
    language = language or content_language()
    english_text = english_value(instance, field)
    if language == ORIGINAL:
        return english_text, False
    text = instance.__dict__.get(localized_name(field, language))
    if not _empty(text):
        return text, False
    return english_text, not _empty(english_text)


def translated_fields(model: type[models.Model] | models.Model) -> tuple[str, ...]:
    """The registered fields of ``model`` (empty for a model that is not translated)."""
    model = model if isinstance(model, type) else type(model)
    return getattr(model, "_content_translated_fields", ())


def fallbacks(instance: models.Model, fields: Iterable[str] | None = None, language: str | None = None) -> list[str]:
    """The fields of ``instance`` that show English for want of a translation in ``language``."""
    names = translated_fields(instance) if fields is None else fields
    deferred = instance.get_deferred_fields()
    return [
        name
        for name in names
        if localized_name(name, ORIGINAL) not in deferred and translated_value(instance, name, language)[1]
    ]


def register(model: type[models.Model], fields: Iterable[str]) -> None:
    """Register ``fields`` of ``model`` with modeltranslation, with the behaviour the module doc gives.

    Called from each app's ``translation`` module, which modeltranslation imports at start-up.
    """
    fields = tuple(fields)
    manager_classes = {manager.name: manager.__class__ for manager in model._meta.managers}
    options_class = model._meta.__class__
    plain_init = model.__init__
    options = type(
        f"{model.__name__}TranslationOptions",
        (TranslationOptions,),
        # None, not "": an untranslated text is NULL, and a NULL never collides in a unique column.
        {"fields": fields, "empty_values": None, "fallback_languages": {"default": (ORIGINAL,)}},
    )
    translator.register(model, options)

    # No query rewriting (module doc): the managers and options classes from before registration.
    # (Options.managers hands out copies of local_managers, made again after _expire_cache.)
    for manager in model._meta.local_managers:
        manager.__class__ = manager_classes[manager.name]
    model._meta.__class__ = options_class
    model._meta._expire_cache()
    assert not isinstance(model._default_manager, MultilingualManager), model

    def __init__(self: models.Model, *args: Any, **kwargs: Any) -> None:
        # modeltranslation sends Model(title=x) to the active language's column: English here.
        self._mt_init = True
        for name in fields:
            if name in kwargs:
                kwargs.setdefault(localized_name(name, ORIGINAL), kwargs[name])
        plain_init(self, *args, **kwargs)

    model.__init__ = __init__
    model._content_translated_fields = fields
    _checks_read_english(model)
    _saves_keep_english_column(model, fields)

    for name in fields:
        field = model._meta.get_field(name)
        setattr(model, name, EnglishWritingDescriptor(field, fallback_languages={"default": (ORIGINAL,)}))
        _english_on_save(field)
        for language in LANGUAGES:
            # modeltranslation ignores an emptied input of the interface language's column when
            # the form also has ``title`` (it guesses a form that knows nothing of translations):
            # an editor whose admin is in French could not clear a French translation.
            _plain_form_saves(model._meta.get_field(localized_name(name, language)))


def _plain_form_saves(field: models.Field) -> None:
    def save_form_data(instance: models.Model, data: Any, check: bool = True) -> None:
        setattr(instance, field.attname, data)

    field.save_form_data = save_form_data


def _english_on_save(field: models.Field) -> None:
    """The original column holds the English text, and forms and serializers fill in English."""
    english_name = localized_name(field.name, ORIGINAL)

    def pre_save(instance: models.Model, add: bool) -> Any:
        value = instance.__dict__.get(english_name)
        if value is None:
            value = instance.__dict__.get(field.name)
        if value is None and not field.null:
            value = field.get_default()
        instance.__dict__[field.name] = value
        instance.__dict__[english_name] = value
        return value

    def value_from_object(instance: models.Model) -> Any:
        return english_value(instance, field.name)

    field.pre_save = pre_save
    field.value_from_object = value_from_object


def _checks_read_english(model: type[models.Model]) -> None:
    """Validation reads the record: a French title must not pass a uniqueness check on English."""
    for method_name in ("clean_fields", "validate_unique", "validate_constraints"):
        method = getattr(model, method_name)

        def checked(self: models.Model, *args: Any, _method: Any = method, **kwargs: Any) -> Any:
            with english():
                return _method(self, *args, **kwargs)

        setattr(model, method_name, checked)


def _saves_keep_english_column(model: type[models.Model], fields: tuple[str, ...]) -> None:
    """``save(update_fields=["title"])`` writes ``title_en`` too, so both English columns agree."""
    save = model.save

    def saved(self: models.Model, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields:
            extra = {localized_name(name, ORIGINAL) for name in fields if name in update_fields}
            if extra:
                kwargs["update_fields"] = {*update_fields, *extra}
        save(self, *args, **kwargs)

    model.save = saved


def _history_in_english(sender: type[models.Model], instance: models.Model, history_instance: Any, **kwargs: Any):
    """The change history records the English record, whatever the editor's interface language."""
    for name in translated_fields(instance):
        setattr(history_instance, name, english_value(instance, name))


def connect_signals() -> None:
    """History rows record the English record; translations are not versioned.

    django-simple-history made each historical model from its model's fields before
    modeltranslation added the ``_en/_fr/_es`` ones, so it must not try to copy them either.
    """
    from modeltranslation.fields import TranslationField
    from simple_history.models import HistoricalRecords
    from simple_history.signals import pre_create_historical_record

    if not getattr(HistoricalRecords.fields_included, "_skips_translations", False):
        fields_included = HistoricalRecords.fields_included

        def without_translations(self: HistoricalRecords, model: Any) -> list[models.Field]:
            return [field for field in fields_included(self, model) if not isinstance(field, TranslationField)]

        without_translations._skips_translations = True
        HistoricalRecords.fields_included = without_translations
    pre_create_historical_record.connect(_history_in_english, dispatch_uid="content_language_history_in_english")


class UnprefixedLanguageMiddleware:
    """The API and the admin speak the language the client asks for (cookie, Accept-Language).

    The public pages take their language from the URL (/fr/…), and LocaleMiddleware, seeing
    i18n_patterns without a prefix for English, makes every unprefixed address English —
    the API and the admin included. A French API client then got English texts, and an
    editor could not work in French. Placed right after LocaleMiddleware; the answer says
    which language it is in (Content-Language) and that it depends on the ask (Vary), so a
    cache keeps one copy per language (the response and HTTP caches key on it as well).
    """

    prefixes = ("/api/", "/admin/")

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        if not request.path_info.startswith(self.prefixes):
            return self.get_response(request)
        from django.utils import translation
        from django.utils.cache import patch_vary_headers

        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers["Content-Language"] = request.LANGUAGE_CODE
        return response
