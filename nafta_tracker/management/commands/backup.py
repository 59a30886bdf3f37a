"""``manage.py backup FILE``: write the whole database to FILE (see nafta_tracker/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from nafta_tracker.backup import backup_database


class Command(BaseCommand):
    help = "Write the whole database (data, history, users, admin log) to a JSON file; .gz or .xz compresses it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Where to write, e.g. backups/nafta.json.gz")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file: Path, database: str, **options) -> None:
        backup_database(file, database=database)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {file} ({file.stat().st_size:,} bytes)."))
