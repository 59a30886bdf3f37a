"""Load the shipped record (``issues/seed/<negotiation>/*.json``) into the database, idempotently.

The record is data, kept per negotiation in one folder with one JSON file per kind, in
the shape the research produced: ``nafta/`` (the 2017-2020 renegotiation) and
``usmca-review-2026/`` (the joint review). Each folder's README lists its sources, what
the record could not establish and where it stops. ``negotiation.json`` describes the
talks; the folder's meetings, issues, milestones and facts belong to them. Parties,
sources and officials are shared by all negotiations: a folder lists those it uses, and
an official's roles are gathered from every folder. Every row goes through the services
editors' writes go through (``rounds.services.record_save``, ``issues.services.fact_save``),
so the same rules hold: a fact tied to a meeting is dated within it and belongs to its
negotiation, dates are in range, quotes are not duplicated, sources are identifiable.

Rows are matched on natural keys (slugs; for facts, their issue/party/source/date or
source and words) and written only when something differs, so a second run changes
nothing: no new rows, no touched ``updated_at``, no extra history entries.

Texts are English (the record). A translated text (``nafta_tracker.content_language``) may
have its French and Spanish beside it: ``title_fr`` and ``title_es`` next to ``title``,
also inside nested objects (an issue's ``outcome.note_fr``, an official's
``roles[].title_fr``). A key that is absent leaves the translation in the database as it
is (an editor may have entered it); an empty one clears it (NULL: English is shown).
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from issues.models import Issue, Position, Statement, StatusAssessment
from issues.services import fact_save, statement_translations_set
from nafta_tracker.content_language import TRANSLATIONS, english, translated_fields
from rounds.models import Appointment, Milestone, Negotiation, Official, Party, Round, Source
from rounds.publishing import PublicationState
from rounds.services import record_save, suggest_round

SEED_DIR = Path(__file__).resolve().parent
#: The shipped negotiations, oldest first: a later one's issues may continue an earlier one's.
RECORD_DIRS = (SEED_DIR / "nafta", SEED_DIR / "usmca-review-2026")
KINDS = ("parties", "sources", "officials", "meetings", "issues", "status", "positions", "statements", "milestones")


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def lines(self) -> list[str]:
        names = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{name}: {self.created[name]} created, {self.updated[name]} updated, {self.unchanged[name]} unchanged"
            for name in names
        ]


def read_record(directory: Path) -> dict[str, Any]:
    """One negotiation's files, by kind (each a JSON list of objects; a missing file is an
    empty list), and ``negotiation``, the object in ``negotiation.json``."""
    record: dict[str, Any] = {
        kind: json.loads(path.read_text(encoding="utf-8")) if (path := directory / f"{kind}.json").exists() else []
        for kind in KINDS
    }
    record["negotiation"] = json.loads((directory / "negotiation.json").read_text(encoding="utf-8"))
    return record


def merged_officials(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each official once: the details of the newest folder that describes them, and the
    roles of every folder (the same person served in both negotiations). A role two
    folders both give (same title, same start) keeps the first folder's source."""
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        for row in record["officials"]:
            known = merged.get(row["slug"], {"roles": []})
            seen = {(role["title"], role["valid_from"]) for role in known["roles"]}
            roles = known["roles"] + [role for role in row["roles"] if (role["title"], role["valid_from"]) not in seen]
            merged[row["slug"]] = {**known, **row, "roles": roles}
    return list(merged.values())


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def translations(row: dict[str, Any], **fields: str) -> dict[str, str | None]:
    """The French and Spanish texts ``row`` gives, by model field: ``translations(outcome,
    outcome_note="note")`` reads ``note_fr`` and ``note_es`` into ``outcome_note_fr`` and
    ``outcome_note_es``. Absent keys are left out (the database keeps what it has); an empty
    text is None, a missing translation."""
    found: dict[str, str | None] = {}
    for field_name, key in fields.items():
        for language in TRANSLATIONS:
            if f"{key}_{language}" in row:
                found[f"{field_name}_{language}"] = row[f"{key}_{language}"] or None
    return found


def _same(*names: str) -> dict[str, str]:
    return {name: name for name in names}


