"""The API's round details and milestones: frame resources that show issues and statements.

Their list forms (``rounds.api``) know nothing of issues; a round's detail embeds what
moved there (``issues.selectors.rounds_with_outcomes``) and a milestone lists its
issues, so those live here, one layer up. URLs and fields are as they always were.
"""

from __future__ import annotations

from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from nafta_tracker.api.serializers import SLUG_PATTERN, ApiUrlField, HtmlUrlField
from nafta_tracker.api.translations import TranslatedModelSerializer
from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from rounds.api import filters as frame_filters
from rounds.api.rows import RoundRows
from rounds.api.serializers import (
    OfficialSummarySerializer,
    PartySummarySerializer,
    RoundSerializer,
    RoundSummarySerializer,
    SourceSummarySerializer,
)
from rounds.models import Milestone, Negotiation, Official, Party, Round, Source

from .. import selectors
from ..models import Issue, Statement, StatusAssessment
from .frame_rows import RoundDetailRows
from .serializers import IssueSummarySerializer, statements_url


class RoundAssessmentSerializer(TranslatedModelSerializer):
    """An issue's status as assessed at the round."""

    url = ApiUrlField("api:statusassessment-detail", lookup_field="pk")
    html_url = HtmlUrlField(StatusAssessment)
    issue = IssueSummarySerializer()
    status_label = serializers.CharField(source="get_status_display")
    source = SourceSummarySerializer()

    class Meta:
        model = StatusAssessment
        fields = [
            "id",
            "url",
            "html_url",
            "issue",
            "status",
            "status_label",
            "date",
            "date_precision",
            "note",
            "source",
            "fallbacks",
        ]


class RoundStatementSerializer(serializers.ModelSerializer):
    """A statement made during the round, flat and compact (a round may hold thousands); its URL has the rest."""

    url = ApiUrlField("api:statement-detail", lookup_field="pk")
    html_url = HtmlUrlField(Statement)
    speaker = serializers.CharField(source="speaker_name", help_text=_("Name, or the attribution as printed."))
    speaker_slug = serializers.CharField(source="speaker.slug", allow_null=True)
    party = serializers.CharField(source="party.slug", allow_null=True, help_text=_("Party slug."))
    issues = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id", "url", "html_url", "speaker", "speaker_slug", "party", "kind", "text", "language", "date", "tone",
            "issues",
        ]  # fmt: skip


class RoundDetailSerializer(RoundSerializer):
    """What moved at the round: each issue's assessed status and what was said during it."""

    status_assessments = RoundAssessmentSerializer(source="published_assessments", many=True)
    statements = RoundStatementSerializer(
        source="published_statements",
        many=True,
        help_text=_("The 50 newest statements made during the round; statements_url lists them all."),
    )
    statement_count = serializers.IntegerField(help_text=_("Published statements made during the round."))
    statements_url = serializers.SerializerMethodField(help_text=_("The same statements as a filterable, paged list."))

    class Meta(RoundSerializer.Meta):
        fields = [*RoundSerializer.Meta.fields, "status_assessments", "statement_count", "statements", "statements_url"]

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_statements_url(self, round_: Round) -> str:
        return statements_url(self.context["request"], round=round_.slug)


class MilestoneSerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:milestone-detail")
    negotiation = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("Slug of the negotiation it belongs to.")
    )
    html_url = HtmlUrlField(Milestone)
    is_upcoming = serializers.SerializerMethodField(help_text=_("True from today (UTC) until the day itself."))
    days_left = serializers.SerializerMethodField(help_text=_("Days from today (UTC); negative once past."))
    party = PartySummarySerializer(allow_null=True)
    round = RoundSummarySerializer(allow_null=True)
    issues = IssueSummarySerializer(many=True)
    officials = OfficialSummarySerializer(many=True)
    source = SourceSummarySerializer()

    class Meta:
        model = Milestone
        fields = [
            "slug",
            "url",
            "html_url",
            "negotiation",
            "title",
            "kind",
            "description",
            "date",
            "date_precision",
            "date_text",
            "is_upcoming",
            "days_left",
            "party",
            "round",
            "issues",
            "officials",
            "source",
            "updated_at",
            "fallbacks",
        ]

    def get_is_upcoming(self, milestone: Milestone) -> bool:
        return milestone.is_upcoming()

    def get_days_left(self, milestone: Milestone) -> int:
        return milestone.days_left()


@extend_schema_view(
    list=extend_schema(summary=_("The negotiating rounds, in order")),
    retrieve=extend_schema(summary=_("A round, with the status of each issue assessed there and what was said")),
)
class RoundViewSet(ConditionalReadOnlyViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    model = Round
    serializer_class = RoundSerializer
    row_reader_class = RoundRows
    compiled_pages = True  # its list query reads only the language and the page
    detail_row_reader_class = RoundDetailRows
    filterset_class = frame_filters.RoundFilterSet
    list_version_tables = (Party, Source, Negotiation)
    detail_version_fields = (
        "updated_at",
        "host_party__updated_at",
        "source__updated_at",
        "negotiation__updated_at",
    )
    detail_version_tables = (StatusAssessment, Statement, Issue, Official, Party, Source)

    def get_queryset(self):
        rounds = Round.objects.select_related("negotiation", "host_party", "source").prefetch_related("parties")
        # Formal rounds by number (as clients have always had them), then the other meetings by date.
        rounds = rounds.order_by(F("number").asc(nulls_last=True), "start_date", "pk")
        return selectors.rounds_with_outcomes(rounds) if self.action == "retrieve" else rounds

    def get_serializer_class(self):
        return RoundDetailSerializer if self.action == "retrieve" else super().get_serializer_class()


@extend_schema_view(
    list=extend_schema(summary=_("Deadlines and other dates that shape the talks")),
    retrieve=extend_schema(summary=_("A milestone")),
)
class MilestoneViewSet(ConditionalReadOnlyViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    changes_at_midnight = True  # days_left and is_upcoming count from today
    model = Milestone
    serializer_class = MilestoneSerializer
    filterset_class = frame_filters.MilestoneFilterSet
    list_version_tables = (Party, Round, Issue, Official, Source)
    detail_version_fields = ("updated_at",)
    detail_version_tables = (Party, Round, Issue, Official, Source)

    def get_queryset(self):
        return Milestone.objects.select_related("negotiation", "party", "round", "source").prefetch_related(
            Prefetch("issues", queryset=Issue.objects.order_by("title")),
            Prefetch("officials", queryset=Official.objects.order_by("name")),
        )
