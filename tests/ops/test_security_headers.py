"""Every response carries the security headers a browser needs; plain HTTP is redirected."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_page_over_https_carries_hsts_and_the_browser_protections(client):
    response = client.get(reverse("home"), secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_plain_http_is_redirected_to_https_when_the_redirect_is_on(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/rounds/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/rounds/?page=2"


def test_behind_a_proxy_its_https_header_counts_as_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/rounds/", headers={"X-Forwarded-Proto": "https"}).status_code == 200
    assert client.get("/rounds/", headers={"X-Forwarded-Proto": "http"}).status_code == 301


def test_without_the_proxy_opt_in_a_forged_https_header_is_ignored(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/rounds/", headers={"X-Forwarded-Proto": "https"}).status_code == 301


def test_login_cookies_are_secure_and_the_session_cookie_is_out_of_javascripts_reach(client, superuser):
    login_form = client.get("/admin/login/", secure=True)
    assert login_form.cookies["csrftoken"]["secure"] is True
    response = client.post("/admin/login/?next=/admin/", {"username": "root", "password": "root-pass-1"}, secure=True)
    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] is True
    assert session_cookie["httponly"] is True
