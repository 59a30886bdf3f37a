"""The project package as an app: production plumbing (backup commands, health checks)."""

from django.apps import AppConfig


class NaftaTrackerConfig(AppConfig):
    name = "nafta_tracker"
    verbose_name = "nafta-tracker"

    def ready(self) -> None:
        from .http_cache import connect_purge_signals

        connect_purge_signals()  # publishing purges the shared HTTP cache (a no-op unless configured)

        from .content_language import connect_signals

        connect_signals()  # history rows keep the English record (content_language)

        from .db_timestamps import connect_signals as read_timestamps_in_c

        read_timestamps_in_c()  # PostgreSQL timestamps parsed by psycopg's C loader (db_timestamps)
