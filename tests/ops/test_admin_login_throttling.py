"""Repeated failed admin logins lock that username from that address for a while (django-axes)."""

import pytest
from django.contrib.auth.models import User
from django.http import HttpRequest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def log_in(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Dozens of logins here; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def limit(settings):
    assert settings.AXES_FAILURE_LIMIT == 5  # the default, DJANGO_AXES_FAILURE_LIMIT
    return settings.AXES_FAILURE_LIMIT


def test_after_n_wrong_passwords_the_right_one_is_refused_with_a_clear_message(client, editor, limit):
    for _ in range(limit - 1):
        assert log_in(client, "editor", "guess").status_code == 200  # the form again, with its error
    locked = log_in(client, "editor", "guess")
    assert locked.status_code == 429
    assert "Too many failed login attempts" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()

    right_password = log_in(client, "editor", "editor-pass-1")
    assert right_password.status_code == 429
    assert "Too many failed login attempts" in right_password.content.decode()
    assert "_auth_user_id" not in client.session


def test_another_user_is_not_affected(client, editor, superuser, limit):
    for _ in range(limit):
        log_in(client, "editor", "guess")
    response = log_in(client, "root", "root-pass-1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(superuser.pk)


def test_the_same_user_from_another_address_is_not_affected(client, editor, limit):
    for _ in range(limit):
        log_in(client, "editor", "guess")
    assert log_in(client, "editor", "editor-pass-1", ip="198.51.100.23").status_code == 302


def test_a_success_before_the_limit_clears_the_count(client, editor, limit):
    for _ in range(limit - 1):
        log_in(client, "editor", "guess")
    assert log_in(client, "editor", "editor-pass-1").status_code == 302
    client.logout()
    for _ in range(limit - 1):
        log_in(client, "editor", "guess")
    assert log_in(client, "editor", "editor-pass-1").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor, limit, settings):
    for _ in range(limit):
        log_in(client, "editor", "guess")
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time="2000-01-01T00:00:00Z")  # long ago
    assert log_in(client, "editor", "editor-pass-1").status_code == 302


def test_force_login_still_works_in_tests(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_client_login_works_when_given_a_request_as_axes_requires(client, editor):
    assert client.login(request=HttpRequest(), username="editor", password="editor-pass-1")
    assert client.get("/admin/").status_code == 200
    assert User.objects.get(username="editor").last_login is not None
