"""How parties, officials, rounds and milestones read over the API."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from issues.models import Statement, StatusAssessment
from nafta_tracker.api.serializers import (
    ApiUrlField,
    HtmlUrlField,
    IssueSummarySerializer,
    OfficialSummarySerializer,
    PartySummarySerializer,
    RoundSummarySerializer,
    SourceSummarySerializer,
)
from rounds.models import Milestone, Official, Party, Round


class PartySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:party-detail")
    html_url = HtmlUrlField("party")

    class Meta:
        model = Party
        fields = ["slug", "url", "html_url", "name", "short_name", "iso_code", "updated_at"]


class OfficialSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:official-detail")
    html_url = HtmlUrlField("official")
    party = PartySummarySerializer(allow_null=True)
    source = SourceSummarySerializer(allow_null=True)

    class Meta:
        model = Official
        fields = ["slug", "url", "html_url", "name", "title", "role", "party", "organisation", "source", "updated_at"]


class RoundSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:round-detail")
    html_url = HtmlUrlField("round")
    host_party = PartySummarySerializer()
    source = SourceSummarySerializer(allow_null=True)

    class Meta:
        model = Round
        fields = [
            "slug",
            "url",
            "html_url",
            "number",
            "city",
            "venue",
            "host_party",
            "start_date",
            "end_date",
            "status",
            "summary",
            "source",
            "updated_at",
        ]


class RoundAssessmentSerializer(serializers.ModelSerializer):
    """An issue's status as assessed at the round."""

    url = ApiUrlField("api:statusassessment-detail", lookup_field="pk")
    html_url = HtmlUrlField("statusassessment")
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
        ]


class RoundStatementSerializer(serializers.ModelSerializer):
    """A statement made during the round, flat and compact (a round may hold thousands); its URL has the rest."""

    url = ApiUrlField("api:statement-detail", lookup_field="pk")
    html_url = HtmlUrlField("statement")
    speaker = serializers.CharField(source="speaker_name", help_text=_("Name, or the attribution as printed."))
    speaker_slug = serializers.CharField(source="speaker.slug", allow_null=True)
    party = serializers.CharField(source="party.slug", allow_null=True, help_text=_("Party slug."))
    issues = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "url", "html_url", "speaker", "speaker_slug", "party", "kind", "text", "date", "tone", "issues"]


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
        from issues.api.serializers import statements_url

        return statements_url(self.context["request"], round=round_.slug)


class MilestoneSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:milestone-detail")
    html_url = HtmlUrlField("milestone")
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
        ]

    def get_is_upcoming(self, milestone: Milestone) -> bool:
        return milestone.is_upcoming()

    def get_days_left(self, milestone: Milestone) -> int:
        return milestone.days_left()
