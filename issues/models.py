"""What is negotiated and what is said about it.

Issues, their status over time, each party's positions and officials' statements.
The sources they cite, and the talks' frame (parties, officials, rounds), live one
layer down in ``rounds``, which knows nothing of this app. Reads live in the QuerySet
classes here so that the public site, the admin and the API ask the same questions
the same way; multi-step writes live in ``issues.services``.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence

from django.conf import settings
from django.contrib.postgres.search import SearchVectorCombinable, SearchVectorField
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connections, models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Greatest, Length, Trim
from django.db.models.lookups import GreaterThan
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nafta_tracker.content_language import english, localized_column
from rounds.base import DatePrecision, PartialDateModel, TimeStampedModel, format_partial_date, precision_constraint
from rounds.dates import DATE_AFTER_SOURCE, DATE_IN_FUTURE, check_reported_date, is_in_range, validate_date_in_range
from rounds.models import (  # noqa: F401
    Appointment,
    Milestone,
    Negotiation,
    Official,
    Party,
    Round,
    Source,
    SourceKind,
    http_url_validator,
)
from rounds.publishing import (  # also re-exported: the vocabulary of this app's facts
    PublicationState,
    Publishable,
    PublishableQuerySet,
    publication_constraints,
)

from .limits import validate_statement_text_length

# --------------------------------------------------------------------------- vocabularies


class IssueStatus(models.TextChoices):
    """Where an issue stands, from untouched to settled, in this order."""

    NOT_STARTED = "not_started", _("Not started")
    FAR_APART = "far_apart", _("Far apart")
    UNDER_DISCUSSION = "under_discussion", _("Under discussion")
    PROGRESSING = "progressing", _("Progressing")
    NEAR_AGREEMENT = "near_agreement", _("Near agreement")
    AGREED = "agreed", _("Agreed")
    DROPPED = "dropped", _("Dropped")


STATUS_ORDER: dict[str, int] = {value: index for index, value in enumerate(IssueStatus.values)}


class PositionKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    DEMAND = "demand", _("Demand")
    COUNTER_PROPOSAL = "counter_proposal", _("Counter-proposal")
    CONCESSION = "concession", _("Concession")
    OPPOSITION = "opposition", _("Opposition")
    SUPPORT = "support", _("Support")


class StatementKind(models.TextChoices):
    """A quote is the speaker's own words; reported speech is the writer's account of them."""

    QUOTE = "quote", _("Direct quote")
    REPORTED = "reported", _("Reported speech")


class Tone(models.TextChoices):
    OPTIMISTIC = "optimistic", _("Optimistic")
    CAUTIOUS = "cautious", _("Cautious")
    NEUTRAL = "neutral", _("Neutral")
    CRITICAL = "critical", _("Critical")


#: The languages statements and their translations may be in: the interface's.
LANGUAGE_CODES: list[str] = [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    """A language's name in the active interface language ("French", « anglais »): French and
    Spanish write it in lower case inside a sentence, where Django's catalogue capitalises it."""
    from django.utils.translation import get_language, get_language_info

    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
    return name if (get_language() or "en").startswith("en") else name.lower()


def check_round_matches_date(round_: Round | None, date, precision: str) -> None:
    """A statement, position or assessment tied to a round must be dated within it.

    Month-precision dates only need to overlap the round's month(s).
    """
    if round_ is None or date is None or round_.start_date is None or round_.end_date is None:
        return
    if precision == DatePrecision.MONTH:
        start_month = (round_.start_date.year, round_.start_date.month)
        end_month = (round_.end_date.year, round_.end_date.month)
        if start_month <= (date.year, date.month) <= end_month:
            return
    elif round_.contains(date):
        return
    raise ValidationError(
        {
            "round": _("%(round)s ran from %(start)s to %(end)s; the date %(date)s is outside it.")
            % {"round": round_, "start": round_.start_date, "end": round_.end_date, "date": date}
        }
    )


def check_fact_date(item: Statement | Position | StatusAssessment) -> dict[str, list]:
    """The date rules of a fact (``rounds.dates.check_reported_date``): not in the future, and,
    for a model ``reported_by_source``, not after the publication of the source that reports it."""
    by_source = getattr(type(item), "reported_by_source", False)
    # A source being added with its facts is not saved yet (no source_id): the inline
    # formset hands each row the unsaved source, with the publication date typed beside it.
    has_source = item.source_id is not None or type(item).source.field.is_cached(item)
    published_on = item.source.published_on if by_source and has_source else None
    return check_reported_date(item.date, published_on=published_on)


def _merge(errors: dict[str, list], more: dict[str, list]) -> dict[str, list]:
    for field, messages in more.items():
        errors.setdefault(field, []).extend(messages)
    return errors


def check_round_in_negotiation(round_: Round | None, negotiation_id: int | None) -> None:
    """A fact tied to a meeting belongs to that meeting's negotiation."""
    if round_ is None or negotiation_id is None or round_.negotiation_id == negotiation_id:
        return
    raise ValidationError(
        {
            "round": ValidationError(
                _("%(round)s belongs to another negotiation (%(other)s)."),
                code="other_negotiation",
                params={"round": round_, "other": round_.negotiation},
            )
        }
    )


# --------------------------------------------------------------------------- issues


