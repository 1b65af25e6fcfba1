"""Which entries and indicator values of the status files count.

A verdict (a milestone cleared, an indicator achieved, the latest status of an item) may rest
only on what the submission rules accept. Every entry or value that a rule rejects is
screened out here, once, and counts nowhere: not for progress, not for overdue, not in the
history. The rules that report these problems (S203, S206, S207, S209, S211, S212, S213,
S216) read the same screening, so a rejection is never silent and a reported problem is
never counted anyway.

Rejections do not depend on which rules are selected: `--ignore S203` hides the message,
it does not make a value that the unit has no part in count.
"""

from __future__ import annotations

import datetime as dt
import math

from msgspec import Struct, field

from zzip.findings import Location, Problem
from zzip.i18n import _, message_date
from zzip.plan import Plan
from zzip.responsibility import Responsibilities
from zzip.status import Entry, IndicatorValue, Submission

# No indicator of a plan like this one comes near 10^15 (counts, 亿元, %): beyond it a number is a
# slip, and it would overflow the arithmetic of grades and charts.
MAX_MAGNITUDE = 1e15

# A date before this is a typing slip (0001-01-01, 1025 for 2025) whatever the plan says.
EARLIEST_PLAUSIBLE = dt.date(1949, 10, 1)


class Rejection(Struct, frozen=True, gc=False):
    code: str
    submission: Submission
    record: Entry | IndicatorValue
    field_name: str  # the field the finding points at
    message: str
    extra: dict = field(default_factory=dict)

    @property
    def location(self) -> Location:
        """Looked up only for a rejection that is reported: a file read the fast way is read again
        for its positions, and a rejection in a file out of scope, or of an ignored rule, needs none."""
        return self.record.origin.at(self.field_name)

    def problem(self) -> Problem:
        return Problem(self.location, self.message, unit=self.submission.unit, extra=self.extra)


