from django.utils.translation import gettext_lazy as _

from nafta_tracker.registry import DataAppConfig


class RoundsConfig(DataAppConfig):
    default = True  # the module also imports DataAppConfig: say which class Django should use
    default_auto_field = "django.db.models.BigAutoField"
    name = "rounds"
    verbose_name = _("Rounds, parties, officials and sources")

    public_models = ("Source", "Negotiation", "Party", "Official", "Appointment", "Round", "Milestone")
    editor_permissions = {
        "source": ("add", "change", "view"),
        "negotiation": ("add", "change", "view"),
        "party": ("add", "change", "view"),
        "official": ("add", "change", "view"),
        "appointment": ("add", "change", "view", "delete"),
        "round": ("add", "change", "view"),
        "milestone": ("add", "change", "view", "delete"),
    }
