"""Flat rows for the CSV format: one line per object, one plain value per cell.

Nested objects become ``<field>_<part>`` columns, lists become one cell with the
items separated by "; ", so a spreadsheet gets a fixed header whatever the page.
The renderer (``nafta_tracker.api.renderers``) neutralises formulas.
"""

from __future__ import annotations

from rest_framework import serializers

from issues.models import Issue, Position, Statement
from nafta_tracker.api.serializers import ApiUrlField, HtmlUrlField


class IssueCSVSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField(source="current_status_code", allow_null=True)
    status_label = serializers.CharField(source="current_status_label")
    status_changed_on = serializers.DateField(allow_null=True)
    latest_positions = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(source="last_change")
    url = ApiUrlField("api:issue-detail")
    html_url = HtmlUrlField(Issue)

    def get_latest_positions(self, issue) -> str:
        return "; ".join(
            f"{position.party.name}: {position.get_kind_display()} ({position.date}): {position.summary}"
            for position in sorted(issue.latest_positions, key=lambda p: p.party.name)
        )


class StatementCSVSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    date_precision = serializers.CharField()
    speaker = serializers.CharField(source="speaker_name")
    speaker_slug = serializers.CharField(source="speaker.slug", allow_null=True)
    party = serializers.CharField(source="party.slug", allow_null=True)
    kind = serializers.CharField()
    text = serializers.CharField()
    language = serializers.CharField()
    context = serializers.CharField()
    occasion = serializers.CharField()
    round = serializers.CharField(source="round.slug", allow_null=True)
    issues = serializers.SerializerMethodField()
    tone = serializers.CharField()
    source_outlet = serializers.CharField(source="source.outlet")
    source_title = serializers.CharField(source="source.title")
    source_link = serializers.CharField(source="source.url")
    source_published_on = serializers.DateField(source="source.published_on", allow_null=True)
    state = serializers.CharField()
    updated_at = serializers.DateTimeField()
    url = ApiUrlField("api:statement-detail", lookup_field="pk")
    html_url = HtmlUrlField(Statement)

    def get_issues(self, statement) -> str:
        return "; ".join(issue.slug for issue in statement.issues.all())


class PositionCSVSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    issue = serializers.CharField(source="issue.slug")
    party = serializers.CharField(source="party.slug")
    kind = serializers.CharField()
    summary = serializers.CharField()
    date = serializers.DateField()
    date_precision = serializers.CharField()
    round = serializers.CharField(source="round.slug", allow_null=True)
    source_outlet = serializers.CharField(source="source.outlet")
    source_title = serializers.CharField(source="source.title")
    source_link = serializers.CharField(source="source.url")
    state = serializers.CharField()
    updated_at = serializers.DateTimeField()
    url = ApiUrlField("api:position-detail", lookup_field="pk")
    html_url = HtmlUrlField(Position)