class Screening:
    """Every submission's entries and values, sorted into counted and rejected."""

    def __init__(self, plan: Plan, duties: Responsibilities, submissions: list[Submission], usable: list[Submission]):
        self.plan, self.duties = plan, duties
        self.rejections: list[Rejection] = []
        self._rejected: set[tuple[str, str, int]] = set()  # ("entry" | "value", path, slot)
        self._touched: set[str] = set()  # the files with a record in _rejected
        # what an entry may name, as plan.item() finds it (a task before a step before a yearly item)
        self._items = {**plan.annual_items, **plan.milestones, **plan.tasks}
        self._floors: dict[str, dt.date] = {}  # item id -> _completion_floor
        for sub in submissions:
            if sub.unit in plan.units:
                self._screen_entries(sub)
                self._screen_values(sub)
        self._screen_conflicts(usable)

    # -- queries -------------------------------------------------------------------------------

    def counts_entry(self, entry: Entry) -> bool:
        return ("entry", entry.path, entry.slot) not in self._rejected

    def counts_value(self, value: IndicatorValue) -> bool:
        return ("value", value.path, value.slot) not in self._rejected

    def counts_whole_file(self, path: str) -> bool:
        """Whether every entry and value of a file counts (most do): then none need be asked about."""
        return path not in self._touched

    def by_code(self, code: str) -> list[Rejection]:
        return [r for r in self.rejections if r.code == code]

    # -- screening -----------------------------------------------------------------------------

    def _drop(self, kind: str, record: Entry | IndicatorValue) -> None:
        self._rejected.add((kind, record.path, record.slot))
        self._touched.add(record.path)

    def _reject(self, kind: str, record: Entry | IndicatorValue, code: str, sub: Submission, field_name: str,
                message: str, **extra) -> None:
        self._drop(kind, record)
        self.rejections.append(Rejection(code, sub, record, field_name, message, extra))

    def _screen_entries(self, sub: Submission) -> None:
        plan, items = self.plan, self._items
        name = plan.unit_name(sub.unit)
        unit_duties = self.duties.duties.get(sub.unit, {})
        seen: dict[str, int] = {}
        for entry in sub.entries:
            seen[entry.id] = seen.get(entry.id, 0) + 1
        for entry in sub.entries:
            item = items.get(entry.id)
            if item is None:
                self._drop("entry", entry)  # S202 reports it
                continue
            if seen[entry.id] > 1:
                self._drop("entry", entry)  # S206 reports it: two answers, none counts
            if entry.id not in unit_duties:  # no role in it
                self._reject("entry", entry, "S203", sub, "id",
                             _("%(unit)s (%(id)s) has no part in %(item)s (%(ref)s): it is neither lead nor "
                               "co-operating unit; the entry is not counted", unit=name, id=sub.unit, item=entry.id,
                               ref=item.ref))
                continue
            if entry.completed and entry.completed > sub.submitted:
                self._reject("entry", entry, "S207", sub, "completed",
                             _("%(item)s completed %(completed)s, after the report was submitted (%(submitted)s); "
                               "the entry is not counted", item=entry.id, completed=message_date(entry.completed),
                               submitted=message_date(sub.submitted)))
            elif entry.completed and entry.completed < (floor := self._completion_floor(entry.id)):
                self._reject("entry", entry, "S213", sub, "completed",
                             self._early_completion(entry, floor), item=entry.id)
            if entry.percent is not None and entry.status == "done" and entry.percent < 100:
                self._reject("entry", entry, "S209", sub, "percent",
                             _("%(item)s is marked done but only %(percent)s%% complete; the entry is not counted",
                               item=entry.id, percent=f"{entry.percent:g}"))
            elif entry.percent is not None and entry.status == "not-started" and entry.percent > 0:
                self._reject("entry", entry, "S209", sub, "percent",
                             _("%(item)s is marked not started but %(percent)s%% complete; the entry is not counted",
                               item=entry.id, percent=f"{entry.percent:g}"))
            if entry.status == "done" and entry.completed is None:
                self._reject("entry", entry, "S211", sub, "status",
                             _("%(item)s is marked done but has no completion date, so it does not count as done; "
                               "add completed: \"YYYY-MM-DD\"", item=entry.id))
            elif entry.status == "blocked" and not entry.blocker:
                self._reject("entry", entry, "S211", sub, "status",
                             _("%(item)s is marked blocked but does not say what blocks it; add blocker: (the entry "
                               "is not counted until it does)", item=entry.id))

    def _completion_floor(self, item_id: str) -> dt.date:
        floor = self._floors.get(item_id)
        if floor is None:
            floor = self._floors[item_id] = self._find_completion_floor(item_id)
        return floor

    def _find_completion_floor(self, item_id: str) -> dt.date:
        """The earliest day on which an item can have been completed: the first day of its span
        (a step's start month; a task's first step, else the month the plan was issued), and
        never before the day the plan was issued, the plan period or a plausible date. (Steps
        that the plan dates from before its issue, 2022年9月 in a plan of 2022-12-29, cannot be
        reported done before the plan that set them existed.)"""
        if item_id in self.plan.milestones:
            start = self.duties.milestone_span(self.plan.milestones[item_id])[0]
        elif item_id in self.plan.annual_items:
            start = self.plan.annual_items[item_id].start
        else:
            start = self.duties.task_span(self.plan.tasks[item_id])[0]
        period_start = self.plan.meta.period_start.first_day
        return max(start.first_day, period_start, self._issued, EARLIEST_PLAUSIBLE)

    @property
    def _issued(self) -> dt.date:
        try:
            return dt.date.fromisoformat(self.plan.meta.issued)
        except (TypeError, ValueError):  # the plan rules report a bad date; do not judge by it
            return EARLIEST_PLAUSIBLE

    def _early_completion(self, entry: Entry, floor: dt.date) -> str:
        """S213: a completion date before the item's work can have started, and which start it is."""
        item_id = entry.id
        values = {"item": item_id, "completed": message_date(entry.completed), "floor": message_date(floor)}
        if floor == self._issued:
            return _("%(item)s completed %(completed)s, before the plan was issued (%(floor)s); the entry is not "
                     "counted until the date is corrected", **values)
        if item_id in self.plan.milestones:
            return _("%(item)s completed %(completed)s, before the step started (%(floor)s, %(ref)s); the entry is "
                     "not counted until the date is corrected", ref=self.plan.milestones[item_id].ref, **values)
        if item_id in self.plan.annual_items:
            return _("%(item)s completed %(completed)s, before the yearly item's work started (%(floor)s, %(ref)s); "
                     "the entry is not counted until the date is corrected", ref=self.plan.annual_items[item_id].ref,
                     **values)
        return _("%(item)s completed %(completed)s, before the task's work started (%(floor)s); the entry is not "
                 "counted until the date is corrected", **values)

    def _screen_values(self, sub: Submission) -> None:
        plan, duties = self.plan, self.duties
        name = plan.unit_name(sub.unit)
        seen: dict[tuple[str, dt.date], int] = {}
        for value in sub.indicators:
            seen[(value.id, value.measured)] = seen.get((value.id, value.measured), 0) + 1
        period_start = plan.meta.period_start.first_day
        for value in sub.indicators:
            indicator = plan.indicators.get(value.id)
            if indicator is None:
                self._drop("value", value)  # S202 reports it
                continue
            if seen[(value.id, value.measured)] > 1:
                self._drop("value", value)  # S206 reports it
            if sub.unit not in duties.indicator_reporters(value.id):
                owner = indicator.owner
                self._reject("value", value, "S203", sub, "id",
                             _("%(unit)s (%(id)s) reports indicator %(indicator)s, which %(owner)s (%(owner_id)s) "
                               "answers for; the value is not counted", unit=name, id=sub.unit, indicator=value.id,
                               owner=plan.unit_name(owner), owner_id=owner))
                continue
            if value.measured > sub.submitted:
                self._reject("value", value, "S207", sub, "measured",
                             _("%(indicator)s measured %(measured)s, after the report was submitted (%(submitted)s); "
                               "the value is not counted", indicator=value.id, measured=message_date(value.measured),
                               submitted=message_date(sub.submitted)))
            else:
                at_baseline = indicator.baseline is not None and indicator.baseline.date > period_start
                floor = indicator.baseline.date if at_baseline else period_start
                if value.measured < floor:
                    values = {"indicator": value.id, "measured": message_date(value.measured),
                              "floor": message_date(floor)}
                    self._reject("value", value, "S213", sub, "measured",
                                 _("%(indicator)s measured %(measured)s, before the indicator's baseline date "
                                   "(%(floor)s); the value is not counted", **values) if at_baseline else
                                 _("%(indicator)s measured %(measured)s, before the plan period starts (%(floor)s); "
                                   "the value is not counted", **values), indicator=value.id)
                elif indicator.kind == "flow" and (value.measured.month, value.measured.day) != (12, 31):
                    self._reject("value", value, "S216", sub, "measured",
                                 _("%(name)s (%(indicator)s) is a yearly figure; a value measured %(measured)s covers "
                                   "only part of %(year)s and is not counted: report the full-year figure, measured "
                                   "%(year_end)s, once the year has ended", name=indicator.name, indicator=value.id,
                                   measured=message_date(value.measured), year=value.measured.year,
                                   year_end=message_date(dt.date(value.measured.year, 12, 31))),
                                 indicator=value.id)
            if not math.isfinite(value.value) or abs(value.value) > MAX_MAGNITUDE:
                self._reject("value", value, "S209", sub, "value",
                             _("%(indicator)s is %(value)s, beyond any figure the plan counts (at most %(limit)s in "
                               "magnitude); the value is not counted", indicator=value.id, value=f"{value.value:g}",
                               limit=f"{MAX_MAGNITUDE:.0e}"))
            elif value.value < 0 and indicator.kind != "level":
                self._reject("value", value, "S209", sub, "value",
                             _("%(indicator)s is a count and cannot be negative (%(value)s %(unit)s); the value is "
                               "not counted", indicator=value.id, value=f"{value.value:g}", unit=indicator.unit or ""))
            elif indicator.unit == "%" and not 0 <= value.value <= 100:
                self._reject("value", value, "S209", sub, "value",
                             _("%(indicator)s is a percentage; %(value)s is not between 0 and 100; the value is not "
                               "counted", indicator=value.id, value=f"{value.value:g}"))

    def _screen_conflicts(self, usable: list[Submission]) -> None:
        """Two units, one indicator, one measurement date, two numbers: the owner's counts; if the
        owner gave none, neither counts until they agree. Where the owner reports the indicator at
        all, another unit's value for a day the owner did not report does not count either. (One unit restating its own number in a
        later report is a correction: the later report counts, as for entries.)"""
        plan = self.plan
        latest: dict[tuple[str, dt.date], dict[str, tuple[IndicatorValue, Submission]]] = {}
        for sub in usable:  # in period and submission order: a unit's later report overrides its earlier one
            for value in sub.indicators:
                if self.counts_value(value):
                    latest.setdefault((value.id, value.measured), {})[sub.unit] = (value, sub)
        # Where the owner reports an indicator, its series is the indicator's: another unit's value
        # on a day the owner did not report (or did, with another number) would bend the owner's
        # grade, a day after its deadline value say, so it is reported and left out.
        owner_days: dict[str, dict[dt.date, float]] = {}
        for (indicator_id, measured), by_unit in latest.items():
            owner_pair = by_unit.get(plan.indicators[indicator_id].owner)
            if owner_pair is not None:
                owner_days.setdefault(indicator_id, {})[measured] = owner_pair[0].value
        for (indicator_id, measured), by_unit in latest.items():
            owner = plan.indicators[indicator_id].owner
            if indicator_id in owner_days and measured not in owner_days[indicator_id]:
                for unit, (value, sub) in sorted(by_unit.items()):
                    self._reject("value", value, "S212", sub, "value",
                                 _("%(unit)s reports %(value)s for %(indicator)s measured %(measured)s, a day "
                                   "%(owner)s, which owns the indicator and reports it, did not report; only the "
                                   "owner's values count", unit=plan.unit_name(unit), value=f"{value.value:g}",
                                   indicator=indicator_id, measured=message_date(measured),
                                   owner=plan.unit_name(owner)), indicator=indicator_id,
                                 measured=measured.isoformat())
                continue
            if len({v.value for v, _s in by_unit.values()}) < 2:
                continue
            owner_pair = by_unit.get(owner)
            for unit, (value, sub) in sorted(by_unit.items()):
                if unit == owner:
                    continue
                if owner_pair is not None and owner_pair[0].value == value.value:
                    continue
                others = ", ".join(f"{plan.unit_name(u)} {v.value:g}" for u, (v, _s) in sorted(by_unit.items())
                                   if u != unit)
                values = {"unit": plan.unit_name(unit), "value": f"{value.value:g}", "indicator": indicator_id,
                          "measured": message_date(measured), "others": others, "owner": plan.unit_name(owner)}
                if owner_pair is not None:
                    message = _("%(unit)s reports %(value)s for %(indicator)s measured %(measured)s, but %(others)s; "
                                "the owner's value (%(owner)s, %(owner_value)s) counts",
                                owner_value=f"{owner_pair[0].value:g}", **values)
                else:
                    message = _("%(unit)s reports %(value)s for %(indicator)s measured %(measured)s, but %(others)s; "
                                "the owner (%(owner)s) reported none, so no value counts for that date until the "
                                "units agree", **values)
                self._reject("value", value, "S212", sub, "value", message, indicator=indicator_id,
                             measured=measured.isoformat())
            if owner_pair is None:
                for unit, (value, _sub) in by_unit.items():
                    self._drop("value", value)
