"""A view that saves several objects through the services, one after another."""

import datetime

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from issues import services
from issues.models import Issue, Source
from rounds.models import Official, Party


@require_POST
def record_a_round_close(request):
    """Two writes that belong together: the statement and the position it reveals."""
    source = Source.objects.get(slug="afp-montreal-round-close")
    services.statement_create(
        speaker=Official.objects.get(slug="robert-lighthizer"),
        text="We have made some progress, but not enough",
        date=datetime.date(2018, 1, 29),
        source=source,
    )
    services.position_create(
        issue=Issue.objects.get(slug="auto-rules-of-origin"),
        party=Party.objects.get(slug="united-states"),
        kind="demand",
        summary="Half of every car made in the United States",
        date=datetime.date(2018, 1, 29),
        source=source,
    )
    return HttpResponse("recorded", status=201)


urlpatterns = [path("record-round-close/", record_a_round_close)]