class IssueQuerySet(models.QuerySet["Issue"]):
    def with_current_status(self) -> IssueQuerySet:
        """Annotate each issue with its latest current status and the date of that assessment.

        ``current_status_code`` is None for an issue nobody has assessed yet. A corrected
        entry does not count: its correction does (``StatusAssessmentQuerySet.current``).
        """
        latest = StatusAssessment.objects.current().filter(issue=OuterRef("pk")).order_by("-date", "-id")
        return self.annotate(
            current_status_code=Subquery(latest.values("status")[:1]),
            status_changed_on=Subquery(latest.values("date")[:1]),
        )

    def with_latest_positions(self, related: Sequence[str] = ("party", "round", "source")) -> IssueQuerySet:
        """Prefetch each party's latest published position as ``latest_positions`` (one query).

        ``related``: what each position is loaded with. The API shows each position's party,
        round and source; the pages' issue board shows only its kind, summary and link, and
        passes ``()``: on the synthetic board of 300 issues that is 2,700 rows it need not build.
        """
        positions = Position.objects.latest_per_party()
        if related:  # select_related() with no names would follow every foreign key
            positions = positions.select_related(*related)
        return self.prefetch_related(Prefetch("positions", queryset=positions, to_attr="latest_positions"))

    def with_status(self, *codes: str) -> IssueQuerySet:
        return self.with_current_status().filter(current_status_code__in=codes)

    def involving_party(self, party: Party) -> IssueQuerySet:
        """Issues on which ``party`` has a published position."""
        return self.filter(pk__in=Position.objects.published().filter(party=party).values("issue_id"))

    def search(self, query: str) -> IssueQuerySet:
        qs = self
        for word in query.split():
            qs = qs.filter(Q(title__icontains=word) | Q(description__icontains=word))
        return qs

    def with_last_change(self) -> IssueQuerySet:
        """Annotate ``last_change``: the latest public change to the issue, its status history or its positions.

        An issue's current status and latest positions come from those rows, so a new
        assessment is a change to the issue for a client polling the issue list. Taking
        an assessment back to draft is one too (the public status changes); saving a
        draft that was never public is not (``Publishable.public_changed_at``).
        """

        def newest(model: type[Publishable]) -> Coalesce:
            rows = (
                model.objects.filter(issue=OuterRef("pk"), public_changed_at__isnull=False)
                .order_by("-public_changed_at")
                .values("public_changed_at")[:1]
            )
            return Coalesce(Subquery(rows), F("updated_at"))

        return self.annotate(last_change=Greatest("updated_at", newest(StatusAssessment), newest(Position)))

    def changed_since(self, moment: datetime.datetime) -> IssueQuerySet:
        return self.with_last_change().filter(last_change__gte=moment)

    def discussed_at(self, round_: Round) -> IssueQuerySet:
        """Issues whose status was assessed, or on which a party took a position, at ``round_``."""
        assessed = StatusAssessment.objects.current().filter(round=round_).values("issue_id")
        positioned = Position.objects.published().filter(round=round_).values("issue_id")
        return self.filter(Q(pk__in=assessed) | Q(pk__in=positioned))

    def with_published_history(self) -> IssueQuerySet:
        """Prefetch ``published_history`` (oldest first) and every published position, ``published_positions``.

        The history keeps corrected entries, marked (``with_corrections``): it is a log.
        """
        return self.prefetch_related(
            Prefetch(
                "status_history",
                queryset=StatusAssessment.objects.published()
                .with_corrections()
                .select_related("round", "source")
                .chronological(),
                to_attr="published_history",
            ),
            Prefetch(
                "positions",
                queryset=Position.objects.published()
                .select_related("party", "round", "source")
                .order_by("party__name", "date", "id"),
                to_attr="published_positions",
            ),
        )

    def with_status_as_of(self, day: datetime.date | None) -> IssueQuerySet:
        """Like ``with_current_status()``, but as each issue stood on ``day``.

        Only assessments dated on or before ``day`` count, so a reader can ask which
        issues were far apart in spring 2018. ``day=None`` means today's status.
        """
        if day is None:
            return self.with_current_status()
        latest = StatusAssessment.objects.current().filter(issue=OuterRef("pk"), date__lte=day).order_by("-date", "-id")
        return self.annotate(
            current_status_code=Subquery(latest.values("status")[:1]),
            status_changed_on=Subquery(latest.values("date")[:1]),
        )

    def where_status(self, *codes: str | None) -> IssueQuerySet:
        """Keep issues whose annotated status is one of ``codes`` (None: never assessed).

        Call after ``with_current_status()`` or ``with_status_as_of()``.
        """
        condition = Q(current_status_code__in=[code for code in codes if code])
        if None in codes:
            condition |= Q(current_status_code__isnull=True)
        return self.filter(condition)

    def status_counts(self) -> dict[str | None, int]:
        """How many issues stand at each status (one query; None counts issues never assessed).

        Call after ``with_current_status()`` or ``with_status_as_of()``.
        """
        rows = self.order_by().values("current_status_code").annotate(count=Count("pk"))
        return {row["current_status_code"]: row["count"] for row in rows}


