"""The orjson renderer writes exactly what DRF's own JSON renderer would."""

import datetime
import decimal
import uuid

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from nafta_tracker.api.json import FastJSONRenderer
from tests.factories import IssueFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_odd_values_encode_as_drf_encodes_them():
    data = {
        "utc": datetime.datetime(2018, 1, 29, 17, 5, 1, 123456, tzinfo=datetime.UTC),
        "offset": datetime.datetime(2018, 1, 29, 12, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))),
        "day": datetime.date(2018, 1, 29),
        "lazy": gettext_lazy("Issues"),
        "amount": decimal.Decimal("1.10"),
        "id": uuid.UUID(int=7),
        "text": "Freeland: « très difficile » — 'sunset'\u2028\u2029",
        "nested": [{"n": 1, "f": 0.5, "none": None, "yes": True}],
    }
    assert FastJSONRenderer().render(data) == JSONRenderer().render(data)


def test_api_answers_are_byte_for_byte_what_drf_would_send(api):
    StatementFactory(text="We are « far apart » on dairy", issues=[IssueFactory(title="Dairy — supply management")])
    for url in ("/api/v1/statements/", "/api/v1/issues/", "/api/v1/"):
        response = api.get(url)
        assert response["Content-Type"] == "application/json"
        assert response.content == JSONRenderer().render(response.data), url


def test_indented_json_is_still_available(api):
    response = api.get("/api/v1/issues/", HTTP_ACCEPT="application/json; indent=2")
    assert response.content.startswith(b'{\n  "count"')
