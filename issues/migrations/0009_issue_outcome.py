"""An issue's outcome: what the final text says and where, or that it was dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('issues', '0008_source_moves_to_rounds'),
        ('rounds', '0003_meetings_and_appointments'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalissue',
            name='outcome_date',
            field=models.DateField(blank=True, null=True, verbose_name='outcome date'),
        ),
        migrations.AddField(
            model_name='historicalissue',
            name='outcome_date_precision',
            field=models.CharField(choices=[('day', 'exact day'), ('month', 'month only'), ('approximate', 'approximate')], default='day', max_length=12, verbose_name='outcome date precision'),
        ),
        migrations.AddField(
            model_name='historicalissue',
            name='outcome_note',
            field=models.TextField(blank=True, help_text='What the final text says, in our words.', verbose_name='outcome note'),
        ),
        migrations.AddField(
            model_name='historicalissue',
            name='outcome_reference',
            field=models.CharField(blank=True, help_text='Chapter and article, e.g. "USMCA Article 34.7".', max_length=200, verbose_name='where the final text settles it'),
        ),
        migrations.AddField(
            model_name='historicalissue',
            name='outcome_source',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='outcome source'),
        ),
        migrations.AddField(
            model_name='historicalissue',
            name='outcome_status',
            field=models.CharField(blank=True, choices=[('agreed', 'Agreed'), ('dropped', 'Dropped')], help_text='Empty while the issue is open.', max_length=10, verbose_name='outcome'),
        ),
        migrations.AddField(
            model_name='issue',
            name='outcome_date',
            field=models.DateField(blank=True, null=True, verbose_name='outcome date'),
        ),
        migrations.AddField(
            model_name='issue',
            name='outcome_date_precision',
            field=models.CharField(choices=[('day', 'exact day'), ('month', 'month only'), ('approximate', 'approximate')], default='day', max_length=12, verbose_name='outcome date precision'),
        ),
        migrations.AddField(
            model_name='issue',
            name='outcome_note',
            field=models.TextField(blank=True, help_text='What the final text says, in our words.', verbose_name='outcome note'),
        ),
        migrations.AddField(
            model_name='issue',
            name='outcome_reference',
            field=models.CharField(blank=True, help_text='Chapter and article, e.g. "USMCA Article 34.7".', max_length=200, verbose_name='where the final text settles it'),
        ),
        migrations.AddField(
            model_name='issue',
            name='outcome_source',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='issue_outcomes', to='rounds.source', verbose_name='outcome source'),
        ),
        migrations.AddField(
            model_name='issue',
            name='outcome_status',
            field=models.CharField(blank=True, choices=[('agreed', 'Agreed'), ('dropped', 'Dropped')], help_text='Empty while the issue is open.', max_length=10, verbose_name='outcome'),
        ),
        migrations.AddConstraint(
            model_name='issue',
            constraint=models.CheckConstraint(condition=models.Q(('outcome_status__in', ['', 'agreed', 'dropped'])), name='issue_outcome_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='issue',
            constraint=models.CheckConstraint(condition=models.Q(('outcome_status', ''), models.Q(('outcome_date__isnull', False), ('outcome_source__isnull', False)), _connector='OR'), name='issue_outcome_dated_and_sourced', violation_error_message='An outcome needs its date and its source.'),
        ),
        migrations.AddConstraint(
            model_name='issue',
            constraint=models.CheckConstraint(condition=models.Q(('outcome_date_precision__in', ['day', 'month', 'approximate'])), name='issue_outcome_date_precision_valid'),
        ),
    ]