class Issue(TimeStampedModel):
    """A negotiating topic, chapter or annex."""

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "issues:issue-detail"}

    class Kind(models.TextChoices):
        CHAPTER = "chapter", _("Chapter")
        ANNEX = "annex", _("Annex")
        TOPIC = "topic", _("Topic")

    negotiation = models.ForeignKey(
        Negotiation, verbose_name=_("negotiation"), on_delete=models.PROTECT, related_name="issues"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    description = models.TextField(_("description"), blank=True)
    related = models.ManyToManyField("self", verbose_name=_("related issues"), blank=True, symmetrical=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("continues"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continued_by",
        help_text=_(
            "The issue of an earlier negotiation this one takes up again, e.g. the 2026 review's "
            "extension decision continues NAFTA's sunset clause."
        ),
    )
    # Declared here, not on Milestone, because rounds knows nothing of issues; the table
    # keeps the name it had when the field was Milestone.issues (a state-only migration).
    milestones = models.ManyToManyField(
        Milestone,
        verbose_name=_("milestones"),
        blank=True,
        related_name="issues",
        db_table="rounds_milestone_issues",
        help_text=_("Deadlines and dates that bear on the issue."),
    )

    # How it ended: what the final text says and where, or that it was dropped.
    outcome_status = models.CharField(
        _("outcome"),
        max_length=10,
        choices=[(IssueStatus.AGREED, IssueStatus.AGREED.label), (IssueStatus.DROPPED, IssueStatus.DROPPED.label)],
        blank=True,
        help_text=_("Empty while the issue is open."),
    )
    outcome_date = models.DateField(_("outcome date"), null=True, blank=True, validators=[validate_date_in_range])
    outcome_date_precision = models.CharField(
        _("outcome date precision"), max_length=12, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    outcome_reference = models.CharField(
        _("where the final text settles it"),
        max_length=200,
        blank=True,
        help_text=_('Chapter and article, e.g. "USMCA Article 34.7".'),
    )
    outcome_note = models.TextField(
        _("outcome note"), blank=True, help_text=_("What the final text says, in our words.")
    )
    outcome_source = models.ForeignKey(
        Source,
        verbose_name=_("outcome source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issue_outcomes",
    )

    objects = IssueQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["chapter", "annex", "topic"]), name="issue_kind_valid"),
            models.CheckConstraint(
                condition=Q(outcome_status__in=["", IssueStatus.AGREED, IssueStatus.DROPPED]),
                name="issue_outcome_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(outcome_status="") | Q(outcome_date__isnull=False, outcome_source__isnull=False),
                name="issue_outcome_dated_and_sourced",
                violation_error_message=_("An outcome needs its date and its source."),
            ),
            precision_constraint("issue_outcome", field="outcome_date_precision"),
        ]
        # Issues are listed by title, and so are positions (by their issue's title, then the
        # party's name): read in this index's order, PostgreSQL stops at the page's end instead
        # of joining and sorting every position (4 ms of the positions list's 7 at 4,500).
        # An expression, not fields=: modeltranslation would copy a fields= index onto title_en,
        # title_fr and title_es, which nothing sorts or filters on (ordering reads ``title``).
        indexes = [models.Index(F("title"), name="issue_title")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The issue's page, in the active language; worked out once per instance, language and slug.

        The issue board links each issue once and each of its positions (``Position.get_absolute_url``)
        once more: 1,200 ``reverse()`` calls for 300 issues, a tenth of the home page's time.
        """
        key = (get_language(), get_script_prefix(), self.slug)
        known = self.__dict__.get("_absolute_url")
        if known is None or known[0] != key:
            known = self._absolute_url = (key, reverse("issues:issue-detail", args=[self.slug]))
        return known[1]

    @property
    def current_status(self) -> str | None:
        """The latest current assessment's status code, or None if never assessed."""
        if hasattr(self, "current_status_code"):
            return self.current_status_code
        latest = self.status_history.current().order_by("-date", "-id").values_list("status", flat=True).first()
        return latest

    @property
    def display_outcome_date(self) -> str:
        return format_partial_date(self.outcome_date, self.outcome_date_precision)

    def clean(self) -> None:
        super().clean()
        if self.continues_id is None:
            return
        if self.pk is not None and self.continues_id == self.pk:
            raise ValidationError({"continues": _("An issue cannot continue itself.")})
        if self.negotiation_id is not None and self.continues.negotiation_id == self.negotiation_id:
            raise ValidationError(
                {"continues": _("Choose an issue of an earlier negotiation; within one, use related issues.")}
            )

    @property
    def current_status_label(self) -> str:
        code = self.current_status
        return IssueStatus(code).label if code else _("Not yet assessed")


def _published_corrections() -> models.QuerySet:
    """The published corrections of the entry in the outer query."""
    return StatusAssessment.objects.published().filter(corrects=OuterRef("pk"))


class StatusAssessmentQuerySet(PublishableQuerySet):
    def current(self) -> StatusAssessmentQuerySet:
        """Published entries that no published correction replaces: what an issue's status is made of.

        A corrected entry stays published (the history is a log) but no longer counts for
        the current status, the status on a day, the charts or a round's outcome.
        """
        return self.published().exclude(Exists(_published_corrections()))

    def with_corrections(self) -> StatusAssessmentQuerySet:
        """Annotate ``superseded_by_id``: the published correction of each entry, or None; and
        ``last_change``: the entry's own change, or the latest public change of a correction of
        it, which marks it superseded (or, withdrawn, no longer): what ``updated_since`` and the
        change feed follow, since the entry as shown changes then. A draft correction that was
        never public moves nothing (``public_changed_at``)."""
        newest_correction = (
            StatusAssessment.objects.filter(corrects=OuterRef("pk"), public_changed_at__isnull=False)
            .order_by("-public_changed_at")
            .values("public_changed_at")[:1]
        )
        return self.annotate(
            superseded_by_id=Subquery(_published_corrections().order_by("id").values("id")[:1]),
            last_change=Greatest("updated_at", Coalesce(Subquery(newest_correction), F("updated_at"))),
        )

    def changed_since(self, moment: datetime.datetime) -> StatusAssessmentQuerySet:
        return self.with_corrections().filter(last_change__gte=moment)

    def chronological(self) -> StatusAssessmentQuerySet:
        return self.order_by("date", "id")

    def at_round(self, round_: Round) -> StatusAssessmentQuerySet:
        return self.filter(round=round_)

    def outside_rounds(self) -> StatusAssessmentQuerySet:
        """Assessments made between rounds or away from them (e.g. a negotiator's briefing)."""
        return self.filter(round__isnull=True)

    def recent_dates(self, limit: int) -> list[datetime.date]:
        """The ``limit`` most recent days on which statuses were assessed, newest first."""
        return list(self.order_by("-date").values_list("date", flat=True).distinct()[:limit])

    def with_previous_status(self) -> StatusAssessmentQuerySet:
        """Annotate ``previous_status``: the issue's current status just before this assessment."""
        previous = (
            StatusAssessment.objects.current()
            .filter(issue=OuterRef("issue"))
            .filter(Q(date__lt=OuterRef("date")) | Q(date=OuterRef("date"), id__lt=OuterRef("id")))
            .order_by("-date", "-id")
        )
        return self.annotate(previous_status=Subquery(previous.values("status")[:1]))

    def dated_between(
        self, start: datetime.date | None = None, end: datetime.date | None = None
    ) -> StatusAssessmentQuerySet:
        """Assessments dated from ``start`` to ``end`` inclusive (either bound may be open)."""
        return _dated_between(self, start, end)


class StatusAssessment(Publishable, PartialDateModel, TimeStampedModel):
    """The status of an issue as assessed at a round or on a date.

    The issue's current status is its latest published assessment; earlier ones
    are its history. The history is a log: a published entry's substance is never
    changed in place (``clean``). A mistake in it is put right by a correction, a new
    published entry that ``corrects`` it and says why; the corrected entry stays,
    marked as superseded (``issues.services.status_assessment_correct``).
    """

    #: What an entry says; frozen once it is published. Only a correction changes it.
    SUBSTANCE_FIELDS = ("issue", "status", "date", "date_precision", "round", "source", "note")

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "issues:issue-detail", "lookup_field": "issue.slug", "fragment": "status-{obj.pk}"}

    issue = models.ForeignKey(Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="status_history")
    status = models.CharField(_("status"), max_length=20, choices=IssueStatus.choices)
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_assessments",
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What the source says that justifies this status."))
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="status_assessments"
    )
    # Set by status_assessment_correct only. RESTRICT, not PROTECT: a corrected entry cannot
    # be deleted on its own (the log would lose it), but deleting the issue takes both.
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        editable=False,
        related_name="corrections",
        help_text=_("The published entry this one corrects."),
    )
    correction_reason = models.TextField(
        _("reason for the correction"),
        blank=True,
        editable=False,
        help_text=_("Why the corrected entry was wrong; required for a correction."),
    )

    objects = StatusAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["issue", "date", "id"]
        verbose_name = _("status assessment")
        verbose_name_plural = _("status history")
        indexes = [models.Index(fields=["issue", "date"], name="assessment_issue_date")]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=IssueStatus.values), name="assessment_status_valid"),
            precision_constraint("assessment"),
            *publication_constraints("assessment"),
            models.CheckConstraint(
                condition=Q(corrects__isnull=True) | ~Q(correction_reason=""),
                name="assessment_correction_has_reason",
                violation_error_message=_("A correction says why the entry it corrects was wrong."),
            ),
            models.CheckConstraint(condition=~Q(corrects=F("id")), name="assessment_correction_not_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.issue}: {self.get_status_display()} ({self.display_date})"

    def get_absolute_url(self) -> str:
        return self.issue.get_absolute_url() + f"#status-{self.pk}"

    @property
    def is_superseded(self) -> bool:
        """Whether a published correction replaces this entry (``with_corrections`` spares the query)."""
        if hasattr(self, "superseded_by_id"):
            return self.superseded_by_id is not None
        return self.pk is not None and self.corrections.published().exists()

    #: Codes ``clean()`` gives its errors, by field (the API schema documents them).
    clean_error_codes = {"date": {DATE_IN_FUTURE}}

    def clean(self) -> None:
        # An assessment is ours, made from what the source says, possibly later than it
        # (a status at a round's close from the week's reports): only the future is refused.
        errors = check_fact_date(self)
        try:
            check_round_matches_date(self.round, self.date, self.date_precision)
        except ValidationError as exc:
            _merge(errors, exc.message_dict)
        try:
            check_round_in_negotiation(self.round, self.issue.negotiation_id if self.issue_id else None)
        except ValidationError as exc:
            _merge(errors, exc.message_dict)
        if self.corrects_id is not None and not (self.correction_reason or "").strip():
            errors.setdefault("correction_reason", []).append(
                _("Say why the entry is corrected: the reason is kept with the correction.")
            )
        if errors:
            raise ValidationError(errors)
        self.check_published_unchanged()

    def check_published_unchanged(self) -> None:
        """Refuse a change to the substance of an entry that is published in the database.

        Every door (API, admin form and inline, revert from history) validates through
        here, so none can rewrite public history in place. Taking the entry back to draft
        (``unpublish``, which changes only its state) stays possible.
        """
        if self.pk is None:
            return
        frozen = [self._meta.get_field(name).attname for name in (*self.SUBSTANCE_FIELDS, "corrects")]
        frozen.append("correction_reason")
        stored = StatusAssessment.objects.filter(pk=self.pk, state=PublicationState.PUBLISHED).values(*frozen).first()
        if stored is None:
            return
        with english():  # the record, not the reader's translation of the note
            changed = [name for name in frozen if getattr(self, name) != stored[name]]
        if not changed:
            return
        message = _(
            "This status entry is published, and the status history is a log: it is not changed in "
            "place. Make a correction instead; it keeps this entry and records why it was corrected."
        )
        errors: dict[str, list[ValidationError]] = {}
        for attname in changed:
            name = attname.removesuffix("_id") if attname.endswith("_id") else attname
            key = name if name in self.SUBSTANCE_FIELDS else NON_FIELD_ERRORS
            errors.setdefault(key, []).append(ValidationError(message, code="published"))
        raise ValidationError(errors)


# --------------------------------------------------------------------------- positions


class PositionQuerySet(PublishableQuerySet):
    def latest_per_party(self, issue_ids: Sequence[int] | None = None) -> PositionQuerySet:
        """Each (issue, party) pair's newest published position (latest date, then highest id),
        and nothing older; of the issues ``issue_ids`` only, when given.

        Written as "no newer published position of the pair exists". As ``id = (the pair's
        newest id)``, PostgreSQL took the subquery for a filter that keeps almost nothing (4
        rows estimated, 150 found for a page of 50 issues) and joined each position to the
        issues by scanning them all: 6 ms for the issues list at 4,500 positions. It estimates
        the anti-join well (2.6 ms), and with ``issue_ids`` the search for newer positions
        reads only those issues' too, which PostgreSQL does not infer from the outer filter
        (1.7 ms).
        """
        newer = (
            Position.objects.published()
            .filter(issue=OuterRef("issue"), party=OuterRef("party"))
            .filter(Q(date__gt=OuterRef("date")) | Q(date=OuterRef("date"), id__gt=OuterRef("id")))
        )
        latest = self.published()
        if issue_ids is not None:
            newer, latest = newer.filter(issue_id__in=issue_ids), latest.filter(issue_id__in=issue_ids)
        return latest.filter(~Exists(newer))

    def by_party(self, party: Party) -> PositionQuerySet:
        return self.filter(party=party)

    def chronological(self) -> PositionQuerySet:
        return self.order_by("date", "id")


class Position(Publishable, PartialDateModel, TimeStampedModel):
    """A party's stance on an issue at a round or on a date."""

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "issues:issue-detail", "lookup_field": "issue.slug", "fragment": "position-{obj.pk}"}

    issue = models.ForeignKey(Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="positions")
    party = models.ForeignKey(Party, verbose_name=_("party"), on_delete=models.PROTECT, related_name="positions")
    kind = models.CharField(_("kind"), max_length=20, choices=PositionKind.choices)
    summary = models.TextField(_("summary"))
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, null=True, blank=True, related_name="positions"
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="positions")

    objects = PositionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["issue", "party", "date", "id"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        indexes = [models.Index(fields=["issue", "party", "date"], name="position_issue_party_date")]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=PositionKind.values), name="position_kind_valid"),
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("summary")), 0), name="position_summary_not_blank"
            ),
            precision_constraint("position"),
            *publication_constraints("position"),
        ]

    def __str__(self) -> str:
        return f"{self.party}: {self.get_kind_display()} on {self.issue}"

    def get_absolute_url(self) -> str:
        return self.issue.get_absolute_url() + f"#position-{self.pk}"

    #: Codes ``clean()`` gives its errors, by field (the API schema documents them).
    clean_error_codes = {"date": {DATE_IN_FUTURE, DATE_AFTER_SOURCE}}
    #: Its date is when the source's words were said or reported: never after the source's publication.
    reported_by_source = True

    def clean(self) -> None:
        errors = check_fact_date(self)
        if not (self.summary or "").strip():
            errors.setdefault("summary", []).append(_("Summarise the position; it cannot be blank."))
        try:
            check_round_matches_date(self.round, self.date, self.date_precision)
        except ValidationError as exc:
            _merge(errors, exc.message_dict)
        try:
            check_round_in_negotiation(self.round, self.issue.negotiation_id if self.issue_id else None)
        except ValidationError as exc:
            _merge(errors, exc.message_dict)
        if errors:
            raise ValidationError(errors)


