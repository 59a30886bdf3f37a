"""A large synthetic NAFTA-like data set, built fast with bulk_create, for benchmarks and load tests.

    python -m bench.synthetic [--statements 100000] [--reset]

Defaults: 3 parties, 1,000 officials, 50 rounds, 300 issues, 2,000 sources,
3,000 status assessments, 4,500 positions, 100,000 statements (each about 1 to 3
issues), 100 milestones; about 5% of statements, positions and assessments are
drafts, so the benchmarks also pay for hiding them. Rows are deterministic (fixed
random seed) and marked with the ``syn-`` slug prefix. ``--reset`` deletes every
row of the domain tables first: only point it at a throw-away database (the
benchmark uses ``nafta_bench``). Run against the database DATABASE_URL names.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

WORDS = (
    "dairy autos tariffs sunset clause dispute settlement rules origin steel aluminum lumber "
    "labour workers rights environment investment procurement agriculture energy textiles "
    "digital trade intellectual property pharmaceuticals seasonal produce chapter nineteen "
    "progress agreement distance proposal counter concession deadline election congress "
    "negotiators ministers round talks table compromise framework review modernize "
    "quite far apart close gaps bridge productive constructive difficult serious"
).split()


@dataclass
class Scale:
    officials: int = 1_000
    rounds: int = 50
    issues: int = 300
    sources: int = 2_000
    assessments_per_issue: int = 10
    positions_per_issue_and_party: int = 5
    statements: int = 100_000
    milestones: int = 100


def _setup_django() -> None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nafta_tracker.settings")
    # Debug off, as in production (debug keeps a log of every query); a throw-away key for that.
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-key")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    _create_postgres_database(os.environ.get("DATABASE_URL", ""))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _create_postgres_database(url: str) -> None:
    """Create the benchmark's PostgreSQL database if it does not exist yet (a fresh machine has none)."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres") or not parts.path.strip("/"):
        return
    import psycopg
    from psycopg import sql

    name = unquote(parts.path.strip("/"))
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created the PostgreSQL database {name}", file=sys.stderr)


def reset() -> None:
    """Delete every domain row (children first: the foreign keys protect their targets)."""
    from issues.models import Issue, Position, Source, Statement, StatusAssessment
    from rounds.models import Milestone, Negotiation, Official, Party, Round

    for model in (Statement.issues.through, Statement, Position, StatusAssessment, Milestone):
        model.objects.all().delete()
    for model in (Issue, Official, Round, Negotiation, Source, Party):
        model.objects.all().delete()


