"""Draft and published: the publication workflow shared by every app's editable facts.

A fact an editor enters (a statement, a position, a status assessment) starts as a
draft and reaches the public only when published. The workflow lives here, below the
apps that use it, so that sources (in ``rounds``) can tell which of the facts citing
them are public without knowing which models those are: each publishable model that
cites a source is found through the source's reverse relations.
"""

from __future__ import annotations

import datetime
from typing import TypeVar

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .base import set_change_reason


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class _Constant(models.Expression):
    """A text constant written into the SQL, not bound as a parameter: for values of this
    module's own (a ``PublicationState``), never a client's; refused unless a plain word."""

    def __init__(self, value: str) -> None:
        if not (value.isascii() and value.isidentifier()):
            raise ValueError(f"not a plain word: {value!r}")
        super().__init__(output_field=models.CharField())
        self.value = value

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        return f"'{self.value}'", []


#: The published state as a constant in the SQL.
#:
#: With server-side binding (settings: prepared statements) a parameter reaches PostgreSQL as
#: ``$n``. For ``state = $n`` a generic plan must assume a state as common as any other (half
#: the rows), so PostgreSQL finds it dearer than the plan made for 'published' (nearly every
#: row) and plans the query anew on every run: a page of 500 statements spent 14 ms planning
#: and 6 executing. With the constant in the SQL, a query whose only parameter this was is
#: planned once per connection.
PUBLISHED_SQL = _Constant(PublicationState.PUBLISHED.value)


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=PUBLISHED_SQL)

    def drafts(self):
        return self.filter(state=PublicationState.DRAFT)

    def changed_since(self, moment: datetime.datetime):
        """Rows written at or after ``moment`` (API change feeds; ``updated_at`` is indexed)."""
        return self.filter(updated_at__gte=moment)


class Publishable(models.Model):
    """Draft/published state. Only published rows are ever shown to the public.

    ``updated_at`` moves with every save, drafts included, so nothing public may be
    derived from it: an issue's "last changed" or a list's Last-Modified built on it
    would tell the public when an editor last worked on a draft. What the public sees
    changes only when a row is published, edited while published, or taken back to
    draft; ``public_changed_at`` records exactly those moments.
    """

    state = models.CharField(
        _("state"),
        max_length=10,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    public_changed_at = models.DateTimeField(
        _("public change at"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("When the public last saw this row change: published, edited while published, or unpublished."),
    )

    # The state as loaded from the database (False for a new row): saving a row that was
    # published is a public change even when it is being taken back to draft.
    _loaded_published = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.is_published or self._loaded_published:
            self.public_changed_at = timezone.now()
            if kwargs.get("update_fields"):  # (an empty list means "save nothing": leave it so)
                kwargs["update_fields"] = {*kwargs["update_fields"], "public_changed_at"}
        super().save(*args, **kwargs)
        self._loaded_published = self.is_published

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_published = instance.__dict__.get("state") == PublicationState.PUBLISHED
        return instance

    @property
    def is_published(self) -> bool:
        return self.state == PublicationState.PUBLISHED

    def is_public_change(self) -> bool:
        """Whether the save (or deletion) under way changes what the public sees: the row is
        published, or was when loaded. Read by the shared cache's purges
        (``nafta_tracker.http_cache``) from the save signals, before ``save()`` resets the
        loaded state; a draft's saves purge nothing."""
        return self.is_published or self._loaded_published

    @property
    def is_public(self) -> bool:
        """Whether the public may see the row (the admin's "view on site" asks every model this)."""
        return self.is_published


def publication_constraints(prefix: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(condition=Q(state__in=PublicationState.values), name=f"{prefix}_state_valid"),
        models.CheckConstraint(
            condition=Q(state=PublicationState.DRAFT) | Q(published_at__isnull=False),
            name=f"{prefix}_published_has_time",
        ),
    ]


P = TypeVar("P", bound="Publishable")


def _mark_published(item: Publishable) -> None:
    item.state = PublicationState.PUBLISHED
    if item.published_at is None:
        item.published_at = timezone.now()


def _say_why(item: Publishable, was_published: bool) -> None:
    """The history says "Published" or "Taken back to draft" when the state changes (and no
    other reason, such as an import's, was given)."""
    if item.is_published == was_published or getattr(item, "_change_reason", None):
        return
    set_change_reason(item, _("Published") if item.is_published else _("Taken back to draft"))


def set_published(item: Publishable, publish: bool | None) -> None:
    """Publish (True), take back to draft (False) or leave the state alone (None), within the same save."""
    was_published = item._loaded_published
    if publish is True:
        _mark_published(item)
    elif publish is False:
        item.state = PublicationState.DRAFT
    _say_why(item, was_published)


@transaction.atomic
def publish(item: P) -> P:
    """Make one item public (after validating it again)."""
    was_published = item._loaded_published
    _mark_published(item)
    _say_why(item, was_published)
    item.full_clean()
    item.save(update_fields=["state", "published_at", "updated_at"])
    return item


@transaction.atomic
def unpublish(item: P) -> P:
    """Take an item back to draft; it disappears from the public site and API at once."""
    was_published = item._loaded_published
    item.state = PublicationState.DRAFT
    _say_why(item, was_published)
    item.save(update_fields=["state", "updated_at"])
    return item


@transaction.atomic
def publish_many(items) -> int:
    """Publish several items; all of them or, if one is invalid, none. Returns how many changed."""
    changed = 0
    for item in items:
        if item.state != PublicationState.PUBLISHED:
            publish(item)
            changed += 1
    return changed


@transaction.atomic
def unpublish_many(items) -> int:
    """Take several items back to draft. Returns how many changed."""
    changed = 0
    for item in items:
        if item.state != PublicationState.DRAFT:
            unpublish(item)
            changed += 1
    return changed
