"""Query parameters of the issue-domain endpoints.

Each filter names one question a client asks; anything beyond a plain field lookup
calls a QuerySet method in ``issues.models`` so that the site and the API agree.
A malformed value (``?date_after=yesterday``, ``?status=bogus``, an unknown slug) is
a 400 naming the parameter, raised by django-filter's form validation.
"""

from __future__ import annotations

import datetime

import django_filters as filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_filters.fields import BaseCSVField, IsoDateTimeField

from issues.models import (
    Issue,
    IssueStatus,
    Position,
    PositionKind,
    PublicationState,
    Statement,
    StatementKind,
    StatusAssessment,
    Tone,
)
from nafta_tracker.api.feed import FEED_ORDERING
from nafta_tracker.api.filters import SEARCH_MAX_LENGTH, FilterSet, SlugFilter, search_filter  # noqa: F401
from rounds.api.filters import negotiation_filter
from rounds.models import Official, Party, Round, Source, SourceKind


def party_filter(**kwargs) -> filters.ModelChoiceFilter:
    return SlugFilter(queryset=Party.objects.all(), help_text=_("Party slug, e.g. canada."), **kwargs)


def issue_filter(**kwargs) -> filters.ModelChoiceFilter:
    return SlugFilter(queryset=Issue.objects.all(), help_text=_("Issue slug."), **kwargs)


def round_filter(**kwargs) -> filters.ModelChoiceFilter:
    return SlugFilter(queryset=Round.objects.all(), help_text=_("Round slug, e.g. round-6."), **kwargs)


class UTCMomentField(IsoDateTimeField):
    """An ISO 8601 moment, converted to UTC before it reaches the database.

    Python reads offsets up to ±23:59 but PostgreSQL refuses any beyond ±15:59 (an error,
    not a miss), and a moment at the very edge of year 1 or 9999 has no UTC equivalent.
    """

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class UTCMomentFilter(filters.IsoDateTimeFilter):
    field_class = UTCMomentField


FEED_HELP = _(
    "updated_at: the change feed, oldest change first, paged by the cursor of the next link "
    "(changes appear once they are %(seconds)s seconds old)."
)


def feed_help(text=None):
    """The ordering parameter's description (lazy: the settle time is a setting, the words translated)."""
    from django.conf import settings
    from django.utils.functional import lazy

    def describe() -> str:
        feed = str(FEED_HELP) % {"seconds": settings.API_FEED_SETTLE_SECONDS}
        return f"{text} {feed}" if text else feed

    return lazy(describe, str)()


class NoEmptyItemsCSVField(BaseCSVField):
    """A comma-separated list whose items are all named: ``?ordering=`` (nothing, as an HTML
    form sends it) means the default, but ``?ordering=date,`` or ``?ordering=,`` is a typo the
    schema calls invalid (an item outside the enum), so it is a 400 naming the parameter rather
    than an order silently different from the one asked for."""

    default_error_messages = {"empty_item": _("An item of this comma-separated list is empty: name a value in each.")}

    def clean(self, value):
        if value and any(item in self.empty_values for item in value):
            raise ValidationError(self.error_messages["empty_item"], code="empty_item")  # as the schema lists it
        return super().clean(value)


class FeedOrderingFilter(filters.OrderingFilter):
    """``?ordering=updated_at``: the list as a change feed. The view orders and pages it
    (``nafta_tracker.api.feed``); other values (``date``, ``-date``) order with the id as
    tie-breaker so that pages never overlap."""

    base_field_class = NoEmptyItemsCSVField

    def filter(self, qs, value):
        if not value or value[0] == FEED_ORDERING:
            return qs
        descending = value[0].startswith("-")
        return qs.order_by(*value, "-id" if descending else "id")


def feed_ordering(*, extra: tuple[tuple[str, str], ...] = (), help_text=None) -> FeedOrderingFilter:
    return FeedOrderingFilter(
        fields=[(field, field) for field, _label in extra if not field.startswith("-")],
        choices=[*extra, (FEED_ORDERING, _("Change time (the feed)"))],
        help_text=feed_help(help_text),
    )


