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
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
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


def add_days(day: datetime.date, days: int) -> datetime.date:
    """``day`` moved by ``days``, stopping at the ends of the calendar instead of raising OverflowError."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min
