"""``manage.py purge_http_cache [KEY ...]``: drop responses from the shared HTTP cache (nafta_tracker/http_cache.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from nafta_tracker.http_cache import ALL_KEY, purge


class Command(BaseCommand):
    help = (
        "Ask every cache in DJANGO_HTTP_CACHE_PURGE_URLS to drop the responses tagged with the keys "
        "(default: all of them). Run it after a deploy: a new build changes every page."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("keys", nargs="*", help="Surrogate keys, e.g. issues.statement or lang:fr (default: all)")

    def handle(self, *args, keys: list[str], **options) -> None:
        urls = settings.HTTP_CACHE_PURGE_URLS
        if not urls:
            self.stdout.write("No shared cache configured (DJANGO_HTTP_CACHE_PURGE_URLS): nothing to purge.")
            return
        keys = keys or [ALL_KEY]
        confirmed = purge(keys)
        if confirmed < len(urls):
            raise CommandError(
                f"{len(urls) - confirmed} of {len(urls)} caches did not confirm the purge (see the log)."
            )
        self.stdout.write(self.style.SUCCESS(f"Purged {' '.join(keys)} from {confirmed} cache(s)."))