class ChangeFeedFilterSet(FilterSet):
    ordering = feed_ordering()
    updated_since = UTCMomentFilter(
        method="filter_updated_since",
        help_text=_(
            "Only what changed at or after this moment (ISO 8601, e.g. 2018-03-28T12:00:00Z; UTC if no offset)."
        ),
    )

    def filter_updated_since(self, queryset, name, value):
        return queryset.changed_since(value)


class StateFilterSet(ChangeFeedFilterSet):
    state = filters.ChoiceFilter(
        choices=PublicationState.choices,
        help_text=_("Editors only: draft or published. Everyone else only ever sees published rows."),
    )


class IssueFilterSet(ChangeFeedFilterSet):
    status = filters.MultipleChoiceFilter(
        choices=IssueStatus.choices,
        method="filter_status",
        help_text=_("Current status; repeat the parameter for several (?status=far_apart&status=progressing)."),
    )
    party = party_filter(method="filter_party")
    negotiation = negotiation_filter()
    round = round_filter(method="filter_round")
    q = search_filter(help_text=_("Words in the title or description."))

    class Meta:
        model = Issue
        fields = ["negotiation", "status", "party", "round", "q", "updated_since"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(*value) if value else queryset

    def filter_party(self, queryset, name, value):
        return queryset.involving_party(value)

    def filter_round(self, queryset, name, value):
        return queryset.discussed_at(value)

    def filter_q(self, queryset, name, value):
        return queryset.search(value)


class StatementFilterSet(StateFilterSet):
    official = SlugFilter(
        field_name="speaker",
        queryset=Official.objects.all(),
        help_text=_("Speaker's slug."),
    )
    party = party_filter(method="filter_party")
    issue = issue_filter(method="filter_issue")
    round = round_filter(field_name="round")
    negotiation = negotiation_filter()
    kind = filters.ChoiceFilter(choices=StatementKind.choices, help_text=_("Direct quote or reported speech."))
    tone = filters.ChoiceFilter(choices=Tone.choices)
    date_after = filters.DateFilter(
        field_name="date", lookup_expr="gte", help_text=_("On or after this date (YYYY-MM-DD).")
    )
    date_before = filters.DateFilter(
        field_name="date", lookup_expr="lte", help_text=_("On or before this date (YYYY-MM-DD).")
    )
    q = search_filter(
        help_text=_("Words in the text (full-text search on PostgreSQL, as on the site's statement page)."),
    )
    ordering = feed_ordering(
        extra=(("date", _("Date")), ("-date", _("Date (descending)"))),
        help_text=_("date (oldest first) or -date (newest first, the default)."),
    )

    class Meta:
        model = Statement
        fields = [
            "negotiation",
            "official",
            "party",
            "issue",
            "round",
            "kind",
            "tone",
            "date_after",
            "date_before",
            "q",
            "updated_since",
            "state",
            "ordering",
        ]

    def filter_party(self, queryset, name, value):
        return queryset.by_party(value)

    def filter_issue(self, queryset, name, value):
        return queryset.about_by_link(value)

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("issue") is not None:
            # After the ordering filter: an issue's statements newest first, from the index of its links.
            queryset = queryset.in_link_date_order()
        return queryset


class PositionFilterSet(StateFilterSet):
    negotiation = negotiation_filter("issue__negotiation")
    party = party_filter(field_name="party")
    issue = issue_filter(field_name="issue")
    round = round_filter(field_name="round")
    kind = filters.ChoiceFilter(choices=PositionKind.choices)

    class Meta:
        model = Position
        fields = ["negotiation", "party", "issue", "round", "kind", "updated_since", "state"]


class StatusAssessmentFilterSet(StateFilterSet):
    negotiation = negotiation_filter("issue__negotiation")
    issue = issue_filter(field_name="issue")
    round = round_filter(field_name="round")
    status = filters.MultipleChoiceFilter(
        choices=IssueStatus.choices, help_text=_("Assessed status; repeat the parameter for several.")
    )

    class Meta:
        model = StatusAssessment
        fields = ["negotiation", "issue", "round", "status", "updated_since", "state"]


class SourceFilterSet(FilterSet):
    kind = filters.ChoiceFilter(choices=SourceKind.choices)

    class Meta:
        model = Source
        fields = ["kind"]
