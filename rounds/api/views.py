"""Read-only endpoints for parties and officials. Rounds and milestones show issues and
statements, so their endpoints are in ``issues.api.frame``."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view

from nafta_tracker.api.serializers import SLUG_PATTERN
from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from rounds.models import Appointment, Negotiation, Official, Party, Source

from . import filters, rows, serializers


@extend_schema_view(
    list=extend_schema(summary=_("The parties at the table")), retrieve=extend_schema(summary=_("A party"))
)
class PartyViewSet(ConditionalReadOnlyViewSet):
    queryset = Party.objects.all()
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    model = Party
    serializer_class = serializers.PartySerializer


@extend_schema_view(
    list=extend_schema(summary=_("Officials and other people whose words matter")),
    retrieve=extend_schema(summary=_("An official")),
)
class OfficialViewSet(ConditionalReadOnlyViewSet):
    queryset = Official.objects.select_related("party", "source")
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    model = Official
    serializer_class = serializers.OfficialSerializer
    row_reader_class = rows.OfficialRows
    compiled_pages = True  # its list query reads only the language and the page
    filterset_class = filters.OfficialFilterSet
    list_version_tables = (Party, Source)
    detail_version_fields = ("updated_at", "party__updated_at", "source__updated_at")
    detail_version_tables = (Appointment, Source)

    def get_queryset(self):
        officials = super().get_queryset()
        if self.action == "retrieve":
            return officials.prefetch_related(
                Prefetch("appointments", queryset=Appointment.objects.select_related("source"))
            )
        return officials

    def get_serializer_class(self):
        return serializers.OfficialDetailSerializer if self.action == "retrieve" else super().get_serializer_class()


@extend_schema_view(
    list=extend_schema(summary=_("The negotiations the tracker follows, the live ones first")),
    retrieve=extend_schema(summary=_("A negotiation")),
)
class NegotiationViewSet(ConditionalReadOnlyViewSet):
    """Rounds, issues, milestones, statements, positions and status entries each name their
    negotiation, and each list takes ``?negotiation=<slug>``."""

    queryset = Negotiation.objects.select_related("source").prefetch_related("parties").live_first()
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    model = Negotiation
    serializer_class = serializers.NegotiationSerializer
    list_version_tables = (Party, Source)
    detail_version_fields = ("updated_at", "source__updated_at")
