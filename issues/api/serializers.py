"""How the issue domain reads over the API (output) and what editors may send (input).

Output serializers only shape rows that the viewsets fetched with the QuerySet
methods of ``issues.models`` (no queries of their own). Input serializers check the
shape of a request body; the rules (a round must contain the date, a source must be
identifiable, ...) are the model's, applied by ``issues.services``.
"""

from __future__ import annotations

import datetime

from django.core.validators import ProhibitNullCharactersValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from issues.models import (
    Issue,
    IssueStatus,
    Position,
    PublicationState,
    Statement,
    StatementTranslation,
    StatusAssessment,
)
from nafta_tracker.api.serializers import (
    ApiUrlField,
    HtmlUrlField,
    InputSerializer,
    SlugReferenceField,
    StrictCharField,
    StrictPrimaryKeyRelatedField,
    StrictURLField,
)
from nafta_tracker.api.translations import TranslatedModelSerializer
from rounds.api.serializers import PartySummarySerializer, RoundSummarySerializer, SourceSummarySerializer
from rounds.models import Negotiation, Official, Party, Round, Source

# --------------------------------------------------------------------------- output


class IssueSummarySerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:issue-detail")
    html_url = HtmlUrlField(Issue)

    class Meta:
        model = Issue
        fields = ["slug", "title", "url", "html_url", "fallbacks"]


class SpeakerSerializer(serializers.Serializer):
    """Who spoke. An unnamed speaker has no slug or links; ``name`` is then the attribution as printed."""

    slug = serializers.CharField(source="speaker.slug", allow_null=True, help_text=_("Empty for an unnamed speaker."))
    name = serializers.CharField(
        source="speaker_name", help_text=_('Or the attribution as printed, e.g. "a US trade official".')
    )
    title = serializers.CharField(source="speaker.title", allow_null=True)
    party = PartySummarySerializer(
        allow_null=True, help_text=_("The speaker's party, or the one the source attributes an unnamed speaker to.")
    )
    url = ApiUrlField("api:official-detail", source="speaker")
    html_url = HtmlUrlField(Official, source="speaker")


class StatementTranslationSerializer(serializers.ModelSerializer):
    """A translation of the words, never the words said: those are ``text``, in ``language``."""

    note = serializers.CharField(
        help_text=_('Who made the translation, e.g. "the source\'s translation" or "our translation"; may be empty.')
    )

    class Meta:
        model = StatementTranslation
        fields = ["language", "text", "note"]


class StatementSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:statement-detail", lookup_field="pk")
    negotiation = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("Slug of the negotiation it belongs to.")
    )
    html_url = HtmlUrlField(Statement)
    speaker = SpeakerSerializer(source="*")
    round = RoundSummarySerializer(allow_null=True)
    issues = IssueSummarySerializer(many=True)
    source = SourceSummarySerializer()
    translations = StatementTranslationSerializer(
        many=True,
        read_only=True,
        help_text=_(
            "Translations of the words into other languages, each labelled with who made it; "
            "never the words said, which are text, in language. Editors attach them in the admin."
        ),
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "html_url",
            "negotiation",
            "speaker",
            "attribution",
            "kind",
            "text",
            "language",
            "translations",
            "context",
            "occasion",
            "date",
            "date_precision",
            "date_text",
            "round",
            "issues",
            "tone",
            "source",
            "state",
            "published_at",
            "updated_at",
        ]


class PositionSerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:position-detail", lookup_field="pk")
    html_url = HtmlUrlField(Position)
    issue = IssueSummarySerializer()
    party = PartySummarySerializer()
    round = RoundSummarySerializer(allow_null=True)
    source = SourceSummarySerializer()

    class Meta:
        model = Position
        fields = [
            "id",
            "url",
            "html_url",
            "issue",
            "party",
            "kind",
            "summary",
            "date",
            "date_precision",
            "date_text",
            "round",
            "source",
            "state",
            "published_at",
            "updated_at",
            "fallbacks",
        ]


class IssuePositionSerializer(PositionSerializer):
    """A position shown inside its issue (the issue itself is not repeated)."""

    class Meta(PositionSerializer.Meta):
        fields = [name for name in PositionSerializer.Meta.fields if name not in ("issue", "state", "published_at")]


class StatusAssessmentSerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:statusassessment-detail", lookup_field="pk")
    html_url = HtmlUrlField(StatusAssessment)
    issue = IssueSummarySerializer()
    status_label = serializers.CharField(source="get_status_display")
    round = RoundSummarySerializer(allow_null=True)
    source = SourceSummarySerializer()
    corrects = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text=_("The id of the entry this one corrects; null for an entry that is no correction."),
    )
    correction_reason = serializers.CharField(
        read_only=True, help_text=_("Why the corrected entry was wrong; empty for an entry that is no correction.")
    )
    superseded = serializers.BooleanField(
        source="is_superseded",
        read_only=True,
        help_text=_(
            "A published correction replaces this entry: it stays in the history, marked, but no longer "
            "counts for the issue's status."
        ),
    )
    superseded_by = serializers.IntegerField(
        source="superseded_by_id",
        read_only=True,
        allow_null=True,
        help_text=_("The id of the correction that replaces this entry, if any."),
    )
    updated_at = serializers.DateTimeField(
        source="last_change",
        read_only=True,
        help_text=_(
            "Latest change to the entry, or to whether a correction supersedes it (what updated_since filters on)."
        ),
    )

    class Meta:
        model = StatusAssessment
        fields = [
            "id",
            "url",
            "html_url",
            "issue",
            "status",
            "status_label",
            "round",
            "date",
            "date_precision",
            "date_text",
            "note",
            "source",
            "corrects",
            "correction_reason",
            "superseded",
            "superseded_by",
            "state",
            "published_at",
            "updated_at",
            "fallbacks",
        ]


class IssueHistoryEntrySerializer(StatusAssessmentSerializer):
    """One entry of an issue's status history (the issue itself is not repeated)."""

    class Meta(StatusAssessmentSerializer.Meta):
        fields = [
            name for name in StatusAssessmentSerializer.Meta.fields if name not in ("issue", "state", "published_at")
        ]


class IssueOutcomeSerializer(TranslatedModelSerializer):
    """How the issue ended: agreed (what the final text says, and where) or dropped."""

    status = serializers.CharField(source="outcome_status", help_text=_("agreed or dropped."))
    date = serializers.DateField(source="outcome_date")
    date_precision = serializers.CharField(source="outcome_date_precision")
    reference = serializers.CharField(
        source="outcome_reference", help_text=_("Where the final text settles it (chapter, article).")
    )
    note = serializers.CharField(source="outcome_note")
    source = SourceSummarySerializer(source="outcome_source")

    class Meta:
        model = Issue
        fields = ["status", "date", "date_precision", "reference", "note", "source", "fallbacks"]


class IssueSerializer(TranslatedModelSerializer):
    url = ApiUrlField("api:issue-detail")
    negotiation = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("Slug of the negotiation it belongs to.")
    )
    continues = IssueSummarySerializer(
        allow_null=True, help_text=_("The issue of an earlier negotiation this one takes up again, if any.")
    )
    html_url = HtmlUrlField(Issue)
    status = serializers.ChoiceField(
        source="current_status_code",
        choices=IssueStatus.choices,
        allow_null=True,
        help_text=_("Status of the latest published assessment; empty if the issue was never assessed."),
    )
    status_label = serializers.CharField(source="current_status_label")
    status_changed_on = serializers.DateField(
        allow_null=True, help_text=_("Date of the latest published status assessment.")
    )
    latest_positions = IssuePositionSerializer(
        many=True, help_text=_("Each party's latest published position on the issue.")
    )
    updated_at = serializers.DateTimeField(
        source="last_change",
        help_text=_("Latest change to the issue, its status history or its positions (what updated_since filters on)."),
    )
    outcome = serializers.SerializerMethodField(help_text=_("How the issue ended; null while it is open."))

    class Meta:
        model = Issue
        fields = [
            "slug",
            "url",
            "html_url",
            "negotiation",
            "title",
            "kind",
            "description",
            "continues",
            "status",
            "status_label",
            "status_changed_on",
            "latest_positions",
            "outcome",
            "updated_at",
            "fallbacks",
        ]

    @extend_schema_field(IssueOutcomeSerializer(allow_null=True))
    def get_outcome(self, issue: Issue) -> dict | None:
        if not issue.outcome_status:
            return None
        return IssueOutcomeSerializer(issue, context=self.context).data


