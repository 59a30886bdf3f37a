"""The frame of the talks and its provenance: negotiations, parties, officials, rounds,
milestones, sources.

The lowest domain layer: ``issues`` points down at these models, never the reverse
(``make lint`` enforces it with import-linter).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, router
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import dates as date_rules
from .base import PartialDateModel, TimeStampedModel, precision_constraint
from .dates import DATE_IN_FUTURE, check_reported_date, is_in_range, validate_date_in_range
from .publishing import Publishable


def today() -> datetime.date:
    """The current date in the site's time zone (UTC); one place so tests can pin it."""
    return timezone.localdate()


# --------------------------------------------------------------------------- sources


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("News article")
    PRESS_RELEASE = "press_release", _("Press release or media advisory")
    OFFICIAL_DOCUMENT = "official_document", _("Official document")
    REFERENCE = "reference", _("Reference or timeline")
    OTHER = "other", _("Other")


http_url_validator = URLValidator(schemes=["http", "https"], message=_("Enter a valid http:// or https:// URL."))


class SourceQuerySet(models.QuerySet["Source"]):
    def public(self) -> SourceQuerySet:
        """Sources that something public cites: a published fact, or a row that has no drafts.

        An editor enters the source before the facts it backs; until one of them is
        published, showing the source would tell the public what is being prepared. A
        source nothing cites yet is not public either, so that a source entered first and
        cited by a draft a moment later never appears and then disappears (404).

        Which models cite sources is read from the source's reverse relations, so this
        app needs to know neither those models nor the apps above that define them:
        a publishable model counts by its published rows, any other by every row.

        EXISTS rather than IN: with IN, PostgreSQL hashed the source column of every published
        statement (a scan of the whole table) even to check the few sources a search found;
        EXISTS lets it probe the foreign key's index per source, or still hash when it reads
        every source.
        """
        cited = Q(pk__in=[])
        for model, column in Source.citations():
            rows = model.objects.published() if issubclass(model, Publishable) else model._default_manager.all()
            cited |= Q(Exists(rows.filter(**{column: OuterRef("pk")})))
        return self.filter(cited)


