"""Everything `zzip check` rules read: the plan, the submissions, the date, and what follows
from them (who answers for what, which reports count, each unit's history, indicator
assessments), each derived once and shared by all rules.

Dates: the check is made at the end of the as-of day. A report counts if it was submitted
on or before that day. A status file for a quarter is due `due_days` after the quarter's last
day (15 by default: 2025-Q2 is due 2025-07-15) and late from the day after (plus any grace days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from zzip.config import Config
from zzip.months import Quarter, quarters_between
from zzip.plan import Plan
from zzip.progress import Assessment, Point, assess
from zzip.responsibility import Responsibilities
from zzip.status import Entry, Submission
from zzip.status_loader import SubmissionLoad


@dataclass
class CheckContext:
    plan: Plan
    load: SubmissionLoad
    config: Config
    as_of: dt.date
    display_root: str
    focus: list[Quarter] | None = None  # a single quarter folder was given: report on it only

    # The file rules (F001, F002) and S201 read these, as they do on a plan load.
    @property
    def parse_failures(self):
        return self.load.parse_failures

    @property
    def encoding_notices(self):
        return self.load.encoding_notices

    @property
    def schema_problems(self):
        return self.load.schema_problems

    @property
    def submissions(self) -> list[Submission]:
        return self.load.submissions

    @cached_property
    def responsibilities(self) -> Responsibilities:
        return Responsibilities(self.plan)

    @property
    def due_days(self) -> int:
        if self.config.due_days is not None:
            return self.config.due_days
        return self.plan.meta.due_days if self.plan.meta else 15

    def due_date(self, quarter: Quarter) -> dt.date:
        return quarter.last_day + dt.timedelta(days=self.due_days)

    def late_after(self, quarter: Quarter) -> dt.date:
        return self.due_date(quarter) + dt.timedelta(days=self.config.grace_days)

    @cached_property
    def plan_quarters(self) -> list[Quarter]:
        meta = self.plan.meta
        first = Quarter.parse(meta.first_period) if meta.first_period else Quarter.of(dt.date.fromisoformat(meta.issued))
        return quarters_between(first, Quarter.of(meta.period_end.last_day))

    @cached_property
    def quarters_in_scope(self) -> list[Quarter]:
        """The quarters this run reports on: the folder given, or the whole plan period."""
        return self.focus if self.focus is not None else self.plan_quarters

    @cached_property
    def due_quarters(self) -> list[Quarter]:
        """Quarters in scope whose due date has passed as of the check date."""
        return [q for q in self.quarters_in_scope if self.late_after(q) < self.as_of]

    def in_scope(self, submission: Submission) -> bool:
        return self.focus is None or submission.period in self.focus or submission.folder_period in self.focus

    @cached_property
    def usable(self) -> list[Submission]:
        """Submissions that count for compliance: right plan, known unit, a quarter of the plan,
        received by the as-of date; of two files for one unit and quarter, the later one."""
        meta, units = self.plan.meta, self.plan.units
        chosen: dict[tuple[str, Quarter], Submission] = {}
        for sub in self.submissions:
            if sub.plan_id != meta.id or sub.unit not in units or sub.submitted > self.as_of:
                continue
            if sub.period not in self.plan_quarters_set:
                continue
            key = (sub.unit, sub.period)
            if key not in chosen or (sub.submitted, sub.path) > (chosen[key].submitted, chosen[key].path):
                chosen[key] = sub
        return sorted(chosen.values(), key=lambda s: (s.period, s.submitted, s.path))

    @cached_property
    def plan_quarters_set(self) -> frozenset[Quarter]:
        meta = self.plan.meta
        return frozenset(quarters_between(Quarter.of(meta.period_start.first_day), Quarter.of(meta.period_end.last_day)))

    @cached_property
    def by_unit_quarter(self) -> dict[tuple[str, Quarter], Submission]:
        return {(s.unit, s.period): s for s in self.usable}

    @cached_property
    def _entries(self) -> dict[tuple[str, str], list[Entry]]:
        """(unit, item) -> its entries in quarter order (entries only: a pair per entry would
        cost 20 MB over ten thousand files; the submission is found by path when needed)."""
        table: dict[tuple[str, str], list[Entry]] = {}
        for sub in self.usable:
            for entry in sub.entries:
                table.setdefault((sub.unit, entry.id), []).append(entry)
        return table

    @cached_property
    def _submission_at(self) -> dict[str, Submission]:
        return {sub.path: sub for sub in self.usable}

    def history(self, unit: str, item_id: str) -> list[tuple[Submission, Entry]]:
        """One unit's entries for one item, with their submissions, in quarter order."""
        at = self._submission_at
        return [(at[entry.path], entry) for entry in self._entries.get((unit, item_id), ())]

    def histories(self):
        """Every (unit, item) reported on, with its history."""
        for unit, item_id in self._entries:
            yield (unit, item_id), self.history(unit, item_id)

    def latest_entry(self, unit: str, item_id: str) -> tuple[Submission, Entry] | None:
        entries = self._entries.get((unit, item_id))
        return (self._submission_at[entries[-1].path], entries[-1]) if entries else None

    @cached_property
    def indicator_points(self) -> dict[str, list[tuple[Point, object, Submission]]]:
        """indicator id -> (point, IndicatorValue, submission) by measurement date; for one date the
        latest report wins."""
        table: dict[str, dict[dt.date, tuple[Point, object, Submission]]] = {}
        for sub in self.usable:
            for value in sub.indicators:
                if value.id in self.plan.indicators and value.measured <= sub.submitted:
                    table.setdefault(value.id, {})[value.measured] = (Point(value.measured, value.value, sub.path), value, sub)
        return {key: [pair for _date, pair in sorted(points.items())] for key, points in table.items()}

    @cached_property
    def assessments(self) -> dict[str, Assessment]:
        start = self.plan.meta.period_start.first_day
        return {
            indicator.id: assess(indicator, [p for p, _v, _s in self.indicator_points.get(indicator.id, [])],
                                 self.config.progress, start)
            for indicator in self.plan.indicators.values()
        }

    def indicator_problems(self, statuses: tuple[str, ...]):
        """A finding per indicator whose grade is one of `statuses`, at its latest value."""
        from zzip.findings import Problem

        for indicator_id, result in self.assessments.items():
            if result.status in statuses:
                indicator = result.indicator
                yield Problem(self.value_location(indicator_id),
                              f"{indicator.name} ({indicator_id}) is {result.status}: {result.reason}; target "
                              f"{indicator.target.describe(indicator.unit)}",
                              unit=indicator.owner, extra={"indicator": indicator_id, "status": result.status,
                                                           "ratio": result.ratio})

    def value_location(self, indicator_id: str):
        """Where the latest reported value of an indicator is written, else the plan's definition."""
        points = self.indicator_points.get(indicator_id)
        if points:
            return points[-1][1].origin.at("value")
        return self.plan.indicators[indicator_id].origin.location

    def expected_file(self, unit: str, quarter: Quarter) -> str:
        return f"{self.display_root.rstrip('/')}/{quarter}/{unit}.yaml" if self.focus is None \
            else f"{self.display_root.rstrip('/')}/{unit}.yaml"
