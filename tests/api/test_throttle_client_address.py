"""The anonymous throttle counts per client address, and a client cannot pick its own.

Without a proxy the address is REMOTE_ADDR and X-Forwarded-For is ignored: a client that
writes a new X-Forwarded-For on every request still spends one budget. Behind N proxies
(DJANGO_BEHIND_PROXY=1, DJANGO_PROXY_COUNT=N) the client is the entry the first proxy
appended, N from the right; what the client wrote to the left of it does not matter.
"""

import itertools

import pytest
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db

URL = "/api/v1/parties/"
PROXY = "10.0.0.9"  # REMOTE_ADDR of every request that came through the proxies
_forged = (f"198.51.100.{n}" for n in itertools.count(1))


@pytest.fixture
def three_a_minute(monkeypatch):
    # DRF reads the rates once at import; patch them where the throttles look.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "6/minute"})


@pytest.fixture
def proxies(settings):
    """Deploy behind ``n`` proxies, as settings.py does for DJANGO_PROXY_COUNT=n."""

    def behind(n: int) -> None:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": n}

    return behind


def statuses(api, *forwarded_for: str, remote_addr: str = PROXY) -> list[int]:
    return [api.get(URL, REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=xff).status_code for xff in forwarded_for]


def test_the_default_settings_trust_no_proxy(settings):
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == 0


def test_a_new_forwarded_for_on_every_request_does_not_reset_the_budget(api, three_a_minute):
    forged = [next(_forged) for _ in range(5)]
    assert statuses(api, *forged, remote_addr="203.0.113.7") == [200, 200, 200, 429, 429]


def test_without_a_proxy_each_remote_address_has_its_own_budget(api, three_a_minute, proxies):
    proxies(0)
    assert statuses(api, "", "", "", "", remote_addr="203.0.113.7") == [200, 200, 200, 429]
    assert statuses(api, "", remote_addr="203.0.113.8") == [200]


def test_behind_one_proxy_the_client_is_the_one_entry_it_appended(api, three_a_minute, proxies):
    proxies(1)
    assert statuses(api, "203.0.113.7", "203.0.113.7", "203.0.113.7", "203.0.113.7") == [200, 200, 200, 429]
    assert statuses(api, "203.0.113.8") == [200]  # another reader behind the same proxy


def test_behind_one_proxy_what_the_client_wrote_before_its_address_is_ignored(api, three_a_minute, proxies):
    proxies(1)
    forged = [f"{next(_forged)}, 203.0.113.7" for _ in range(4)]
    assert statuses(api, *forged) == [200, 200, 200, 429]


def test_behind_two_proxies_the_client_is_second_from_the_right(api, three_a_minute, proxies):
    proxies(2)
    forged = [f"{next(_forged)}, 203.0.113.7, 10.0.0.2" for _ in range(3)]
    assert statuses(api, "203.0.113.7, 10.0.0.2", *forged) == [200, 200, 200, 429]
    assert statuses(api, "203.0.113.8, 10.0.0.2") == [200]
