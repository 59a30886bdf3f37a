"""factory_boy factories for the domain models. Published by default where it matters."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from issues.models import Issue, Position, PublicationState, Source, Statement, StatusAssessment
from rounds.models import Milestone, Negotiation, Official, Party, Round


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Party {n}")
    slug = factory.Sequence(lambda n: f"party-{n}")
    iso_code = factory.Sequence(lambda n: f"{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}")


class NegotiationFactory(factory.django.DjangoModelFactory):
    """The NAFTA renegotiation unless told otherwise: one negotiation, shared, as before there were two."""

    class Meta:
        model = Negotiation
        django_get_or_create = ("slug",)

    slug = "nafta"
    name = factory.LazyAttribute(lambda n: f"Negotiation {n.slug}")
    short_name = factory.LazyAttribute(lambda n: n.slug.upper())
    agreement = "North American Free Trade Agreement"
    start_date = datetime.date(2017, 5, 18)
    status = "concluded"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    outlet = "Test Wire"
    title = factory.Sequence(lambda n: f"Article {n}")
    url = factory.Sequence(lambda n: f"https://news.example.com/{n}")


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Official {n}")
    slug = factory.Sequence(lambda n: f"official-{n}")
    title = "Chief negotiator"
    role = "chief_negotiator"
    party = factory.SubFactory(PartyFactory)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    negotiation = factory.SubFactory(NegotiationFactory)
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"round-{n + 1}")
    city = "Ottawa"
    host_party = factory.SubFactory(PartyFactory)
    start_date = factory.Sequence(lambda n: datetime.date(2017, 8, 16) + datetime.timedelta(days=30 * n))
    end_date = factory.LazyAttribute(lambda r: r.start_date + datetime.timedelta(days=5))
    status = "concluded"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    negotiation = factory.SubFactory(NegotiationFactory)
    title = factory.Sequence(lambda n: f"Deadline {n}")
    slug = factory.Sequence(lambda n: f"deadline-{n}")
    date = datetime.date(2018, 5, 1)
    source = factory.SubFactory(SourceFactory)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    negotiation = factory.SubFactory(NegotiationFactory)
    title = factory.Sequence(lambda n: f"Issue {n}")
    slug = factory.Sequence(lambda n: f"issue-{n}")


class PublishedMixin(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    state = PublicationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class StatusAssessmentFactory(PublishedMixin):
    class Meta:
        model = StatusAssessment

    issue = factory.SubFactory(IssueFactory)
    status = "under_discussion"
    date = datetime.date(2018, 1, 29)
    source = factory.SubFactory(SourceFactory)


class PositionFactory(PublishedMixin):
    class Meta:
        model = Position

    issue = factory.SubFactory(IssueFactory)
    party = factory.SubFactory(PartyFactory)
    kind = "proposal"
    summary = factory.Sequence(lambda n: f"Position summary {n}")
    date = datetime.date(2018, 1, 29)
    source = factory.SubFactory(SourceFactory)


class StatementFactory(PublishedMixin):
    class Meta:
        model = Statement
        skip_postgeneration_save = True

    speaker = factory.SubFactory(OfficialFactory)
    negotiation = factory.LazyAttribute(
        lambda o: o.round.negotiation if getattr(o, "round", None) is not None else NegotiationFactory()
    )
    kind = "quote"
    text = factory.Sequence(lambda n: f"We are making progress on chapter {n}")
    date = datetime.date(2018, 3, 28)
    tone = "neutral"
    source = factory.SubFactory(SourceFactory)

    @factory.post_generation
    def issues(self, create, extracted, **kwargs):
        if create and extracted:
            self.issues.set(extracted)
