"""Months and quarters as exact calendar spans.

A deadline month ends on its last day: "2023-12" is still on time on 2023-12-31 and
overdue from 2024-01-01. All dates here are plain calendar dates; the zone in which
"today" is taken is decided once, in `zzip.clock`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from zzip.i18n import _

_MONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{2})\Z")
_QUARTER_RE = re.compile(r"^([0-9]{4})-Q([0-9])\Z")
# Dates are counted forward from (due dates, "due within"): years far from the plan's would
# overflow Python's calendar (year 9999) and mean nothing in a plan anyway.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _in_range(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(_("%(text)s is out of range: zzip reads years %(first)s to %(last)s", text=repr(text), first=FIRST_YEAR, last=LAST_YEAR))


@dataclass(frozen=True, order=True)
class Month:
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


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(_("quarter %(number)s is not between 1 and 4", number=self.number))

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        match = _QUARTER_RE.match(text)
        if not match:
            raise ValueError(_("%(text)s is not a quarter written YYYY-Qn", text=repr(text)))
        if not 1 <= int(match[2]) <= 4:
            raise ValueError(_("%(text)s is not a quarter: quarters are numbered Q1 to Q4", text=repr(text)))
        _in_range(int(match[1]), text)
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: dt.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_month(self) -> Month:
        return Month(self.year, 3 * self.number - 2)

    @property
    def last_month(self) -> Month:
        return Month(self.year, 3 * self.number)

    @property
    def first_day(self) -> dt.date:
        return self.first_month.first_day

    @property
    def last_day(self) -> dt.date:
        return self.last_month.last_day

    def overlaps(self, start: Month, end: Month | None) -> bool:
        """True when the span start..end (end None = ongoing) touches this quarter."""
        return start <= self.last_month and (end is None or end >= self.first_month)

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.number}"


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    out = []
    q = first
    while q <= last:
        out.append(q)
        q = q.next()
    return out


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
