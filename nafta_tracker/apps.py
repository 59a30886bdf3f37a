"""The project package as an app: production plumbing (backup commands, health checks)."""

from django.apps import AppConfig


class NaftaTrackerConfig(AppConfig):
    name = "nafta_tracker"
    verbose_name = "nafta-tracker"
