"""How parties, officials and rounds read over the API, and the compact summaries of them
(and of sources) that every resource embeds. A round's detail and milestones show
issues and statements, so their serializers are in ``issues.api.frame``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nafta_tracker.api.serializers import ApiUrlField, HtmlUrlField
from rounds.models import Official, Party, Round, Source


class PartySummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:party-detail")
    html_url = HtmlUrlField(Party)

    class Meta:
        model = Party
        fields = ["slug", "name", "short_name", "url", "html_url"]


class OfficialSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:official-detail")
    html_url = HtmlUrlField(Official)

    class Meta:
        model = Official
        fields = ["slug", "name", "title", "url", "html_url"]


class RoundSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:round-detail")
    html_url = HtmlUrlField(Round)

    class Meta:
        model = Round
        fields = ["slug", "number", "city", "url", "html_url"]


class SourceSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:source-detail", lookup_field="pk")
    html_url = HtmlUrlField(Source)
    link = serializers.CharField(source="url", help_text=_("Where to read the source itself (empty if unknown)."))

    class Meta:
        model = Source
        fields = ["id", "kind", "outlet", "title", "description", "link", "published_on", "url", "html_url"]


class PartySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:party-detail")
    html_url = HtmlUrlField(Party)

    class Meta:
        model = Party
        fields = ["slug", "url", "html_url", "name", "short_name", "iso_code", "updated_at"]


class OfficialSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:official-detail")
    html_url = HtmlUrlField(Official)
    party = PartySummarySerializer(allow_null=True)
    source = SourceSummarySerializer(allow_null=True)

    class Meta:
        model = Official
        fields = ["slug", "url", "html_url", "name", "title", "role", "party", "organisation", "source", "updated_at"]


class RoundSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:round-detail")
    html_url = HtmlUrlField(Round)
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
