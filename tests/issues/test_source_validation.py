"""Source.full_clean() (every door: admin, API, import) gives each rule's own message, on its field, once."""

import pytest
from django.core.exceptions import ValidationError

from issues.models import Source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

UNIDENTIFIABLE = "Give at least a title, a description or a URL so readers can find the source."


def message_dict(source: Source) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    return refused.value.message_dict


@pytest.mark.parametrize("blanks", [{}, {"title": "   ", "description": "\t"}])
def test_a_source_without_title_description_or_url_is_refused_once(blanks):
    assert message_dict(Source(slug="afp", outlet="AFP", **blanks)) == {"__all__": [UNIDENTIFIABLE]}


def test_a_url_already_recorded_is_an_error_on_the_url_field():
    SourceFactory(url="https://news.example.com/montreal")
    duplicate = Source(slug="again", title="Again", url="https://news.example.com/montreal")
    assert message_dict(duplicate) == {"url": ["Another source already has this URL."]}


def test_blanks_around_title_and_description_are_trimmed():
    source = Source(slug="afp", title="  Talks resume ", description=" Report\n")
    source.full_clean()
    assert (source.title, source.description) == ("Talks resume", "Report")