# --------------------------------------------------------------------------- statements


class StatementQuerySet(PublishableQuerySet):
    def with_related(self, *, translations: bool = True) -> StatementQuerySet:
        """Everything a statement is shown with, in three queries whatever the row count.

        ``speaker_title``: the title the speaker held on the statement's date, from their
        appointments (a subquery, not a query per row); empty when none covers the date.
        ``translations=False`` spares the query for the translations where they are not
        shown (the Atom feeds carry the words as said).
        """
        held = (
            Appointment.objects.filter(official=OuterRef("speaker"))
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=OuterRef("date")))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=OuterRef("date")))
            .order_by(F("valid_from").desc(nulls_last=True), "-id")
        )
        qs = (
            self.select_related("negotiation", "speaker__party", "attributed_party", "round", "source")
            .prefetch_related(Prefetch("issues", queryset=Issue.objects.order_by("title")))
            # In the reader's language (the descriptor does not reach into a subquery).
            .annotate(speaker_title=Subquery(held.annotate(shown=localized_column("title")).values("shown")[:1]))
        )
        if translations:
            # Shown beneath the words; a statement's, so public exactly when it is.
            qs = qs.prefetch_related(
                Prefetch("translations", queryset=StatementTranslation.objects.order_by("language"))
            )
        return qs

    def compact(self) -> StatementQuerySet:
        """Only what a compact listing shows (speaker, party, words, date, issue slugs), for long lists.

        A round's detail lists thousands of statements; loading full rows and every
        related object for them costs ten times what the listing needs.
        """
        return (
            self.select_related("speaker__party", "attributed_party")
            .only(
                "id",
                "kind",
                "text",
                "language",
                "date",
                "tone",
                "attribution",
                "round",
                "speaker__slug",
                "speaker__name",
                "speaker__party__slug",
                "attributed_party__slug",
            )
            .prefetch_related(Prefetch("issues", queryset=Issue.objects.order_by("title").only("id", "slug")))
        )

    def by_party(self, party: Party) -> StatementQuerySet:
        """Statements by the party's officials, or attributed to the party when the speaker is unnamed."""
        return self.filter(Q(speaker__party=party) | Q(speaker__isnull=True, attributed_party=party))

    def search(self, query: str) -> StatementQuerySet:
        """Statements whose text matches ``query``.

        On PostgreSQL: full-text search (English stemming, websearch syntax) on the
        stored ``search_vector`` column and its GIN index (migration 0015), annotated with
        ``search_rank``.
        Elsewhere: every word must appear in the text, case-insensitively; for plain
        words this finds the same statements.
        """
        query = query.strip()
        if not query:
            return self
        if connections[self.db].vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            vector = StoredSearchVector(Statement)
            search_query = SearchQuery(query, config=STATEMENT_SEARCH_CONFIG, search_type="websearch")
            return (
                self.alias(search_document=vector)
                .filter(search_document=search_query)
                .annotate(search_rank=SearchRank(vector, search_query))
            )
        qs = self
        for word in query.split():
            qs = qs.filter(text__icontains=word)
        return qs

    def search_results(self, query: str) -> StatementQuerySet:
        """``search(query)``, best match first, with highlighted excerpts where the database can make them.

        On PostgreSQL each row gets ``search_headline`` (``ts_headline``): the matching
        excerpt, raw text with the matches between ``issues.search.HIGHLIGHT_START`` and
        ``HIGHLIGHT_STOP``; ``issues.search.highlighted_excerpt`` escapes it for HTML.
        SQLite has no ranking: the same statements come newest first, and the excerpt is
        made in Python.
        """
        query = query.strip()
        if not query:
            return self
        qs = self.search(query)
        if connections[self.db].vendor != "postgresql":
            return qs.order_by("-date", "-id")
        from django.contrib.postgres.search import SearchHeadline, SearchQuery

        from .search import HIGHLIGHT_START, HIGHLIGHT_STOP

        return qs.annotate(
            search_headline=SearchHeadline(
                "text",
                SearchQuery(query, config=STATEMENT_SEARCH_CONFIG, search_type="websearch"),
                config=STATEMENT_SEARCH_CONFIG,
                start_sel=HIGHLIGHT_START,
                stop_sel=HIGHLIGHT_STOP,
                max_words=45,
                min_words=20,
            )
        ).order_by("-search_rank", "-date", "-id")

    def by_speaker(self, official: Official) -> StatementQuerySet:
        return self.filter(speaker=official)

    def about(self, issue: Issue) -> StatementQuerySet:
        """Statements tagged with ``issue``."""
        return self.filter(issues=issue)

    def about_by_link(self, issue: Issue) -> StatementQuerySet:
        """Statements tagged with ``issue``, found through the links' dates (``StatementIssueDate``),
        so that ``in_link_date_order`` can then sort them from the same join."""
        return self.filter(issue_dates__issue=issue)

    def in_link_date_order(self) -> StatementQuerySet:
        """After ``about_by_link``: the same order by date (then id) as now, read from the link's
        copy of the date, which an index holds in that order for each issue. A page then reads
        as many statements as it shows, however many the issue has. Any other order is kept."""
        query = self.query
        order = tuple(query.order_by) or (tuple(self.model._meta.ordering) if query.default_ordering else ())
        direction = {("-date", "-id"): "-", ("date", "id"): ""}.get(order)
        if direction is None or not query.standard_ordering or query.extra_order_by:
            return self
        # Only onto a join already made: a new one would repeat each statement once per issue.
        # (Several joins, for several issues, carry the same date for a statement: any will do.)
        table = StatementIssueDate._meta.db_table
        if not any(getattr(join, "table_name", None) == table for join in query.alias_map.values()):
            return self
        return self.order_by(f"{direction}issue_dates__date", f"{direction}issue_dates__statement_id")

    def at_round(self, round_: Round) -> StatementQuerySet:
        """Statements made during ``round_``."""
        return self.filter(round=round_)

    def with_tone(self, tone: str) -> StatementQuerySet:
        return self.filter(tone=tone)

    def of_kind(self, kind: str) -> StatementQuerySet:
        return self.filter(kind=kind)

    def dated_between(self, start: datetime.date | None = None, end: datetime.date | None = None) -> StatementQuerySet:
        """Statements dated from ``start`` to ``end`` inclusive (either bound may be open)."""
        return _dated_between(self, start, end)

    def outside_rounds(self) -> StatementQuerySet:
        """Statements not made during a round (between rounds, in interviews, at other meetings)."""
        return self.filter(round__isnull=True)


