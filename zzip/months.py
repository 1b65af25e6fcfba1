"""Months and reporting periods (quarters, half-years, years) as exact calendar spans.

A deadline month ends on its last day: "2023-12" is still on time on 2023-12-31 and
overdue from 2024-01-01. All dates here are plain calendar dates; the zone in which
"today" is taken is decided once, in `zzip.clock`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import ClassVar

from dateutil.relativedelta import relativedelta
from msgspec import Struct

from zzip.i18n import N_, _

_MONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{2})\Z")
_QUARTER_RE = re.compile(r"^([0-9]{4})-Q([0-9])\Z")
_HALF_RE = re.compile(r"^([0-9]{4})-H([0-9])\Z")
_YEAR_RE = re.compile(r"^([0-9]{4})\Z")
# Dates are counted forward from (due dates, "due within"): years far from the plan's would
# overflow Python's calendar (year 9999) and mean nothing in a plan anyway.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _in_range(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(_("%(text)s is out of range: zzip reads years %(first)s to %(last)s", text=repr(text),
                           first=FIRST_YEAR, last=LAST_YEAR))


class Month(Struct, frozen=True, order=True, gc=False):
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(_("month %(month)s is not between 1 and 12", month=self.month))

    @classmethod
    def parse(cls, text: str) -> "Month":
        match = _MONTH_RE.match(text)
        if not match:
            raise ValueError(_("%(text)s is not a month written YYYY-MM", text=repr(text)))
        if not 1 <= int(match[2]) <= 12:
            raise ValueError(_("%(text)s is not a month: months are numbered 01 to 12", text=repr(text)))
        _in_range(int(match[1]), text)
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: dt.date) -> "Month":
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def index(self) -> int:
        """Months since year 0, so that differences count whole months."""
        return self.year * 12 + self.month - 1

    def __sub__(self, other: "Month") -> int:
        return self.index() - other.index()

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


class _Period(Struct, frozen=True, gc=False):
    """A reporting period: a run of whole months starting in January, of `MONTHS` months each
    (3: a quarter, 6: a half-year, 12: a year). Subclasses differ only in length and spelling;
    their calendar arithmetic is dateutil's, not ours. Equal only to a period of its own kind."""

    MONTHS: ClassVar[int]
    PATTERN: ClassVar[re.Pattern]
    WRITTEN: ClassVar[str]  # how the period is written, for messages
    year: int
    number: int

    def __post_init__(self) -> None:
        count = 12 // self.MONTHS
        if not 1 <= self.number <= count:
            raise ValueError(_(self.NOT_NUMBERED, text=repr(str(self))))

    @classmethod
    def parse(cls, text: str):
        match = cls.PATTERN.match(text)
        if not match:
            raise ValueError(_(cls.NOT_WRITTEN, text=repr(text)))
        number = int(match[2]) if match.lastindex and match.lastindex >= 2 else 1
        if not 1 <= number <= 12 // cls.MONTHS:
            raise ValueError(_(cls.NOT_NUMBERED, text=repr(text)))
        _in_range(int(match[1]), text)
        return cls(int(match[1]), number)

    @classmethod
    def of(cls, day: dt.date):
        return cls(day.year, (day.month - 1) // cls.MONTHS + 1)

    @property
    def first_month(self) -> Month:
        return Month(self.year, self.MONTHS * (self.number - 1) + 1)

    @property
    def last_month(self) -> Month:
        return Month(self.year, self.MONTHS * self.number)

    @property
    def first_day(self) -> dt.date:
        return self.first_month.first_day

    @property
    def last_day(self) -> dt.date:
        return _last_day(type(self), self.year, self.number)

    def overlaps(self, start: Month, end: Month | None) -> bool:
        """True when the span start..end (end None = ongoing) touches this period."""
        return start <= self.last_month and (end is None or end >= self.first_month)

    def next(self):
        return type(self).of(self.first_day + relativedelta(months=self.MONTHS))

    # Periods sort by when they start, then the shorter first, so that a list holding periods of
    # several kinds (a misfiled 2024 report among 2024-Qn ones) still sorts.
    def _key(self) -> tuple:
        return (self.year, self.MONTHS * (self.number - 1), self.MONTHS)

    def __lt__(self, other):
        return self._key() < other._key() if isinstance(other, _Period) else NotImplemented

    def __le__(self, other):
        return self._key() <= other._key() if isinstance(other, _Period) else NotImplemented

    def __gt__(self, other):
        return self._key() > other._key() if isinstance(other, _Period) else NotImplemented

    def __ge__(self, other):
        return self._key() >= other._key() if isinstance(other, _Period) else NotImplemented


class Quarter(_Period, frozen=True, gc=False):
    MONTHS: ClassVar[int] = 3
    PATTERN: ClassVar[re.Pattern] = _QUARTER_RE
    NOUN: ClassVar[str] = "quarter"
    WRITTEN: ClassVar[str] = "YYYY-Qn"
    NOT_WRITTEN: ClassVar[str] = N_("%(text)s is not a quarter written YYYY-Qn")
    NOT_NUMBERED: ClassVar[str] = N_("%(text)s is not a quarter: quarters are numbered Q1 to Q4")

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.number}"


