"""Source moves from issues to rounds, and Milestone.issues becomes Issue.milestones.

Only Django's idea of the models changes: the tables (issues_source,
issues_historicalsource, rounds_milestone_issues) stay as they are. The content types
follow the model, so the Editors' permissions and the admin's log stay attached.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("source", "historicalsource"):
        if not ContentType.objects.filter(app_label="rounds", model=model).exists():
            ContentType.objects.filter(app_label="issues", model=model).update(app_label="rounds")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('issues', '0007_public_changed_at'),
        ('rounds', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='milestone',
                name='issues',
            ),
            migrations.CreateModel(
                name='HistoricalSource',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='updated at')),
                    ('kind', models.CharField(choices=[('article', 'News article'), ('press_release', 'Press release or media advisory'), ('official_document', 'Official document'), ('reference', 'Reference or timeline'), ('other', 'Other')], default='article', max_length=20, verbose_name='kind')),
                    ('slug', models.SlugField(max_length=200, verbose_name='slug')),
                    ('outlet', models.CharField(blank=True, help_text='e.g. AFP, CBC News.', max_length=200, verbose_name='outlet')),
                    ('title', models.CharField(blank=True, help_text='Headline as published.', max_length=300, verbose_name='title')),
                    ('description', models.CharField(blank=True, help_text='A short editorial description, used when the headline is not known.', max_length=300, verbose_name='description')),
                    ('url', models.URLField(blank=True, max_length=500, validators=[django.core.validators.URLValidator(message='Enter a valid http:// or https:// URL.', schemes=['http', 'https'])], verbose_name='URL')),
                    ('published_on', models.DateField(blank=True, null=True, verbose_name='published on')),
                    ('author', models.CharField(blank=True, max_length=200, verbose_name='author')),
                    ('dateline', models.CharField(blank=True, help_text='e.g. Ottawa.', max_length=100, verbose_name='dateline')),
                    ('notes', models.TextField(blank=True, verbose_name='notes')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical source',
                    'verbose_name_plural': 'historical sources',
                    'db_table': 'issues_historicalsource',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Source',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='updated at')),
                    ('kind', models.CharField(choices=[('article', 'News article'), ('press_release', 'Press release or media advisory'), ('official_document', 'Official document'), ('reference', 'Reference or timeline'), ('other', 'Other')], default='article', max_length=20, verbose_name='kind')),
                    ('slug', models.SlugField(max_length=200, unique=True, verbose_name='slug')),
                    ('outlet', models.CharField(blank=True, help_text='e.g. AFP, CBC News.', max_length=200, verbose_name='outlet')),
                    ('title', models.CharField(blank=True, help_text='Headline as published.', max_length=300, verbose_name='title')),
                    ('description', models.CharField(blank=True, help_text='A short editorial description, used when the headline is not known.', max_length=300, verbose_name='description')),
                    ('url', models.URLField(blank=True, max_length=500, validators=[django.core.validators.URLValidator(message='Enter a valid http:// or https:// URL.', schemes=['http', 'https'])], verbose_name='URL')),
                    ('published_on', models.DateField(blank=True, null=True, verbose_name='published on')),
                    ('author', models.CharField(blank=True, max_length=200, verbose_name='author')),
                    ('dateline', models.CharField(blank=True, help_text='e.g. Ottawa.', max_length=100, verbose_name='dateline')),
                    ('notes', models.TextField(blank=True, verbose_name='notes')),
                ],
                options={
                    'verbose_name': 'source',
                    'verbose_name_plural': 'sources',
                    'db_table': 'issues_source',
                    'ordering': [models.OrderBy(models.F('published_on'), descending=True, nulls_last=True), 'outlet', 'title'],
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('title', ''), _negated=True), models.Q(('description', ''), _negated=True), models.Q(('url', ''), _negated=True), _connector='OR'), name='source_identifiable', violation_error_code='unidentifiable', violation_error_message='Give at least a title, a description or a URL so readers can find the source.'), models.CheckConstraint(condition=models.Q(('url', ''), ('url__startswith', 'http://'), ('url__startswith', 'https://'), _connector='OR'), name='source_url_http'), models.CheckConstraint(condition=models.Q(('kind__in', ['article', 'press_release', 'official_document', 'reference', 'other'])), name='source_kind_valid'), models.UniqueConstraint(condition=models.Q(('url', ''), _negated=True), fields=('url',), name='source_url_unique', violation_error_code='unique', violation_error_message='Another source already has this URL.')],
                },
            ),
            migrations.AlterField(
                model_name='historicalmilestone',
                name='source',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='historicalofficial',
                name='source',
                field=models.ForeignKey(blank=True, db_constraint=False, help_text='Where the name and title are taken from.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='historicalround',
                name='source',
                field=models.ForeignKey(blank=True, db_constraint=False, help_text='Where the dates and place are taken from.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='milestone',
                name='source',
                field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='milestones', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='official',
                name='source',
                field=models.ForeignKey(blank=True, help_text='Where the name and title are taken from.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='officials', to='rounds.source', verbose_name='source'),
            ),
            migrations.AlterField(
                model_name='round',
                name='source',
                field=models.ForeignKey(blank=True, help_text='Where the dates and place are taken from.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='rounds', to='rounds.source', verbose_name='source'),
            ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
