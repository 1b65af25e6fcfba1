"""The one record every check produces: a finding with a code, a severity and a place."""

from __future__ import annotations

import enum
import re

from msgspec import Struct

# What must never reach a terminal, a CI log or a web page as it stands: C0 and C1 control
# characters (but tab), DEL, the line and paragraph separators, every Unicode format character
# (category Cf: the bidi embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, the
# marks U+200E/U+200F and U+061C, zero-width spaces and joiners, the byte-order mark, tag
# characters...), and lone surrogates (the bytes of a file name that is not UTF-8). Text from
# status and plan files must not move a cursor, colour a terminal, reorder what is shown
# ("Trojan Source") or break a line.
_UNSAFE_FORMAT = (
    "\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_CONTROL = re.compile(f"[\x00-\x08\x0a-\x1f{_UNSAFE_FORMAT}]")
# The same, but line ends and tabs, in a whole output document (which has lines).
_UNSAFE_IN_DOCUMENT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_UNSAFE_FORMAT}]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """Text safe to print on one line: control, bidi and other invisible format characters
    become visible escapes (\\x1b, \\u202e); a file name's undecodable bytes show as \\xd6."""
    return _CONTROL.sub(_visible, text)


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def safe_document(text: str) -> str:
    """A whole output document (JSON, XML, CSV, markdown, annotations) with whatever unsafe
    character is left escaped as \\uXXXX, which is also a valid JSON escape (such characters only
    ever stand inside JSON strings). Line ends and tabs stay; so does a leading byte-order mark."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    if _UNSAFE_IN_DOCUMENT.search(body) is None:
        return text
    return bom + _UNSAFE_IN_DOCUMENT.sub(_json_escape, body)


def safe_pieces(pieces):
    """`safe_document` of a document made a piece at a time, piece by piece: the same text when
    joined (each unsafe character is one code point, never split between pieces; only the first
    piece may keep a byte-order mark)."""
    first = True
    for piece in pieces:
        if first:  # the document's start: its first character, wherever the first piece with one
            first = not piece
            yield safe_document(piece)
        elif _UNSAFE_IN_DOCUMENT.search(piece) is None:
            yield piece
        else:
            yield _UNSAFE_IN_DOCUMENT.sub(_json_escape, piece)


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


class Location(Struct, frozen=True, order=True, gc=False):
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
        from zzip.i18n import _

        return _("line %(line)s", line=self.line)

    def __str__(self) -> str:
        if self.sheet is not None:
            cell = self.cell
            return f"{self.path}!{self.sheet}!{cell}" if cell else f"{self.path}!{self.sheet}"
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


class Finding(Struct, frozen=True, gc=False):
    """A problem found by a rule, stamped with the rule's code and the severity in force.

    Equality and hash leave `extra` out (its details follow from the rest, and a dict has no
    hash); msgspec has no per-field `compare=False`, so they are written out here."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    unit: str | None = None  # the responsible unit, when the finding concerns one
    extra: dict = {}  # a fresh dict for each finding (msgspec copies an empty default)

    def _compared(self) -> tuple:
        return (self.code, self.name, self.severity, self.message, self.location, self.unit)

    def __eq__(self, other):
        return self._compared() == other._compared() if type(other) is type(self) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())

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


class Problem(Struct, frozen=True, gc=False):
    """What a rule yields: the engine stamps it with the rule's code and the severity in force.
    Equal and hashed without `extra`, as a Finding."""

    location: Location
    message: str
    unit: str | None = None
    extra: dict = {}

    def _compared(self) -> tuple:
        return (self.location, self.message, self.unit)

    def __eq__(self, other):
        return self._compared() == other._compared() if type(other) is type(self) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())
