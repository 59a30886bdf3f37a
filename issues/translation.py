"""Which texts of the issues are translated (imported by django-modeltranslation at start-up).

English is the record; French and Spanish translations fall back to it
(``nafta_tracker.content_language``).
"""

from nafta_tracker.content_language import register

from .models import Issue, Position, StatusAssessment

register(Issue, ["title", "description", "outcome_note"])
register(StatusAssessment, ["note"])
register(Position, ["summary"])
