"""The other half of rounds 0002: issues' facts cite rounds.Source; the tables stay.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('issues', '0007_public_changed_at'),
        ('rounds', '0002_source_moves_to_rounds'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.AlterField(
                model_name='historicalstatement',
                name='source',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='statusassessment',
                name='source',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='status_assessments', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='historicalposition',
                name='source',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='statement',
                name='source',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='statements', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='position',
                name='source',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='positions', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='historicalstatusassessment',
                name='source',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='source'),
            ),
            migrations.AddField(
                model_name='issue',
                name='milestones',
                field=models.ManyToManyField(blank=True, db_table='rounds_milestone_issues', help_text='Deadlines and dates that bear on the issue.', related_name='issues', to='rounds.milestone', verbose_name='milestones'),
            ),
            migrations.DeleteModel(
                name='HistoricalSource',
            ),
            migrations.DeleteModel(
                name='Source',
            ),
            ],
            database_operations=[],
        ),
    ]
