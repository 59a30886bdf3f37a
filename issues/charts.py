"""The status timeline of an issue, drawn as server-side SVG.

The page must read without JavaScript and by screen readers, so the chart is plain
SVG computed here and written by a template (``includes/status_chart.html``), with a
``<title>``/``<desc>`` that says in words what it shows; the page also prints the same
history as a table. Statuses sit on rows, from dropped (bottom) through far apart to
agreed (top); negotiating rounds are shaded bands; each published assessment is a point,
joined by steps (an issue keeps its status until the next assessment).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rounds.dates import is_in_range
from rounds.models import Round

from .models import IssueStatus, StatusAssessment

# Bottom to top: dropped apart, then from untouched to settled.
ROWS: list[str] = [
    IssueStatus.DROPPED,
    IssueStatus.NOT_STARTED,
    IssueStatus.FAR_APART,
    IssueStatus.UNDER_DISCUSSION,
    IssueStatus.PROGRESSING,
    IssueStatus.NEAR_AGREEMENT,
    IssueStatus.AGREED,
]

WIDTH = 720
ROW_HEIGHT = 30
LEFT = 150  # room for the status names
COMPACT_WIDTH = 360  # phones: status names sit above their row line instead of beside it
COMPACT_LEFT = 8
RIGHT_PAD = 24
TOP = 30  # room for the round labels
AXIS = 40  # room for the month labels
PAD_DAYS = 12
MAX_TICKS = 24  # month labels on the axis; a longer span labels every 2, 3, 6, 12... months
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)


@dataclass
class Row:
    code: str
    label: str
    y: float


@dataclass
class Band:
    x: float
    width: float
    label: str
    title: str
    label_x: float


@dataclass
class Tick:
    x: float
    label: str
    year: str


@dataclass
class Point:
    x: float
    y: float
    code: str
    label: str


@dataclass
class StatusChart:
    variant: str  # "wide" or "compact"
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    rows: list[Row]
    bands: list[Band]
    ticks: list[Tick]
    points: list[Point]
    path: str
    tail: tuple[float, float, float] | None
    description: str
    axis_y: int = field(init=False)
    plot_height: int = field(init=False)

    def __post_init__(self) -> None:
        self.axis_y = self.plot_bottom + 18
        self.plot_height = self.plot_bottom - self.plot_top


def _day(value: datetime.date) -> str:
    return _date_text(value, "DATE_FORMAT")


def _date_text(value: datetime.date, format_name: str) -> str:
    """``value`` written in ``format_name`` of the active language: the same words for every
    issue's chart (its rounds' dates, its months), so formatted once per process and language
    (a chart writes some 160: a third of its time)."""
    return _date_in_language(value, format_name, get_language())


@functools.lru_cache(maxsize=4096)
def _date_in_language(value: datetime.date, format_name: str, language: str | None) -> str:
    # ``language`` is the active one (``_date_text``): it keys what date_format() reads from it.
    return formats.date_format(value, format_name)


@receiver(setting_changed)
def _forget_dates(**kwargs: Any) -> None:
    """Formats come from settings too (DATE_FORMAT, FORMAT_MODULE_PATH, the languages...):
    a test that changes one gets dates written under it, as Django clears its own format cache."""
    _date_in_language.cache_clear()


class ChartWords:
    """What a status chart says in words: a round's title, a point's label, the description.

    The same in both variants of the chart (wide and compact), so written once for the two:
    on an issue assessed at every one of fifty rounds, formatting them twice was a tenth of
    the page's time.
    """

    def __init__(self) -> None:
        self._bands: dict[int, str] = {}
        self._points: dict[int, str] = {}
        self._description: tuple[tuple[int, ...], str] | None = None

    def band_title(self, round_: Round) -> str:
        if id(round_) not in self._bands:  # the same objects are drawn twice (pk: unsaved ones have none)
            self._bands[id(round_)] = _("%(round)s, %(start)s to %(end)s") % {
                "round": round_,
                "start": _day(round_.start_date),
                "end": _day(round_.end_date),
            }
        return self._bands[id(round_)]

    def point_label(self, assessment: StatusAssessment) -> str:
        if id(assessment) not in self._points:
            self._points[id(assessment)] = _("%(date)s: %(status)s") % {
                "date": assessment.display_date,
                "status": assessment.get_status_display(),
            }
        return self._points[id(assessment)]

    def description(self, history: Sequence[StatusAssessment]) -> str:
        """Of the chart's history (the same for both variants: what is in the accepted range)."""
        drawn = tuple(id(assessment) for assessment in history)
        if self._description is None or self._description[0] != drawn:
            steps = "; ".join(
                _("%(status)s on %(date)s") % {"status": a.get_status_display(), "date": a.display_date}
                for a in history
            )
            self._description = (drawn, _("Status over time: %(steps)s.") % {"steps": steps})
        return self._description[1]


