"""Shared by the admin tests."""

import pytest


@pytest.fixture(autouse=True)
def _a_negotiation(one_negotiation):
    """Statements need a negotiation to belong to (tests/conftest.py)."""
