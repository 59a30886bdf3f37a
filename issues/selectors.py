"""Reads that combine the frame of the talks (rounds) with what was said and assessed there.

The site, the API and the feeds ask these questions through the same functions, so
they cannot answer them two ways. Questions about one model stay on its QuerySet
(``Statement.objects.published().by_party(...)``); these combine several, and live
here because ``rounds`` may not know about statements, positions or assessments.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce

from rounds.dates import add_days
from rounds.models import (
    Milestone,
    Negotiation,
    Official,
    OfficialQuerySet,
    OfficialRole,
    Party,
    Round,
    RoundQuerySet,
)
from rounds.publishing import PublicationState

from .models import Issue, IssueQuerySet, IssueStatus, Position, PositionKind, Statement, StatusAssessment

ROUND_EMBEDDED_STATEMENTS = 50  # the API's round detail embeds the newest 50; statements_url has them all


def _count_of(rows: models.QuerySet, field: str) -> Coalesce:
    """How many of ``rows`` point at the outer row through ``field``: a correlated subquery.

    Not ``Count()`` over joins: counting a round's statements and its assessments in one
    GROUP BY joined every statement of a round to every assessment of it, and /rounds/
    took 20 s on 100,000 statements (4,500 positions, 3,000 assessments) for two numbers
    per row. Each subquery here walks one foreign-key index.
    """
    counted = rows.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


def _published_statements(field: str) -> Coalesce:
    return _count_of(Statement.objects.published(), field)


def rounds_with_statement_counts(rounds: RoundQuerySet) -> RoundQuerySet:
    """Annotate ``statement_count`` and ``assessment_count``: the published statements made
    and the issue statuses assessed at each round or meeting."""
    return rounds.annotate(
        statement_count=_published_statements("round"),
        # Current ones only: a corrected entry and its correction are one assessment.
        assessment_count=_count_of(
            StatusAssessment.objects.filter(pk__in=StatusAssessment.objects.current().values("pk")), "round"
        ),
    )


def officials_with_statement_counts(officials: OfficialQuerySet) -> OfficialQuerySet:
    """Annotate ``statement_count``: each official's published statements."""
    return officials.annotate(statement_count=_published_statements("speaker"))


# Who sits at the table first: a reader opening the officials looks for the negotiators,
# not for the stakeholders quoted once (or never).
ROLE_ORDER = [
    OfficialRole.TRADE_REPRESENTATIVE,
    OfficialRole.MINISTER,
    OfficialRole.CHIEF_NEGOTIATOR,
    OfficialRole.HEAD_OF_GOVERNMENT,
    OfficialRole.OFFICIAL,
    OfficialRole.STAKEHOLDER,
]


def officials_negotiators_first(officials: OfficialQuerySet) -> OfficialQuerySet:
    """Officials by party (those of no government last), negotiators and ministers first, then by words said.

    Within a role the most quoted come first, so someone who said nothing on the record
    ends up at the bottom of their party's list; one query, as before.
    """
    rank = Case(
        *(When(role=role, then=Value(index)) for index, role in enumerate(ROLE_ORDER)),
        default=Value(len(ROLE_ORDER)),
        output_field=models.IntegerField(),
    )
    return officials_with_statement_counts(officials).order_by(
        F("party__name").asc(nulls_last=True), rank, "-statement_count", "name"
    )


def rounds_with_outcomes(rounds: RoundQuerySet, statements: int = ROUND_EMBEDDED_STATEMENTS) -> RoundQuerySet:
    """Prefetch what moved at each round, published only: ``published_assessments`` (by
    issue), the newest ``statements`` as ``published_statements`` (compact), and annotate
    ``statement_count``. A round may hold thousands of statements: the paged statement
    list filtered by round has them all."""
    return rounds_with_statement_counts(rounds).prefetch_related(
        Prefetch(
            "status_assessments",
            queryset=StatusAssessment.objects.current()
            .select_related("issue", "source")
            .order_by("issue__title", "date", "id"),
            to_attr="published_assessments",
        ),
        Prefetch(
            "statements",
            queryset=Statement.objects.published().compact().order_by("-date", "-id")[:statements],
            to_attr="published_statements",
        ),
    )


@dataclass(frozen=True)
class RoundOutcome:
    """What a round's page shows: what moved there, and what came after it, before the next."""

    previous_round: Round | None
    next_round: Round | None
    assessments: models.QuerySet
    positions: models.QuerySet
    statements: models.QuerySet
    statement_count: int
    after_start: datetime.date | None = None
    after_end: datetime.date | None = None
    after_statements: Any = ()
    after_assessments: Any = ()

    @property
    def closed(self) -> list[StatusAssessment]:
        """What closed here: the chapters, annexes and issues assessed as agreed at the round."""
        closed: dict[int, StatusAssessment] = {}
        for assessment in self.assessments:  # several sources may report the same closing: name it once
            if assessment.status == IssueStatus.AGREED:
                closed.setdefault(assessment.issue_id, assessment)
        return list(closed.values())


