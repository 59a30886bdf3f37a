"""Who negotiates, where and when: parties, officials, rounds and milestones."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import PartialDateModel, TimeStampedModel, precision_constraint
from .dates import validate_date_in_range

# The value of issues.models.PublicationState.PUBLISHED, spelled out here because
# issues imports this module (counts of published statements per round or official).
PUBLISHED = "published"


def today() -> datetime.date:
    """The current date in the site's time zone (UTC); one place so tests can pin it."""
    return timezone.localdate()


class Party(TimeStampedModel):
    """A country at the table."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=20, blank=True, help_text=_('e.g. "U.S."'))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    iso_code = models.CharField(
        _("ISO code"), max_length=2, unique=True, help_text=_("ISO 3166-1 alpha-2 code, e.g. CA, US, MX.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.CheckConstraint(condition=Q(iso_code__regex=r"^[A-Z]{2}$"), name="party_iso_code_two_capitals"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rounds:party-detail", args=[self.slug])


class OfficialRole(models.TextChoices):
    HEAD_OF_GOVERNMENT = "head_of_government", _("head of state or government")
    MINISTER = "minister", _("minister")
    TRADE_REPRESENTATIVE = "trade_representative", _("trade representative")
    CHIEF_NEGOTIATOR = "chief_negotiator", _("chief negotiator")
    OFFICIAL = "official", _("official")
    STAKEHOLDER = "stakeholder", _("stakeholder")


class OfficialQuerySet(models.QuerySet["Official"]):
    def search(self, query: str) -> OfficialQuerySet:
        """Officials whose name contains every word of ``query``."""
        qs = self
        for word in query.split():
            qs = qs.filter(name__icontains=word)
        return qs

    def with_statement_counts(self) -> OfficialQuerySet:
        """Annotate ``statement_count``: the official's published statements."""
        return self.annotate(
            statement_count=models.Count("statements", filter=Q(statements__state=PUBLISHED), distinct=True)
        )


class Official(TimeStampedModel):
    """A person whose words or role matter to the talks.

    ``party`` is empty for people who speak for no government, such as a union president.
    """

    Role = OfficialRole

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = models.CharField(_("title"), max_length=200, help_text=_("Title or role as the source gives it."))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.OFFICIAL)
    party = models.ForeignKey(
        Party,
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
        help_text=_("Leave empty for non-government stakeholders."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    source = models.ForeignKey(
        "issues.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
        help_text=_("Where the name and title are taken from."),
    )

    objects = OfficialQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=OfficialRole.values), name="official_role_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rounds:official-detail", args=[self.slug])


class RoundStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    IN_PROGRESS = "in_progress", _("in progress")
    CONCLUDED = "concluded", _("concluded")
    CANCELLED = "cancelled", _("cancelled")


class RoundQuerySet(models.QuerySet["Round"]):
    def containing(self, day: datetime.date) -> RoundQuerySet:
        """Rounds whose dates include ``day``."""
        return self.filter(start_date__lte=day, end_date__gte=day)

    def concluded(self, on: datetime.date | None = None) -> RoundQuerySet:
        """Rounds that were held and are over (by their end date, not only their status)."""
        on = on or today()
        return self.exclude(status=RoundStatus.CANCELLED).filter(end_date__lt=on)

    def upcoming(self, on: datetime.date | None = None) -> RoundQuerySet:
        """Rounds not yet started (or with no dates yet), soonest first."""
        on = on or today()
        return (
            self.exclude(status__in=[RoundStatus.CANCELLED, RoundStatus.CONCLUDED])
            .filter(Q(start_date__gt=on) | Q(start_date__isnull=True))
            .order_by(F("start_date").asc(nulls_last=True), "number")
        )

    def latest_held(self, on: datetime.date | None = None) -> Round | None:
        """The most recent round that has started (under way or concluded)."""
        on = on or today()
        return self.exclude(status=RoundStatus.CANCELLED).filter(start_date__lte=on).order_by("-start_date").first()

    def with_outcomes(self, statements: int = 50) -> RoundQuerySet:
        """Prefetch what moved at each round, published only: ``published_assessments`` (by
        issue), the newest ``statements`` as ``published_statements`` (compact), and annotate
        ``statement_count``. A round may hold thousands of statements: the paged statement
        list filtered by round has them all."""
        from issues.models import Statement, StatusAssessment  # issues.models imports this module

        return self.with_statement_counts().prefetch_related(
            models.Prefetch(
                "status_assessments",
                queryset=StatusAssessment.objects.published()
                .select_related("issue", "source")
                .order_by("issue__title", "date", "id"),
                to_attr="published_assessments",
            ),
            models.Prefetch(
                "statements",
                queryset=Statement.objects.published().compact().order_by("-date", "-id")[:statements],
                to_attr="published_statements",
            ),
        )

    def with_statement_counts(self) -> RoundQuerySet:
        """Annotate ``statement_count``: published statements made during each round."""
        return self.annotate(
            statement_count=models.Count("statements", filter=Q(statements__state=PUBLISHED), distinct=True)
        )

    def before(self, round_: Round) -> RoundQuerySet:
        """Rounds numbered before ``round_``, nearest first."""
        return self.filter(number__lt=round_.number).order_by("-number")

    def after(self, round_: Round) -> RoundQuerySet:
        """Rounds numbered after ``round_``, nearest first."""
        return self.filter(number__gt=round_.number).order_by("number")

    def dated(self) -> RoundQuerySet:
        """Rounds whose dates are known (the only ones a calendar or a timeline can place)."""
        return self.filter(start_date__isnull=False, end_date__isnull=False)


