"""A unit's quarterly status file as typed records (the submission side of the data model).

A run may read ten thousand of these, so the records are msgspec Structs (built in C, no
per-instance dict, out of the cyclic GC: they hold no cycle) and keep only what the checks need:
the values, and the line and column of each field (`PackedOrigin`), not the parsed file itself.
"""

from __future__ import annotations

import datetime as dt
from array import array

from msgspec import Struct

from zzip.findings import Location
from zzip.months import Period

# Offices may write the status in Chinese; both spellings mean the same.
STATUS_SYNONYMS = {"未开始": "not-started", "进行中": "in-progress", "已完成": "done", "受阻": "blocked"}

SUBMISSION_FIELDS = ("format", "plan", "plan_version", "unit", "period", "submitted", "contact", "entries",
                     "indicators", "note")
ENTRY_FIELDS = ("id", "role", "status", "percent", "completed", "evidence", "note", "blocker")
VALUE_FIELDS = ("id", "value", "measured", "source", "note")
ENTRY_SIZE = 2 + 2 * len(ENTRY_FIELDS)  # the item's line and column, then each field's value line and column
VALUE_SIZE = 2 + 2 * len(VALUE_FIELDS)


class PackedOrigin:
    """Where an item and each of its fields stand in a file, without the file.

    `spots` holds the item's own line and column, then per field of `names` the value's line
    and column, and, with `keys`, the key's line and column too (0 when the field is absent).
    `at()` answers like `Origin.at()` of the plan records, so rules need not know which they
    have. Ten thousand files hold 300,000 of these: they are kept small."""

    __slots__ = ("path", "names", "spots", "keys", "sheet")

    def __init__(self, path: str, names: tuple[str, ...], spots: array, keys: bool, sheet: str | None = None):
        self.path, self.names, self.spots, self.keys, self.sheet = path, names, spots, keys, sheet

    def at(self, *fields: str | int, key: bool = False) -> Location:
        spots = self.spots
        if fields and fields[0] in self.names:
            width = 4 if self.keys else 2
            start = 2 + width * self.names.index(fields[0])
            if key and self.keys and len(fields) == 1:
                start += 2
            if spots[start]:
                return Location(self.path, spots[start], spots[start + 1], self.sheet)
        return Location(self.path, spots[0], spots[1], self.sheet)

    @property
    def location(self) -> Location:
        return Location(self.path, self.spots[0], self.spots[1], self.sheet)


def workbook_sheet(path: str, part: str) -> str | None:
    """The sheet a workbook keeps a part of the report on ("entries", "indicators"), from the
    file's name; None for a YAML or JSON file, whose positions are lines and columns."""
    if path[-5:].lower() != ".xlsx":
        return None
    from zzip.xlsx.layout import SHEET_OF  # names only: no spreadsheet library is imported

    return SHEET_OF[part]


def pack_spots(numbers: list[int]) -> array:
    """Positions as one compact array: two bytes a number when every one fits, else four."""
    return array("H" if not numbers or max(numbers) < 65536 else "I", numbers)


class Evidence(Struct, frozen=True, gc=False):
    document: str | None = None
    link: str | None = None
    file: str | None = None
    title: str | None = None


class Entry(Struct, frozen=True, gc=False):
    id: str
    status: str  # one of STATUSES
    role: str | None
    percent: float | None
    completed: dt.date | None
    evidence: tuple[Evidence, ...]
    note: str | None
    blocker: str | None
    path: str
    spots: array  # the positions of every entry of the file, shared; this one's are at `slot`
    slot: int

    @property
    def done(self) -> bool:
        return self.status == "done"

    @property
    def origin(self) -> PackedOrigin:
        size = ENTRY_SIZE
        return PackedOrigin(self.path, ENTRY_FIELDS, self.spots[self.slot * size:(self.slot + 1) * size], False,
                            workbook_sheet(self.path, "entries"))


class IndicatorValue(Struct, frozen=True, gc=False):
    id: str
    value: float
    measured: dt.date
    source: str | None
    note: str | None
    path: str
    spots: array  # shared by the file's values, like Entry.spots
    slot: int

    @property
    def origin(self) -> PackedOrigin:
        size = VALUE_SIZE
        return PackedOrigin(self.path, VALUE_FIELDS, self.spots[self.slot * size:(self.slot + 1) * size], False,
                            workbook_sheet(self.path, "indicators"))


class Submission(Struct, frozen=True, gc=False):
    path: str
    folder_period: Period | None  # the quarter its folder is named after, if any
    file_stem: str
    plan_id: str
    plan_version: str
    unit: str
    period: Period
    submitted: dt.date
    entries: tuple[Entry, ...]
    indicators: tuple[IndicatorValue, ...]
    origin: PackedOrigin

    def entry(self, item_id: str) -> Entry | None:
        for entry in self.entries:
            if entry.id == item_id:
                return entry
        return None
