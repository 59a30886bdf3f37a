"""Filter forms of the public lists (GET forms: every filtered list has a shareable URL).

Choices are read once per request (one query per select), and the chosen value is
checked against them, so validating a filter costs no further query. A value that is
not among the choices, a malformed date or an inverted range is a form error, which
the page shows with a 400 status rather than an empty list that hides the mistake.
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from rounds.models import Official, Party, Round

from .models import Issue, IssueQuerySet, IssueStatus, StatementKind, StatementQuerySet, Tone

NOT_ASSESSED = "not_assessed"


def _any(label: str) -> list[tuple[str, str]]:
    return [("", label)]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class StatementFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. sunset clause")}),
        help_text=_("Shows the statements that contain every word."),
    )
    party = forms.ChoiceField(label=_("Party"), required=False)
    speaker = forms.ChoiceField(label=_("Official"), required=False)
    issue = forms.ChoiceField(label=_("Issue"), required=False)
    round = forms.ChoiceField(label=_("Round"), required=False)
    tone = forms.ChoiceField(label=_("Tone"), required=False, choices=_any(_("Any tone")) + Tone.choices)
    kind = forms.ChoiceField(
        label=_("Quote or reported"), required=False, choices=_any(_("Both")) + StatementKind.choices
    )
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query each; the dictionaries turn a chosen slug back into its object.
        self.parties = {party.slug: party for party in Party.objects.order_by("name")}
        self.officials = {official.slug: official for official in Official.objects.order_by("name")}
        self.issues = {issue.slug: issue for issue in Issue.objects.order_by("title")}
        self.rounds = {round_.slug: round_ for round_ in Round.objects.order_by("number")}
        self.fields["party"].choices = _any(_("Any party")) + [(s, p.name) for s, p in self.parties.items()]
        self.fields["speaker"].choices = _any(_("Any official")) + [(s, o.name) for s, o in self.officials.items()]
        self.fields["issue"].choices = _any(_("Any issue")) + [(s, i.title) for s, i in self.issues.items()]
        self.fields["round"].choices = _any(_("Any round")) + [(s, str(r)) for s, r in self.rounds.items()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end date is before the start date."))
        return cleaned

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)

    @property
    def has_filters(self) -> bool:
        """Whether any filter besides the words is set (the filters panel then starts open)."""
        return self.is_bound and any(self.data.get(name) for name in self.fields if name != "q")

    def filter(self, statements: StatementQuerySet) -> StatementQuerySet:
        """Apply the valid filters to ``statements`` (call after ``is_valid()``)."""
        data = self.cleaned_data
        if data.get("party"):
            statements = statements.by_party(self.parties[data["party"]])
        if data.get("speaker"):
            statements = statements.by_speaker(self.officials[data["speaker"]])
        if data.get("issue"):
            statements = statements.about_by_link(self.issues[data["issue"]])
        if data.get("round"):
            statements = statements.at_round(self.rounds[data["round"]])
        if data.get("tone"):
            statements = statements.with_tone(data["tone"])
        if data.get("kind"):
            statements = statements.of_kind(data["kind"])
        statements = statements.dated_between(data.get("start"), data.get("end")).search_results(data.get("q", ""))
        # Newest first from the links' dates, where that is still the order (not a search's ranking).
        return statements.in_link_date_order() if data.get("issue") else statements


class IssueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=_any(_("Any status")) + IssueStatus.choices + [(NOT_ASSESSED, _("Not yet assessed"))],
    )
    party = forms.ChoiceField(label=_("Party with a position"), required=False)
    as_of = forms.DateField(
        label=_("Status as of"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for the latest status."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parties = {party.slug: party for party in Party.objects.order_by("name")}
        self.fields["party"].choices = _any(_("Any party")) + [(s, p.name) for s, p in self.parties.items()]

    @property
    def chosen_day(self) -> datetime.date | None:
        """The day the reader asked about, or None for the latest status."""
        return self.cleaned_data.get("as_of") if self.is_valid() else None

    def filter(self, issues: IssueQuerySet, *, by_status: bool = True) -> IssueQuerySet:
        """Annotate the status (as of the chosen day) and apply the filters (call after ``is_valid()``).

        ``by_status=False`` leaves out the status filter, to count issues per status.
        """
        data = self.cleaned_data
        issues = issues.with_status_as_of(data.get("as_of"))
        if by_status and data.get("status"):
            issues = issues.where_status(None if data["status"] == NOT_ASSESSED else data["status"])
        if data.get("party"):
            issues = issues.involving_party(self.parties[data["party"]])
        return issues
