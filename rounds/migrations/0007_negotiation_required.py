"""Rounds and milestones belong to a negotiation: the column becomes required once every row has one.

A migration of its own: PostgreSQL refuses to alter a table with foreign-key checks still
pending from the previous migration's updates in the same transaction.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("rounds", "0006_negotiations")]

    operations = [
        migrations.AlterField(
            model_name="round",
            name="negotiation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="rounds",
                to="rounds.negotiation",
                verbose_name="negotiation",
            ),
        ),
        migrations.AlterField(
            model_name="milestone",
            name="negotiation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="milestones",
                to="rounds.negotiation",
                verbose_name="negotiation",
            ),
        ),
    ]
