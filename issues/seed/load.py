"""Load the shipped NAFTA data into the database, idempotently.

Rows are matched on natural keys (slugs; source and text for statements) and
written only when something differs, so a second run changes nothing: no new
rows, no touched ``updated_at``, no extra history entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from issues.models import Issue, Position, PublicationState, Source, Statement, StatusAssessment
from rounds.models import Milestone, Official, Party, Round

from . import data


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


def _upsert(
    report: LoadReport, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]
) -> models.Model:
    """Create the row, or bring it in line with ``values``; never save an unchanged row."""
    label = model._meta.verbose_name_plural
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        report.created[label] += 1
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.full_clean()
        instance.save()
        report.updated[label] += 1
    else:
        report.unchanged[label] += 1
    return instance


def _set_m2m(report: LoadReport, manager: Any, targets: Iterable[models.Model], label: str) -> None:
    wanted = {obj.pk for obj in targets}
    current = set(manager.values_list("pk", flat=True))
    if wanted != current:
        manager.set(list(wanted))
        report.updated[label] += 1


def _published(values: dict[str, Any], existing_model: type[models.Model], lookup: dict[str, Any]) -> dict[str, Any]:
    """Seed rows are the public record: published, keeping the first publication time."""
    existing = existing_model.objects.filter(**lookup).values_list("published_at", flat=True).first()
    return {**values, "state": PublicationState.PUBLISHED, "published_at": existing or timezone.now()}


@transaction.atomic
def load_nafta_data() -> LoadReport:
    """Load (or re-load) everything in ``issues.seed.data``. All or nothing."""
    report = LoadReport()

    parties = {
        row["slug"]: _upsert(report, Party, {"slug": row["slug"]}, {k: v for k, v in row.items() if k != "slug"})
        for row in data.PARTIES
    }
    sources = {
        row["slug"]: _upsert(report, Source, {"slug": row["slug"]}, {k: v for k, v in row.items() if k != "slug"})
        for row in data.SOURCES
    }
    officials = {}
    for row in data.OFFICIALS:
        values = {**row, "party": parties.get(row["party"]), "source": sources[row["source"]]}
        del values["slug"]
        officials[row["slug"]] = _upsert(report, Official, {"slug": row["slug"]}, values)

    rounds = {}
    for row in data.ROUNDS:
        values = {
            **row,
            "host_party": parties[row["host_party"]],
            "source": sources[row["source"]],
            "status": Round.Status.CONCLUDED,
        }
        del values["number"]
        rounds[row["number"]] = _upsert(report, Round, {"number": row["number"]}, values)

    issues = {}
    for row in data.ISSUES:
        issues[row["slug"]] = _upsert(
            report, Issue, {"slug": row["slug"]}, {k: v for k, v in row.items() if k != "slug"}
        )
    for left, right in data.RELATED_ISSUES:
        if not issues[left].related.filter(pk=issues[right].pk).exists():
            issues[left].related.add(issues[right])
            report.updated["related issues"] += 1

    for row in data.STATUS_ASSESSMENTS:
        lookup = {"issue": issues[row["issue"]], "source": sources[row["source"]], "date": row["date"]}
        values = {
            "status": row["status"],
            "round": rounds.get(row["round"]),
            "date_precision": row["date_precision"],
            "date_text": row.get("date_text", ""),
            "note": row["note"],
        }
        _upsert(report, StatusAssessment, lookup, _published(values, StatusAssessment, lookup))

    for row in data.POSITIONS:
        lookup = {
            "issue": issues[row["issue"]],
            "party": parties[row["party"]],
            "source": sources[row["source"]],
            "kind": row["kind"],
            "date": row["date"],
        }
        values = {
            "summary": row["summary"],
            "round": rounds.get(row["round"]),
            "date_precision": row["date_precision"],
            "date_text": row.get("date_text", ""),
        }
        _upsert(report, Position, lookup, _published(values, Position, lookup))

    for row in data.STATEMENTS:
        lookup = {"source": sources[row["source"]], "text": row["text"]}
        values = {
            "speaker": officials.get(row["speaker"]) if row["speaker"] else None,
            "attribution": row.get("attribution", ""),
            "attributed_party": parties.get(row.get("attributed_party") or ""),
            "kind": row["kind"],
            "context": row["context"],
            "occasion": row["occasion"],
            "round": rounds.get(row["round"]),
            "date": row["date"],
            "date_precision": row["date_precision"],
            "date_text": row["date_text"],
            "tone": row["tone"],
        }
        statement = _upsert(report, Statement, lookup, _published(values, Statement, lookup))
        _set_m2m(report, statement.issues, [issues[slug] for slug in row["issues"]], "statement issues")

    for row in data.MILESTONES:
        values = {k: v for k, v in row.items() if k not in {"slug", "issues", "officials", "party", "source"}}
        values.update(party=parties.get(row["party"] or ""), source=sources[row["source"]])
        milestone = _upsert(report, Milestone, {"slug": row["slug"]}, values)
        _set_m2m(report, milestone.issues, [issues[s] for s in row["issues"]], "milestone issues")
        _set_m2m(report, milestone.officials, [officials[s] for s in row["officials"]], "milestone officials")

    return report
