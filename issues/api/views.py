"""Endpoints of the issue domain. Reads for everyone (published only), writes for editors.

Every queryset is built from the QuerySet methods in ``issues.models``; every write
goes through ``issues.services``. Query counts are constant per page whatever the
number of rows (tests/api/test_query_counts.py).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import replace_query_param

from issues import selectors, services
from issues.models import Issue, Position, PublicationState, Statement, StatusAssessment
from nafta_tracker.api.feed import CURSOR_PARAM, decode_cursor, encode_cursor, settle_cutoff
from nafta_tracker.api.json import FastJSONRenderer
from nafta_tracker.api.pagination import FeedPagination
from nafta_tracker.api.renderers import CSVRenderer
from nafta_tracker.api.serializers import SLUG_PATTERN
from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet, EditableViewSet, domain_errors
from nafta_tracker.freshness import EPOCH, not_modified, set_validators
from rounds import services as frame_services
from rounds.models import Appointment, Negotiation, Official, Party, Round, Source

from . import csv as csv_serializers
from . import filters, rows, serializers
from .permissions import sees_drafts

CSV_RENDERERS = [FastJSONRenderer, BrowsableAPIRenderer, CSVRenderer]
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_("The ETag you read the object with; a stale one gets 412 instead of overwriting a newer edit."),
)


def editable_schema(*, read: type, write: type, **summaries: Any) -> Callable:
    """The OpenAPI description of an editable resource: a summary per action, the write body
    it reads, the object it answers with, and ``If-Match`` on updates."""
    answers = {"create": 201, "update": 200, "partial_update": 200}
    operations = {}
    for name, summary in summaries.items():
        if name not in answers:
            operations[name] = extend_schema(summary=summary)
            continue
        operations[name] = extend_schema(
            summary=summary,
            parameters=[IF_MATCH] if name != "create" else None,
            request=write,
            responses={answers[name]: read},
        )
    return extend_schema_view(**operations)


class CSVMixin:
    """``?format=csv`` or ``Accept: text/csv``: the same rows, flattened for spreadsheets."""

    renderer_classes = CSV_RENDERERS
    csv_serializer_class: type

    def get_renderers(self):
        # Only reads are rows; a write answers with the object (JSON), so ?format=csv on one is a 406.
        renderers = super().get_renderers()
        if self.action not in ("create", "update", "partial_update"):
            return renderers
        return [renderer for renderer in renderers if renderer.format != "csv"]

    def get_serializer_class(self):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format == "csv" and self.action in ("list", "retrieve"):
            return self.csv_serializer_class
        return super().get_serializer_class()

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors stay JSON even when CSV was asked for: a client can read them, a spreadsheet cannot.
        renderer = getattr(request, "accepted_renderer", None)
        if getattr(response, "exception", False) and renderer is not None and renderer.format == "csv":
            request.accepted_renderer, request.accepted_media_type = FastJSONRenderer(), FastJSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


class PublishableMixin:
    """Published rows for everyone; drafts too for editors who may change the model."""

    model: type

    def sees_drafts(self) -> bool:
        return sees_drafts(self.request, self.model)

    def visible(self):
        manager = self.model.objects
        return manager.all() if self.sees_drafts() else manager.published()

    def service_arguments(self, data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
        data = dict(data)
        state = data.pop("state", None)
        if creating:
            data["publish"] = state == PublicationState.PUBLISHED
        elif state is not None:
            data["publish"] = state == PublicationState.PUBLISHED
        return data


@extend_schema_view(
    list=extend_schema(summary=_("Issues with their current status and each party's latest position")),
    retrieve=extend_schema(summary=_("An issue with its full status history and every published position")),
)
class IssueViewSet(CSVMixin, ConditionalReadOnlyViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    model = Issue
    serializer_class = serializers.IssueSerializer
    csv_serializer_class = csv_serializers.IssueCSVSerializer
    filterset_class = filters.IssueFilterSet
    row_reader_class = rows.IssueRows
    compiled_pages = True  # its list query reads only the language and the page
    # A filtered page's keys first, then its rows by a query compiled once (rows_by_keys): the rows'
    # query, with its status subqueries, was built and planned again on every filtered request.
    page_by_key = "when filtered"
    detail_row_reader_class = rows.IssueDetailRows
    csv_row_reader_class = rows.IssueCSVRows
    feed_key = ("last_change", "id")  # last_change: the issue's, its status history's or its positions'
    list_version_tables = (StatusAssessment, Position, Party, Round, Source, Negotiation)
    detail_version_fields = ("updated_at", "related__updated_at")
    detail_version_tables = (StatusAssessment, Position, Party, Round, Source, Negotiation)

    def get_queryset(self):
        # By title, then id: a total order, so that a page holds the same issues however it is cut
        # (two issues of one title could otherwise swap between pages), and one page_by_key needs.
        issues = Issue.objects.order_by("title", "id")
        if self.answers_from_rows():
            # The readers annotate status and last change in their select(), and load positions,
            # history and relations themselves; filters annotate what they read (with_status,
            # changed_since). A filtered page's keys and its count are read without them.
            return issues
        issues = issues.with_current_status().with_last_change()
        issues = issues.select_related("outcome_source", "negotiation", "continues")
        if self.action == "retrieve":
            return issues.with_latest_positions().with_published_history().prefetch_related("related", "continued_by")
        return issues.with_latest_positions()

    def get_serializer_class(self):
        renderer = getattr(self.request, "accepted_renderer", None)
        if self.action == "retrieve" and not (renderer and renderer.format == "csv"):
            return serializers.IssueDetailSerializer
        return super().get_serializer_class()


@editable_schema(
    read=serializers.StatementSerializer,
    write=serializers.StatementInputSerializer,
    list=_("What officials said: quotes and reported speech"),
    retrieve=_("One statement"),
    create=_("Record a statement (editors)"),
    update=_("Replace a statement (editors)"),
    partial_update=_("Change part of a statement (editors)"),
)
class StatementViewSet(PublishableMixin, CSVMixin, EditableViewSet):
    model = Statement
    serializer_class = serializers.StatementSerializer
    csv_serializer_class = csv_serializers.StatementCSVSerializer
    write_serializer_class = serializers.StatementInputSerializer
    filterset_class = filters.StatementFilterSet
    row_reader_class = detail_row_reader_class = rows.StatementRows
    compiled_pages = True  # its list query reads only the language and the page
    csv_row_reader_class = rows.StatementCSVRows
    # A filtered page's seven-table join took longer to plan than to run (ConditionalReadOnlyViewSet).
    page_by_key = "when filtered"
    feed_key = ("updated_at", "id")
    create_service = services.statement_create
    update_service = services.statement_update
    update_instance_kwarg = "statement"
    extra_domain_error_codes = {"text": {"duplicate"}}
    list_version_tables = (Official, Appointment, Party, Round, Source, Issue, Negotiation)
    detail_version_fields = (
        "updated_at",
        "speaker__updated_at",
        "speaker__party__updated_at",
        "attributed_party__updated_at",
        "round__updated_at",
        "source__updated_at",
        "issues__updated_at",
        "negotiation__updated_at",
    )

    def get_queryset(self):
        # Rows read their own columns: the speaker's title subquery, the joins and the prefetches
        # of with_related() are for the serializers (building them cost more than the rest of an
        # ETag query on a statement's detail).
        return self.visible() if self.answers_from_rows() else self.visible().with_related()


@editable_schema(
    read=serializers.PositionSerializer,
    write=serializers.PositionInputSerializer,
    list=_("Each party's positions on the issues"),
    retrieve=_("One position"),
    create=_("Record a position (editors)"),
    update=_("Replace a position (editors)"),
    partial_update=_("Change part of a position (editors)"),
)
class PositionViewSet(PublishableMixin, CSVMixin, EditableViewSet):
    model = Position
    serializer_class = serializers.PositionSerializer
    csv_serializer_class = csv_serializers.PositionCSVSerializer
    write_serializer_class = serializers.PositionInputSerializer
    filterset_class = filters.PositionFilterSet
    row_reader_class = detail_row_reader_class = rows.PositionRows
    compiled_pages = True  # its list query reads only the language and the page
    csv_row_reader_class = rows.PositionCSVRows
    page_by_key = True  # sorted by issue title and party name, then date and id
    feed_key = ("updated_at", "id")
    create_service = services.position_create
    update_service = services.position_update
    update_instance_kwarg = "position"
    list_version_tables = (Issue, Party, Round, Source)
    detail_version_fields = (
        "updated_at",
        "issue__updated_at",
        "party__updated_at",
        "round__updated_at",
        "source__updated_at",
    )

    def get_queryset(self):
        positions = self.visible()
        return positions if self.answers_from_rows() else positions.select_related("issue", "party", "round", "source")


@editable_schema(
    read=serializers.StatusAssessmentSerializer,
    write=serializers.StatusAssessmentInputSerializer,
    list=_("Status assessments of every issue, round by round"),
    retrieve=_("One status assessment"),
    create=_("Assess an issue's status (editors)"),
    update=_("Replace a status assessment (editors)"),
    partial_update=_("Change part of a status assessment (editors)"),
)
class StatusAssessmentViewSet(PublishableMixin, EditableViewSet):
    """The status history is a log: a published entry is corrected (``correction``), not updated."""

    model = StatusAssessment
    serializer_class = serializers.StatusAssessmentSerializer
    write_serializer_class = serializers.StatusAssessmentInputSerializer
    filterset_class = filters.StatusAssessmentFilterSet
    row_reader_class = detail_row_reader_class = rows.StatusEntryRows
    compiled_pages = True  # its list query reads only the language and the page
    feed_key = ("last_change", "id")  # the entry's, or a correction's that supersedes it
    create_service = services.status_assessment_create
    update_service = services.status_assessment_update
    update_instance_kwarg = "assessment"
    if_match_actions = (*EditableViewSet.if_match_actions, "correct")
    # StatusAssessment.clean refuses a change to a published entry's substance, field by field;
    # status_assessment_correct refuses a draft, an entry corrected already, and a no-op.
    extra_domain_error_codes = {
        **{name: {"published"} for name in ("issue", "status", "round", "date", "date_precision", "note", "source")},
        api_settings.NON_FIELD_ERRORS_KEY: {"published", "draft", "superseded", "unchanged"},
    }
    list_version_tables = (Issue, Round, Source)
    # An entry's corrections change it (it shows as superseded by them).
    detail_version_fields = (
        "updated_at",
        "issue__updated_at",
        "round__updated_at",
        "source__updated_at",
        "corrections__updated_at",
    )

    def get_queryset(self):
        return (
            self.visible()
            .with_corrections()
            .select_related("issue", "round", "source")
            .order_by("issue__title", "date", "id")
        )

    def get_write_serializer_class(self):
        if self.action == "correct":
            return serializers.StatusAssessmentCorrectionInputSerializer
        return super().get_write_serializer_class()

    @extend_schema(
        summary=_("Correct a published status entry (editors)"),
        description=_(
            "A published entry is not changed in place: this records a new published entry with the "
            "values sent (the others are the corrected entry's), linked to it by `corrects`, with the "
            "reason. The corrected entry stays in the history, marked `superseded`."
        ),
        parameters=[IF_MATCH],
        request=serializers.StatusAssessmentCorrectionInputSerializer,
        responses={201: serializers.StatusAssessmentSerializer},
    )
    @action(detail=True, methods=["post"], url_path="correction")
    def correct(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            assessment = self.get_locked_object(request)
            body = self.get_write_serializer_class()(data=request.data, context=self.get_serializer_context())
            body.is_valid(raise_exception=True)
            changes = dict(body.validated_data)
            reason = changes.pop("correction_reason")
            with domain_errors(self.body_field_names()):
                correction = services.status_assessment_correct(
                    assessment=assessment, reason=reason, user=request.user, **changes
                )
        return self._respond_with(correction, status.HTTP_201_CREATED)


@editable_schema(
    read=serializers.SourceSerializer,
    write=serializers.SourceInputSerializer,
    list=_("Where the facts come from: articles, releases, documents"),
    retrieve=_("One source"),
    create=_("Add a source (editors)"),
    update=_("Replace a source (editors)"),
    partial_update=_("Change part of a source (editors)"),
)
class SourceViewSet(EditableViewSet):
    """Where the facts come from. A source cited only by unpublished drafts is shown to editors only."""

    # That docstring describes the operations in the API schema; the rule is SourceQuerySet.public.

    model = Source
    serializer_class = serializers.SourceSerializer
    write_serializer_class = serializers.SourceInputSerializer
    filterset_class = filters.SourceFilterSet
    create_service = frame_services.source_create
    update_service = frame_services.source_update
    update_instance_kwarg = "source"
    # Whatever cites a source can make it public (SourceQuerySet.public): a published statement,
    # a new appointment, an issue's outcome. Derived, like the rule.
    list_version_tables = tuple(dict.fromkeys(model for model, _column in Source.citations()))
    detail_version_tables = list_version_tables

    def sees_drafts(self) -> bool:
        return sees_drafts(self.request, Source)

    def get_queryset(self):
        return Source.objects.all() if self.sees_drafts() else Source.objects.public()


@extend_schema_view(
    list=extend_schema(
        summary=_("Tombstones: public objects that were withdrawn, deleted or moved"),
        description=_(
            "The other half of the change feed. A list with updated_since shows what changed and is "
            "still public; this shows what stopped being public: a statement, position or status "
            "entry taken back to draft or deleted, an issue deleted or given a new slug. Oldest "
            "first, paged by the cursor of the next link, like the lists with ordering=updated_at. "
            "A draft that was never public leaves no tombstone."
        ),
        parameters=[serializers.TombstoneQuerySerializer],
    )
)
class TombstoneViewSet(viewsets.GenericViewSet):
    permission_classes = [AllowAny]  # public removals only, for everyone alike: nothing to write
    serializer_class = serializers.TombstoneSerializer
    pagination_class = FeedPagination
    filter_backends: list = []
    query_serializer_class = serializers.TombstoneQuerySerializer  # read by the schema for its 400s
    feed_key = ("removed_at", "type", "tombstone_id")
    kinds = {
        "issues": (Issue, "slug"),
        "positions": (Position, "id"),
        "statements": (Statement, "id"),
        "status-history": (StatusAssessment, "id"),
    }

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = self.query_serializer_class(data=request.query_params)
        query.is_valid(raise_exception=True)
        size = self.paginator.get_page_size(request)
        raw_cursor = query.validated_data.get(CURSOR_PARAM)
        after = decode_cursor(raw_cursor, (datetime.datetime, str, int)) if raw_cursor else None
        kinds = {name: self.kinds[name] for name in query.validated_data.get("type") or self.kinds}
        rows = selectors.removals(
            kinds, since=query.validated_data.get("updated_since"), before=settle_cutoff(), after=after
        )
        page = list(rows[:size])
        count = rows.count()
        cursor = encode_cursor(tuple(page[-1][name] for name in self.feed_key)) if page else None
        data = self.get_serializer(page, many=True).data
        # The answer is small and computed whole: its ETag is a digest of it (and of the URL).
        digest = hashlib.sha256(json.dumps([request.get_full_path(), count, data], default=str).encode())
        etag = f'"{digest.hexdigest()[:32]}"'
        last = max((row["removed_at"] for row in page), default=EPOCH)
        if (cached := not_modified(request, etag, last)) is not None:
            return cached
        url = request.build_absolute_uri()
        next_url = replace_query_param(url, CURSOR_PARAM, cursor) if cursor else None
        response = Response({"count": count, "next": next_url, "previous": None, "results": data})
        if next_url:
            response["Link"] = f'<{next_url}>; rel="next"'
        response["X-Total-Count"] = str(count)
        set_validators(response, etag, last)
        return response
