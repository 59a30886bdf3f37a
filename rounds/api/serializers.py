"""How parties, officials and rounds read over the API, and the compact summaries of them
(and of sources) that every resource embeds. A round's detail and milestones show
issues and statements, so their serializers are in ``issues.api.frame``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nafta_tracker.api.serializers import ApiUrlField, HtmlUrlField
from nafta_tracker.api.translations import TranslatedModelSerializer
from rounds.models import Appointment, Negotiation, Official, Party, Round, Source


class PartySummarySerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:party-detail")
    html_url = HtmlUrlField(Party)

    class Meta:
        model = Party
        fields = ["slug", "name", "short_name", "url", "html_url", "fallbacks"]


class OfficialSummarySerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:official-detail")
    html_url = HtmlUrlField(Official)

    class Meta:
        model = Official
        fields = ["slug", "name", "title", "url", "html_url", "fallbacks"]


class RoundSummarySerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:round-detail")
    html_url = HtmlUrlField(Round)

    class Meta:
        model = Round
        fields = ["slug", "number", "city", "url", "html_url", "fallbacks"]


class SourceSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:source-detail", lookup_field="pk")
    html_url = HtmlUrlField(Source)
    link = serializers.CharField(source="url", help_text=_("Where to read the source itself (empty if unknown)."))

    class Meta:
        model = Source
        fields = ["id", "kind", "outlet", "title", "description", "link", "published_on", "url", "html_url"]


class PartySerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:party-detail")
    html_url = HtmlUrlField(Party)

    class Meta:
        model = Party
        fields = ["slug", "url", "html_url", "name", "short_name", "iso_code", "updated_at", "fallbacks"]


class AppointmentSerializer(TranslatedModelSerializer):
    source = SourceSummarySerializer()

    class Meta:
        model = Appointment
        fields = ["title", "role", "valid_from", "valid_to", "source", "fallbacks"]


class OfficialSerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:official-detail")
    html_url = HtmlUrlField(Official)
    party = PartySummarySerializer(allow_null=True)
    source = SourceSummarySerializer(allow_null=True)

    class Meta:
        model = Official
        fields = [
            "slug",
            "url",
            "html_url",
            "name",
            "title",
            "role",
            "party",
            "organisation",
            "source",
            "updated_at",
            "fallbacks",
        ]


class OfficialDetailSerializer(OfficialSerializer):
    appointments = AppointmentSerializer(many=True, help_text=_("Titles and roles over time, oldest first."))

    class Meta(OfficialSerializer.Meta):
        fields = [*OfficialSerializer.Meta.fields, "appointments"]


class RoundSerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:round-detail")
    negotiation = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("Slug of the negotiation it belongs to.")
    )
    html_url = HtmlUrlField(Round)
    host_party = PartySummarySerializer(allow_null=True)
    parties = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text=_("Slugs of the parties at the table.")
    )
    source = SourceSummarySerializer(allow_null=True)

    class Meta:
        model = Round
        fields = [
            "slug",
            "url",
            "html_url",
            "negotiation",
            "kind",
            "number",
            "title",
            "city",
            "venue",
            "host_party",
            "parties",
            "start_date",
            "end_date",
            "status",
            "summary",
            "source",
            "updated_at",
            "fallbacks",
        ]


class NegotiationSerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:negotiation-detail")
    html_url = HtmlUrlField(Negotiation)
    parties = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text=_("Slugs of the parties at the table.")
    )
    source = SourceSummarySerializer(allow_null=True)

    class Meta:
        model = Negotiation
        fields = [
            "slug",
            "url",
            "html_url",
            "name",
            "name_fr",
            "name_es",
            "short_name",
            "agreement",
            "parties",
            "start_date",
            "end_date",
            "status",
            "summary",
            "record_ends_on",
            "source",
            "updated_at",
            "fallbacks",
        ]
        extra_kwargs = {
            "name_fr": {"read_only": True, "help_text": _("The name in French; null where none was entered.")},
            "name_es": {"read_only": True, "help_text": _("The name in Spanish; null where none was entered.")},
        }
