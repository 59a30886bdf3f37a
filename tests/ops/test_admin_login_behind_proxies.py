"""Login lockouts and the API throttle find the client's address behind 0, 1 or 2 proxies.

Each test takes the settings settings.py computes for DJANGO_BEHIND_PROXY and
DJANGO_PROXY_COUNT (in a subprocess, as a deployment would) and sends the headers such a
deployment receives: each proxy appends the address it was called from to
X-Forwarded-For, and the app sees the last proxy as REMOTE_ADDR. A client may send an
X-Forwarded-For of its own, which the proxies keep on the left.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from rest_framework.throttling import SimpleRateThrottle

from .conftest import production_env, settings_under

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
CLIENT, OTHER_CLIENT = "203.0.113.7", "198.51.100.23"
_forged = (f"192.0.2.{n}" for n in itertools.cycle(range(1, 255)))

AXES_SETTINGS = (
    "AXES_CLIENT_IP_CALLABLE",
    "AXES_IPWARE_META_PRECEDENCE_ORDER",
    "AXES_IPWARE_PROXY_ORDER",
    "AXES_IPWARE_PROXY_COUNT",
)
_deployed: dict[int, dict] = {}


def deployment_env(proxies: int) -> dict[str, str]:
    if not proxies:
        return production_env()
    return production_env(DJANGO_BEHIND_PROXY="1", DJANGO_PROXY_COUNT=str(proxies))


@pytest.fixture(params=[0, 1, 2], ids=["no proxy", "one proxy", "two proxies"])
def proxies(request, settings) -> int:
    """The number of proxies, with this process's settings as settings.py makes them for it."""
    count = request.param
    if count not in _deployed:
        _deployed[count] = settings_under(deployment_env(count), "REST_FRAMEWORK", *AXES_SETTINGS)
    deployed = _deployed[count]
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": deployed["REST_FRAMEWORK"]["NUM_PROXIES"]}
    for name in AXES_SETTINGS:
        setattr(settings, name, deployed[name])
    return count


def headers_from(client_address: str, proxies: int, *, forge: bool) -> dict[str, str]:
    """What the app receives from ``client_address`` through ``proxies`` proxies (10.0.0.1, 10.0.0.2, …)."""
    chain = [next(_forged)] if forge else []  # the client's own X-Forwarded-For, if it sends one
    hops = [client_address] + [f"10.0.0.{n}" for n in range(1, proxies + 1)]
    chain += hops[:-1]  # each proxy appends who called it
    meta = {"REMOTE_ADDR": hops[-1]}
    if chain:
        meta["HTTP_X_FORWARDED_FOR"] = ", ".join(chain)
    return meta


@pytest.fixture
def log_in(client, proxies) -> Callable[..., int]:
    def attempt(password: str, *, address: str = CLIENT, forge: bool = False) -> int:
        data = {"username": "editor", "password": password}
        response = client.post(LOGIN, data, **headers_from(address, proxies, forge=forge))
        client.logout()
        return response.status_code

    return attempt


@pytest.mark.parametrize("forge", [False, True], ids=["plain", "forged X-Forwarded-For"])
def test_a_locked_out_address_does_not_lock_out_another(log_in, editor, settings, forge):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("guess", forge=forge)
    assert log_in("editor-pass-1", forge=forge) == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT}
    assert log_in("editor-pass-1", address=OTHER_CLIENT, forge=forge) == 302


def test_a_new_forged_address_on_every_attempt_does_not_escape_the_lockout(log_in, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("guess", forge=True)
    assert log_in("editor-pass-1", forge=True) == 429


def test_the_api_throttle_counts_per_client_address(client, proxies, monkeypatch):
    cache.clear()  # the throttle's counters
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "6/minute"})

    def get(address: str) -> int:
        return client.get("/api/v1/parties/", **headers_from(address, proxies, forge=True)).status_code

    assert [get(CLIENT) for _ in range(4)] == [200, 200, 200, 429]
    assert get(OTHER_CLIENT) == 200
