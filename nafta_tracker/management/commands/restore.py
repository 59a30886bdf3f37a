"""``manage.py restore FILE``: replace the database's contents with a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nafta_tracker.backup import check_backup_name, database_holds_data, restore_database


class Command(BaseCommand):
    help = "Replace the database's contents with a backup made by `manage.py backup`. Run migrate first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="A backup written by `manage.py backup`.")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Allow replacing a database that already holds users or data (they are deleted).",
        )

    def handle(self, *args, file: Path, database: str, replace: bool, **options) -> None:
        try:
            check_backup_name(file)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if not file.is_file():
            raise CommandError(f"No backup at {file}.")
        if database_holds_data(database=database) and not replace:
            raise CommandError(
                "The database already holds users or data, which a restore would delete. "
                "Restore into an empty (freshly migrated) database, or pass --replace (make restore REPLACE=1)."
            )
        restore_database(file, database=database)
        self.stdout.write(self.style.SUCCESS(f"Database restored from {file}."))
