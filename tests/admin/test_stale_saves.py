"""Two editors open the same statement; the second save does not silently undo the first."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from issues.models import Statement
from tests.admin.helpers import errors_of, form_data
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def _editor(name: str) -> Client:
    user = User.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def test_a_save_made_on_a_stale_page_is_refused_with_the_input_kept_and_the_first_edit_intact():
    statement = StatementFactory(text="We are progresing very slowly", tone="neutral")
    url = reverse("admin:issues_statement_change", args=[statement.pk])
    alice, bob = _editor("alice"), _editor("bob")
    alice_page, bob_page = alice.get(url), bob.get(url)

    fixed = alice.post(url, form_data(alice_page, text="We are progressing very slowly"))
    assert fixed.status_code == 302

    stale = bob.post(url, form_data(bob_page, tone="critical"))
    assert stale.status_code == 200
    assert "Someone else saved this statement after you opened it" in " ".join(errors_of(stale)["__all__"])
    assert stale.context["adminform"].form["tone"].value() == "critical"  # Bob's input is on the form
    statement.refresh_from_db()
    assert (statement.text, statement.tone) == ("We are progressing very slowly", "neutral")

    # Bob looks, then saves again from the refused page: now against the current version.
    again = bob.post(url, form_data(stale, tone="critical"))
    assert again.status_code == 302
    statement.refresh_from_db()
    assert (statement.text, statement.tone) == ("We are progressing very slowly", "critical")


def test_an_unchanged_page_saves_normally(client, editor):
    statement = StatementFactory()
    client.force_login(editor)
    url = reverse("admin:issues_statement_change", args=[statement.pk])
    assert client.post(url, form_data(client.get(url), tone="optimistic")).status_code == 302
    assert Statement.objects.get(pk=statement.pk).tone == "optimistic"
