"""Every page of the editors' admin opens for an editor, with the NAFTA data in it."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

DOMAIN_APPS = ("rounds", "issues")
DOMAIN_MODELS = [
    model for model in apps.get_models() if model._meta.app_label in DOMAIN_APPS and model in admin.site._registry
]


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_domain_model_is_in_the_admin():
    names = {model._meta.model_name for model in DOMAIN_MODELS}
    assert names == {
        *("negotiation", "party", "official", "round", "milestone"),
        *("source", "issue", "statusassessment", "position", "statement"),
    }


@pytest.mark.parametrize("model", DOMAIN_MODELS, ids=lambda m: m._meta.model_name)
def test_an_editor_opens_the_list_the_add_form_and_a_change_form(client, editor, nafta, model):
    client.force_login(editor)
    assert client.get(_url(model, "changelist")).status_code == 200
    assert client.get(_url(model, "add")).status_code == 200
    obj = model.objects.order_by("pk").first()
    assert client.get(_url(model, "change", obj.pk)).status_code == 200
    assert client.get(_url(model, "history", obj.pk)).status_code == 200
    assert client.get(_url(model, "deleted")).status_code == 200


@pytest.mark.parametrize("model", DOMAIN_MODELS, ids=lambda m: m._meta.model_name)
def test_the_list_searches_and_shows_its_date_drilldown(client, editor, nafta, model):
    client.force_login(editor)
    model_admin = admin.site._registry[model]
    response = client.get(_url(model, "changelist"), {"q": "trade"})
    assert response.status_code == 200
    assert model_admin.search_fields, "every list can be searched"
    assert model_admin.date_hierarchy, "every list can be narrowed by date"
    assert response.context["cl"].date_hierarchy == model_admin.date_hierarchy
