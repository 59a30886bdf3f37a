"""``manage.py backup FILE``: write the whole database to FILE (see nafta_tracker/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nafta_tracker.backup import backup_database


class Command(BaseCommand):
    help = (
        "Write the whole database (data, history, users, admin log) to an XML file; .xml.gz or .xml.xz compresses it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Where to write, e.g. backups/nafta.xml.gz")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file: Path, database: str, **options) -> None:
        try:
            backup_database(file, database=database)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written to {file} ({file.stat().st_size:,} bytes)."))