def round_outcome(round_: Round, *, statements: int) -> RoundOutcome:
    """The statuses assessed at ``round_`` (changed from what), the positions put forward,
    the first ``statements`` said during it, and what was said and assessed away from
    the table between its end and the next round's start."""
    previous_round = Round.objects.before(round_).first()
    next_round = Round.objects.after(round_).first()
    during = Statement.objects.published().at_round(round_)
    extra: dict[str, Any] = {}
    if round_.end_date:
        after_start = add_days(round_.end_date, 1)
        after_end = None
        if next_round and next_round.start_date:
            after_end = add_days(next_round.start_date, -1)
        extra = {
            "after_start": after_start,
            "after_end": after_end,
            "after_statements": Statement.objects.published()
            .outside_rounds()
            .dated_between(after_start, after_end)
            .with_related()
            .order_by("date", "id")[:statements],
            "after_assessments": StatusAssessment.objects.current()
            .outside_rounds()
            .dated_between(after_start, after_end)
            .with_previous_status()
            .select_related("issue", "source")
            .order_by("date", "issue__title"),
        }
    return RoundOutcome(
        previous_round=previous_round,
        next_round=next_round,
        assessments=round_.status_assessments.current()
        .with_previous_status()
        .select_related("issue", "source")
        .order_by("issue__title", "date", "id"),
        positions=round_.positions.published()
        .select_related("issue", "party", "source")
        .order_by("issue__title", "party__name", "date"),
        statements=during.with_related().order_by("date", "id")[:statements],
        statement_count=during.count(),
        **extra,
    )


@dataclass(frozen=True)
class PartyOverview:
    officials: models.QuerySet
    positions: models.QuerySet
    hosted_rounds: models.QuerySet
    statements: models.QuerySet
    statement_count: int


def party_overview(party: Party, *, statements: int) -> PartyOverview:
    """A party's people, its latest position on each issue, the rounds it hosted, its words."""
    said = Statement.objects.published().by_party(party)
    return PartyOverview(
        officials=officials_with_statement_counts(party.officials.all()).order_by("name"),
        positions=Position.objects.latest_per_party()
        .by_party(party)
        .select_related("issue", "round", "source")
        .order_by("issue__title"),
        hosted_rounds=party.hosted_rounds.order_by("number"),
        statements=said.with_related()[:statements],
        statement_count=said.count(),
    )


def official_statements(official: Official) -> models.QuerySet:
    """An official's published statements, newest first, with what they are shown with."""
    return Statement.objects.published().by_speaker(official).with_related()


def issue_board(
    day: datetime.date | None = None, *, negotiation: Negotiation | None = None
) -> tuple[IssueQuerySet, list[tuple[str, str, int]]]:
    """The board: every issue (of ``negotiation``, or of all) with its status (today's, or
    as of ``day``) and each party's latest position, and how many issues stand at each
    status (the statuses in use)."""
    scope = Issue.objects.all() if negotiation is None else Issue.objects.filter(negotiation=negotiation)
    issues = scope.with_status_as_of(day).with_latest_positions(related=()).order_by("title")
    counts = scope.with_status_as_of(day).status_counts()
    summary = [(code, label, counts[code]) for code, label in IssueStatus.choices if counts.get(code)]
    return issues, summary


def how_it_ended(negotiation: Negotiation | None = None) -> IssueQuerySet:
    """Issues that reached an outcome, each beside the first demand made on it.

    ``first_demand``, ``first_demand_party`` and ``first_demand_date`` come from the
    issue's earliest published position of kind demand or proposal (one query in all):
    the home page sets where each contested issue started beside where it ended.
    """
    first = (
        Position.objects.published()
        .filter(issue=OuterRef("pk"), kind__in=[PositionKind.DEMAND, PositionKind.PROPOSAL])
        .order_by("date", "id")
    )
    issues = Issue.objects.all() if negotiation is None else Issue.objects.filter(negotiation=negotiation)
    return (
        issues.exclude(outcome_status="")
        .select_related("outcome_source")
        .annotate(
            first_demand=Subquery(first.values("summary")[:1]),
            first_demand_party=Subquery(first.values("party__name")[:1]),
            first_demand_date=Subquery(first.values("date")[:1]),
        )
        .filter(first_demand__isnull=False)
        .order_by("title")
    )


# --------------------------------------------------------------------------- the editors' home


@dataclass
class DraftsOfKind:
    """The drafts of one kind waiting for review: how many, and the oldest ``rows``."""

    model: type[models.Model]
    count: int
    rows: list[models.Model]


#: What each kind's label (``__str__``) reads, joined so that a row costs no query of its own.
_DRAFT_LABEL_RELATED: dict[type[models.Model], tuple[str, ...]] = {
    Statement: ("speaker",),
    Position: ("party", "issue"),
    StatusAssessment: ("issue",),
}


