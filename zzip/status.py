"""A unit's quarterly status file as typed records (the submission side of the data model)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zzip.months import Quarter
from zzip.plan import Origin

STATUSES = ("not-started", "in-progress", "done", "blocked")
# Offices may write the status in Chinese; both spellings mean the same.
STATUS_SYNONYMS = {"未开始": "not-started", "进行中": "in-progress", "已完成": "done", "受阻": "blocked"}


@dataclass(frozen=True)
class Evidence:
    document: str | None = None
    link: str | None = None
    file: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    status: str  # one of STATUSES
    role: str | None
    percent: float | None
    completed: dt.date | None
    evidence: tuple[Evidence, ...]
    note: str | None
    blocker: str | None
    origin: Origin

    @property
    def done(self) -> bool:
        return self.status == "done"


@dataclass(frozen=True)
class IndicatorValue:
    id: str
    value: float
    measured: dt.date
    source: str | None
    note: str | None
    origin: Origin


@dataclass(frozen=True)
class Submission:
    path: str
    folder_period: Quarter | None  # the quarter its folder is named after, if any
    file_stem: str
    plan_id: str
    plan_version: str
    unit: str
    period: Quarter
    submitted: dt.date
    entries: tuple[Entry, ...]
    indicators: tuple[IndicatorValue, ...]
    origin: Origin

    def entry(self, item_id: str) -> Entry | None:
        for entry in self.entries:
            if entry.id == item_id:
                return entry
        return None
