"""Read-only endpoints for parties, officials, rounds and milestones (published data only)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view

from issues.models import Issue, Source, Statement, StatusAssessment
from nafta_tracker.api.serializers import SLUG_PATTERN
from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from rounds.models import Milestone, Official, Party, Round

from . import filters, serializers


@extend_schema_view(
    list=extend_schema(summary=_("The parties at the table")), retrieve=extend_schema(summary=_("A party"))
)
class PartyViewSet(ConditionalReadOnlyViewSet):
    queryset = Party.objects.all()
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    serializer_class = serializers.PartySerializer


@extend_schema_view(
    list=extend_schema(summary=_("Officials and other people whose words matter")),
    retrieve=extend_schema(summary=_("An official")),
)
class OfficialViewSet(ConditionalReadOnlyViewSet):
    queryset = Official.objects.select_related("party", "source")
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    serializer_class = serializers.OfficialSerializer
    filterset_class = filters.OfficialFilterSet
    list_version_tables = (Party, Source)
    detail_version_fields = ("updated_at", "party__updated_at", "source__updated_at")


@extend_schema_view(
    list=extend_schema(summary=_("The negotiating rounds, in order")),
    retrieve=extend_schema(summary=_("A round, with the status of each issue assessed there and what was said")),
)
class RoundViewSet(ConditionalReadOnlyViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    serializer_class = serializers.RoundSerializer
    filterset_class = filters.RoundFilterSet
    list_version_tables = (Party, Source)
    detail_version_fields = ("updated_at", "host_party__updated_at", "source__updated_at")
    detail_version_tables = (StatusAssessment, Statement, Issue, Official, Party, Source)

    def get_queryset(self):
        rounds = Round.objects.select_related("host_party", "source").order_by("number")
        return rounds.with_outcomes() if self.action == "retrieve" else rounds

    def get_serializer_class(self):
        return serializers.RoundDetailSerializer if self.action == "retrieve" else super().get_serializer_class()


@extend_schema_view(
    list=extend_schema(summary=_("Deadlines and other dates that shape the talks")),
    retrieve=extend_schema(summary=_("A milestone")),
)
class MilestoneViewSet(ConditionalReadOnlyViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    serializer_class = serializers.MilestoneSerializer
    filterset_class = filters.MilestoneFilterSet
    list_version_tables = (Party, Round, Issue, Official, Source)
    detail_version_fields = ("updated_at",)
    detail_version_tables = (Party, Round, Issue, Official, Source)

    def get_queryset(self):
        return Milestone.objects.select_related("party", "round", "source").prefetch_related(
            Prefetch("issues", queryset=Issue.objects.order_by("title")),
            Prefetch("officials", queryset=Official.objects.order_by("name")),
        )
