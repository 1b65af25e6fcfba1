"""The one record every check produces: a finding with a code, a severity and a place."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

# C0 and C1 control characters (but tab), DEL, and the Unicode line and paragraph separators:
# text from status files must not move a terminal's cursor, colour it, or break a line.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """Text safe to print on one line: control characters become visible escapes (\\x1b)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


class Severity(enum.IntEnum):
    """Ordered so that `>=` compares how serious a finding is."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: expected error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


def column_letters(column: int) -> str:
    """1 -> A, 27 -> AA: a spreadsheet column as people name it."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file. Line and column are 1-based; None when the file has no such place.

    In a workbook (`sheet` set) the line is the row and the column the column number, and the
    place reads `path!sheet!E12`, as a spreadsheet names a cell."""

    path: str
    line: int | None = None
    column: int | None = None
    sheet: str | None = None

    @property
    def cell(self) -> str | None:
        """E12 for row 12, column 5 of a workbook sheet; None for a text file."""
        if self.sheet is None or self.line is None:
            return None
        return f"{column_letters(self.column or 1)}{self.line}"

    @property
    def place(self) -> str:
        """Where in its file, for a message: 'line 12', or '任务进展!F12' in a workbook."""
        if self.sheet is not None:
            return f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"line {self.line}"

    def __str__(self) -> str:
        if self.sheet is not None:
            cell = self.cell
            return f"{self.path}!{self.sheet}!{cell}" if cell else f"{self.path}!{self.sheet}"
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Finding:
    """A problem found by a rule, stamped with the rule's code and the severity in force."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    unit: str | None = None  # the responsible unit, when the finding concerns one
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.sheet or "", loc.line or 0, loc.column or 0, self.code, self.message)

    def to_dict(self) -> dict:
        data = {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
        }
        if self.location.sheet is not None:  # a workbook: line and column are the cell's row and column
            data["sheet"] = self.location.sheet
            data["cell"] = self.location.cell
        if self.unit is not None:
            data["unit"] = self.unit
        if self.extra:
            data["details"] = self.extra
        return data


@dataclass(frozen=True)
class Problem:
    """What a rule yields: the engine stamps it with the rule's code and the severity in force."""

    location: Location
    message: str
    unit: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
