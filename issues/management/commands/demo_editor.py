"""``manage.py demo_editor``: a known editor account for the local SQLite demo only.

It refuses to run unless debug is on and the database is SQLite, so it cannot
create a well-known password on a production database by mistake.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

USERNAME = "editor"
PASSWORD = "nafta-demo-2018"


class Command(BaseCommand):
    help = "Create the demo editor account (local SQLite demo only) and print its credentials."

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_EDITOR_ENABLED or connection.vendor != "sqlite":
            raise CommandError(
                "demo_editor only runs for the local demo: DJANGO_DEBUG=1 with the default SQLite database."
            )
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            user = User.objects.create_user(USERNAME, password=PASSWORD, is_staff=True)
            user.groups.add(Group.objects.get(name="Editors"))
            self.stdout.write(self.style.SUCCESS("Created the demo editor account."))
        self.stdout.write(f"  Admin:    http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/")
        self.stdout.write(f"  Username: {USERNAME}")
        self.stdout.write(f"  Password: {PASSWORD}  (unless you changed it)")
