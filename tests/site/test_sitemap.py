"""sitemap.xml lists every public page in every interface language, and no draft."""

import pytest

from issues.models import Statement

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_pages_in_each_language_without_drafts(client, nafta):
    draft = Statement.objects.first()
    draft.state = "draft"
    draft.save()
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/issues/sunset-clause/</loc>" in body
    assert "<loc>http://testserver/fr/issues/sunset-clause/</loc>" in body
    assert 'hreflang="es" href="http://testserver/es/issues/sunset-clause/"' in body
    assert f"/statements/{draft.pk}/<" not in body
    published = Statement.objects.published().first()
    assert f"<loc>http://testserver/statements/{published.pk}/</loc>" in body