def _dated_between(qs, start: datetime.date | None, end: datetime.date | None):
    if start is not None:
        qs = qs.filter(date__gte=start)
    if end is not None:
        qs = qs.filter(date__lte=end)
    return qs


def statement_duplicate_hash(*, speaker_id: int | None, attribution: str, text: str) -> str:
    """The indexed form of ``Statement.duplicate_key``: a SHA-256 of who spoke and the words.

    Empty for a statement without text (it duplicates nothing). Migration 0011 repeats this
    function to fill existing rows: change both together, and refill.
    """
    words = " ".join((text or "").split()).casefold()
    if not words:
        return ""
    who = f"speaker:{speaker_id}" if speaker_id else f"attribution:{(attribution or '').strip().casefold()}"
    return hashlib.sha256(f"{who}\n{words}".encode()).hexdigest()


STATEMENT_SEARCH_CONFIG = "english"  # migration 0015's generated column uses this configuration


class StoredSearchVector(SearchVectorCombinable, models.Expression):
    """A table's stored ``search_vector`` column (PostgreSQL only; migration 0015).

    Statements, positions and sources keep their parsed words in a generated column kept
    out of the model's fields (see that migration for why), so queries name it through
    this expression: it resolves to a column of the query's own table, and follows that
    table's alias into subqueries like any column. It combines with ``SearchVector`` (``+``).
    """

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        super().__init__(output_field=SearchVectorField())

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        from django.db.models.expressions import Col

        if query is None or query.model is not self.model:
            raise ValueError(f"search_vector is a column of {self.model.__name__}: use it in a query of that model.")
        column = SearchVectorField()
        column.set_attributes_from_name("search_vector")
        column.model = self.model
        return Col(query.get_initial_alias(), column, output_field=column)