class IssueDetailSerializer(IssueSerializer):
    status_history = IssueHistoryEntrySerializer(
        source="published_history",
        many=True,
        help_text=_("Every published assessment, oldest first; corrected ones too, marked superseded."),
    )
    positions = IssuePositionSerializer(
        source="published_positions", many=True, help_text=_("Every published position, by party then date.")
    )
    related = IssueSummarySerializer(many=True)
    continued_by = IssueSummarySerializer(
        many=True, help_text=_("Issues of later negotiations that take this one up again.")
    )
    statements_url = serializers.SerializerMethodField(
        help_text=_("The statements about this issue (filterable list).")
    )

    class Meta(IssueSerializer.Meta):
        fields = [
            *IssueSerializer.Meta.fields,
            "status_history",
            "positions",
            "related",
            "continued_by",
            "statements_url",
        ]

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_statements_url(self, issue: Issue) -> str:
        return statements_url(self.context["request"], issue=issue.slug)


def statements_url(request, **params: str) -> str:
    from django.urls import reverse
    from django.utils.http import urlencode

    return request.build_absolute_uri(f"{reverse('api:statement-list')}?{urlencode(params)}")


class SourceSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:source-detail", lookup_field="pk")
    html_url = HtmlUrlField(Source)
    link = serializers.CharField(source="url", help_text=_("Where to read the source itself (empty if unknown)."))

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "html_url",
            "slug",
            "kind",
            "outlet",
            "title",
            "description",
            "link",
            "published_on",
            "author",
            "dateline",
            "notes",
            "updated_at",
        ]


# --------------------------------------------------------------------------- input


class PublicationInput(serializers.Serializer):
    state = serializers.ChoiceField(
        choices=PublicationState.choices,
        required=False,
        help_text=_("published makes it public at once; a new row is a draft unless it says published."),
    )


class StatementInputSerializer(PublicationInput, InputSerializer):
    speaker = SlugReferenceField(queryset=Official.objects.all(), allow_null=True, required=False)
    attributed_party = SlugReferenceField(queryset=Party.objects.all(), allow_null=True, required=False)
    negotiation = SlugReferenceField(
        queryset=Negotiation.objects.all(),
        required=False,
        help_text=_("Negotiation slug; when left out, taken from the round, the issues or the date."),
    )
    round = SlugReferenceField(queryset=Round.objects.all(), allow_null=True, required=False)
    issues = SlugReferenceField(queryset=Issue.objects.all(), many=True, required=False)
    source = StrictPrimaryKeyRelatedField(queryset=Source.objects.all())

    class Meta:
        model = Statement
        fields = [
            "negotiation",
            "speaker",
            "attribution",
            "attributed_party",
            "kind",
            "text",
            "language",
            "context",
            "occasion",
            "date",
            "date_precision",
            "date_text",
            "round",
            "issues",
            "tone",
            "source",
            "state",
        ]


class PositionInputSerializer(PublicationInput, InputSerializer):
    issue = SlugReferenceField(queryset=Issue.objects.all())
    party = SlugReferenceField(queryset=Party.objects.all())
    round = SlugReferenceField(queryset=Round.objects.all(), allow_null=True, required=False)
    source = StrictPrimaryKeyRelatedField(queryset=Source.objects.all())

    class Meta:
        model = Position
        fields = [
            "issue",
            "party",
            "kind",
            "summary",
            "date",
            "date_precision",
            "date_text",
            "round",
            "source",
            "state",
        ]


class StatusAssessmentInputSerializer(PublicationInput, InputSerializer):
    issue = SlugReferenceField(queryset=Issue.objects.all())
    round = SlugReferenceField(queryset=Round.objects.all(), allow_null=True, required=False)
    source = StrictPrimaryKeyRelatedField(queryset=Source.objects.all())
    date = serializers.DateField(
        required=False, help_text=_("Defaults to the last day of the round when a round is given.")
    )

    class Meta:
        model = StatusAssessment
        fields = ["issue", "status", "round", "date", "date_precision", "date_text", "note", "source", "state"]


