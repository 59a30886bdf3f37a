"""A milestone's days_left changes at midnight with no row changing: its validators must too."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def test_yesterdays_etag_and_date_get_todays_days_left(api):
    milestone = MilestoneFactory(date=timezone.localdate() + datetime.timedelta(days=10))
    urls = ["/api/v1/milestones/", f"/api/v1/milestones/{milestone.slug}/"]
    first = {url: api.get(url) for url in urls}
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        for url in urls:
            by_etag = api.get(url, HTTP_IF_NONE_MATCH=first[url]["ETag"])
            assert by_etag.status_code == 200, url
            by_date = api.get(url, HTTP_IF_MODIFIED_SINCE=first[url]["Last-Modified"])
            assert by_date.status_code == 200, url
        body = api.get(urls[1]).json()
    assert body["days_left"] == 9


def test_within_the_day_the_304_still_holds(api):
    MilestoneFactory()
    etag = api.get("/api/v1/milestones/")["ETag"]
    assert api.get("/api/v1/milestones/", HTTP_IF_NONE_MATCH=etag).status_code == 304
