"""Run by test_read_replica.py in a subprocess configured with two real databases.

DATABASE_URL and DATABASE_REPLICA_URL point at two copies of one migrated SQLite file,
then given different rows, so that each page shows which database it read. Prints JSON.
"""

import json

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402

from rounds.models import Party  # noqa: E402

Party.objects.create(name="Primaria", slug="primaria", iso_code="PR")
Party.objects.using("replica").create(name="Replicalandia", slug="replicalandia", iso_code="RL")
admin = User.objects.create_superuser("root", password="x")

anonymous, editor = Client(), Client()
editor.force_login(admin)


def names(response) -> list[str]:
    body = response.content.decode()
    return [name for name in ("Primaria", "Replicalandia") if name in body]


print(
    json.dumps(
        {
            "public page": names(anonymous.get("/parties/")),
            "public page, logged in": names(editor.get("/parties/")),
            "admin": names(editor.get("/admin/rounds/party/")),
            "healthz": anonymous.get("/healthz").json(),
        }
    )
)
