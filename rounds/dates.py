"""The range of dates the tracker accepts, and date arithmetic that cannot overflow.

Python dates run from year 1 to 9999, and both ends are one keystroke away in a date
field (0018 for 2018, 9999 for "unknown"). Stored, such a date took public pages down:
a chart padded by twelve days or a calendar event ending the next day overflowed, and a
year-18 status stretched an issue's chart to 24,000 month ticks (8 MB). The talks began
in 2017, so 1990 (when the negotiations that led to NAFTA opened) to 2100 leaves room
for background and for any deadline anyone sets, and refuses every typo above.

Validation refuses dates outside the range on every route (the validator sits on the
model fields, which the admin, the API serializers and the import all run); pages still
treat stored dates as untrusted (``is_in_range``, ``add_days``), for rows written before
the rule or by SQL.

The other date rules are about what a date may claim, and live here too so that every
model states them the same way (``check_reported_date``, called from the models'
``clean()``, which every door runs through ``rounds.services.record_save``): what was
said, proposed or assessed has happened, so it is not dated in the future; and a
source cannot report what happened after it was published.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST = datetime.date(1990, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def is_in_range(day: datetime.date | None) -> bool:
    """Whether ``day`` is a date the tracker accepts (None, an unknown date, is not)."""
    return day is not None and EARLIEST <= day <= LATEST


def validate_date_in_range(value: datetime.date | None) -> None:
    """Field validator: refuse a date outside EARLIEST..LATEST, naming the range."""
    if value is not None and not is_in_range(value):
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
        )


# The code its errors carry, read by the API schema (EditableViewSet.domain_error_codes) so
# that a client, and `make fuzz`, finds every error of a write documented.
validate_date_in_range.code = "date_out_of_range"


def latest_today() -> datetime.date:
    """The latest date it is anywhere on Earth right now (UTC+14, Kiribati).

    Dates are the calendar day where the words were said, and "today" in Ottawa or
    Mexico City can be tomorrow in UTC's terms and the other way round; the bound is
    the last time zone to reach a day, so no date that is already today somewhere is
    refused. Tests pin it by replacing this function.
    """
    return (timezone.now() + datetime.timedelta(hours=14)).date()


#: The codes of the errors ``check_reported_date`` raises (the API schema documents them).
DATE_IN_FUTURE = "date_in_future"
DATE_AFTER_SOURCE = "date_after_source"


def check_reported_date(
    day: datetime.date | None,
    *,
    published_on: datetime.date | None = None,
    field: str = "date",
) -> dict[str, list[ValidationError]]:
    """The date rules of something that has happened (a statement, a position, a status
    assessment, a concluded meeting), as errors keyed by ``field`` (empty when it passes).

    * Not in the future: it records a past event. Deadlines and
      scheduled meetings may lie ahead; their models do not call this.
    * Not after ``published_on``, the publication date of the source that reports it (None:
      unknown, nothing to compare). A month-only date is stored as the 1st of its month,
      so it passes whenever its month could hold the source's day.
    """
    if day is None or not is_in_range(day):
        return {}  # no date, or one validate_date_in_range refuses already
    errors: list[ValidationError] = []
    if day > latest_today():
        errors.append(
            ValidationError(
                _(
                    "%(date)s is in the future: this records something that has happened, so it cannot be "
                    "dated after today. Only deadlines and scheduled meetings lie ahead."
                ),
                code=DATE_IN_FUTURE,
                params={"date": day.isoformat()},
            )
        )
    elif published_on is not None and day > published_on:
        errors.append(
            ValidationError(
                _(
                    "%(date)s is after the source's publication date (%(published)s): a source cannot "
                    "report what happened after it was published. Check this date, or the source's."
                ),
                code=DATE_AFTER_SOURCE,
                params={"date": day.isoformat(), "published": published_on.isoformat()},
            )
        )
    return {field: errors} if errors else {}


def add_days(day: datetime.date, days: int) -> datetime.date:
    """``day`` moved by ``days``, stopping at the ends of the calendar instead of raising OverflowError."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min
