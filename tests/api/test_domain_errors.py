"""The model's validation errors come back under the API's field names, and only those.

A client (and the schema) knows the fields of the request body; a rule reported on a
model field the body cannot set would name an ``attr`` the client never heard of.
"""

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError

from nafta_tracker.api.viewsets import domain_errors


def test_model_field_names_become_api_names_and_the_rest_non_field_errors():
    with pytest.raises(ValidationError) as answer, domain_errors({"url": "link", "title": "title"}):
        raise DjangoValidationError(
            {"url": ["Another source already has this URL."], "published_at": ["Later."], "__all__": ["Whole."]}
        )
    assert answer.value.detail == {
        "link": ["Another source already has this URL."],
        "non_field_errors": ["Later.", "Whole."],
    }
