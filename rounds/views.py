"""Public pages for rounds, parties, officials and deadlines."""

from django.views.generic import DetailView, ListView

from issues.models import Statement

from .models import Milestone, Official, Party, Round


class RoundListView(ListView):
    queryset = Round.objects.select_related("host_party")
    paginate_by = 50


class RoundDetailView(DetailView):
    queryset = Round.objects.select_related("host_party", "source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statements"] = Statement.objects.published().with_related().filter(round=self.object)
        context["assessments"] = (
            self.object.status_assessments.published().select_related("issue", "source").order_by("issue__title")
        )
        return context


class OfficialListView(ListView):
    queryset = Official.objects.select_related("party")
    paginate_by = 50


class OfficialDetailView(DetailView):
    queryset = Official.objects.select_related("party", "source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statements"] = Statement.objects.published().with_related().filter(speaker=self.object)
        return context


class PartyListView(ListView):
    model = Party


class PartyDetailView(DetailView):
    model = Party

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["officials"] = self.object.officials.all()
        context["statements"] = Statement.objects.published().with_related().by_party(self.object)[:20]
        return context


class MilestoneListView(ListView):
    queryset = Milestone.objects.select_related("party", "source")
    paginate_by = 100