class Source(TimeStampedModel):
    """Where a fact comes from: an article, a release, an official document.

    Any of title, description or URL may be unknown (our copy of an article may
    have lost its headline), but not all three: a source must be identifiable.
    """

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "issues:source-detail", "lookup_field": "pk"}

    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.ARTICLE)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True, help_text=_("e.g. AFP, CBC News."))
    title = models.CharField(_("title"), max_length=300, blank=True, help_text=_("Headline as published."))
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("A short editorial description, used when the headline is not known."),
    )
    url = models.URLField(_("URL"), max_length=500, blank=True, validators=[http_url_validator])
    published_on = models.DateField(_("published on"), null=True, blank=True, validators=[validate_date_in_range])
    author = models.CharField(_("author"), max_length=200, blank=True)
    dateline = models.CharField(_("dateline"), max_length=100, blank=True, help_text=_("e.g. Ottawa."))
    notes = models.TextField(_("notes"), blank=True)
    public_changed_at = models.DateTimeField(
        _("public change at"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("When the public last saw this source change: edited while something public cites it."),
    )

    # The table names predate the move from ``issues`` (a state-only migration kept the tables).
    history = HistoricalRecords(table_name="issues_historicalsource")

    objects = SourceQuerySet.as_manager()

    class Meta:
        db_table = "issues_source"
        ordering = [F("published_on").desc(nulls_last=True), "outlet", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=~Q(title="") | ~Q(description="") | ~Q(url=""),
                name="source_identifiable",
                violation_error_code="unidentifiable",
                violation_error_message=_(
                    "Give at least a title, a description or a URL so readers can find the source."
                ),
            ),
            models.CheckConstraint(
                condition=Q(url="") | Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="source_url_http",
            ),
            models.CheckConstraint(condition=Q(kind__in=SourceKind.values), name="source_kind_valid"),
            # The "unique" code puts the error on the url field (Model.validate_constraints).
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_url_unique",
                violation_error_code="unique",
                violation_error_message=_("Another source already has this URL."),
            ),
        ]

    def __str__(self) -> str:
        label = self.title or self.description or self.url
        return f"{self.outlet}: {label}" if self.outlet else label

    def get_absolute_url(self) -> str:
        return reverse("issues:source-detail", args=[self.pk])

    @classmethod
    def citations(cls) -> list[tuple[type[models.Model], str]]:
        """(model, foreign key column) of every way a row cites a source, from the reverse relations."""
        return [
            (relation.related_model, relation.field.attname)
            for relation in cls._meta.related_objects
            if relation.one_to_many
        ]

    def save(self, *args, **kwargs) -> None:
        # Only a change the public can see moves public_changed_at (what the validators read):
        # a source is public once something public cites it (SourceQuerySet.public), and
        # entering one, or editing it while only drafts cite it, reveals nothing. A source
        # cannot lose its last citation by deletion while public (the citations PROTECT it),
        # so deletions never need to count.
        if not self._state.adding and self.changed_fields() and self.is_public:
            self.public_changed_at = timezone.now()
            if kwargs.get("update_fields"):
                kwargs["update_fields"] = {*kwargs["update_fields"], "public_changed_at"}
        super().save(*args, **kwargs)

    def published_on_errors(self) -> dict[str, list[ValidationError]]:
        """A source is not published in the future, nor before a fact it reports is dated.

        The facts are the citing models that declare ``reported_by_source`` (statements and
        positions), found through the reverse relations as ``citations()`` finds them.
        """
        day = self.published_on
        if day is None or not is_in_range(day):
            return {}
        if day > date_rules.latest_today():
            return {
                "published_on": [
                    ValidationError(
                        _("%(date)s is in the future: a source is dated by the day it was published."),
                        code=DATE_IN_FUTURE,
                        params={"date": day.isoformat()},
                    )
                ]
            }
        if self.pk is None:
            return {}
        for model, column in Source.citations():
            if not getattr(model, "reported_by_source", False):
                continue
            later = model._default_manager.filter(**{column: self.pk, "date__gt": day}).order_by("-date").first()
            if later is not None:
                return {
                    "published_on": [
                        ValidationError(
                            _(
                                "This source reports “%(item)s”, dated %(date)s: it cannot have been published "
                                "before that, on %(published)s. Check this date, or that one."
                            ),
                            code="before_reported",
                            params={
                                "date": later.date.isoformat(),
                                "item": later,
                                "published": day.isoformat(),
                            },
                        )
                    ]
                }
        return {}

    def is_public_change(self) -> bool:
        """A source's save changes what the public sees only while something public cites it
        (read by the shared cache's purges, ``nafta_tracker.http_cache``)."""
        return self.is_public

    @property
    def is_public(self) -> bool:
        """Whether the public may see this source (its page, the API): one query."""
        if self.pk is None:
            return False
        db = router.db_for_write(Source, instance=self)
        return Source.objects.using(db).public().filter(pk=self.pk).exists()

    #: Codes ``clean()`` gives its errors, by field (the API schema documents them).
    clean_error_codes = {"published_on": {DATE_IN_FUTURE, "before_reported"}}

    def clean(self) -> None:
        # Whitespace names nothing. Trimmed here, so that the source_identifiable constraint,
        # which full_clean() checks next, refuses a source whose only title is blanks (with its
        # own message, once, rather than a second copy from here).
        for name in ("title", "description", "url"):
            setattr(self, name, (getattr(self, name) or "").strip())
        errors = self.published_on_errors()
        if errors:
            raise ValidationError(errors)


# --------------------------------------------------------------------------- the frame


class Party(TimeStampedModel):
    """A country at the table."""

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "rounds:party-detail"}

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


class NegotiationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("upcoming")
    ONGOING = "ongoing", _("ongoing")
    CONCLUDED = "concluded", _("concluded")
    SUSPENDED = "suspended", _("suspended")


class NegotiationQuerySet(models.QuerySet["Negotiation"]):
    def live_first(self) -> NegotiationQuerySet:
        """Ongoing talks first, then upcoming, then the finished ones; newest first within each."""
        rank = models.Case(
            models.When(status=NegotiationStatus.ONGOING, then=0),
            models.When(status=NegotiationStatus.UPCOMING, then=1),
            models.When(status=NegotiationStatus.SUSPENDED, then=2),
            default=3,
        )
        return self.order_by(rank, F("start_date").desc(nulls_last=True), "pk")

    def containing(self, day: datetime.date) -> NegotiationQuerySet:
        """Negotiations under way on ``day`` (an open end runs to today and beyond)."""
        return self.filter(start_date__lte=day).filter(Q(end_date__isnull=True) | Q(end_date__gte=day))


