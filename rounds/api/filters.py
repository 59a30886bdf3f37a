"""Query parameters of the parties, officials, rounds and milestones endpoints."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from nafta_tracker.api.filters import FilterSet, SlugFilter, TrueFalseFilter, search_filter
from rounds.models import Milestone, MilestoneKind, Negotiation, Official, OfficialRole, Party, Round, RoundStatus


def negotiation_filter(field_name: str = "negotiation", **kwargs) -> filters.ModelChoiceFilter:
    """``?negotiation=<slug>``: only the rows of one negotiation (absent: all of them)."""
    return SlugFilter(
        queryset=Negotiation.objects.all(),
        field_name=field_name,
        help_text=_("Negotiation slug, e.g. nafta or usmca-review-2026."),
        **kwargs,
    )


class OfficialFilterSet(FilterSet):
    party = SlugFilter(queryset=Party.objects.all(), help_text=_("Party slug, e.g. canada."))
    role = filters.ChoiceFilter(choices=OfficialRole.choices)
    q = search_filter(help_text=_("Words in the name."))

    class Meta:
        model = Official
        fields = ["party", "role", "q"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)


class RoundFilterSet(FilterSet):
    negotiation = negotiation_filter()
    status = filters.ChoiceFilter(choices=RoundStatus.choices)

    class Meta:
        model = Round
        fields = ["negotiation", "status"]


class MilestoneFilterSet(FilterSet):
    negotiation = negotiation_filter()
    kind = filters.ChoiceFilter(choices=MilestoneKind.choices)
    party = SlugFilter(queryset=Party.objects.all(), help_text=_("Party slug, e.g. canada."))
    upcoming = TrueFalseFilter(
        method="filter_upcoming",
        help_text=_("true: today or later, soonest first; false: past, latest first."),
    )

    class Meta:
        model = Milestone
        fields = ["negotiation", "kind", "party", "upcoming"]

    def filter_upcoming(self, queryset, name, value):
        return queryset.upcoming() if value else queryset.past()
