"""Building blocks shared by the domain models of both apps.

Kept apart from ``rounds.models`` so that ``issues`` can import them without
pulling in the round models themselves.
"""

from __future__ import annotations

import datetime
import functools

from django.db import models
from django.utils import formats
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .dates import validate_date_in_range

#: django-simple-history's ``history_change_reason`` column holds 100 characters (a longer
#: reason is an error on PostgreSQL, silently kept on SQLite).
REASON_MAX_LENGTH = 100


def set_change_reason(instance: models.Model, reason: str) -> None:
    """Say why the next save of ``instance`` happens; its history record keeps it (shortened to fit)."""
    instance._change_reason = Truncator(str(reason)).chars(REASON_MAX_LENGTH)


@functools.cache
def _choice_labels(field: models.Field, language: str | None) -> dict[object, str]:
    """Each value of ``field``'s choices and its label in ``language``, worked out once."""
    return {make_hashable(value): str(label) for value, label in field.flatchoices}


class TimeStampedModel(models.Model):
    """Created/updated timestamps on everything editors touch.

    ``updated_at`` is indexed because API clients poll with ``updated_since``.
    """

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    # The column values as loaded from (or last written to) the database, by attname;
    # empty for a row not yet saved. ``changed_fields()`` compares with them.
    _loaded_values: dict[str, object] = {}

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        written = kwargs.get("update_fields")
        fields = self._meta.concrete_fields
        if written is None:
            self._loaded_values = {}
        else:
            fields = [field for field in fields if field.name in written or field.attname in written]
        self._loaded_values = {
            **self._loaded_values,
            **{field.attname: self.__dict__[field.attname] for field in fields if field.attname in self.__dict__},
        }

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values, strict=True))
        return instance

    def _get_FIELD_display(self, field: models.Field) -> str:
        """What ``get_<field>_display()`` answers: the label of the value's choice, in the active language.

        Django builds a dict of the field's choices on every call, hashing and so translating
        each lazy label again; pages call it for every status, position and statement kind
        they show (900 times on the synthetic board of 300 issues, a fifth of the uncached
        home page's time). The labels are looked up once per field and language instead.
        """
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field, get_language()).get(make_hashable(value), value), strings_only=True)

    def changed_fields(self) -> set[str]:
        """The columns whose value differs from the row as loaded (every one for a new row).

        Timestamps the save itself stamps do not count. A deferred column that was never
        assigned is unchanged; one assigned without a loaded value counts as changed.
        """
        stamped = {"created_at", "updated_at", "public_changed_at"}
        loaded = self._loaded_values
        changed = set()
        for field in self._meta.concrete_fields:
            name = field.attname
            if name in stamped or name not in self.__dict__:
                continue
            if self._state.adding or name not in loaded or loaded[name] != self.__dict__[name]:
                changed.add(field.name)
        return changed


class DatePrecision(models.TextChoices):
    """How much of a date the source actually gives.

    Articles often say "Wednesday" or "last week". We store the best date we can
    justify and say how precise it is, instead of inventing a day.
    """

    DAY = "day", _("exact day")
    MONTH = "month", _("month only")
    APPROXIMATE = "approximate", _("approximate")


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """Render a date no more precisely than it is known."""
    if value is None:
        return ""
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    text = formats.date_format(value, "DATE_FORMAT")
    if precision == DatePrecision.APPROXIMATE:
        return _("c. %(date)s") % {"date": text}
    return text


class PartialDateModel(models.Model):
    """A date plus how precise it is, plus the wording the source used."""

    date = models.DateField(
        _("date"),
        validators=[validate_date_in_range],
        help_text=_(
            "Best known date. If the source gives only a month, use the 1st and pick 'month only'; "
            "if it is an estimate (\"last week\"), pick 'approximate'."
        ),
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    date_text = models.CharField(
        _("date as printed"),
        max_length=200,
        blank=True,
        help_text=_('How the source words the date, e.g. "Wednesday" or "last week", and how it was resolved.'),
    )

    class Meta:
        abstract = True

    @property
    def display_date(self) -> str:
        return format_partial_date(self.date, self.date_precision)


def precision_constraint(prefix: str, field: str = "date_precision") -> models.CheckConstraint:
    """Database check that a date-precision column holds one of the known values."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": DatePrecision.values}),
        name=f"{prefix}_date_precision_valid",
    )
