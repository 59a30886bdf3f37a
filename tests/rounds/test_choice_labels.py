"""``get_<field>_display()`` gives the label of the value's choice in the reader's language.

The labels are worked out once per field and language (rounds/base.py); a page switching
language, or a value no choice has, must still read right.
"""

from django.utils import translation

from issues.models import IssueStatus, StatusAssessment


def _assessment(status: str) -> StatusAssessment:
    return StatusAssessment(status=status)  # unsaved: the label needs no database


def test_the_label_follows_the_active_language_call_after_call():
    assessment = _assessment(IssueStatus.FAR_APART)
    labels = []
    for language in ("en", "fr", "es", "en", "fr"):
        with translation.override(language):
            labels.append(assessment.get_status_display())
    assert labels == ["Far apart", "Positions éloignées", "Posiciones alejadas", "Far apart", "Positions éloignées"]


def test_each_value_gets_its_own_label():
    with translation.override("en"):
        assert [_assessment(status).get_status_display() for status in IssueStatus.values] == [
            str(label) for label in IssueStatus.labels
        ]


def test_a_value_no_choice_has_is_shown_as_it_is():
    with translation.override("fr"):
        assert _assessment("renegotiated").get_status_display() == "renegotiated"
        assert _assessment(None).get_status_display() is None