class HalfYear(_Period, frozen=True, gc=False):
    """2024-H1 (January to June) or 2024-H2 (July to December)."""

    MONTHS: ClassVar[int] = 6
    PATTERN: ClassVar[re.Pattern] = _HALF_RE
    NOUN: ClassVar[str] = "half-year"
    WRITTEN: ClassVar[str] = "YYYY-Hn"
    NOT_WRITTEN: ClassVar[str] = N_("%(text)s is not a half-year written YYYY-Hn")
    NOT_NUMBERED: ClassVar[str] = N_("%(text)s is not a half-year: half-years are numbered H1 and H2")

    def __str__(self) -> str:
        return f"{self.year:04d}-H{self.number}"


class Year(_Period, frozen=True, gc=False):
    """A calendar year as a reporting period, written 2024."""

    number: int = 1
    MONTHS: ClassVar[int] = 12
    PATTERN: ClassVar[re.Pattern] = _YEAR_RE
    NOUN: ClassVar[str] = "year"
    WRITTEN: ClassVar[str] = "YYYY"
    NOT_WRITTEN: ClassVar[str] = N_("%(text)s is not a year written YYYY")
    NOT_NUMBERED: ClassVar[str] = N_("%(text)s is not a year written YYYY")

    def __str__(self) -> str:
        return f"{self.year:04d}"


Period = Quarter | HalfYear | Year


@functools.cache
def _last_day(kind: type, year: int, number: int) -> dt.date:
    """A period's last day, worked out once: a check asks it of every report several times."""
    return kind(year, number).first_day + relativedelta(months=kind.MONTHS, days=-1)
PERIOD_KINDS: tuple[type, ...] = (Quarter, HalfYear, Year)


def parse_any_period(text: str) -> "Period":
    """A period of any length, as a folder or a status file's `period` writes it: 2024-Q2,
    2024-H1 or 2024. Whether it is a period of the plan's cadence is for the check to say."""
    for kind in PERIOD_KINDS:
        if kind.PATTERN.match(text):
            return kind.parse(text)
    raise ValueError(_("%(text)s is not a reporting period written YYYY-Qn, YYYY-Hn or YYYY", text=repr(text)))


def periods_between(first, last) -> list:
    """Every period of first's kind from first to last, both included (dateutil's rrule steps
    from one period's first day to the next)."""
    kind = type(first)
    if first > last:
        return []
    from dateutil.rrule import MONTHLY, rrule  # here: most runs never step through periods

    starts = rrule(MONTHLY, interval=kind.MONTHS, dtstart=first.first_day, until=last.first_day)
    return [kind.of(start.date()) for start in starts]


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    return periods_between(first, last)


def parse_date(text: str) -> dt.date:
    """Parse an ISO calendar date, with a plain message for impossible ones like 2025-02-30."""
    if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", text):
        raise ValueError(_("%(text)s is not a date written YYYY-MM-DD", text=repr(text)))
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("%(text)s is not a real calendar date", text=repr(text))) from None
    _in_range(day.year, text)
    return day


def years_between(start: dt.date, end: dt.date) -> float:
    """Years from `start` to `end`: the whole years between same-day dates (2022-12-31 to
    2025-12-31 is exactly 3, leap day or not), plus the part of the next year that has passed,
    as days over that year's length. Negative when `end` is before `start`."""
    if end < start:
        return -years_between(end, start)
    whole = relativedelta(end, start).years
    anniversary = start + relativedelta(years=whole)
    following = start + relativedelta(years=whole + 1)
    return whole + (end - anniversary).days / (following - anniversary).days
