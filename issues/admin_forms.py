"""The admin's forms for statements, positions and status assessments.

The shared building blocks (errors on the right field, rounds filled from dates,
constant-query inlines) are in ``rounds.admin_forms``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import to_historic

from rounds.admin_forms import EditorInlineFormSet, RoundFromDateForm

from . import services
from .models import StatusAssessment

# --------------------------------------------------------------------------- forms


class StatementAdminForm(RoundFromDateForm):
    """A statement's form (used by the admin for ``Statement``; Meta comes from the admin)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._use_historic_issues()
        if "language" in self.fields:
            # A browser always sends the select's value; a submission without the field
            # (one written before statements had a language) keeps the statement's.
            self.fields["language"].required = False

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.instance.language or "en"

    def _use_historic_issues(self) -> None:
        """When reverting to (or recovering) an old version, offer the issues it had then.

        simple-history rebuilds the statement's fields from the historical row but
        leaves many-to-many fields to the live table, which holds today's issues (or,
        after a deletion, none). The historical m2m rows hold the issues of that
        version; a deletion record has none of its own, so the version before it counts.
        """
        record = to_historic(self.instance)
        if record is None or "issues" not in self.fields or self.is_bound:
            return
        if record.history_type == "-":
            record = record.prev_record or record
        self.initial["issues"] = [row.issue_id for row in record.issues.all()]

    def _chosen_negotiation(self, cleaned: dict[str, Any]):
        if cleaned.get("negotiation") is not None:
            return cleaned["negotiation"]
        if "negotiation" not in self.fields and self.instance.negotiation_id is not None:
            return self.instance.negotiation
        issues = cleaned.get("issues") if "issues" in self.fields else None
        round_ = cleaned.get("round") or (self.instance.round if self.instance.round_id else None)
        return services.negotiation_for(round_=round_, issues=issues, date=cleaned.get("date"))

    def round_negotiation_id(self, cleaned: dict[str, Any]) -> int | None:
        negotiation = self._chosen_negotiation(cleaned)
        return negotiation.pk if negotiation else None

    def clean(self) -> dict[str, Any]:
        """Fill an empty negotiation as the service would, so the rules check the row that will be saved."""
        cleaned = super().clean()
        negotiation = self._chosen_negotiation(cleaned)
        if negotiation is not None:
            if "negotiation" in self.fields:
                cleaned["negotiation"] = negotiation
            else:
                self.instance.negotiation = negotiation
        return cleaned


class _IssueScopedRoundForm(RoundFromDateForm):
    def round_negotiation_id(self, cleaned: dict[str, Any]) -> int | None:
        issue = cleaned.get("issue") if "issue" in self.fields else getattr(self.instance, "issue", None)
        return issue.negotiation_id if issue is not None else None


class PositionAdminForm(_IssueScopedRoundForm):
    """Positions get their round from their date, among their issue's negotiation's rounds."""


class StatusAssessmentAdminForm(_IssueScopedRoundForm):
    """Status assessments get their round from their date, among their issue's negotiation's rounds."""


class StatusCorrectionForm(forms.ModelForm):
    """A correction of a published status entry: its values, prefilled, and why it was wrong.

    Bound to a new, unsaved entry (the correction), so the model's rules check the new
    values; ``issues.services.status_assessment_correct`` does the rest.
    """

    reason = forms.CharField(
        label=gettext_lazy("Why is the entry corrected?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept with the correction and shown beside the corrected entry."),
    )

    class Meta:
        model = StatusAssessment
        fields = ("reason", "issue", "status", "date", "date_precision", "date_text", "round", "source", "note")


class StatementInlineFormSet(EditorInlineFormSet):
    """Statements under a source or round: the same words twice in one batch are refused too.

    Each row is checked against the database by ``Statement.clean``; rows of the
    same submission are not in the database yet, so they are compared here by the
    model's own ``duplicate_key``.
    """

    def clean(self) -> None:
        super().clean()
        seen: dict[tuple[str, str], int] = {}
        for index, form in enumerate(self.forms):
            if not form.has_changed() and form.instance.pk is None:
                continue
            if form in self.deleted_forms or not hasattr(form, "cleaned_data"):
                continue
            key = form.instance.duplicate_key()
            if key is None:
                continue
            if key in seen:
                form.add_error(
                    "text",
                    _("These words are entered twice in this form (also in row %(row)s).") % {"row": seen[key] + 1},
                )
            else:
                seen[key] = index
