"""Writes to the talks' frame and its sources, and the one body every write shares.

Admin (``save_model``/``save_formset``), file import and API all call these functions,
so each rule (the model's ``clean()``, its field validators and constraints) is
checked the same way whichever door a write comes through, inside one transaction.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from django.db import models, transaction

from .base import DatePrecision
from .models import Negotiation, Round, RoundStatus, Source
from .publishing import Publishable, set_published

M = TypeVar("M", bound=models.Model)


@transaction.atomic
def record_save(
    instance: M, *, publish: bool | None = None, links_changed: bool = False, validated: bool = False, **fields: Any
) -> M:
    """Assign ``fields``, set the publication state (``publish``: True, False or None to leave
    it), validate by the model's rules and save. Every create and update ends here.

    A row whose columns all hold the values it was loaded with is validated but not
    written: editors save a source, an issue or a round together with the drafts entered
    under it, and writing the unchanged row would move its ``updated_at`` and add a
    history version, which the public's Last-Modified, ETags, ``updated_at`` and the
    calendar read as a public change. ``links_changed``: its many-to-many links (other
    tables) changed, which is a change to the row all the same. ``validated``: the caller
    has just run ``full_clean()`` on this very instance, unchanged since (the file import
    validates each row before it saves it); validating twice doubled an import's cost.
    """
    for name, value in fields.items():
        setattr(instance, name, value)
    if isinstance(instance, Publishable):
        set_published(instance, publish)
    if not validated or fields or publish is not None:
        instance.full_clean()
    if instance._state.adding or links_changed or _changed(instance):
        instance.save()
    return instance


def _changed(instance: models.Model) -> bool:
    changed_fields = getattr(instance, "changed_fields", None)
    return changed_fields is None or bool(changed_fields())


def negotiation_on(date: datetime.date | None) -> Negotiation | None:
    """The negotiation a fact dated ``date`` belongs to when nothing else says: the one
    under way that day, or the only one there is; None when that is not one negotiation."""
    candidates = Negotiation.objects.all()
    if date is not None:
        during = list(candidates.containing(date)[:2])
        if len(during) == 1:
            return during[0]
    only = list(candidates[:2])
    return only[0] if len(only) == 1 else None


def source_create(**fields: Any) -> Source:
    return record_save(Source(), **fields)


def source_update(*, source: Source, **fields: Any) -> Source:
    return record_save(source, **fields)


def suggest_round(
    *, date: datetime.date | None, date_precision: str = DatePrecision.DAY, negotiation_id: int | None = None
) -> Round | None:
    """The round (of ``negotiation_id``'s talks, if given) during which ``date`` fell, or None.

    A fact's round is "the round during which the words were said", so a date inside
    a round's dates names the round. Month-only dates are too vague to choose, and
    overlapping rounds (never seen, but not forbidden) are left to the editor.
    """
    if date is None or date_precision == DatePrecision.MONTH:
        return None
    rounds = Round.objects.containing(date).exclude(status=RoundStatus.CANCELLED)
    if negotiation_id is not None:
        rounds = rounds.filter(negotiation_id=negotiation_id)
    rounds = list(rounds[:2])
    return rounds[0] if len(rounds) == 1 else None
