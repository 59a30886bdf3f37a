"""Rounds become meetings of any kind (with who was at the table), and officials get appointments over time."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('rounds', '0002_source_moves_to_rounds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Appointment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated at')),
                ('title', models.CharField(help_text='Title or role as the source gives it.', max_length=200, verbose_name='title')),
                ('role', models.CharField(choices=[('head_of_government', 'head of state or government'), ('minister', 'minister'), ('trade_representative', 'trade representative'), ('chief_negotiator', 'chief negotiator'), ('official', 'official'), ('stakeholder', 'stakeholder')], default='official', max_length=30, verbose_name='role')),
                ('valid_from', models.DateField(blank=True, help_text='Empty when the source does not say.', null=True, verbose_name='from')),
                ('valid_to', models.DateField(blank=True, help_text='Empty while in office or unknown.', null=True, verbose_name='until')),
            ],
            options={
                'verbose_name': 'appointment',
                'verbose_name_plural': 'appointments',
                'ordering': ['official', models.OrderBy(models.F('valid_from'), nulls_first=True), 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalAppointment',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated at')),
                ('title', models.CharField(help_text='Title or role as the source gives it.', max_length=200, verbose_name='title')),
                ('role', models.CharField(choices=[('head_of_government', 'head of state or government'), ('minister', 'minister'), ('trade_representative', 'trade representative'), ('chief_negotiator', 'chief negotiator'), ('official', 'official'), ('stakeholder', 'stakeholder')], default='official', max_length=30, verbose_name='role')),
                ('valid_from', models.DateField(blank=True, help_text='Empty when the source does not say.', null=True, verbose_name='from')),
                ('valid_to', models.DateField(blank=True, help_text='Empty while in office or unknown.', null=True, verbose_name='until')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical appointment',
                'verbose_name_plural': 'historical appointments',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterModelOptions(
            name='historicalround',
            options={'get_latest_by': ('history_date', 'history_id'), 'ordering': ('-history_date', '-history_id'), 'verbose_name': 'historical round or meeting', 'verbose_name_plural': 'historical rounds and meetings'},
        ),
        migrations.AlterModelOptions(
            name='round',
            options={'ordering': [models.OrderBy(models.F('start_date'), nulls_last=True), models.OrderBy(models.F('number'), nulls_last=True)], 'verbose_name': 'round or meeting', 'verbose_name_plural': 'rounds and meetings'},
        ),
        migrations.AddField(
            model_name='historicalround',
            name='kind',
            field=models.CharField(choices=[('round', 'negotiating round'), ('ministerial', 'ministerial meeting'), ('intersessional', 'intersessional meeting'), ('bilateral', 'bilateral talks'), ('leaders', "leaders' meeting"), ('signing', 'signing'), ('other', 'other meeting')], default='round', max_length=16, verbose_name='kind'),
        ),
        migrations.AddField(
            model_name='historicalround',
            name='title',
            field=models.CharField(blank=True, help_text='For meetings that are not numbered rounds, e.g. "Ministerial meeting, Washington".', max_length=200, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='round',
            name='kind',
            field=models.CharField(choices=[('round', 'negotiating round'), ('ministerial', 'ministerial meeting'), ('intersessional', 'intersessional meeting'), ('bilateral', 'bilateral talks'), ('leaders', "leaders' meeting"), ('signing', 'signing'), ('other', 'other meeting')], default='round', max_length=16, verbose_name='kind'),
        ),
        migrations.AddField(
            model_name='round',
            name='parties',
            field=models.ManyToManyField(blank=True, help_text='Who negotiated there: all three, or two in bilateral talks.', related_name='meetings', to='rounds.party', verbose_name='parties at the table'),
        ),
        migrations.AddField(
            model_name='round',
            name='title',
            field=models.CharField(blank=True, help_text='For meetings that are not numbered rounds, e.g. "Ministerial meeting, Washington".', max_length=200, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='historicalround',
            name='host_party',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Empty when the meeting was held outside the three countries.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.party', verbose_name='host party'),
        ),
        migrations.AlterField(
            model_name='historicalround',
            name='number',
            field=models.PositiveSmallIntegerField(blank=True, db_index=True, help_text='Formal rounds only: 1, 2, 3…', null=True, verbose_name='number'),
        ),
        migrations.AlterField(
            model_name='round',
            name='host_party',
            field=models.ForeignKey(blank=True, help_text='Empty when the meeting was held outside the three countries.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='hosted_rounds', to='rounds.party', verbose_name='host party'),
        ),
        migrations.AlterField(
            model_name='round',
            name='number',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Formal rounds only: 1, 2, 3…', null=True, unique=True, verbose_name='number'),
        ),
        migrations.AddConstraint(
            model_name='round',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['round', 'ministerial', 'intersessional', 'bilateral', 'leaders', 'signing', 'other'])), name='round_kind_valid'),
        ),
        migrations.AddConstraint(
            model_name='round',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'round'), _negated=True), ('number__isnull', False), _connector='OR'), name='round_formal_has_number', violation_error_message='A formal negotiating round needs its number.'),
        ),
        migrations.AddConstraint(
            model_name='round',
            constraint=models.CheckConstraint(condition=models.Q(('kind', 'round'), models.Q(('title', ''), _negated=True), _connector='OR'), name='round_meeting_has_title', violation_error_message='Give a meeting that is not a numbered round a title.'),
        ),
        migrations.AddField(
            model_name='appointment',
            name='official',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='appointments', to='rounds.official', verbose_name='official'),
        ),
        migrations.AddField(
            model_name='appointment',
            name='source',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='appointments', to='rounds.source', verbose_name='source'),
        ),
        migrations.AddField(
            model_name='historicalappointment',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalappointment',
            name='official',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.official', verbose_name='official'),
        ),
        migrations.AddField(
            model_name='historicalappointment',
            name='source',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='source'),
        ),
        migrations.AddConstraint(
            model_name='appointment',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['head_of_government', 'minister', 'trade_representative', 'chief_negotiator', 'official', 'stakeholder'])), name='appointment_role_valid'),
        ),
        migrations.AddConstraint(
            model_name='appointment',
            constraint=models.CheckConstraint(condition=models.Q(('valid_from__isnull', True), ('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='appointment_ends_after_it_starts', violation_error_message='An appointment cannot end before it starts.'),
        ),
    ]