class Statement(Publishable, PartialDateModel, TimeStampedModel):
    """Words of an official: a verbatim quote or reported speech, kept apart.

    A quote's ``text`` is exactly what the source prints between quotation marks.
    Reported speech keeps the source's own sentence. An unnamed speaker ("a US trade
    official") has no ``speaker`` but keeps the attribution as printed.
    """

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "issues:statement-detail", "lookup_field": "pk"}

    speaker = models.ForeignKey(
        Official,
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text=_("Leave empty when the source does not name the speaker, and fill in the attribution."),
    )
    negotiation = models.ForeignKey(
        Negotiation,
        verbose_name=_("negotiation"),
        on_delete=models.PROTECT,
        blank=True,
        related_name="statements",
        help_text=_("Filled in from the round, the issues or the date when left empty."),
    )
    attribution = models.CharField(
        _("attribution as printed"),
        max_length=200,
        blank=True,
        help_text=_('How the source attributes the words, e.g. "a US trade official". Required without a speaker.'),
    )
    attributed_party = models.ForeignKey(
        Party,
        verbose_name=_("party of an unnamed speaker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attributed_statements",
        help_text=_("Only for unnamed speakers whose side the source gives; a named speaker's party is their own."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=StatementKind.choices, default=StatementKind.QUOTE)
    text = models.TextField(
        _("text"),
        help_text=_("A quote verbatim, without the surrounding quotation marks."),
        validators=[validate_statement_text_length],
    )
    language = models.CharField(
        _("language of the words"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "The language the words are in, as the source prints them. A quote stays in the language "
            "it was said in; attach a translation below rather than translating the text."
        ),
    )
    context = models.CharField(
        _("lead-in"),
        max_length=300,
        blank=True,
        help_text=_('Words around a partial quote, as printed, e.g. "said she was".'),
    )
    occasion = models.CharField(
        _("occasion"), max_length=200, blank=True, help_text=_('e.g. "news conference", "interview with CNBC".')
    )
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text=_("The round during which the words were said, if any."),
    )
    issues = models.ManyToManyField(Issue, verbose_name=_("issues"), blank=True, related_name="statements")
    tone = models.CharField(_("tone"), max_length=12, choices=Tone.choices, default=Tone.NEUTRAL)
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="statements")
    # Set on every save (``save``); looked up by ``find_duplicate``. The rule used to be a
    # case-insensitive substring scan of the speaker's statements, run twice per row: about
    # 45 ms a row, so a 2,000-row import preview outlasted gunicorn's 30 s timeout.
    duplicate_hash = models.CharField(
        _("duplicate key"), max_length=64, blank=True, editable=False, db_index=True, default=""
    )

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[issues])

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["state", "date"], name="statement_state_date"),
            # Newest first, as every list of statements is ordered (admin changelist at
            # 100,000 rows: the first page reads 50 index entries instead of sorting the table).
            models.Index(fields=["-date", "-id"], name="statement_date_id"),
            # A round's statements, newest first (its admin page and list filter). Without
            # it PostgreSQL walks the date index above looking for the round's rows.
            models.Index(fields=["round", "-date", "-id"], name="statement_round_date_id"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=StatementKind.values), name="statement_kind_valid"),
            models.CheckConstraint(condition=Q(tone__in=Tone.values), name="statement_tone_valid"),
            models.CheckConstraint(condition=Q(language__in=LANGUAGE_CODES), name="statement_language_valid"),
            models.CheckConstraint(condition=GreaterThan(Length(Trim("text")), 0), name="statement_text_not_blank"),
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | ~Q(attribution=""), name="statement_unnamed_has_attribution"
            ),
            precision_constraint("statement"),
            *publication_constraints("statement"),
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:57].rstrip() + "…"
        return f"{self.speaker_name}: {words}"

    def get_absolute_url(self) -> str:
        return reverse("issues:statement-detail", args=[self.pk])

    @property
    def speaker_name(self) -> str:
        return self.speaker.name if self.speaker_id else self.attribution

    @property
    def party(self) -> Party | None:
        return self.speaker.party if self.speaker_id else self.attributed_party

    @property
    def is_quote(self) -> bool:
        return self.kind == StatementKind.QUOTE

    def duplicate_key(self) -> tuple[str, str] | None:
        """What two statements share when one duplicates the other: who spoke, and the words.

        Whitespace and case do not count. None for a statement without text. Lets a
        batch (an admin formset, an import file) find duplicates among its own rows
        by the same rule as ``find_duplicate``.
        """
        text = " ".join((self.text or "").split())
        if not text:
            return None
        who = f"speaker:{self.speaker_id}" if self.speaker_id else f"attribution:{self.attribution.strip().casefold()}"
        return who, text.casefold()

    def compute_duplicate_hash(self) -> str:
        return statement_duplicate_hash(speaker_id=self.speaker_id, attribution=self.attribution, text=self.text)

    def find_duplicate(self) -> Statement | None:
        """Another statement with the same speaker (or attribution) and the same words.

        Whitespace and case do not count (``duplicate_key``). One indexed lookup.
        """
        key = self.compute_duplicate_hash()
        if not key:
            return None
        others = Statement.objects.exclude(pk=self.pk) if self.pk else Statement.objects.all()
        return others.filter(duplicate_hash=key).only("id").first()

    def save(self, *args, **kwargs) -> None:
        self.duplicate_hash = self.compute_duplicate_hash()
        update_fields = kwargs.get("update_fields")
        if update_fields and {"text", "speaker", "speaker_id", "attribution"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "duplicate_hash"}
        super().save(*args, **kwargs)

    #: Codes ``clean()`` gives its errors, by field (the API schema documents them).
    clean_error_codes = {"date": {DATE_IN_FUTURE, DATE_AFTER_SOURCE}, "language": {"translated_into_own_language"}}
    #: Its date is when the source's words were said or reported: never after the source's publication.
    reported_by_source = True

    def clean(self) -> None:
        errors: dict[str, list] = check_fact_date(self)
        # Without a usable date, the date's own error says enough.
        if self.negotiation_id is None and self.date is not None and is_in_range(self.date):
            errors.setdefault("negotiation", []).append(
                _("Choose the negotiation: neither a round, the issues nor the date tell which it is.")
            )
        if not (self.text or "").strip():
            errors.setdefault("text", []).append(_("The text cannot be blank."))
        if not self.speaker_id and not (self.attribution or "").strip():
            errors.setdefault("attribution", []).append(
                _('The speaker is not named: give the attribution as printed, e.g. "a US trade official".')
            )
        if self.speaker_id and self.attributed_party_id:
            errors.setdefault("attributed_party", []).append(
                _("A named speaker's party is their own; leave this empty.")
            )
        if self.pk is not None and self.translations.filter(language=self.language).exists():
            errors.setdefault("language", []).append(
                ValidationError(
                    _("A translation into %(language)s is attached: the words cannot be in it too. Remove it first."),
                    code="translated_into_own_language",
                    params={"language": language_name(self.language)},
                )
            )
        for check in (
            lambda: check_round_matches_date(self.round, self.date, self.date_precision),
            lambda: check_round_in_negotiation(self.round, self.negotiation_id),
        ):
            try:
                check()
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    errors.setdefault(field, []).extend(messages)
        if not errors.get("text"):
            duplicate = self.find_duplicate()
            if duplicate is not None:
                errors.setdefault("text", []).append(
                    ValidationError(
                        _("%(speaker)s's words are already recorded as statement #%(pk)s."),
                        code="duplicate",
                        params={"speaker": self.speaker_name, "pk": duplicate.pk},
                    )
                )
        if errors:
            raise ValidationError(errors)


