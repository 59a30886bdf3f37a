"""Public pages of the talks' frame (rounds, officials, parties, deadlines).

They show what was said and assessed at each round, by each official and party, so
they live here, one layer above ``rounds``; their URLs keep the ``rounds:`` names (the
composition layer, ``nafta_tracker.site``, puts them in that namespace). Each view
runs a fixed number of queries whatever the number of rows
(tests/site/test_query_counts.py).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from nafta_tracker.freshness import public_page
from rounds import models as frame_models
from rounds.models import Appointment, Milestone, Negotiation, Official, Party, Round

from . import selectors
from .scope import NegotiationScopeMixin
from .views import DETAIL_STATEMENTS, PAGE_ORPHANS, STATEMENTS_PER_PAGE


@method_decorator(public_page, name="dispatch")
class RoundListView(NegotiationScopeMixin, ListView):
    template_name = "rounds/round_list.html"
    paginate_by = 50
    paginate_orphans = PAGE_ORPHANS

    def get_queryset(self):
        rounds = self.scoped(Round.objects.select_related("host_party", "negotiation").prefetch_related("parties"))
        return selectors.rounds_with_statement_counts(rounds).in_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = frame_models.today()
        return context


@method_decorator(public_page, name="dispatch")
class RoundDetailView(DetailView):
    template_name = "rounds/round_detail.html"
    queryset = Round.objects.select_related("host_party", "source", "negotiation").prefetch_related("parties")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        outcome = selectors.round_outcome(self.object, statements=DETAIL_STATEMENTS)
        context.update(vars(outcome), closed=outcome.closed)
        if outcome.after_start is None:  # a round without dates has no "after" section
            for name in ("after_start", "after_end", "after_statements", "after_assessments"):
                context.pop(name)
        return context


@method_decorator(public_page, name="dispatch")
class OfficialListView(ListView):
    template_name = "rounds/official_list.html"
    paginate_by = 50
    paginate_orphans = PAGE_ORPHANS

    def get_queryset(self):
        return selectors.officials_negotiators_first(Official.objects.select_related("party"))


@method_decorator(public_page, name="dispatch")
class OfficialDetailView(DetailView):
    template_name = "rounds/official_detail.html"
    queryset = Official.objects.select_related("party", "source").prefetch_related(
        Prefetch("appointments", queryset=Appointment.objects.select_related("source"))
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statements = selectors.official_statements(self.object)
        page = Paginator(statements, STATEMENTS_PER_PAGE, orphans=PAGE_ORPHANS).get_page(self.request.GET.get("page"))
        context.update(page_obj=page, statements=page.object_list, is_paginated=page.has_other_pages())
        return context


@method_decorator(public_page, name="dispatch")
class PartyListView(ListView):
    template_name = "rounds/party_list.html"
    paginate_by = 50
    paginate_orphans = PAGE_ORPHANS

    def get_queryset(self):
        return Party.objects.order_by("name").prefetch_related("officials")


@method_decorator(public_page, name="dispatch")
class PartyDetailView(DetailView):
    template_name = "rounds/party_detail.html"
    model = Party

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(vars(selectors.party_overview(self.object, statements=DETAIL_STATEMENTS)))
        return context


@method_decorator(public_page, name="dispatch")
class MilestoneListView(NegotiationScopeMixin, ListView):
    template_name = "rounds/milestone_list.html"
    # A timeline with "today" marked in it: one page holds the whole record (64 dates in 2017-2026).
    paginate_by = 200
    paginate_orphans = PAGE_ORPHANS

    def get_queryset(self):
        milestones = Milestone.objects.select_related("party", "source", "round", "negotiation")
        return self.scoped(milestones).prefetch_related("issues").order_by("date")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        day = frame_models.today()
        for milestone in context["object_list"]:
            milestone.upcoming = milestone.is_upcoming(day)
            milestone.days = abs(milestone.days_left(day))
        context.update(
            today=day,
            next_milestone=self.scoped(Milestone.objects.upcoming(day)).first(),
            last_milestone=self.scoped(Milestone.objects.past(day)).first(),
        )
        return context


@method_decorator(public_page, name="dispatch")
class NegotiationListView(ListView):
    """Every negotiation the tracker follows, the live ones first."""

    template_name = "rounds/negotiation_list.html"

    def get_queryset(self):
        return Negotiation.objects.live_first()


@method_decorator(public_page, name="dispatch")
class NegotiationDetailView(DetailView):
    """One negotiation's board: where it stands, its next round and deadline, its issues and latest words."""

    template_name = "rounds/negotiation_detail.html"
    model = Negotiation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.negotiation_overview(self.object, frame_models.today()))
        return context
