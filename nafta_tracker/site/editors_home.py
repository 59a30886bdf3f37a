"""The editors' home: the first screen after logging in to the admin.

What waits for review (``issues.selectors.drafts_for_review``), what others changed
lately (django-simple-history's tables of every data model, ``nafta_tracker.registry``)
and the last imports (one admin log entry per confirmed import, written by
``rounds.admin_base.ImportExportEditorMixin``). A composition of both apps, so it lives
in the composition layer; ``EditorsAdminSite`` shows it above the usual list of models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from issues.selectors import drafts_for_review
from nafta_tracker.registry import public_models
from rounds.admin_base import IMPORT_LOG_KEY

RECENT_CHANGES = 15
LAST_IMPORTS = 5

#: The columns that name a row in its history record, first found wins (no query per row).
_LABEL_COLUMNS = ("title", "name", "text", "summary", "description", "url", "slug")
_CHANGE_KINDS = {"+": _("added"), "~": _("changed"), "-": _("deleted")}


@dataclass
class Change:
    model: str  # its verbose name (a template would call a class)
    label: str
    kind: str
    user: Any
    when: Any
    reason: str
    url: str | None


def _label(record: models.Model) -> str:
    for column in _LABEL_COLUMNS:
        value = getattr(record, column, "")
        if value:
            return Truncator(str(value)).chars(80)
    return f"#{record.pk}"


def _admin_url(model: type[models.Model], name: str, *args: Any) -> str | None:
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)
    except NoReverseMatch:
        return None


def recent_changes_by_others(user: AbstractBaseUser | AnonymousUser, *, limit: int = RECENT_CHANGES) -> list[Change]:
    """The latest changes to the record made by anyone but ``user``, newest first.

    One query per history table (each reads ``limit`` rows through the history_date index),
    merged here: a UNION over eleven tables of different columns would be no cheaper.
    """
    found: list[Change] = []
    for model in public_models():
        history = getattr(model, "history", None)
        if history is None:
            continue
        records = history.exclude(history_user=user.pk).select_related("history_user").order_by("-history_date")[:limit]
        for record in records:
            found.append(
                Change(
                    model=str(model._meta.verbose_name),
                    label=_label(record),
                    kind=str(_CHANGE_KINDS.get(record.history_type, record.history_type)),
                    user=record.history_user,
                    when=record.history_date,
                    reason=record.history_change_reason or "",
                    url=_admin_url(model, "history", record.pk),
                )
            )
    found.sort(key=lambda change: change.when, reverse=True)
    return found[:limit]


@dataclass
class Import:
    model: str  # the verbose name of what was imported
    file: str
    user: Any
    when: Any
    new: int
    updated: int
    skipped: int


def last_imports(*, limit: int = LAST_IMPORTS) -> list[Import]:
    """The last confirmed imports, newest first (one query)."""
    entries = (
        LogEntry.objects.filter(change_message__startswith=f'[{{"{IMPORT_LOG_KEY}"')
        .select_related("user", "content_type")
        .order_by("-action_time")[:limit]
    )
    imports = []
    for entry in entries:
        counts = json.loads(entry.change_message)[0][IMPORT_LOG_KEY]
        model = entry.content_type.model_class() if entry.content_type else None
        imports.append(
            Import(
                model=str(model._meta.verbose_name_plural) if model else "",
                file=entry.object_repr,
                user=entry.user,
                when=entry.action_time,
                new=counts.get("new", 0),
                updated=counts.get("updated", 0),
                skipped=counts.get("skipped", 0),
            )
        )
    return imports


def home_context(request: HttpRequest) -> dict[str, Any]:
    drafts = []
    for kind in drafts_for_review():
        rows = [
            {"item": row, "url": _admin_url(kind.model, "change", row.pk), "entered_by": row.entered_by}
            for row in kind.rows
        ]
        url = _admin_url(kind.model, "changelist")
        drafts.append(
            {
                "name": kind.model._meta.verbose_name_plural,
                "count": kind.count,
                "rows": rows,
                "list_url": f"{url}?state__exact=draft" if url else None,
            }
        )
    return {
        "drafts": drafts,
        "recent_changes": recent_changes_by_others(request.user),
        "last_imports": last_imports(),
    }


class EditorsAdminSite(admin.AdminSite):
    """The admin under the tracker's name, opening on the editors' home."""

    site_header = _("NAFTA tracker: editors")
    site_title = _("NAFTA tracker")
    index_title = _("Editors' home")
    index_template = "admin/nafta/index.html"

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None):
        return super().index(request, {**home_context(request), **(extra_context or {})})
