"""Editors create, see and revoke their own API token in the admin, and nobody else's."""

import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db

TOKENS = "/admin/authtoken/tokenproxy/"


@pytest.fixture
def other_editor(editor) -> User:
    user = User.objects.create_user("colleague", password="colleague-pass-1", is_staff=True)
    user.groups.set(editor.groups.all())
    return user


def test_an_editor_creates_a_token_for_themselves_and_it_works(client, editor, other_editor):
    client.force_login(editor)

    response = client.post(f"{TOKENS}add/", {"user": other_editor.pk})  # the user field is not theirs to choose

    assert response.status_code == 302, response.content
    token = Token.objects.get()
    assert token.user == editor
    listing = client.get(TOKENS)
    assert token.key in listing.content.decode()
    api = client.__class__()
    assert api.get("/api/v1/statements/", HTTP_AUTHORIZATION=f"Bearer {token.key}").status_code == 200


def test_an_editor_sees_only_their_own_token(client, editor, other_editor):
    mine, theirs = Token.objects.create(user=editor), Token.objects.create(user=other_editor)
    client.force_login(editor)

    page = client.get(TOKENS).content.decode()

    assert mine.key in page and theirs.key not in page
    assert client.get(f"{TOKENS}{other_editor.pk}/change/").status_code == 302  # "does not exist", back to the index
    assert client.post(f"{TOKENS}{other_editor.pk}/delete/", {"post": "yes"}).status_code == 302
    assert Token.objects.filter(pk=theirs.pk).exists()


def test_an_editor_revokes_their_token_and_it_stops_working(client, editor):
    token = Token.objects.create(user=editor)
    client.force_login(editor)

    assert client.post(f"{TOKENS}{editor.pk}/delete/", {"post": "yes"}).status_code == 302

    assert not Token.objects.filter(user=editor).exists()
    api = client.__class__()
    assert api.get("/api/v1/statements/", HTTP_AUTHORIZATION=f"Bearer {token.key}").status_code == 401


def test_one_token_at_a_time_revoke_to_rotate(client, editor):
    Token.objects.create(user=editor)
    client.force_login(editor)
    response = client.get(f"{TOKENS}add/", follow=True)
    assert response.redirect_chain == [(TOKENS, 302)]
    assert "You have a token already" in response.content.decode()
    assert client.post(f"{TOKENS}add/").status_code == 302
    assert Token.objects.filter(user=editor).count() == 1


def test_a_token_is_never_edited(client, editor):
    token = Token.objects.create(user=editor)
    client.force_login(editor)
    client.post(f"{TOKENS}{editor.pk}/change/", {"key": "chosen-by-me"})
    assert Token.objects.get(user=editor).key == token.key


def test_users_who_are_not_staff_have_no_token_admin(client, reader):
    client.force_login(reader)
    assert client.get(TOKENS).status_code == 302  # to the login page
    assert not Token.objects.exists()


def test_a_superuser_sees_and_revokes_everyones_token(client, superuser, editor):
    leaked = Token.objects.create(user=editor)
    client.force_login(superuser)
    assert leaked.key in client.get(TOKENS).content.decode()
    client.post(f"{TOKENS}{editor.pk}/delete/", {"post": "yes"})
    assert not Token.objects.exists()