def build(scale: Scale | None = None, *, seed: int = 2018, batch_size: int = 5_000, log=print) -> None:
    """Insert the data set; expects empty domain tables (see ``reset``)."""
    from django.db import transaction
    from django.utils import timezone

    from issues.models import Issue, IssueStatus, Position, PositionKind, Source, Statement, StatusAssessment
    from rounds.models import Milestone, Negotiation, Official, Party, Round

    scale = scale or Scale()
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, nothing secret
    now = timezone.now()
    started = time.perf_counter()

    def done(what: str, count: int) -> None:
        log(f"  {what}: {count:,} rows ({time.perf_counter() - started:.1f} s)")

    def state() -> dict:
        if rng.random() < 0.05:
            return {"state": "draft", "published_at": None}
        return {"state": "published", "published_at": now, "public_changed_at": now}

    with transaction.atomic():
        parties = Party.objects.bulk_create(
            [
                Party(slug="canada", name="Canada", short_name="Canada", iso_code="CA"),
                Party(slug="united-states", name="United States", short_name="U.S.", iso_code="US"),
                Party(slug="mexico", name="Mexico", short_name="Mexico", iso_code="MX"),
            ]
        )
        # Rounds, issues, statements and deadlines belong to a negotiation (not null since there are two).
        negotiation = Negotiation.objects.create(
            name="Synthetic negotiation",
            short_name="Synthetic",
            slug="syn-negotiation",
            agreement="A synthetic agreement for benchmarks",
            start_date=datetime.date(2017, 8, 16),
        )
        negotiation.parties.set(parties)
        sources = Source.objects.bulk_create(
            [
                Source(
                    slug=f"syn-source-{i}",
                    outlet=rng.choice(["AFP", "Reuters", "CBC News", "El Universal", "Politico"]),
                    title=" ".join(rng.choices(WORDS, k=8)).capitalize(),
                    url=f"https://news.example.com/syn/{i}",
                    published_on=datetime.date(2017, 6, 1) + datetime.timedelta(days=i % 700),
                )
                for i in range(scale.sources)
            ],
            batch_size=batch_size,
        )
        done("sources", len(sources))
        officials = Official.objects.bulk_create(
            [
                Official(
                    slug=f"syn-official-{i}",
                    name=f"Official {i} {rng.choice(WORDS).capitalize()}",
                    title=rng.choice(["Minister", "Chief negotiator", "Trade official", "Ambassador"]),
                    role=rng.choice(["minister", "chief_negotiator", "official"]),
                    party=parties[i % 3],
                    source=rng.choice(sources),
                )
                for i in range(scale.officials)
            ],
            batch_size=batch_size,
        )
        done("officials", len(officials))
        first = datetime.date(2017, 8, 16)
        rounds = Round.objects.bulk_create(
            [
                Round(
                    number=i + 1,
                    negotiation=negotiation,
                    slug=f"syn-round-{i + 1}",
                    city=rng.choice(["Washington", "Mexico City", "Ottawa", "Montreal"]),
                    host_party=parties[i % 3],
                    start_date=first + datetime.timedelta(days=14 * i),
                    end_date=first + datetime.timedelta(days=14 * i + 5),
                    status="concluded",
                    summary=" ".join(rng.choices(WORDS, k=30)),
                    source=rng.choice(sources),
                )
                for i in range(scale.rounds)
            ]
        )
        done("rounds", len(rounds))
        issues = Issue.objects.bulk_create(
            [
                Issue(
                    slug=f"syn-issue-{i}",
                    negotiation=negotiation,
                    title=f"Issue {i}: {' '.join(rng.choices(WORDS, k=3))}",
                    kind=rng.choice(["chapter", "annex", "topic"]),
                    description=" ".join(rng.choices(WORDS, k=25)),
                )
                for i in range(scale.issues)
            ]
        )
        done("issues", len(issues))

        def in_round(round_: Round) -> datetime.date:
            return round_.start_date + datetime.timedelta(days=rng.randint(0, 5))

        assessments = StatusAssessment.objects.bulk_create(
            [
                StatusAssessment(
                    issue=issue,
                    status=rng.choice(IssueStatus.values),
                    round=(round_ := rng.choice(rounds)),
                    date=in_round(round_),
                    note=" ".join(rng.choices(WORDS, k=15)),
                    source=rng.choice(sources),
                    **state(),
                )
                for issue in issues
                for _ in range(scale.assessments_per_issue)
            ],
            batch_size=batch_size,
        )
        done("status assessments", len(assessments))
        positions = Position.objects.bulk_create(
            [
                Position(
                    issue=issue,
                    party=party,
                    kind=rng.choice(PositionKind.values),
                    summary=" ".join(rng.choices(WORDS, k=20)),
                    round=(round_ := rng.choice(rounds)),
                    date=in_round(round_),
                    source=rng.choice(sources),
                    **state(),
                )
                for issue in issues
                for party in parties
                for _ in range(scale.positions_per_issue_and_party)
            ],
            batch_size=batch_size,
        )
        done("positions", len(positions))

        def statement(i: int) -> Statement:
            round_ = rng.choice(rounds)
            unnamed = rng.random() < 0.1
            row = Statement(
                speaker=None if unnamed else rng.choice(officials),
                negotiation=negotiation,
                attribution="a trade official" if unnamed else "",
                attributed_party=rng.choice(parties) if unnamed else None,
                kind=rng.choice(["quote", "reported"]),
                text=f"{' '.join(rng.choices(WORDS, k=rng.randint(12, 40)))} ({i})",
                occasion=rng.choice(["", "news conference", "interview"]),
                round=round_,
                date=in_round(round_),
                tone=rng.choice(["optimistic", "cautious", "neutral", "critical"]),
                source=rng.choice(sources),
                **state(),
            )
            row.duplicate_hash = row.compute_duplicate_hash()  # bulk_create skips save(), which sets it
            return row

        Through = Statement.issues.through
        created = 0
        for start in range(0, scale.statements, batch_size):
            batch = Statement.objects.bulk_create(
                [statement(i) for i in range(start, min(start + batch_size, scale.statements))]
            )
            Through.objects.bulk_create(
                [
                    Through(statement_id=row.pk, issue_id=issue.pk)
                    for row in batch
                    for issue in rng.sample(issues, rng.randint(1, 3))
                ]
            )
            created += len(batch)
        done("statements", created)

        milestones = Milestone.objects.bulk_create(
            [
                Milestone(
                    slug=f"syn-milestone-{i}",
                    negotiation=negotiation,
                    title=f"Deadline {i}",
                    kind=rng.choice(["deadline", "election", "meeting"]),
                    date=first + datetime.timedelta(days=10 * i),
                    party=rng.choice([None, *parties]),
                    round=rng.choice([None, *rounds]),
                    source=rng.choice(sources),
                )
                for i in range(scale.milestones)
            ]
        )
        MilestoneIssue = Milestone.issues.through
        MilestoneIssue.objects.bulk_create(
            [MilestoneIssue(milestone_id=m.pk, issue_id=rng.choice(issues).pk) for m in milestones]
        )
        done("milestones", len(milestones))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=Scale.statements)
    parser.add_argument("--reset", action="store_true", help="delete every domain row first")
    args = parser.parse_args(argv)
    _setup_django()
    from django.db import connection

    if args.reset:
        reset()
    print(f"Building the synthetic data set in {connection.vendor} database {connection.settings_dict['NAME']}")
    build(Scale(statements=args.statements))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