class Negotiation(TimeStampedModel):
    """One set of talks between the parties: the 2017-2018 renegotiation of NAFTA, the
    USMCA joint review of 2026.

    It scopes the rounds and meetings, the issues and the milestones; statements belong
    to one through their round or issues (``issues.services`` fills it in), positions and
    status entries through their issue. Parties, officials and sources are shared: the
    same minister speaks in both.
    """

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "rounds:negotiation-detail"}

    Status = NegotiationStatus

    # French and Spanish names: name_fr, name_es (rounds/translation.py).
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=40, help_text=_('Used in menus and page titles, e.g. "NAFTA 2017-2018".')
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    agreement = models.CharField(
        _("agreement"),
        max_length=300,
        help_text=_("The agreement the talks concern, and the article that set them up if any."),
    )
    parties = models.ManyToManyField(
        Party, verbose_name=_("parties at the table"), related_name="negotiations", blank=True
    )
    start_date = models.DateField(_("start date"), validators=[validate_date_in_range])
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text=_("Empty while the talks go on."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=NegotiationStatus.choices, default=NegotiationStatus.ONGOING
    )
    summary = models.TextField(_("summary"), blank=True)
    record_ends_on = models.DateField(
        _("record ends on"),
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text=_("The newest day the record covers: readers are told that nothing later is known yet."),
    )
    source = models.ForeignKey(
        "Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="negotiations",
        help_text=_("Where the start of the talks and their terms are taken from."),
    )

    objects = NegotiationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("negotiation")
        verbose_name_plural = _("negotiations")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=NegotiationStatus.values), name="negotiation_status_valid"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="negotiation_end_not_before_start",
                violation_error_message=_("The talks cannot end before they start."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("rounds:negotiation-detail", args=[self.slug])

    @property
    def display_name(self) -> str:
        """The name in the reader's language, or the English one where none was entered
        (``name`` itself reads so: rounds/translation.py); kept for the templates that say it."""
        return self.name

    @property
    def is_live(self) -> bool:
        return self.status in (NegotiationStatus.ONGOING, NegotiationStatus.UPCOMING)


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


class Official(TimeStampedModel):
    """A person whose words or role matter to the talks.

    ``party`` is empty for people who speak for no government, such as a union president.
    """

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "rounds:official-detail"}

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
        "Source",
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
        # Lists read officials by name, a page at a time: without it PostgreSQL joined every
        # official to its party and source, then sorted them all to keep 50 (2 ms at 1,000).
        indexes = [models.Index(fields=["name"], name="official_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rounds:official-detail", args=[self.slug])


class AppointmentQuerySet(models.QuerySet["Appointment"]):
    def held_on(self, day: datetime.date) -> AppointmentQuerySet:
        """Appointments in force on ``day`` (an open end counts as still in force)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Appointment(TimeStampedModel):
    """An official's title and role over a span of time (Freeland at Foreign Affairs, Seade
    as the president-elect's negotiator). A statement shows the title its speaker held on
    its date; ``Official.title`` is the latest one."""

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "rounds:official-detail", "lookup_field": "official.slug"}

    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.CASCADE, related_name="appointments"
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("Title or role as the source gives it."))
    role = models.CharField(_("role"), max_length=30, choices=OfficialRole.choices, default=OfficialRole.OFFICIAL)
    valid_from = models.DateField(
        _("from"), null=True, blank=True, validators=[validate_date_in_range], help_text=_("Empty when unknown.")
    )
    valid_to = models.DateField(
        _("until"),
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text=_("Empty while in office or unknown."),
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="appointments")

    objects = AppointmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["official", F("valid_from").asc(nulls_first=True), "id"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=OfficialRole.values), name="appointment_role_valid"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="appointment_ends_after_it_starts",
                violation_error_message=_("An appointment cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.official}: {self.title}"

    def get_absolute_url(self) -> str:
        return self.official.get_absolute_url()


class MeetingKind(models.TextChoices):
    """What sort of meeting: a numbered negotiating round, or one of the meetings between and after them."""

    ROUND = "round", _("negotiating round")
    MINISTERIAL = "ministerial", _("ministerial meeting")
    INTERSESSIONAL = "intersessional", _("intersessional meeting")
    BILATERAL = "bilateral", _("bilateral talks")
    LEADERS = "leaders", _("leaders' meeting")
    SIGNING = "signing", _("signing")
    OTHER = "other", _("other meeting")


class RoundStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    IN_PROGRESS = "in_progress", _("in progress")
    CONCLUDED = "concluded", _("concluded")
    CANCELLED = "cancelled", _("cancelled")


class RoundQuerySet(models.QuerySet["Round"]):
    def containing(self, day: datetime.date) -> RoundQuerySet:
        """Rounds whose dates include ``day``."""
        return self.filter(start_date__lte=day, end_date__gte=day)

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
        # A round still marked scheduled once its day has passed is one no source has yet
        # confirmed took place: it is not "the latest round".
        held = self.filter(status__in=[RoundStatus.IN_PROGRESS, RoundStatus.CONCLUDED])
        return held.filter(start_date__lte=on).order_by("-start_date").first()

    def first_held(self, on: datetime.date | None = None) -> Round | None:
        """The earliest meeting that has started by ``on`` (the signing that ended the talks, say)."""
        on = on or today()
        return self.exclude(status=RoundStatus.CANCELLED).filter(start_date__lte=on).order_by("start_date").first()

    def formal(self) -> RoundQuerySet:
        """The numbered negotiating rounds only (not ministerials, bilateral talks or signings)."""
        return self.filter(kind=MeetingKind.ROUND)

    def before(self, round_: Round) -> RoundQuerySet:
        """Meetings that started before ``round_``, nearest first (none while its dates are unknown)."""
        if round_.start_date is None:
            return self.none()
        earlier = Q(start_date__lt=round_.start_date) | Q(start_date=round_.start_date, pk__lt=round_.pk)
        return self.exclude(pk=round_.pk).filter(earlier).order_by("-start_date", "-pk")

    def after(self, round_: Round) -> RoundQuerySet:
        """Meetings that started after ``round_``, nearest first (none while its dates are unknown)."""
        if round_.start_date is None:
            return self.none()
        later = Q(start_date__gt=round_.start_date) | Q(start_date=round_.start_date, pk__gt=round_.pk)
        return self.exclude(pk=round_.pk).filter(later).order_by("start_date", "pk")

    def in_order(self) -> RoundQuerySet:
        """Oldest first; meetings without dates last, rounds by number."""
        return self.order_by(F("start_date").asc(nulls_last=True), F("number").asc(nulls_last=True), "pk")

    def dated(self) -> RoundQuerySet:
        """Rounds whose dates are known (the only ones a timeline can place as a span)."""
        return self.filter(start_date__isnull=False, end_date__isnull=False)

    def started_on_known_day(self) -> RoundQuerySet:
        """Rounds with a start date: a calendar shows them even while the end is unreported."""
        return self.filter(start_date__isnull=False)


class Round(TimeStampedModel):
    """A meeting of the negotiation: a formal numbered round, or a ministerial, intersessional
    or bilateral meeting, a leaders' meeting or the signing.

    All of them are where things were said and settled, so statements, positions and
    status assessments point at any of them; ``number`` is for the formal rounds only.
    The model keeps its name (and its URLs, ``/rounds/<slug>/``) from when it held
    numbered rounds alone.
    """

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "rounds:round-detail"}

    Status = RoundStatus
    Kind = MeetingKind

    negotiation = models.ForeignKey(
        Negotiation, verbose_name=_("negotiation"), on_delete=models.PROTECT, related_name="rounds"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.ROUND)
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("Formal rounds only: 1, 2, 3…, counted within the negotiation."),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_('For meetings that are not numbered rounds, e.g. "Ministerial meeting, Washington".'),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    city = models.CharField(
        _("host city"),
        max_length=100,
        blank=True,
        help_text=_("Empty for a meeting held by video, or where not known."),
    )
    host_party = models.ForeignKey(
        Party,
        verbose_name=_("host party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_rounds",
        help_text=_("Empty when the meeting was held outside the three countries."),
    )
    parties = models.ManyToManyField(
        Party,
        verbose_name=_("parties at the table"),
        blank=True,
        related_name="meetings",
        help_text=_("Who negotiated there: all three, or two in bilateral talks."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, validators=[validate_date_in_range])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_date_in_range])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    summary = models.TextField(_("summary"), blank=True)
    source = models.ForeignKey(
        "Source",
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
        ordering = [F("start_date").asc(nulls_last=True), F("number").asc(nulls_last=True)]
        verbose_name = _("round or meeting")
        verbose_name_plural = _("rounds and meetings")
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="round_number_positive"),
            models.UniqueConstraint(
                fields=["negotiation", "number"],
                name="round_number_unique_in_negotiation",
                violation_error_message=_("This negotiation already has a round with this number."),
            ),
            models.CheckConstraint(condition=Q(kind__in=MeetingKind.values), name="round_kind_valid"),
            models.CheckConstraint(
                condition=~Q(kind=MeetingKind.ROUND) | Q(number__isnull=False),
                name="round_formal_has_number",
                violation_error_message=_("A formal negotiating round needs its number."),
            ),
            models.CheckConstraint(
                condition=Q(kind=MeetingKind.ROUND) | ~Q(title=""),
                name="round_meeting_has_title",
                violation_error_message=_("Give a meeting that is not a numbered round a title."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="round_end_not_before_start",
            ),
            models.CheckConstraint(condition=Q(status__in=RoundStatus.values), name="round_status_valid"),
        ]

    def __str__(self) -> str:
        if self.number is not None:
            if not self.city:
                return _("Round %(number)s") % {"number": self.number}
            return _("Round %(number)s, %(city)s") % {"number": self.number, "city": self.city}
        return self.title or ", ".join(part for part in (str(self.get_kind_display()), self.city) if part)

    def get_absolute_url(self) -> str:
        return reverse("rounds:round-detail", args=[self.slug])

    #: Codes ``clean()`` gives its errors, by field (the API schema documents them).
    clean_error_codes = {"start_date": {DATE_IN_FUTURE}, "end_date": {DATE_IN_FUTURE}}

    def clean(self) -> None:
        """A meeting under way has begun and a concluded one has ended: neither lies ahead.
        (A scheduled meeting may, and a cancelled one keeps the dates it was planned for.)"""
        errors: dict[str, list[ValidationError]] = {}
        if self.status in (RoundStatus.IN_PROGRESS, RoundStatus.CONCLUDED):
            errors |= check_reported_date(self.start_date, field="start_date")
            if self.status == RoundStatus.CONCLUDED:
                errors |= check_reported_date(self.end_date, field="end_date")
        if errors:
            raise ValidationError(errors)

    @property
    def is_formal_round(self) -> bool:
        return self.kind == MeetingKind.ROUND

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` falls within the round's dates (False while they are unknown)."""
        if self.start_date is None or self.end_date is None:
            return False
        return self.start_date <= day <= self.end_date


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

    #: Where its public page is (``nafta_tracker.api.serializers.HtmlUrlField`` links to it).
    html_route = {"view_name": "rounds:milestone-list", "lookup_field": None, "fragment": "{obj.slug}"}

    Kind = MilestoneKind

    negotiation = models.ForeignKey(
        Negotiation, verbose_name=_("negotiation"), on_delete=models.PROTECT, related_name="milestones"
    )
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
    source = models.ForeignKey("Source", verbose_name=_("source"), on_delete=models.PROTECT, related_name="milestones")

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

    def clean(self) -> None:
        super().clean()
        if self.round_id is not None and self.negotiation_id is not None:
            if self.round.negotiation_id != self.negotiation_id:
                raise ValidationError(
                    {
                        "round": _("This meeting belongs to another negotiation (%(other)s).")
                        % {"other": self.round.negotiation}
                    }
                )

    def is_upcoming(self, on: datetime.date | None = None) -> bool:
        return self.date >= (on or today())

    def days_left(self, on: datetime.date | None = None) -> int:
        return (self.date - (on or today())).days