class StatementIssueDate(models.Model):
    """Each statement-issue link with the statement's date: a read model the database keeps.

    An issue's statements, newest first (``/api/v1/statements/?issue=``), are 1 in 150 of the
    table at 1,000,000 statements. Through the link table PostgreSQL either read all of the
    issue's statements to sort them (6,600) or walked the date index until 50 matched (8,000
    to 9,000 probes): 39-42 ms at 1,000,000 against 14 at 100,000. Here the index
    ``(issue, -date, -statement)`` holds the issue's statements in the list's order, so a page
    with no other filter reads as many statements as it shows (11-13 ms at either size).

    A copy of the link table, not its replacement: Django's admin cannot edit a many-to-many
    with a model of its own, and the link keeps its history. Triggers (``issues.triggers``)
    add a row for every link made, delete it with the link and follow every change of the
    statement's date, whichever way the write comes (a service, the admin, an import,
    ``QuerySet.update``, a restored backup). Nothing in Python writes it.
    """

    id = models.BigIntegerField(primary_key=True, help_text="The link's id (issues_statement_issues).")
    statement = models.ForeignKey(
        "Statement", on_delete=models.DO_NOTHING, db_constraint=False, related_name="issue_dates", db_index=False
    )
    issue = models.ForeignKey(
        Issue, on_delete=models.DO_NOTHING, db_constraint=False, related_name="statement_dates", db_index=False
    )
    date = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["issue", "-date", "-statement"], name="statement_issue_date"),
            models.Index(fields=["statement"], name="statement_issue_date_statement"),  # the date trigger's lookup
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} → {self.issue_id} ({self.date})"


