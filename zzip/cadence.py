"""How often units report and when each report is due (plan.yaml `reporting`).

A cadence is quarterly (2024-Q2), half-yearly (2024-H1) or yearly (2024). A report is due
either `due_days` after its period's last day, or on a fixed day of the year (`due_on`,
每年12月10日前报送): of the days listed, the one nearest the period's last day, which may fall
before the period ends. The calendar arithmetic is dateutil's (rrule, relativedelta).
"""

from __future__ import annotations

import datetime as dt
from msgspec import Struct

from zzip.i18n import _, pgettext
from zzip.months import HalfYear, Quarter, Year, parse_any_period, periods_between

CADENCES = {"quarterly": Quarter, "half-yearly": HalfYear, "yearly": Year}
DEFAULT_DUE_DAYS = 15


class Cadence(Struct, frozen=True, gc=False):
    name: str = "quarterly"
    due_days: int | None = DEFAULT_DUE_DAYS  # days after the period's last day; None with due_on
    due_on: tuple[tuple[int, int], ...] = ()  # fixed (month, day) pairs, e.g. ((12, 10),)
    accept_before_end: bool = False  # a report sent inside its period counts (not "early")

    @property
    def kind(self) -> type:
        return CADENCES[self.name]

    @property
    def example(self) -> str:
        return {"quarterly": "2025-Q2", "half-yearly": "2025-H1", "yearly": "2025"}[self.name]

    def parse(self, text: str):
        """A period of this cadence, or ValueError saying what was expected."""
        try:
            period = parse_any_period(text)
        except ValueError:
            return self.kind.parse(text)  # its message names the expected spelling
        if not isinstance(period, self.kind):
            raise ValueError(_("%(text)s is a %(kind)s, but the plan's units report %(cadence)s: write a period "
                               "such as %(example)s", text=repr(text), kind=_period_word(type(period)),
                               cadence=cadence_word(self.name), example=self.example))
        return period

    def of(self, day: dt.date):
        """The period of this cadence that `day` falls in."""
        return self.kind.of(day)

    def between(self, first, last) -> list:
        return periods_between(first, last)

    def due_date(self, period) -> dt.date:
        """The last day on which the report on `period` is on time."""
        if not self.due_on:
            return period.last_day + dt.timedelta(days=self.due_days or 0)
        end = dt.datetime.combine(period.last_day, dt.time())
        from dateutil.rrule import YEARLY, rrule  # only for reports due on fixed days of the year

        candidates = []
        for month, day in self.due_on:
            rule = rrule(YEARLY, bymonth=month, bymonthday=day, dtstart=dt.datetime(end.year - 1, 1, 1))
            candidates += [rule.before(end, inc=True), rule.after(end, inc=False)]
        # nearest to the period's end; on a tie the later day (the unit is given the longer time)
        nearest = min((c for c in candidates if c is not None), key=lambda c: (abs((c - end).days), -c.toordinal()))
        return nearest.date()

    def report_due_with(self, day: dt.date):
        """The first period whose report is due on or after `day`: the report that can carry a
        value measured on `day`. Usually the period `day` falls in; when a report is due before its
        period ends (每年12月10日前报送), a value on the period's last day (a deadline, a year's
        total) comes with the next period's report."""
        period = self.of(day)
        while self.due_date(period) < day:
            period = period.next()
        return period

    def measured_days(self, period) -> tuple[dt.date, dt.date]:
        """The days a template pre-fills as `measured` (a report cannot carry a value measured after
        it is sent, S207): for a level or stock, the period's last day, or, when the report is due
        before that, the end of the month before the due date; for a yearly (flow) figure, the
        last 31 December on or before the due date (S216)."""
        due = self.due_date(period)
        level = period.last_day if due >= period.last_day else due.replace(day=1) - dt.timedelta(days=1)
        year_end = dt.date(due.year, 12, 31)
        if year_end > due:
            year_end = dt.date(due.year - 1, 12, 31)
        return level, year_end

    def describe_due(self) -> str:
        """For plan diffs and exports: "15 days after" or "12-10"."""
        if self.due_on:
            return ", ".join(f"{m:02d}-{d:02d}" for m, d in self.due_on)
        return f"{self.due_days} days after the period"

    def sent_too_soon(self, period, submitted: dt.date, as_of: dt.date) -> bool:
        """A report that cannot count as its period's account: by default one on a period that has
        not ended as of the check, or sent on or before the period's last day (a file dated the
        last day was sent before the end of that day). With `accept_before_end` (a due day inside
        the period), one sent before the period began."""
        if self.accept_before_end:
            return submitted < period.first_day
        return period.last_day > as_of or submitted <= period.last_day


def parse_month_day(text: str) -> tuple[int, int]:
    """"12-10" -> (12, 10); a day every year has (not 02-29), or ValueError."""
    try:
        month, day = (int(part) for part in text.split("-"))
        dt.date(2023, month, day)  # a common year: 02-29 would be due only every fourth year
    except ValueError:
        raise ValueError(_("%(text)s is not a day of every year written MM-DD, e.g. 12-10", text=repr(text))) from None
    return month, day


def _period_word(kind: type) -> str:
    return {Quarter: pgettext("period", "quarter"), HalfYear: pgettext("period", "half-year"),
            Year: pgettext("period", "year")}[kind]


def cadence_word(name: str) -> str:
    return {"quarterly": pgettext("cadence", "quarterly"), "half-yearly": pgettext("cadence", "half-yearly"),
            "yearly": pgettext("cadence", "yearly")}[name]
