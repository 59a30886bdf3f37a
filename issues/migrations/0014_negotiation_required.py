"""Issues and statements belong to a negotiation: the column becomes required once every row has one.

A migration of its own: PostgreSQL refuses to alter a table with foreign-key checks still
pending from the previous migration's updates in the same transaction.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("issues", "0013_negotiations"), ("rounds", "0007_negotiation_required")]

    operations = [
        migrations.AlterField(
            model_name="issue",
            name="negotiation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="issues",
                to="rounds.negotiation",
                verbose_name="negotiation",
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="negotiation",
            field=models.ForeignKey(
                blank=True,
                help_text="Filled in from the round, the issues or the date when left empty.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="statements",
                to="rounds.negotiation",
                verbose_name="negotiation",
            ),
        ),
    ]