def drafts_for_review(*, limit: int = 10) -> list[DraftsOfKind]:
    """Drafts waiting to be published, by kind, oldest first: two queries per kind.

    Each row is annotated with ``entered_by`` (the username on its creation record in the
    history, None for a row written by a script) and keeps ``created_at``: who entered it
    and when, so a reviewer knows whom to ask.
    """
    kinds = []
    for model, related in _DRAFT_LABEL_RELATED.items():
        drafts = model.objects.drafts()
        creation = model.history.filter(id=OuterRef("pk"), history_type="+").order_by("history_date")
        rows = list(
            drafts.select_related(*related)
            .annotate(entered_by=Subquery(creation.values("history_user__username")[:1]))
            .order_by("created_at", "id")[:limit]
        )
        count = len(rows) if len(rows) < limit else drafts.count()
        kinds.append(DraftsOfKind(model=model, count=count, rows=rows))
    return kinds


# --------------------------------------------------------------------------- the change feed's removals

#: What a removal says happened to the public object.
REMOVAL_REASONS = ("withdrawn", "deleted", "moved")


def removals(
    kinds: dict[str, tuple[type[models.Model], str]],
    *,
    since: datetime.datetime | None = None,
    before: datetime.datetime | None = None,
    after: tuple[datetime.datetime, str, int] | None = None,
) -> models.QuerySet:
    """Tombstones: the moments a public object stopped being public under its key, oldest first.

    ``kinds`` maps a name (the ``type`` of each row) to a model and the field that keys its
    public URL (``id``, or an issue's ``slug``). Read from the change history
    (django-simple-history), which keeps every version, deletions included: a version is a
    removal when the previous one was public and this one is a draft (``withdrawn``), when a
    public row is deleted (``deleted``), or when a public row's key changed (``moved``: the
    old URL is gone). A row that was never public leaves no tombstone, whatever happens to
    it. Rows are ``type``, ``key`` (as text), ``removed_at``, ``reason`` and ``history_id``;
    ``since``/``before`` bound ``removed_at`` and ``after`` is the last (removed_at, type,
    history_id) a client saw.
    """
    parts = []
    for name, (model, key_field) in sorted(kinds.items()):
        history = model.history.model
        previous = history.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id")).order_by(
            "-history_id"
        )
        rows = history.objects.annotate(previous_key=Subquery(previous.values(key_field)[:1]))
        if any(field.name == "state" for field in model._meta.concrete_fields):
            rows = rows.annotate(previous_state=Subquery(previous.values("state")[:1]))
            public_now = Q(state=PublicationState.PUBLISHED)
            was_public = Q(previous_state=PublicationState.PUBLISHED)
            withdrawn = Q(history_type="~") & was_public & ~public_now
        else:  # no drafts: every version is public, and none is ever withdrawn
            public_now = Q()
            was_public = Q(previous_key__isnull=False)
            withdrawn = Q(pk__in=[])
        deleted = Q(history_type="-") & public_now
        moved = Q(history_type="~") & was_public & public_now & ~Q(previous_key=F(key_field))
        rows = rows.filter(deleted | withdrawn | moved)
        if since is not None:
            rows = rows.filter(history_date__gte=since)
        if before is not None:
            rows = rows.filter(history_date__lt=before)
        if after is not None:
            moment, after_type, after_id = after
            if name < after_type:
                rows = rows.filter(history_date__gt=moment)
            elif name == after_type:
                rows = rows.filter(Q(history_date__gt=moment) | Q(history_date=moment, history_id__gt=after_id))
            else:
                rows = rows.filter(history_date__gte=moment)
        text = models.CharField()
        parts.append(
            rows.annotate(
                type=Value(name, output_field=text),
                key=Case(When(history_type="-", then=Cast(key_field, text)), default=Cast("previous_key", text)),
                removed_at=F("history_date"),
                reason=Case(
                    When(deleted, then=Value("deleted")),
                    When(withdrawn, then=Value("withdrawn")),
                    default=Value("moved"),
                    output_field=text,
                ),
                tombstone_id=F("history_id"),
            )
            .values("type", "key", "removed_at", "reason", "tombstone_id")
            .order_by()
        )
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return union.order_by("removed_at", "type", "tombstone_id")


HOME_STATEMENTS = 6


def negotiation_overview(negotiation: Negotiation, day: datetime.date) -> dict[str, Any]:
    """Where one negotiation stands on ``day``: its latest and next round, its next deadline,
    the issue board, its latest words; once signed, how it ended. What the home page shows
    of the live negotiation and what each negotiation's own page shows."""
    rounds = Round.objects.filter(negotiation=negotiation).select_related("host_party")
    milestones = Milestone.objects.filter(negotiation=negotiation)
    issues, status_summary = issue_board(negotiation=negotiation)
    return {
        "negotiation": negotiation,
        "today": day,
        "latest_round": rounds.formal().latest_held(day),
        # Talks are over once their agreement has been signed: the page then says how they ended.
        "signed": rounds.filter(kind=Round.Kind.SIGNING).first_held(day),
        "next_round": rounds.upcoming(day).first(),
        "next_milestone": milestones.upcoming(day).first(),
        "recent_milestones": list(milestones.past(day)[:3]),
        "outcomes": how_it_ended(negotiation),  # lazy: only read once the talks are over
        "parties": list(negotiation.parties.order_by("name")),  # the board's columns
        "issues": issues,
        "status_summary": status_summary,
        "statements": Statement.objects.published().filter(negotiation=negotiation).with_related()[:HOME_STATEMENTS],
    }