class Round(TimeStampedModel):
    """A formal negotiating round."""

    Status = RoundStatus

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    city = models.CharField(_("host city"), max_length=100)
    host_party = models.ForeignKey(
        Party, verbose_name=_("host party"), on_delete=models.PROTECT, related_name="hosted_rounds"
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, validators=[validate_date_in_range])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_date_in_range])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    summary = models.TextField(_("summary"), blank=True)
    source = models.ForeignKey(
        "issues.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rounds",
        help_text=_("Where the dates and place are taken from."),
    )

    objects = RoundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="round_number_positive"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="round_end_not_before_start",
            ),
            models.CheckConstraint(condition=Q(status__in=RoundStatus.values), name="round_status_valid"),
        ]

    def __str__(self) -> str:
        return _("Round %(number)s, %(city)s") % {"number": self.number, "city": self.city}

    def get_absolute_url(self) -> str:
        return reverse("rounds:round-detail", args=[self.slug])

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` falls within the round's dates (False while they are unknown)."""
        if self.start_date is None or self.end_date is None:
            return False
        return self.start_date <= day <= self.end_date

    def is_under_way(self, on: datetime.date | None = None) -> bool:
        return self.status != self.Status.CANCELLED and self.contains(on or today())


class MilestoneKind(models.TextChoices):
    DEADLINE = "deadline", _("deadline")
    ELECTION = "election", _("election")
    TRANSITION = "transition", _("change of government or legislature")
    MEETING = "meeting", _("meeting")
    OTHER = "other", _("other")


class MilestoneQuerySet(models.QuerySet["Milestone"]):
    def upcoming(self, on: datetime.date | None = None) -> MilestoneQuerySet:
        return self.filter(date__gte=on or today()).order_by("date")

    def past(self, on: datetime.date | None = None) -> MilestoneQuerySet:
        return self.filter(date__lt=on or today()).order_by("-date")


class Milestone(PartialDateModel, TimeStampedModel):
    """A deadline or date that shapes the talks (a deadline, an election, a change of government)."""

    Kind = MilestoneKind

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DEADLINE)
    description = models.TextField(_("description"), blank=True)
    party = models.ForeignKey(
        Party,
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
        help_text=_("The party that set the deadline or whose calendar it belongs to, if any."),
    )
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.SET_NULL, null=True, blank=True, related_name="milestones"
    )
    officials = models.ManyToManyField(Official, verbose_name=_("officials"), blank=True, related_name="milestones")
    issues = models.ManyToManyField("issues.Issue", verbose_name=_("issues"), blank=True, related_name="milestones")
    source = models.ForeignKey(
        "issues.Source", verbose_name=_("source"), on_delete=models.PROTECT, related_name="milestones"
    )

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=MilestoneKind.values), name="milestone_kind_valid"),
            precision_constraint("milestone"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("rounds:milestone-list") + f"#{self.slug}"

    def is_upcoming(self, on: datetime.date | None = None) -> bool:
        return self.date >= (on or today())

    def days_left(self, on: datetime.date | None = None) -> int:
        return (self.date - (on or today())).days