class _Loader:
    def __init__(self, report: LoadReport) -> None:
        self.report = report

    def upsert(self, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any], *, save=record_save):
        """Create the row, or bring it in line with ``values``, through ``save``; never save an unchanged row."""
        label = str(model._meta.verbose_name_plural)
        for name in translated_fields(model):  # "" and None both mean no translation
            for language in TRANSLATIONS:
                if values.get(f"{name}_{language}", None) == "":
                    values = {**values, f"{name}_{language}": None}
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            instance = model(**lookup)
            save(instance, **values)
            self.report.created[label] += 1
            return instance
        changed = {name: value for name, value in values.items() if getattr(instance, name) != value}
        if changed:
            save(instance, **changed)
            self.report.updated[label] += 1
        else:
            self.report.unchanged[label] += 1
        return instance

    def publish_fact(self, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]):
        """A fact of the public record: published, keeping its first publication time."""
        existing = model._default_manager.filter(**lookup).values_list("published_at", flat=True).first()
        values = {**values, "state": PublicationState.PUBLISHED, "published_at": existing or timezone.now()}
        return self.upsert(model, lookup, values, save=fact_save)

    def set_m2m(self, manager: Any, targets: Iterable[models.Model], label: str) -> None:
        wanted = {obj.pk for obj in targets}
        if wanted != set(manager.values_list("pk", flat=True)):
            manager.set(list(wanted))
            self.report.updated[label] += 1

    def set_translations(self, statement: Statement, translations: list[dict[str, Any]]) -> None:
        """Make the row's translations the statement's; write nothing when they already are."""
        wanted = sorted((t["language"], t["text"], t.get("note") or "") for t in translations)
        have = sorted(statement.translations.values_list("language", "text", "note"))
        if wanted != have:
            statement_translations_set(statement=statement, translations=translations)
            self.report.updated["statement translations"] += 1


@transaction.atomic
def load_record(directories: Iterable[Path] = RECORD_DIRS) -> LoadReport:
    """Load (or re-load) the negotiations whose records are in ``directories``. All or nothing.

    Reads compare English with English whatever language is active (``english()``).
    """
    with english():
        return _load_records(directories)


def _load_records(directories: Iterable[Path]) -> LoadReport:
    records = [read_record(directory) for directory in directories]
    report = LoadReport()
    load = _Loader(report)

    parties: dict[str, Party] = {}
    for row in (row for record in records for row in record["parties"]):
        values = {k: v for k, v in row.items() if k != "slug"}
        parties[row["slug"]] = load.upsert(Party, {"slug": row["slug"]}, values)
    sources: dict[str, Source] = {}
    for row in (row for record in records for row in record["sources"]):
        values = {k: v for k, v in row.items() if k != "slug"}
        values["published_on"] = _date(row["published_on"])
        sources[row["slug"]] = load.upsert(Source, {"slug": row["slug"]}, values)

    officials: dict[str, Official] = {}
    for row in merged_officials(records):
        latest = row["roles"][-1] if row["roles"] else {}
        values = {
            "name": row["name"],
            "title": row.get("title", latest.get("title", "")),
            "role": row.get("role", latest.get("role", "official")),
            "party": parties.get(row["party"] or ""),
            "organisation": row["organisation"] or "",
            "source": sources[row.get("source") or latest["source"]],
            **translations(row if "title" in row else latest, title="title"),
        }
        official = officials[row["slug"]] = load.upsert(Official, {"slug": row["slug"]}, values)
        for role in row["roles"]:
            lookup = {"official": official, "title": role["title"], "valid_from": _date(role["valid_from"])}
            values = {
                "role": role["role"],
                "valid_to": _date(role["valid_to"]),
                "source": sources[role["source"]],
                **translations(role, title="title"),
            }
            load.upsert(Appointment, lookup, values)

    issues: dict[str, Issue] = {}
    for record in records:
        _load_negotiation(record, load, parties=parties, sources=sources, officials=officials, issues=issues)
    return report


def load_nafta_data() -> LoadReport:
    """The whole shipped record (the name predates the second negotiation; tests and the
    ``load_nafta`` command call it)."""
    return load_record()


