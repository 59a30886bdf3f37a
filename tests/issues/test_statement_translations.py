"""A translation is attached to a statement, never in the words' own language, once per language."""

import json
import shutil

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from issues import services
from issues.models import Statement, StatementTranslation
from issues.seed.load import RECORD_DIRS, load_record
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def test_a_translation_in_the_words_own_language_is_refused():
    statement = StatementFactory(text="Nous avançons", language="fr")
    with pytest.raises(ValidationError) as refused:
        services.statement_translation_save(
            translation=StatementTranslation(statement=statement), language="fr", text="Nous progressons"
        )
    assert "language" in refused.value.message_dict
    assert not StatementTranslation.objects.exists()


def test_the_database_keeps_one_translation_per_language():
    statement = StatementFactory(text="Nous avançons", language="fr")
    StatementTranslation.objects.create(statement=statement, language="en", text="We are moving forward")
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementTranslation.objects.create(statement=statement, language="en", text="We are progressing")


def test_the_database_refuses_an_unknown_language():
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementFactory(language="xx")


def test_a_translation_marks_its_statement_changed_in_its_history():
    statement = StatementFactory(text="Nous avançons", language="fr")
    versions = statement.history.count()
    translation = services.statement_translation_save(
        translation=StatementTranslation(statement=statement), language="en", text="We are moving forward"
    )
    assert statement.history.count() == versions + 1
    assert statement.history.first().history_change_reason == "Translations changed"
    services.statement_translation_save(translation=translation, text="We are moving forward")  # unchanged
    assert statement.history.count() == versions + 1
    services.statement_translation_delete(translation=translation)
    assert statement.history.count() == versions + 2
    assert StatementTranslation.history.count() == 2  # created, deleted: its own history too


def test_setting_the_same_translations_twice_writes_nothing():
    statement = StatementFactory(text="Nous avançons", language="fr")
    wanted = [{"language": "en", "text": "We are moving forward", "note": "the source's translation"}]
    services.statement_translations_set(statement=statement, translations=wanted)
    stamp = Statement.objects.get(pk=statement.pk).updated_at
    services.statement_translations_set(statement=statement, translations=wanted)
    assert Statement.objects.get(pk=statement.pk).updated_at == stamp
    services.statement_translations_set(statement=statement, translations=[])
    assert not statement.translations.exists()


def test_the_shipped_spanish_quotes_say_they_are_in_spanish():
    load_record()
    ebrard = Statement.objects.get(text="México desea que el T-MEC continúe y se fortalezca")
    assert ebrard.language == "es"
    assert not StatementTranslation.objects.exists()  # no source of the record printed one
    assert Statement.objects.filter(language="es").count() == 15


def test_the_loader_takes_a_statements_translations_and_loads_them_once(tmp_path):
    folders = []
    for folder in RECORD_DIRS:
        copy = tmp_path / folder.name
        shutil.copytree(folder, copy)
        folders.append(copy)
    path = folders[1] / "statements.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    spanish = next(row for row in rows if row.get("language") == "es")
    # Test data only: the shipped record carries no translation its sources did not print.
    spanish["translations"] = [{"language": "en", "text": "(test) a translation", "note": "the source's translation"}]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")

    first = load_record(folders)
    translation = StatementTranslation.objects.get()
    assert (translation.statement.text, translation.language, translation.note) == (
        spanish["text"],
        "en",
        "the source's translation",
    )
    assert first.updated["statement translations"] == 1
    stamps = list(Statement.objects.order_by("pk").values_list("updated_at", flat=True))

    second = load_record(folders)
    assert not second.changed
    assert list(Statement.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert StatementTranslation.history.count() == 1
