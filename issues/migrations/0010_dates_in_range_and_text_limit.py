"""Dates in a sane range (1990-2100) on every route, and statement text within what full-text search can index."""

import issues.limits
import rounds.dates
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('issues', '0009_issue_outcome'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalissue',
            name='outcome_date',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='outcome date'),
        ),
        migrations.AlterField(
            model_name='historicalposition',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='historicalstatement',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='historicalstatement',
            name='text',
            field=models.TextField(help_text='A quote verbatim, without the surrounding quotation marks.', validators=[issues.limits.validate_statement_text_length], verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='historicalstatusassessment',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='issue',
            name='outcome_date',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='outcome date'),
        ),
        migrations.AlterField(
            model_name='position',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='statement',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='statement',
            name='text',
            field=models.TextField(help_text='A quote verbatim, without the surrounding quotation marks.', validators=[issues.limits.validate_statement_text_length], verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='statusassessment',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
    ]
