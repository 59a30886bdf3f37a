"""The Editors group: enter, change and publish data; never delete what is public; no users."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from issues.models import Statement
from tests.admin.helpers import form_data
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def delete_selected(client, *statements, confirm: bool = True):
    data = {"action": "delete_selected", "_selected_action": [s.pk for s in statements]}
    if confirm:
        data["post"] = "yes"
    return client.post(reverse("admin:issues_statement_changelist"), data)


def test_the_editors_group_has_no_rights_over_users_groups_or_permissions():
    group = Group.objects.get(name="Editors")
    assert not group.permissions.filter(content_type__app_label="auth").exists()
    assert set(group.permissions.values_list("content_type__app_label", flat=True)) == {"rounds", "issues"}


def test_an_editor_cannot_open_users_or_groups(client, editor):
    client.force_login(editor)
    for url in ("admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"):
        assert client.get(reverse(url)).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "/admin/auth/" not in index
    assert "/admin/issues/statement/" in index


def test_an_editor_cannot_make_themselves_a_superuser(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:auth_user_change", args=[editor.pk]), {"is_superuser": "on"})
    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_someone_who_is_not_staff_is_sent_to_the_login_page(client, reader):
    client.force_login(reader)
    response = client.get(reverse("admin:issues_statement_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_an_editor_changes_a_statement(client, editor):
    statement = StatementFactory(text="We are far apart")
    client.force_login(editor)
    url = reverse("admin:issues_statement_change", args=[statement.pk])
    response = client.post(url, form_data(client.get(url), text="We are quite a distance away"))
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "We are quite a distance away"


def test_an_editor_deletes_a_draft_but_not_a_published_statement(client, editor):
    draft = StatementFactory(state="draft", published_at=None)
    published = StatementFactory()
    client.force_login(editor)

    assert client.get(reverse("admin:issues_statement_delete", args=[published.pk])).status_code == 403
    assert (
        client.post(reverse("admin:issues_statement_delete", args=[published.pk]), {"post": "yes"}).status_code == 403
    )
    assert client.get(reverse("admin:issues_statement_delete", args=[draft.pk])).status_code == 200
    client.post(reverse("admin:issues_statement_delete", args=[draft.pk]), {"post": "yes"})

    assert list(Statement.objects.all()) == [published]


def test_the_delete_action_refuses_a_selection_that_includes_a_published_statement(client, editor):
    draft = StatementFactory(state="draft", published_at=None)
    published = StatementFactory()
    client.force_login(editor)

    confirmation = delete_selected(client, draft, published, confirm=False)
    assert "your account doesn't have permission to delete" in confirmation.content.decode()

    assert delete_selected(client, draft, published).status_code == 403
    assert Statement.objects.count() == 2


def test_the_delete_action_discards_drafts(client, editor):
    drafts = StatementFactory.create_batch(2, state="draft", published_at=None)
    client.force_login(editor)
    delete_selected(client, *drafts)
    assert not Statement.objects.exists()


def test_a_superuser_may_delete_a_published_statement(client, superuser):
    published = StatementFactory()
    client.force_login(superuser)
    delete_selected(client, published)
    assert not Statement.objects.exists()


def test_an_editor_cannot_delete_a_published_statement_from_the_source_page(client, editor):
    published = StatementFactory()
    client.force_login(editor)
    url = reverse("admin:rounds_source_change", args=[published.source.pk])
    data = form_data(client.get(url), **{"statements-0-DELETE": "on"})

    response = client.post(url, data)

    assert response.status_code == 200
    assert "is published: unpublish it before deleting it" in response.content.decode()
    assert Statement.objects.filter(pk=published.pk).exists()


def test_exporting_takes_the_right_to_view_and_importing_the_rights_to_add_and_change(client):
    viewer = User.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_statement"))
    client.force_login(viewer)

    changelist = client.get(reverse("admin:issues_statement_changelist")).content.decode()
    assert reverse("admin:issues_statement_export") in changelist
    assert reverse("admin:issues_statement_import") not in changelist
    assert client.get(reverse("admin:issues_statement_import")).status_code == 403


def test_an_editor_sees_import_export_and_recover_deleted_on_the_statement_list(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:issues_statement_changelist")).content.decode()
    for name in ("import", "export", "deleted"):
        assert reverse(f"admin:issues_statement_{name}") in page
