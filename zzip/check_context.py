"""Everything `zzip check` rules read: the plan, the submissions, the date, and what follows
from them (who answers for what, which reports count, each unit's history, indicator
assessments), each derived once and shared by all rules.

Dates: the check is made at the end of the as-of day. A report counts if it was submitted
on or before that day. A status file for a period of the plan's cadence (a quarter by default)
is due `due_days` after the period's last day (15 by default: 2025-Q2 is due 2025-07-15), or on
the plan's fixed day (`due_on`), and late from the day after (plus any grace days).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from msgspec import Struct
from msgspec.structs import replace

from zzip.admission import Screening
from zzip import labels
from zzip.config import Config
from zzip.cadence import Cadence
from zzip.i18n import _
from zzip.months import Month, Period
from zzip.plan import Plan, Target
from zzip.progress import Assessment, Point, assess
from zzip.responsibility import Responsibilities
from zzip.status import Entry, Submission
from zzip.status_loader import SubmissionLoad


class CheckContext(Struct, dict=True):  # the __dict__ keeps what each cached_property worked out
    plan: Plan
    load: SubmissionLoad
    config: Config
    as_of: dt.date
    display_root: str
    focus: list[Period] | None = None  # a single quarter folder was given: report on it only

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

    @cached_property
    def cadence(self) -> Cadence:
        """The plan's reporting cadence; `[reporting] due-days` in the configuration replaces its due rule."""
        cadence = self.plan.meta.cadence if self.plan.meta else Cadence()
        if self.config.due_days is not None:
            cadence = replace(cadence, due_days=self.config.due_days, due_on=())
        return cadence

    @property
    def due_days(self) -> int | None:
        return self.cadence.due_days

    def due_date(self, quarter: Period) -> dt.date:
        due = self._due_dates.get(quarter)
        if due is None:
            due = self._due_dates[quarter] = self.cadence.due_date(quarter)
        return due

    @cached_property
    def _due_dates(self) -> dict[Period, dt.date]:
        """period -> its due date, worked out once: every report of a period asks."""
        return {}

    def late_after(self, quarter: Period) -> dt.date:
        return self.due_date(quarter) + dt.timedelta(days=self.config.grace_days)

    @cached_property
    def plan_quarters(self) -> list[Period]:
        """The reporting periods (of the plan's cadence) for which reports are due."""
        meta, cadence = self.plan.meta, self.cadence
        first = cadence.parse(meta.first_period) if meta.first_period else cadence.of(dt.date.fromisoformat(meta.issued))
        return cadence.between(first, cadence.of(meta.period_end.last_day))

    @cached_property
    def quarters_in_scope(self) -> list[Period]:
        """The quarters this run reports on: the folder given, or the whole plan period."""
        return self.focus if self.focus is not None else self.plan_quarters

    @cached_property
    def due_quarters(self) -> list[Period]:
        """Periods in scope whose due date has passed as of the check date."""
        return [q for q in self.quarters_in_scope if self.late_after(q) < self.as_of]

    def in_scope(self, submission: Submission) -> bool:
        return self.focus is None or submission.period in self.focus or submission.folder_period in self.focus

    def sent_too_soon(self, sub: Submission) -> bool:
        """A report on a quarter that has not ended as of the check (S214; the check is made at the
        end of the as-of day, so a quarter whose last day is the as-of day has ended), or that was
        sent before its quarter ended (S215; a file dated the quarter's last day was sent before the
        end of that day). Neither can say how the quarter went: it does not count as the quarter's
        report, and none of its entries or values count."""
        return self.cadence.sent_too_soon(sub.period, sub.submitted, self.as_of)

    @cached_property
    def usable(self) -> list[Submission]:
        """Submissions that count for compliance: right plan, known unit, a quarter of the plan,
        received by the as-of date and after the quarter ended; of two files for one unit and
        quarter, the later one."""
        meta, units = self.plan.meta, self.plan.units
        chosen: dict[tuple[str, Period], Submission] = {}
        for sub in self.submissions:
            if sub.plan_id != meta.id or sub.unit not in units or sub.submitted > self.as_of:
                continue
            if sub.period not in self.plan_quarters_set or self.sent_too_soon(sub):
                continue
            key = (sub.unit, sub.period)
            if key not in chosen or self._precedence(sub) > self._precedence(chosen[key]):
                chosen[key] = sub
        return sorted(chosen.values(), key=lambda s: (s.period, s.submitted, s.path))

    @staticmethod
    def _precedence(sub: Submission) -> tuple:
        """Of two files for one unit and quarter: one filed where it belongs (its quarter's folder,
        named after its unit) before a misfiled one (S208), whatever its date; then the later."""
        well_placed = sub.folder_period == sub.period and sub.file_stem == sub.unit
        return (well_placed, sub.submitted, sub.path)

    @cached_property
    def plan_quarters_set(self) -> frozenset[Period]:
        meta, cadence = self.plan.meta, self.cadence
        return frozenset(cadence.between(cadence.of(meta.period_start.first_day), cadence.of(meta.period_end.last_day)))

    @cached_property
    def by_unit_quarter(self) -> dict[tuple[str, Period], Submission]:
        return {(s.unit, s.period): s for s in self.usable}

    @cached_property
    def _entries(self) -> dict[tuple[str, str], list[Entry]]:
        """(unit, item) -> its entries in quarter order (entries only: a pair per entry would
        cost 20 MB over ten thousand files; the submission is found by path when needed)."""
        table: dict[tuple[str, str], list[Entry]] = {}
        counts, whole = self.screening.counts_entry, self.screening.counts_whole_file
        for sub in self.usable:
            every = whole(sub.path)
            for entry in sub.entries:
                if every or counts(entry):
                    table.setdefault((sub.unit, entry.id), []).append(entry)
        return table

    @cached_property
    def screening(self) -> Screening:
        """Which entries and values count: those no submission rule rejects (zzip/admission.py)."""
        return Screening(self.plan, self.responsibilities, self.submissions, self.usable)

    def rejections(self, code: str):
        """The problems of one screening rule, for the files in scope."""
        for rejection in self.screening.by_code(code):
            if self.in_scope(rejection.submission):
                yield rejection.problem()

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

    def entry_histories(self):
        """Every (unit, item) reported on, with its entries in quarter order: `histories()` without
        the pairs, for rules that need an entry's submission only now and then (`submission_of`)."""
        return self._entries.items()

    def submission_of(self, entry: Entry) -> Submission:
        """The counted submission an entry of `entry_histories()` or `history()` comes from."""
        return self._submission_at[entry.path]

    def latest_entry(self, unit: str, item_id: str) -> tuple[Submission, Entry] | None:
        entries = self._entries.get((unit, item_id))
        return (self._submission_at[entries[-1].path], entries[-1]) if entries else None

    @cached_property
    def indicator_points(self) -> dict[str, list[tuple[Point, object, Submission]]]:
        """indicator id -> (point, IndicatorValue, submission) by measurement date; for one date the
        latest report wins."""
        table: dict[str, dict[dt.date, tuple[Point, object, Submission]]] = {}
        counts = self.screening.counts_value
        for sub in self.usable:
            for value in sub.indicators:
                if counts(value):
                    table.setdefault(value.id, {})[value.measured] = (Point(value.measured, value.value, sub.path), value, sub)
        return {key: [pair for _date, pair in sorted(points.items())] for key, points in table.items()}

    @cached_property
    def overdue(self) -> list:
        """What is overdue as of the check (zzip/overdue.py: steps, yearly items, tasks with a deadline),
        worked out once for C301, C312 and C313."""
        from zzip.overdue import due_items

        return due_items(self, include_tasks=False)[0]

    def missed_after(self, target: Target) -> dt.date:
        """The day after which a target's deadline value should be known: the due date (and
        grace) of the first report due on or after the deadline (the report on the period the
        deadline falls in, or the next one when reports are due before their period ends)."""
        return self.late_after(self.cadence.report_due_with(target.deadline.last_day))

    def _assess(self, indicator, points, target: Target, role: str = "headline", label: str | None = None,
                key: str | None = None) -> Assessment:
        result = assess(indicator, points, self.config.progress, self.plan.meta.period_start.first_day,
                        target=target, as_of=self.as_of, missed_after=self.missed_after(target))
        result.role, result.label, result.key = role, label, key
        return result

    @cached_property
    def _graded(self) -> tuple[dict[str, Assessment], list[Assessment]]:
        """Every target the plan states, graded: (headline per indicator, the others).

        Besides its headline target an indicator may carry restated targets that ask for more
        or sooner (三(五)3 建成30家 under the 20家以上 goal), each graded on its own number and
        deadline; and a target set every year (每年5-10期), graded for each year that has ended
        on that year's figure, the latest such year standing as the headline."""
        settings = self.config.progress
        tolerance = lambda t: settings.about_tolerance if t.comparator == "about" else 0.0  # noqa: E731
        headline: dict[str, Assessment] = {}
        others: list[Assessment] = []
        for indicator in self.plan.indicators.values():
            points = [p for p, _v, _s in self.indicator_points.get(indicator.id, [])]
            target = indicator.target
            if target.every_year:
                years = [y for y in range(self.plan.meta.period_start.year, target.deadline.year + 1)
                         if dt.date(y, 12, 31) <= self.as_of] or [min(self.as_of.year, target.deadline.year)]
                yearly = [self._assess(indicator, [p for p in points if p.date.year == year],
                                       replace(target, deadline=Month(year, 12), every_year=False),
                                       "yearly", _("for %(year)s", year=year), str(year)) for year in years]
                headline[indicator.id] = yearly[-1]
                others.extend(yearly[:-1])
            else:
                headline[indicator.id] = self._assess(indicator, points, target)
            for statement, restated in indicator.restated_targets(tolerance):
                others.append(self._assess(indicator, points, restated, "restated",
                                           _("as restated in %(ref)s", ref=statement.ref), statement.ref))
        return headline, others

    @property
    def assessments(self) -> dict[str, Assessment]:
        """The headline grade of each indicator."""
        return self._graded[0]

    @property
    def other_assessments(self) -> list[Assessment]:
        """Restated targets, and the earlier years of a target set every year."""
        return self._graded[1]

    def graded(self) -> list[Assessment]:
        """Every graded target, each indicator's headline first, then its restated and earlier-year
        targets, in plan order."""
        others: dict[str, list[Assessment]] = {}
        for result in self.other_assessments:
            others.setdefault(result.indicator.id, []).append(result)
        out: list[Assessment] = []
        for key, headline in self.assessments.items():
            group = [headline, *others.get(key, ())]
            if headline.role == "yearly":  # a target set every year: its years in order
                group.sort(key=lambda r: r.target.deadline)
            out.extend(group)
        return out

    def indicator_problems(self, statuses: tuple[str, ...]):
        """A finding per graded target whose grade is one of `statuses`, at its latest value.
        (A restated target with no data says nothing its headline target does not.)"""
        from zzip.findings import Problem
        from zzip.progress import NO_DATA

        for result in self.graded():
            if result.status in statuses:
                indicator = result.indicator
                if result.status == NO_DATA and result.role == "restated":
                    continue
                extra = {"indicator": indicator.id, "status": result.status, "ratio": result.ratio}
                if result.key:
                    extra["target"] = result.key
                yield Problem(self.value_location(indicator.id, result), _indicator_message(result),
                              unit=indicator.owner, extra=extra)

    def value_location(self, indicator_id: str, result: Assessment | None = None):
        """Where the value a grade rests on is written (by default the indicator's latest), else
        the plan's definition."""
        points = self.indicator_points.get(indicator_id)
        if points and result is None:
            return points[-1][1].origin.at("value")
        for point, value, _sub in points or ():
            if result is not None and point is result.latest:
                return value.origin.at("value")
        return self.plan.indicators[indicator_id].origin.location

    def expected_file(self, unit: str, quarter: Period) -> str:
        return f"{self.display_root.rstrip('/')}/{quarter}/{unit}.yaml" if self.focus is None \
            else f"{self.display_root.rstrip('/')}/{unit}.yaml"


def _indicator_message(result: Assessment) -> str:
    """C306-C308: an indicator's grade (or why there is none), with the reason and the target."""
    from zzip.progress import NO_DATA

    indicator = result.indicator
    values = {"name": indicator.name, "id": indicator.id, "reason": result.reason,
              "target": result.target.describe(indicator.unit), "status": labels.indicator_status(result.status)}
    if result.status == NO_DATA:
        if result.label:
            return _("%(name)s (%(id)s) %(label)s no data: %(reason)s; target %(target)s", label=result.label, **values)
        return _("%(name)s (%(id)s) no data: %(reason)s; target %(target)s", **values)
    if result.label:
        return _("%(name)s (%(id)s) %(label)s is %(status)s: %(reason)s; target %(target)s", label=result.label,
                 **values)
    return _("%(name)s (%(id)s) is %(status)s: %(reason)s; target %(target)s", **values)
