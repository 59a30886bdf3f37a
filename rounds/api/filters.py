"""Query parameters of the parties, officials, rounds and milestones endpoints."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from issues.api.filters import SlugFilter, search_filter
from rounds.models import Milestone, MilestoneKind, Official, OfficialRole, Party, Round, RoundStatus


class OfficialFilterSet(filters.FilterSet):
    party = SlugFilter(queryset=Party.objects.all(), help_text=_("Party slug, e.g. canada."))
    role = filters.ChoiceFilter(choices=OfficialRole.choices)
    q = search_filter(help_text=_("Words in the name."))

    class Meta:
        model = Official
        fields = ["party", "role", "q"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)


class RoundFilterSet(filters.FilterSet):
    status = filters.ChoiceFilter(choices=RoundStatus.choices)

    class Meta:
        model = Round
        fields = ["status"]


@extend_schema_field({"type": "string", "enum": ["true", "false"]})
class TrueFalseFilter(filters.TypedChoiceFilter):
    """true or false, and a 400 for anything else (BooleanFilter silently ignores ?upcoming=perhaps)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs)


class MilestoneFilterSet(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=MilestoneKind.choices)
    party = SlugFilter(queryset=Party.objects.all(), help_text=_("Party slug, e.g. canada."))
    upcoming = TrueFalseFilter(
        method="filter_upcoming",
        help_text=_("true: today or later, soonest first; false: past, latest first."),
    )

    class Meta:
        model = Milestone
        fields = ["kind", "party", "upcoming"]

    def filter_upcoming(self, queryset, name, value):
        return queryset.upcoming() if value else queryset.past()
