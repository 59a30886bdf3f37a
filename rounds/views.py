"""Public pages for rounds, parties, officials and deadlines, and the calendar feed.

Only published statements, positions and assessments are read; each view runs a fixed
number of queries whatever the number of rows (tests/site/test_query_counts.py).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from issues.models import Position, Statement, StatusAssessment
from nafta_tracker.caching import public_page

from . import models
from .calendar import negotiation_calendar
from .dates import add_days
from .models import Milestone, Official, Party, Round

DETAIL_STATEMENTS = 10  # statements shown on a detail page; the rest are one click away, paginated
STATEMENTS_PER_PAGE = 20


@method_decorator(public_page, name="dispatch")
class RoundListView(ListView):
    template_name = "rounds/round_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Round.objects.select_related("host_party").with_statement_counts().order_by("number")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = models.today()
        return context


@method_decorator(public_page, name="dispatch")
class RoundDetailView(DetailView):
    template_name = "rounds/round_detail.html"
    queryset = Round.objects.select_related("host_party", "source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_ = self.object
        previous_round = Round.objects.before(round_).first()
        next_round = Round.objects.after(round_).first()
        during = Statement.objects.published().at_round(round_)
        context.update(
            previous_round=previous_round,
            next_round=next_round,
            assessments=round_.status_assessments.published()
            .with_previous_status()
            .select_related("issue", "source")
            .order_by("issue__title", "date", "id"),
            positions=round_.positions.published()
            .select_related("issue", "party", "source")
            .order_by("issue__title", "party__name", "date"),
            statements=during.with_related().order_by("date", "id")[:DETAIL_STATEMENTS],
            statement_count=during.count(),
        )
        # Between this round and the next: what was said and assessed away from the table.
        if round_.end_date:
            after_start = add_days(round_.end_date, 1)
            after_end = None
            if next_round and next_round.start_date:
                after_end = add_days(next_round.start_date, -1)
            context.update(
                after_start=after_start,
                after_end=after_end,
                after_statements=Statement.objects.published()
                .outside_rounds()
                .dated_between(after_start, after_end)
                .with_related()
                .order_by("date", "id")[:DETAIL_STATEMENTS],
                after_assessments=StatusAssessment.objects.published()
                .outside_rounds()
                .dated_between(after_start, after_end)
                .with_previous_status()
                .select_related("issue", "source")
                .order_by("date", "issue__title"),
            )
        return context


@method_decorator(public_page, name="dispatch")
class OfficialListView(ListView):
    template_name = "rounds/official_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Official.objects.select_related("party").with_statement_counts().order_by("party__name", "name")


@method_decorator(public_page, name="dispatch")
class OfficialDetailView(DetailView):
    template_name = "rounds/official_detail.html"
    queryset = Official.objects.select_related("party", "source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statements = Statement.objects.published().by_speaker(self.object).with_related()
        page = Paginator(statements, STATEMENTS_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(page_obj=page, statements=page.object_list, is_paginated=page.has_other_pages())
        return context


@method_decorator(public_page, name="dispatch")
class PartyListView(ListView):
    template_name = "rounds/party_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Party.objects.order_by("name").prefetch_related("officials")


@method_decorator(public_page, name="dispatch")
class PartyDetailView(DetailView):
    template_name = "rounds/party_detail.html"
    model = Party

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        party = self.object
        statements = Statement.objects.published().by_party(party)
        context.update(
            officials=party.officials.with_statement_counts().order_by("name"),
            positions=Position.objects.latest_per_party()
            .by_party(party)
            .select_related("issue", "round", "source")
            .order_by("issue__title"),
            hosted_rounds=party.hosted_rounds.order_by("number"),
            statements=statements.with_related()[:DETAIL_STATEMENTS],
            statement_count=statements.count(),
        )
        return context


@method_decorator(public_page, name="dispatch")
class MilestoneListView(ListView):
    template_name = "rounds/milestone_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Milestone.objects.select_related("party", "source", "round").prefetch_related("issues").order_by("date")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        day = models.today()
        for milestone in context["object_list"]:
            milestone.upcoming = milestone.is_upcoming(day)
            milestone.days = abs(milestone.days_left(day))
        context.update(
            today=day,
            next_milestone=Milestone.objects.upcoming(day).first(),
            last_milestone=Milestone.objects.past(day).first(),
        )
        return context


@public_page
def calendar_ics(request: HttpRequest) -> HttpResponse:
    """Rounds and deadlines as an iCalendar feed a reader can subscribe to."""
    body = negotiation_calendar(
        Round.objects.dated().select_related("host_party").order_by("start_date"),
        Milestone.objects.select_related("party").order_by("date"),
        absolute=request.build_absolute_uri,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nafta-talks.ics"'
    return response
