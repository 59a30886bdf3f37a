"""The negotiation calendar (rounds and deadlines) as iCalendar, with the ``icalendar`` library.

All events are all-day: the sources give days, not hours. A milestone known only to
the month, or only approximately, says so in its title and description rather than
pretending to a precise day. An event dated outside the accepted range (``rounds.dates``:
only a row older than the rule, or written by SQL, can be) is left out rather than
overflowing the exclusive end date. UIDs are derived from slugs so that a subscribed calendar
updates events in place instead of duplicating them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .base import DatePrecision
from .dates import is_in_range
from .models import Milestone, Round

UID_DOMAIN = "nafta-tracker"
ONE_DAY = datetime.timedelta(days=1)


def _round_event(round_: Round, absolute: Callable[[str], str]) -> Event:
    event = Event()
    event.add("uid", f"round-{round_.slug}@{UID_DOMAIN}")
    event.add("dtstamp", round_.updated_at)
    event.add("last-modified", round_.updated_at)
    event.add("dtstart", round_.start_date)
    notes = [round_.summary] if round_.summary else []
    if round_.end_date:
        event.add("dtend", round_.end_date + ONE_DAY)  # DTEND of an all-day event is exclusive
    else:
        # An all-day DTSTART alone is a one-day event (RFC 5545, 3.6.1): the day it opened,
        # and a note that the sources have not said when it ended, rather than no event at all.
        notes.append(_("The sources do not give the end date."))
    event.add("summary", _("%(negotiation)s: %(round)s") % {"negotiation": round_.negotiation, "round": round_})
    host = round_.host_party.name if round_.host_party else ""
    location = ", ".join(part for part in (round_.venue, round_.city, host) if part)
    event.add("location", location)
    if notes:
        event.add("description", "\n\n".join(notes))
    event.add("url", absolute(round_.get_absolute_url()))
    event.add("categories", [_("Negotiating round")])
    status = {"cancelled": "CANCELLED", "scheduled": "TENTATIVE"}.get(round_.status, "CONFIRMED")
    event.add("status", status)
    return event


def _milestone_event(milestone: Milestone, absolute: Callable[[str], str]) -> Event:
    event = Event()
    event.add("uid", f"milestone-{milestone.slug}@{UID_DOMAIN}")
    event.add("dtstamp", milestone.updated_at)
    event.add("last-modified", milestone.updated_at)
    title = milestone.title
    notes = [milestone.description] if milestone.description else []
    if milestone.date_precision == DatePrecision.MONTH:
        title = _("%(title)s (month only)") % {"title": title}
        notes.append(_("The source gives only the month: %(date)s.") % {"date": milestone.display_date})
    elif milestone.date_precision == DatePrecision.APPROXIMATE:
        title = _("%(title)s (approximate date)") % {"title": title}
        notes.append(_("The date is approximate: %(date)s.") % {"date": milestone.display_date})
    event.add("dtstart", milestone.date)
    event.add("dtend", milestone.date + ONE_DAY)
    event.add("summary", title)
    if notes:
        event.add("description", "\n\n".join(notes))
    event.add("url", absolute(milestone.get_absolute_url()))
    event.add("categories", [milestone.get_kind_display()])
    event.add("transp", "TRANSPARENT")
    return event


def negotiation_calendar(
    rounds: Iterable[Round], milestones: Iterable[Milestone], *, absolute: Callable[[str], str], name: str = ""
) -> bytes:
    """An iCalendar document (RFC 5545) of ``rounds`` (with dates) and ``milestones``.

    ``absolute`` turns a site path into a full URL for each event's link; ``name`` is the
    negotiation's, for a calendar of one (rounds need ``negotiation`` selected).
    """
    calendar = Calendar()
    calendar.add("prodid", "-//nafta-tracker//trade talks calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = _("%(name)s: rounds and deadlines") % {"name": name} if name else _("Trade talks: rounds and deadlines")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "UTC")
    for round_ in rounds:
        if is_in_range(round_.start_date) and (round_.end_date is None or is_in_range(round_.end_date)):
            calendar.add_component(_round_event(round_, absolute))
    for milestone in milestones:
        if is_in_range(milestone.date):
            calendar.add_component(_milestone_event(milestone, absolute))
    return calendar.to_ical()
