"""Which texts of the frame are translated (imported by django-modeltranslation at start-up).

English is the record; French and Spanish translations fall back to it
(``nafta_tracker.content_language``).
"""

from nafta_tracker.content_language import register

from .models import Appointment, Milestone, Negotiation, Official, Party, Round

register(Party, ["name", "short_name"])
register(Negotiation, ["name", "short_name", "summary"])
register(Official, ["title"])
register(Appointment, ["title"])
register(Round, ["title", "city", "summary"])
register(Milestone, ["title", "description"])