# --------------------------------------------------------------------------- translations of statements


class StatementTranslation(TimeStampedModel):
    """A translation of a statement's words into another language, never the words themselves.

    The statement keeps the words as said (``Statement.language``); a translation is shown
    beneath them, labelled as one, with who made it (``note``). It is public exactly when its
    statement is. Writes go through ``issues.services.statement_translation_save``, which
    also marks the statement changed, so its page, its ETag and the caches move with it.
    """

    #: Shown on its statement's page (``nafta_tracker.api.serializers.HtmlUrlField``).
    html_route = {"view_name": "issues:statement-detail", "lookup_field": "statement.pk"}

    statement = models.ForeignKey(
        Statement, verbose_name=_("statement"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(
        _("language of the translation"),
        max_length=2,
        choices=settings.LANGUAGES,
        help_text=_("Not the language of the words themselves."),
    )
    text = models.TextField(_("translation"), validators=[validate_statement_text_length])
    note = models.CharField(
        _("who translated"),
        max_length=200,
        blank=True,
        help_text=_('Who made the translation, e.g. "the source\'s translation" or "our translation".'),
    )
    # Like a source's: moves only when the public sees the change (its statement is published),
    # so the validators never tell a visitor when an editor last worked on a draft's translation.
    public_changed_at = models.DateTimeField(
        _("public change at"), null=True, blank=True, editable=False, db_index=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "language"]
        verbose_name = _("translation of the words")
        verbose_name_plural = _("translations of the words")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "language"],
                name="statement_translation_one_per_language",
                violation_error_message=_("This statement already has a translation into this language."),
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES), name="statement_translation_language_valid"
            ),
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("text")), 0), name="statement_translation_text_not_blank"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return self.statement.get_absolute_url()

    @property
    def is_public(self) -> bool:
        return self.statement.is_published

    def is_public_change(self) -> bool:
        """Read by the shared cache's purges: a draft's translation changes nothing public."""
        return self.statement.is_published or self.statement._loaded_published

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if not (self.text or "").strip():
            errors.setdefault("text", []).append(_("The translation cannot be blank."))
        if self.statement_id is not None or type(self).statement.field.is_cached(self):
            statement = self.statement
            if self.language and self.language == statement.language:
                errors.setdefault("language", []).append(
                    ValidationError(
                        _(
                            "The words are in %(language)s already: a translation is into another "
                            "language. To correct the words, edit the statement."
                        ),
                        code="own_language",
                        params={"language": language_name(self.language)},
                    )
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        if self.statement.is_published:
            self.public_changed_at = timezone.now()
            if kwargs.get("update_fields"):
                kwargs["update_fields"] = {*kwargs["update_fields"], "public_changed_at"}
        super().save(*args, **kwargs)