def status_charts(history: Sequence[StatusAssessment], rounds: Sequence[Round]) -> list[StatusChart]:
    """Both variants of the issue's chart, wide then compact; none when it was never assessed."""
    words = ChartWords()
    charts = (
        status_timeline(history, rounds, words=words),
        status_timeline(history, rounds, compact=True, words=words),
    )
    return [chart for chart in charts if chart]


def status_timeline(
    history: Sequence[StatusAssessment],
    rounds: Sequence[Round],
    *,
    compact: bool = False,
    words: ChartWords | None = None,
) -> StatusChart | None:
    """Chart geometry for an issue's published ``history`` (chronological) against the dated ``rounds``.

    ``compact`` draws for a phone: a narrower chart whose status names sit above their
    row lines, so that the whole time span fits the screen with legible text.
    Returns None when the issue has never been assessed: there is nothing to draw.

    Dates outside the accepted range (``rounds.dates``) can only be stored by a row older
    than the rule or by SQL; such assessments and rounds are left out of the chart (the
    history table still lists them), so that a year 9999 cannot overflow the padding
    and a year 18 cannot stretch the axis over two thousand years.
    """
    words = words or ChartWords()
    width, left = (COMPACT_WIDTH, COMPACT_LEFT) if compact else (WIDTH, LEFT)
    history = [a for a in history if is_in_range(a.date)]
    rounds = [r for r in rounds if is_in_range(r.start_date) and is_in_range(r.end_date)]
    if not history:
        return None
    # The axis spans the issue's own history and the formal rounds (the frame of the talks);
    # other meetings are drawn only where they fall inside that span, so a meeting years
    # later (the 2019 protocol, say) does not squeeze an issue settled in 2017.
    dates = [a.date for a in history]
    for round_ in rounds:
        if round_.number is not None:
            dates += [round_.start_date, round_.end_date]
    start = min(dates) - datetime.timedelta(days=PAD_DAYS)
    end = max(dates) + datetime.timedelta(days=PAD_DAYS)
    rounds = [r for r in rounds if start <= r.start_date and r.end_date <= end]
    span = max((end - start).days, 1)
    plot_top, plot_bottom = TOP, TOP + ROW_HEIGHT * len(ROWS)
    plot_right = width - (8 if compact else RIGHT_PAD)

    def x(day: datetime.date) -> float:
        return round(left + (day - start).days / span * (plot_right - left), 1)

    def y(code: str) -> float:
        return plot_top + (len(ROWS) - 1 - ROWS.index(code)) * ROW_HEIGHT + ROW_HEIGHT / 2

    labels = dict(IssueStatus.choices)
    rows = [Row(code=code, label=str(labels[code]), y=y(code)) for code in ROWS]

    bands = []
    for round_ in rounds:
        band_start, band_end = x(round_.start_date), x(round_.end_date + datetime.timedelta(days=1))
        bands.append(
            Band(
                x=band_start,
                width=max(band_end - band_start, 2),
                label=_("R%(number)s") % {"number": round_.number} if round_.number is not None else "",
                title=words.band_title(round_),
                label_x=round((band_start + band_end) / 2, 1),
            )
        )

    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in TICK_STEPS if months / s <= MAX_TICKS), TICK_STEPS[-1])
    ticks = []
    month = datetime.date(start.year, start.month, 1)
    while month <= end:
        if month >= start and (month.year * 12 + month.month - 1) % step == 0:
            first = not ticks
            ticks.append(
                Tick(
                    x=x(month),
                    label=_date_text(month, "M"),
                    year=str(month.year) if first or month.month == 1 else "",
                )
            )
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)

    points = [
        Point(
            x=x(a.date),
            y=y(a.status),
            code=a.status,
            label=words.point_label(a),
        )
        for a in history
    ]
    path = f"M {points[0].x} {points[0].y}"
    for point in points[1:]:
        path += f" H {point.x} V {point.y}"
    last = points[-1]
    tail = (last.x, last.y, x(end)) if x(end) > last.x else None

    description = words.description(history)
    return StatusChart(
        variant="compact" if compact else "wide",
        width=width,
        height=plot_bottom + AXIS,
        plot_left=left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        rows=rows,
        bands=bands,
        ticks=ticks,
        points=points,
        path=path,
        tail=tail,
        description=description,
    )
