"""Load the shipped NAFTA record (``issues/seed/nafta/*.json``) into the database, idempotently.

The record is data, kept in one JSON file per kind in the shape the research produced
(``issues/seed/nafta/README.md`` lists its sources, what closed where, and what the
record could not establish). Every row goes through the services editors' writes go
through (``rounds.services.record_save``, ``issues.services.fact_save``), so the same
rules hold: a fact tied to a meeting is dated within it, dates are in range, quotes
are not duplicated, sources are identifiable.

Rows are matched on natural keys (slugs; for facts, their issue/party/source/date or
source and words) and written only when something differs, so a second run changes
nothing: no new rows, no touched ``updated_at``, no extra history entries.
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
from issues.services import fact_save
from rounds.models import Appointment, Milestone, Official, Party, Round, Source
from rounds.publishing import PublicationState
from rounds.services import record_save, suggest_round

DATA_DIR = Path(__file__).resolve().parent / "nafta"
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


def read_record(directory: Path = DATA_DIR) -> dict[str, list[dict[str, Any]]]:
    """The record's files, by kind (each a JSON list of objects)."""
    return {kind: json.loads((directory / f"{kind}.json").read_text(encoding="utf-8")) for kind in KINDS}


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class _Loader:
    def __init__(self, report: LoadReport) -> None:
        self.report = report

    def upsert(self, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any], *, save=record_save):
        """Create the row, or bring it in line with ``values``, through ``save``; never save an unchanged row."""
        label = str(model._meta.verbose_name_plural)
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


@transaction.atomic
def load_nafta_data(directory: Path = DATA_DIR) -> LoadReport:
    """Load (or re-load) the record in ``directory``. All or nothing."""
    record = read_record(directory)
    report = LoadReport()
    load = _Loader(report)

    parties = {
        row["slug"]: load.upsert(Party, {"slug": row["slug"]}, {k: v for k, v in row.items() if k != "slug"})
        for row in record["parties"]
    }
    sources = {}
    for row in record["sources"]:
        values = {k: v for k, v in row.items() if k != "slug"}
        values["published_on"] = _date(row["published_on"])
        sources[row["slug"]] = load.upsert(Source, {"slug": row["slug"]}, values)

    officials = {}
    for row in record["officials"]:
        values = {
            "name": row["name"],
            "title": row["title"],
            "role": row["role"],
            "party": parties.get(row["party"] or ""),
            "organisation": row["organisation"],
            "source": sources[row["source"]],
        }
        official = officials[row["slug"]] = load.upsert(Official, {"slug": row["slug"]}, values)
        for role in row["roles"]:
            lookup = {"official": official, "title": role["title"], "valid_from": _date(role["valid_from"])}
            values = {"role": role["role"], "valid_to": _date(role["valid_to"]), "source": sources[role["source"]]}
            load.upsert(Appointment, lookup, values)

    rounds = {}
    for row in record["meetings"]:
        values = {
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
        }
        meeting = rounds[row["slug"]] = load.upsert(Round, {"slug": row["slug"]}, values)
        load.set_m2m(meeting.parties, [parties[slug] for slug in row["parties"]], "parties at the table")

    issues = {}
    for row in record["issues"]:
        outcome = row["outcome"] or {}
        values = {
            "title": row["title"],
            "kind": row["kind"],
            "description": row["description"],
            "outcome_status": outcome.get("status", ""),
            "outcome_date": _date(outcome.get("date")),
            "outcome_date_precision": outcome.get("date_precision", "day"),
            "outcome_reference": outcome.get("reference", ""),
            "outcome_note": outcome.get("note", ""),
            "outcome_source": sources[outcome["source"]] if outcome else None,
        }
        issues[row["slug"]] = load.upsert(Issue, {"slug": row["slug"]}, values)
    for row in record["issues"]:
        issue = issues[row["slug"]]
        for other in row["related"]:
            if not issue.related.filter(pk=issues[other].pk).exists():
                issue.related.add(issues[other])
                report.updated["related issues"] += 1

    def dated(row: dict[str, Any]) -> dict[str, Any]:
        # A fact the record leaves without a meeting gets the one its date falls in, by the
        # rule every write follows (issues.services.fact_save); said here so a re-run compares
        # like with like.
        day = _date(row["date"])
        meeting = rounds.get(row["round"] or "") or suggest_round(date=day, date_precision=row["date_precision"])
        return {"round": meeting, "date": day, "date_precision": row["date_precision"], "date_text": row["date_text"]}

    for row in record["status"]:
        lookup = {"issue": issues[row["issue"]], "source": sources[row["source"]], "date": _date(row["date"])}
        values = {**dated(row), "status": row["status"], "note": row["note"]}
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
        values = {**dated(row), "summary": row["summary"]}
        del values["date"]
        load.publish_fact(Position, lookup, values)

    for row in record["statements"]:
        lookup = {"source": sources[row["source"]], "text": row["text"]}
        values = {
            **dated(row),
            "speaker": officials.get(row["speaker"] or ""),
            "attribution": row["attribution"],
            "attributed_party": parties.get(row["attributed_party"] or ""),
            "kind": row["kind"],
            "context": row["context"],
            "occasion": row["occasion"],
            "tone": row["tone"],
        }
        statement = load.publish_fact(Statement, lookup, values)
        load.set_m2m(statement.issues, [issues[slug] for slug in row["issues"]], "statement issues")

    for row in record["milestones"]:
        values = {
            "title": row["title"],
            "kind": row["kind"],
            "date": _date(row["date"]),
            "date_precision": row["date_precision"],
            "date_text": row["date_text"],
            "description": row["description"],
            "party": parties.get(row["party"] or ""),
            "round": rounds.get(row["round"] or ""),
            "source": sources[row["source"]],
        }
        milestone = load.upsert(Milestone, {"slug": row["slug"]}, values)
        load.set_m2m(milestone.issues, [issues[s] for s in row["issues"]], "milestone issues")
        load.set_m2m(milestone.officials, [officials[s] for s in row["officials"]], "milestone officials")

    return report
