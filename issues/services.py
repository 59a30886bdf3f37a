"""Writes to issues, positions, status history and statements: the one door for them.

Admin, import and API call these functions. Create and update share one body
(``rounds.services.record_save``): assign, validate with ``full_clean()`` (the
model's ``clean()`` holds the domain rules), save, in one transaction, so a write
lands whole or not at all whichever door it came through. Publishing is
``rounds.publishing``'s, re-exported here as part of this app's door.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rounds import publishing
from rounds.base import set_change_reason
from rounds.models import Negotiation, Round, Source
from rounds.services import negotiation_on, record_save, suggest_round

from .models import Issue, Position, Statement, StatementTranslation, StatusAssessment

P = TypeVar("P", Statement, Position, StatusAssessment)

# Publishing is the same for every publishable fact; part of this app's door all the same.
publish = publishing.publish
unpublish = publishing.unpublish
publish_many = publishing.publish_many
unpublish_many = publishing.unpublish_many


def fact_save(
    item: P, *, publish: bool | None = None, links_changed: bool = False, validated: bool = False, **fields: Any
) -> P:
    """The one body of every write of a statement, position or status assessment, from any door.

    Assigns ``fields``, fills an empty round from the date (``fill_round_from_date``: the
    same rule for admin, import and API), sets the publication state, validates by the
    model's rules and saves, in one transaction.
    """
    issues = fields.pop("_issues", None)
    for name, value in fields.items():
        setattr(item, name, value)
    filled = fill_negotiation(item, issues) | (fill_round_from_date(item) is not None)
    return record_save(
        item, publish=publish, links_changed=links_changed, validated=validated and not fields and not filled
    )


def statement_create(*, issues: Iterable[Issue] = (), publish: bool = False, **fields: Any) -> Statement:
    """Record a statement; it starts as a draft unless ``publish`` is set."""
    return statement_update(statement=Statement(), issues=issues, publish=publish or None, **fields)


@transaction.atomic
def statement_update(
    *, statement: Statement, issues: Iterable[Issue] | None = None, publish: bool | None = None, **fields: Any
) -> Statement:
    """Change a statement; ``issues=None`` leaves its issues as they are, ``publish=None`` its state."""
    issues = None if issues is None else list(issues)
    relinked = (
        issues is not None
        and statement.pk is not None
        and {issue.pk for issue in issues} != set(statement.issues.values_list("pk", flat=True))
    )
    fact_save(statement, publish=publish, links_changed=relinked, _issues=issues, **fields)
    if issues is not None:
        elsewhere = sorted(issue.title for issue in issues if issue.negotiation_id != statement.negotiation_id)
        if elsewhere:
            raise ValidationError(
                {
                    "issues": ValidationError(
                        _("Not issues of %(negotiation)s: %(issues)s."),
                        code="other_negotiation",
                        params={"negotiation": statement.negotiation, "issues": ", ".join(elsewhere)},
                    )
                }
            )
        statement.issues.set(issues)
    return statement


# --------------------------------------------------------------------------- translations of statements


def _translations_changed(statement: Statement) -> None:
    """Mark the statement changed: a translation is shown with it, so its ``updated_at`` (the API's
    ETags), its public change (the pages' validators), its history and the shared cache's purge
    must move as if its own words had changed."""
    set_change_reason(statement, _("Translations changed"))
    statement.save(update_fields=["updated_at"])


@transaction.atomic
def statement_translation_save(*, translation: StatementTranslation, **fields: Any) -> StatementTranslation:
    """Attach a translation to its statement, or change one: validated (never into the words' own
    language, one per language), saved, and the statement marked changed, in one transaction."""
    for name, value in fields.items():
        setattr(translation, name, value)
    changed = translation._state.adding or bool(translation.changed_fields())
    record_save(translation)
    if changed:
        _translations_changed(translation.statement)
    return translation


@transaction.atomic
def statement_translation_delete(*, translation: StatementTranslation) -> None:
    statement = translation.statement
    translation.delete()
    _translations_changed(statement)


@transaction.atomic
def statement_translations_set(*, statement: Statement, translations: Iterable[dict[str, Any]]) -> Statement:
    """Make ``translations`` (``{"language", "text", "note"}`` each) the statement's, and only them.

    A translation whose language, text and note are unchanged is left as it is, so setting the
    same list again (a seed loaded twice, an API client sending back what it read) writes nothing.
    """
    wanted: dict[str, dict[str, Any]] = {}
    for item in translations:
        language = item.get("language") or ""
        if language in wanted:
            raise ValidationError(
                {
                    "translations": ValidationError(
                        _("Two translations into the same language: give one."), code="duplicate_language"
                    )
                }
            )
        wanted[language] = {"text": item.get("text") or "", "note": item.get("note") or ""}
    existing = {translation.language: translation for translation in statement.translations.all()}
    changed = False
    for language, translation in existing.items():
        if language not in wanted:
            translation.delete()
            changed = True
    for language, values in wanted.items():
        translation = existing.get(language) or StatementTranslation(statement=statement, language=language)
        for name, value in values.items():
            setattr(translation, name, value)
        if translation._state.adding or translation.changed_fields():
            try:
                record_save(translation)
            except ValidationError as exc:
                raise ValidationError({"translations": exc.messages}) from exc
            changed = True
    if changed:
        _translations_changed(statement)
    return statement


def position_create(*, publish: bool = False, **fields: Any) -> Position:
    return position_update(position=Position(), publish=publish or None, **fields)


def position_update(*, position: Position, publish: bool | None = None, **fields: Any) -> Position:
    return fact_save(position, publish=publish, **fields)


def status_assessment_create(*, publish: bool = False, **fields: Any) -> StatusAssessment:
    """Assess an issue's status at a round or on a date.

    Without a date, an assessment made at a round takes the round's last day.
    """
    assessment = StatusAssessment(**fields)
    if assessment.date is None and assessment.round is not None and assessment.round.end_date:
        assessment.date = assessment.round.end_date
    return status_assessment_update(assessment=assessment, publish=publish or None)


def status_assessment_update(
    *, assessment: StatusAssessment, publish: bool | None = None, **fields: Any
) -> StatusAssessment:
    """Change an assessment. A published one's substance is refused (``StatusAssessment.clean``):
    it is corrected with ``status_assessment_correct``. Drafts change freely."""
    return fact_save(assessment, publish=publish, **fields)


#: What a correction may change: the entry's substance, and how the source words the date.
CORRECTABLE_FIELDS = (*StatusAssessment.SUBSTANCE_FIELDS, "date_text")


@transaction.atomic
def status_assessment_correct(
    *, assessment: StatusAssessment, reason: str, user: Any = None, **changes: Any
) -> StatusAssessment:
    """Correct a published entry: a new published entry with ``changes`` that ``corrects`` it.

    The corrected entry stays as it was (who wrote it and when, in its history), marked as
    superseded; the correction keeps ``reason`` and, in its history, ``user``. Refused for a
    draft (edit it instead), for an entry already corrected (correct the correction), for
    a correction that changes nothing, and without a reason.
    """
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise TypeError(f"status_assessment_correct() cannot change {', '.join(sorted(unknown))}")
    # Held until the end: two editors correcting the same entry at once make one correction.
    original = StatusAssessment.objects.select_for_update().get(pk=assessment.pk)
    if not original.is_published:
        raise ValidationError(
            {NON_FIELD_ERRORS: [ValidationError(_("This entry is a draft: edit it instead."), code="draft")]}
        )
    if original.is_superseded:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    ValidationError(
                        _("This entry was corrected already: correct its correction instead."), code="superseded"
                    )
                ]
            }
        )
    values = {name: getattr(original, name) for name in CORRECTABLE_FIELDS}
    if all(values[name] == value for name, value in changes.items()):
        raise ValidationError(
            {NON_FIELD_ERRORS: [ValidationError(_("A correction changes at least one value."), code="unchanged")]}
        )
    values.update(changes)
    correction = StatusAssessment(**values, corrects=original, correction_reason=(reason or "").strip())
    if user is not None:
        correction._history_user = user  # django-simple-history records who made the correction
    return fact_save(correction, publish=True)


# --------------------------------------------------------------------------- entry helpers (admin workbench)


def fill_round_from_date(item: Statement | Position | StatusAssessment) -> Round | None:
    """Fill an empty round from the item's date; return the round filled in, if any.

    Used by every entry door (admin forms, file import) before validation, so the
    suggestion is the same wherever a statement comes from.
    """
    if item.round_id is not None:
        return None
    negotiation_id = item.negotiation_id if isinstance(item, Statement) else getattr(item.issue, "negotiation_id", None)
    round_ = suggest_round(date=item.date, date_precision=item.date_precision, negotiation_id=negotiation_id)
    if round_ is not None:
        item.round = round_
        if isinstance(item, Statement) and item.negotiation_id is None:
            item.negotiation = round_.negotiation
    return round_


def negotiation_for(
    *, round_: Round | None = None, issues: Iterable[Issue] | None = None, date: Any = None
) -> Negotiation | None:
    """Which negotiation a statement belongs to when its editor does not say: its round's,
    else its issues' (when they are all of one), else the one under way on its date."""
    if round_ is not None:
        return round_.negotiation
    negotiations = {issue.negotiation for issue in issues or ()}
    if len(negotiations) == 1:
        return negotiations.pop()
    if negotiations:
        return None  # issues of two negotiations: the editor says which (and clean() asks)
    return negotiation_on(date)


def fill_negotiation(item: Statement | Position | StatusAssessment, issues: Iterable[Issue] | None = None) -> bool:
    """Fill an empty statement's negotiation (``negotiation_for``); return whether it was
    filled. Positions and status entries belong to their issue's negotiation."""
    if not isinstance(item, Statement) or item.negotiation_id is not None:
        return False
    if issues is None and item.pk is not None:
        issues = item.issues.all()
    found = negotiation_for(round_=item.round, issues=issues, date=item.date)
    if found is None:
        return False
    item.negotiation = found
    return True


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
