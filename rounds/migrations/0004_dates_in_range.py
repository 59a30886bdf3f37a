"""Dates in a sane range (1990-2100) on every route."""

import rounds.dates
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('rounds', '0003_meetings_and_appointments'),
    ]

    operations = [
        migrations.AlterField(
            model_name='appointment',
            name='valid_from',
            field=models.DateField(blank=True, help_text='Empty when unknown.', null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='from'),
        ),
        migrations.AlterField(
            model_name='appointment',
            name='valid_to',
            field=models.DateField(blank=True, help_text='Empty while in office or unknown.', null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='until'),
        ),
        migrations.AlterField(
            model_name='historicalappointment',
            name='valid_from',
            field=models.DateField(blank=True, help_text='Empty when unknown.', null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='from'),
        ),
        migrations.AlterField(
            model_name='historicalappointment',
            name='valid_to',
            field=models.DateField(blank=True, help_text='Empty while in office or unknown.', null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='until'),
        ),
        migrations.AlterField(
            model_name='historicalmilestone',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='historicalround',
            name='end_date',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='end date'),
        ),
        migrations.AlterField(
            model_name='historicalround',
            name='start_date',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='start date'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='published_on',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='published on'),
        ),
        migrations.AlterField(
            model_name='milestone',
            name='date',
            field=models.DateField(help_text='Best known date. If the source gives only a month, use the 1st and pick \'month only\'; if it is an estimate ("last week"), pick \'approximate\'.', validators=[rounds.dates.validate_date_in_range], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='round',
            name='end_date',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='end date'),
        ),
        migrations.AlterField(
            model_name='round',
            name='start_date',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='start date'),
        ),
        migrations.AlterField(
            model_name='source',
            name='published_on',
            field=models.DateField(blank=True, null=True, validators=[rounds.dates.validate_date_in_range], verbose_name='published on'),
        ),
    ]
