"""Public pages for issues, statements and sources. Published data only."""

from django.views.generic import DetailView, ListView

from .models import Issue, Source, Statement


class IssueListView(ListView):
    paginate_by = 50

    def get_queryset(self):
        return Issue.objects.with_current_status().with_latest_positions()


class IssueDetailView(DetailView):
    def get_queryset(self):
        return Issue.objects.with_current_status()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.object
        context["status_history"] = issue.status_history.published().select_related("round", "source").chronological()
        context["positions"] = issue.positions.published().select_related("party", "round", "source")
        context["statements"] = Statement.objects.published().with_related().filter(issues=issue)
        return context


class StatementListView(ListView):
    paginate_by = 25

    def get_queryset(self):
        qs = Statement.objects.published().with_related()
        query = self.request.GET.get("q", "")
        return qs.search(query) if query else qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.request.GET.get("q", "")
        return context


class StatementDetailView(DetailView):
    def get_queryset(self):
        return Statement.objects.published().with_related()


class SourceDetailView(DetailView):
    model = Source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statements"] = Statement.objects.published().with_related().filter(source=self.object)
        return context
