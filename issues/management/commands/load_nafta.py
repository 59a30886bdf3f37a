"""``manage.py load_nafta``: load the shipped 2017–2018 NAFTA data. Safe to run again."""

from django.core.management.base import BaseCommand

from issues.seed.load import load_nafta_data


class Command(BaseCommand):
    help = "Load the real 2017-2018 NAFTA negotiation data (parties, rounds, issues, statements, deadlines)."

    def handle(self, *args, **options) -> None:
        report = load_nafta_data()
        for line in report.lines():
            self.stdout.write(f"  {line}")
        if report.changed:
            self.stdout.write(self.style.SUCCESS("NAFTA data loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("NAFTA data already up to date; nothing changed."))