def _load_negotiation(
    record: dict[str, Any],
    load: _Loader,
    *,
    parties: dict[str, Party],
    sources: dict[str, Source],
    officials: dict[str, Official],
    issues: dict[str, Issue],
) -> None:
    """One folder: its negotiation, then its meetings, issues, facts and milestones."""
    report = load.report
    row = record["negotiation"]
    values = {
        "name": row["name"],
        "short_name": row["short_name"],
        "agreement": row["agreement"],
        "start_date": _date(row["start_date"]),
        "end_date": _date(row.get("end_date")),
        "status": row["status"],
        "summary": row.get("summary", ""),
        "record_ends_on": _date(row.get("record_ends_on")),
        "source": sources[row["source"]] if row.get("source") else None,
        **translations(row, **_same("name", "short_name", "summary")),
    }
    negotiation = load.upsert(Negotiation, {"slug": row["slug"]}, values)
    load.set_m2m(negotiation.parties, [parties[slug] for slug in row.get("parties", [])], "negotiation parties")

    rounds = {}
    for row in record["meetings"]:
        values = {
            "negotiation": negotiation,
            "kind": row["kind"],
            "number": row["number"],
            "title": row["title"] if row["number"] is None else "",
            "city": row["city"],
            "host_party": parties.get(row["host_party"] or ""),
            "start_date": _date(row["start_date"]),
            "end_date": _date(row["end_date"]),
            "status": row["status"],
            "summary": row["summary"],
            "source": sources[row["source"]],
            **translations(row, **_same("city", "summary")),
            **(translations(row, title="title") if row["number"] is None else {}),
        }
        meeting = rounds[row["slug"]] = load.upsert(Round, {"slug": row["slug"]}, values)
        load.set_m2m(meeting.parties, [parties[slug] for slug in row["parties"]], "parties at the table")

    for row in record["issues"]:
        outcome = row["outcome"] or {}
        values = {
            "negotiation": negotiation,
            "title": row["title"],
            "kind": row["kind"],
            "description": row["description"],
            "outcome_status": outcome.get("status", ""),
            "outcome_date": _date(outcome.get("date")),
            "outcome_date_precision": outcome.get("date_precision", "day"),
            "outcome_reference": outcome.get("reference", ""),
            "outcome_note": outcome.get("note", ""),
            "outcome_source": sources[outcome["source"]] if outcome else None,
            **translations(row, **_same("title", "description")),
            **translations(outcome, outcome_note="note"),
        }
        issues[row["slug"]] = load.upsert(Issue, {"slug": row["slug"]}, values)
    for row in record["issues"]:
        issue = issues[row["slug"]]
        continues = issues[row["continues"]] if row.get("continues") else None
        if issue.continues_id != (continues.pk if continues else None):
            record_save(issue, continues=continues)
            report.updated["issues continued"] += 1
        for other in row.get("related", []):
            if not issue.related.filter(pk=issues[other].pk).exists():
                issue.related.add(issues[other])
                report.updated["related issues"] += 1

    def dated(row: dict[str, Any]) -> dict[str, Any]:
        # A fact the record leaves without a meeting gets the one its date falls in, by the
        # rule every write follows (issues.services.fact_save); said here so a re-run compares
        # like with like.
        day = _date(row["date"])
        meeting = rounds.get(row["round"] or "") or suggest_round(
            date=day, date_precision=row["date_precision"], negotiation_id=negotiation.pk
        )
        return {"round": meeting, "date": day, "date_precision": row["date_precision"], "date_text": row["date_text"]}

    for row in record["status"]:
        lookup = {"issue": issues[row["issue"]], "source": sources[row["source"]], "date": _date(row["date"])}
        values = {**dated(row), "status": row["status"], "note": row["note"], **translations(row, note="note")}
        del values["date"]
        load.publish_fact(StatusAssessment, lookup, values)

    for row in record["positions"]:
        lookup = {
            "issue": issues[row["issue"]],
            "party": parties[row["party"]],
            "source": sources[row["source"]],
            "kind": row["kind"],
            "date": _date(row["date"]),
        }
        values = {**dated(row), "summary": row["summary"], **translations(row, summary="summary")}
        del values["date"]
        load.publish_fact(Position, lookup, values)

    for row in record["statements"]:
        lookup = {"source": sources[row["source"]], "text": row["text"]}
        values = {
            **dated(row),
            "negotiation": negotiation,
            "speaker": officials.get(row["speaker"] or ""),
            "attribution": row["attribution"],
            "attributed_party": parties.get(row["attributed_party"] or ""),
            "kind": row["kind"],
            # The language the words are in (English unless the row says), and translations
            # only where the source printed one: the record never translates a quote itself.
            "language": row.get("language", "en"),
            "context": row["context"],
            "occasion": row["occasion"],
            "tone": row["tone"],
        }
        statement = load.publish_fact(Statement, lookup, values)
        load.set_m2m(statement.issues, [issues[slug] for slug in row["issues"]], "statement issues")
        load.set_translations(statement, row.get("translations") or [])

    for row in record["milestones"]:
        values = {
            "negotiation": negotiation,
            "title": row["title"],
            "kind": row["kind"],
            "date": _date(row["date"]),
            "date_precision": row["date_precision"],
            "date_text": row["date_text"],
            "description": row["description"],
            "party": parties.get(row["party"] or ""),
            "round": rounds.get(row["round"] or ""),
            "source": sources[row["source"]],
            **translations(row, **_same("title", "description")),
        }
        milestone = load.upsert(Milestone, {"slug": row["slug"]}, values)
        load.set_m2m(milestone.issues, [issues[s] for s in row["issues"]], "milestone issues")
        load.set_m2m(milestone.officials, [officials[s] for s in row["officials"]], "milestone officials")
