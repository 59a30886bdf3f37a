"""Writes to the issues domain: one function per operation, shared by admin and API.

Each function validates with ``full_clean()`` (the model's ``clean()`` holds the
domain rules) and runs in a transaction, so a write either lands whole or not at
all, whichever door it came through.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

from rounds.base import DatePrecision
from rounds.models import Round, RoundStatus

from .models import Issue, Position, PublicationState, Source, Statement, StatusAssessment

P = TypeVar("P", Statement, Position, StatusAssessment)


def _assign(instance: models.Model, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


@transaction.atomic
def source_create(**fields: Any) -> Source:
    source = Source(**fields)
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def source_update(*, source: Source, **fields: Any) -> Source:
    _assign(source, fields)
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def statement_create(*, issues: Iterable[Issue] = (), publish: bool = False, **fields: Any) -> Statement:
    """Record a statement; it starts as a draft unless ``publish`` is set."""
    statement = Statement(**fields)
    if publish:
        _mark_published(statement)
    statement.full_clean()
    statement.save()
    statement.issues.set(list(issues))
    return statement


@transaction.atomic
def statement_update(
    *, statement: Statement, issues: Iterable[Issue] | None = None, publish: bool | None = None, **fields: Any
) -> Statement:
    """Change a statement; ``issues=None`` leaves its issues as they are, ``publish=None`` its state."""
    _assign(statement, fields)
    _set_published(statement, publish)
    statement.full_clean()
    statement.save()
    if issues is not None:
        statement.issues.set(list(issues))
    return statement


@transaction.atomic
def position_create(*, publish: bool = False, **fields: Any) -> Position:
    position = Position(**fields)
    if publish:
        _mark_published(position)
    position.full_clean()
    position.save()
    return position


@transaction.atomic
def position_update(*, position: Position, publish: bool | None = None, **fields: Any) -> Position:
    _assign(position, fields)
    _set_published(position, publish)
    position.full_clean()
    position.save()
    return position


@transaction.atomic
def status_assessment_create(*, publish: bool = False, **fields: Any) -> StatusAssessment:
    """Assess an issue's status at a round or on a date.

    Without a date, an assessment made at a round takes the round's last day.
    """
    assessment = StatusAssessment(**fields)
    if assessment.date is None and assessment.round is not None and assessment.round.end_date:
        assessment.date = assessment.round.end_date
    if publish:
        _mark_published(assessment)
    assessment.full_clean()
    assessment.save()
    return assessment


@transaction.atomic
def status_assessment_update(
    *, assessment: StatusAssessment, publish: bool | None = None, **fields: Any
) -> StatusAssessment:
    _assign(assessment, fields)
    _set_published(assessment, publish)
    assessment.full_clean()
    assessment.save()
    return assessment


def _mark_published(item: Statement | Position | StatusAssessment) -> None:
    item.state = PublicationState.PUBLISHED
    if item.published_at is None:
        item.published_at = timezone.now()


def _mark_draft(item: Statement | Position | StatusAssessment) -> None:
    item.state = PublicationState.DRAFT


def _set_published(item: Statement | Position | StatusAssessment, publish: bool | None) -> None:
    """Publish (True), take back to draft (False) or leave the state alone (None), within the same save."""
    if publish is True:
        _mark_published(item)
    elif publish is False:
        _mark_draft(item)


@transaction.atomic
def publish(item: P) -> P:
    """Make one statement, position or assessment public (after validating it again)."""
    _mark_published(item)
    item.full_clean()
    item.save(update_fields=["state", "published_at", "updated_at"])
    return item


@transaction.atomic
def unpublish(item: P) -> P:
    """Take an item back to draft; it disappears from the public site and API at once."""
    _mark_draft(item)
    item.save(update_fields=["state", "updated_at"])
    return item


@transaction.atomic
def publish_many(items: Iterable[P]) -> int:
    """Publish several items; all of them or, if one is invalid, none. Returns how many changed."""
    changed = 0
    for item in items:
        if item.state != PublicationState.PUBLISHED:
            publish(item)
            changed += 1
    return changed


@transaction.atomic
def unpublish_many(items: Iterable[P]) -> int:
    changed = 0
    for item in items:
        if item.state != PublicationState.DRAFT:
            unpublish(item)
            changed += 1
    return changed


# --------------------------------------------------------------------------- entry helpers (admin workbench)


def suggest_round(*, date: datetime.date | None, date_precision: str = DatePrecision.DAY) -> Round | None:
    """The round during which ``date`` fell, or None.

    A statement's round is "the round during which the words were said", so a date
    inside a round's dates names the round. Month-only dates are too vague to
    choose, and overlapping rounds (never seen, but not forbidden) are left to the
    editor.
    """
    if date is None or date_precision == DatePrecision.MONTH:
        return None
    rounds = list(Round.objects.containing(date).exclude(status=RoundStatus.CANCELLED)[:2])
    return rounds[0] if len(rounds) == 1 else None


def fill_round_from_date(item: Statement | Position | StatusAssessment) -> Round | None:
    """Fill an empty round from the item's date; return the round filled in, if any.

    Used by every entry door (admin forms, file import) before validation, so the
    suggestion is the same wherever a statement comes from.
    """
    if item.round_id is not None:
        return None
    round_ = suggest_round(date=item.date, date_precision=item.date_precision)
    if round_ is not None:
        item.round = round_
    return round_


@transaction.atomic
def publish_from_sources(*, sources: Iterable[Source]) -> int:
    """Publish every draft statement, position and status assessment the sources report.

    Source-first entry ends here: an editor enters an article with its quotes and
    positions as drafts, checks them, and publishes them together. All or nothing.
    """
    source_ids = [source.pk for source in sources]
    changed = 0
    for model in (Statement, Position, StatusAssessment):
        changed += publish_many(model.objects.drafts().filter(source_id__in=source_ids))
    return changed
