"""The seed loader reads French and Spanish beside each English text, nested ones too, and
a second run changes nothing."""

import json
import shutil

import pytest
from django.utils import translation

from issues.models import Issue, StatusAssessment
from issues.seed.load import SEED_DIR, load_record
from rounds.models import Appointment, Negotiation, Official

pytestmark = pytest.mark.django_db


@pytest.fixture
def record_with_translations(tmp_path):
    """The shipped NAFTA folder, with a few translations added (the real ones come later)."""
    folder = tmp_path / "nafta"
    shutil.copytree(SEED_DIR / "nafta", folder)

    def edit(name, change):
        path = folder / f"{name}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def issues(rows):
        row = next(row for row in rows if row["outcome"])
        row["title_fr"] = "Titre en français"
        row["outcome"]["note_fr"] = "Note de résultat"
        row["outcome"]["note_es"] = ""
        rows_with_outcome.append(row["slug"])

    def officials(rows):
        row = next(row for row in rows if row["roles"])
        row["roles"][0]["title_fr"] = "Titre du rôle"
        officials_with_role.append((row["slug"], row["roles"][0]["title"]))

    def status(rows):
        rows[0]["note_es"] = "Nota en español"

    rows_with_outcome: list[str] = []
    officials_with_role: list[tuple[str, str]] = []
    edit("issues", issues)
    edit("officials", officials)
    edit("status", status)
    return folder, rows_with_outcome[0], officials_with_role[0]


def test_the_loader_reads_nested_translations_and_a_second_run_changes_nothing(record_with_translations):
    folder, issue_slug, (official_slug, role_title) = record_with_translations
    with translation.override("fr"):  # the interface language decides nothing
        first = load_record([folder])
    assert first.changed
    issue = Issue.objects.get(slug=issue_slug)
    assert (issue.title_fr, issue.outcome_note_fr, issue.outcome_note_es) == (
        "Titre en français",
        "Note de résultat",
        None,
    )
    assert issue.title_en != "Titre en français"
    assert Issue.objects.filter(title=issue.title_en).exists()
    role = Appointment.objects.get(official__slug=official_slug, title=role_title)
    assert role.title_fr == "Titre du rôle"
    assert StatusAssessment.objects.filter(note_es="Nota en español").count() == 1
    negotiation = Negotiation.objects.get(slug="nafta")
    assert negotiation.name_fr == "Renégociation de l'ALENA, 2017-2020"  # the old keys still work
    assert Official.objects.filter(slug=official_slug).exists()

    with translation.override("es"):
        second = load_record([folder])
    assert not second.changed, second.lines()