class StatusAssessmentCorrectionInputSerializer(InputSerializer):
    """A correction of a published status entry: the values that change, and why."""

    reason = StrictCharField(
        source="correction_reason", help_text=_("Why the entry was wrong; kept with the correction.")
    )
    issue = SlugReferenceField(queryset=Issue.objects.all(), required=False)
    round = SlugReferenceField(queryset=Round.objects.all(), allow_null=True, required=False)
    source = StrictPrimaryKeyRelatedField(queryset=Source.objects.all(), required=False)

    class Meta:
        model = StatusAssessment
        fields = ["reason", "issue", "status", "round", "date", "date_precision", "date_text", "note", "source"]
        extra_kwargs = {name: {"required": False} for name in ("status", "date", "date_precision", "date_text", "note")}


class SourceInputSerializer(InputSerializer):
    link = StrictURLField(source="url", required=False, allow_blank=True, max_length=500)

    class Meta:
        model = Source
        fields = [
            "slug",
            "kind",
            "outlet",
            "title",
            "description",
            "link",
            "published_on",
            "author",
            "dateline",
            "notes",
        ]
        # Uniqueness is checked once, by full_clean() in the service, and reported the same way.
        extra_kwargs = {"slug": {"validators": []}}


# --------------------------------------------------------------------------- the change feed's tombstones

TOMBSTONE_TYPES = ("issues", "positions", "statements", "status-history")
TOMBSTONE_REASONS = [
    ("withdrawn", _("Taken back to draft")),
    ("deleted", _("Deleted")),
    ("moved", _("Its key changed: it is listed under the new one")),
]


class TombstoneSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=[(name, name) for name in TOMBSTONE_TYPES],
        help_text=_("The resource the object was listed in."),
    )
    id = serializers.CharField(
        source="key",
        help_text=_("The object's key in its URL, as text: the id, or an issue's slug."),
    )
    url = serializers.SerializerMethodField(help_text=_("The URL the object had; it now answers 404."))

    removed_at = serializers.DateTimeField(help_text=_("When it stopped being public under that URL."))
    reason = serializers.ChoiceField(
        choices=TOMBSTONE_REASONS,
        help_text=_("withdrawn (taken back to draft), deleted, or moved (an issue's slug changed)."),
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, row: dict) -> str:
        basename, lookup = TOMBSTONE_ROUTES[row["type"]]
        path = reverse(f"api:{basename}-detail", kwargs={lookup: row["key"]})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


#: type -> (the router's basename, the URL keyword of its detail route)
TOMBSTONE_ROUTES = {
    "issues": ("issue", "slug"),
    "positions": ("position", "pk"),
    "statements": ("statement", "pk"),
    "status-history": ("statusassessment", "pk"),
}


class TombstoneQuerySerializer(serializers.Serializer):
    """The tombstones' query parameters (shape only; a bad value is a 400 naming the parameter)."""

    type = serializers.MultipleChoiceField(
        choices=[(name, name) for name in TOMBSTONE_TYPES],
        required=False,
        help_text=_("Only these resources; repeat the parameter for several (all by default)."),
    )
    updated_since = serializers.DateTimeField(
        required=False,
        help_text=_("Only removals at or after this moment (ISO 8601; UTC if no offset)."),
    )
    cursor = serializers.RegexField(
        r"^[A-Za-z0-9_-]*$",  # what encode_cursor writes: URL-safe base64 without padding
        required=False,
        allow_blank=True,  # ?cursor= is the first page
        max_length=200,
        help_text=_("Where the page starts: take it from the next link."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A NUL is just one more character no cursor holds: "invalid", like any other, rather
        # than CharField's own code, which the schema of a query parameter does not list.
        cursor = self.fields["cursor"]
        cursor.validators = [v for v in cursor.validators if not isinstance(v, ProhibitNullCharactersValidator)]

    def validate_updated_since(self, value):
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise serializers.ValidationError(_("Enter a valid date/time.")) from None
