"""Text in a workbook zzip writes is text: never a formula.

openpyxl stores any string that begins with "=" as a formula, so a note, a title or a contact
typed as `=HYPERLINK(...)` or `=cmd|...` in a status file or the plan would come out live in
the workbook an office opens. Every such cell is turned back into text, with Excel's quote
prefix so that it stays text when someone edits it. (zzip never writes a formula itself.)
"""

from __future__ import annotations

import re

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def defuse_formulas(book) -> int:
    """Make every formula cell of the workbook plain text; return how many there were."""
    count = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    count += 1
    return count


def sheet_name(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts: its forbidden characters replaced, at most 31 characters, not
    the reserved "History", and unique ignoring case (as Excel compares sheet names)."""
    base = _SHEET_FORBIDDEN.sub("_", name).strip("'")[:28] or "Sheet"
    if base.lower() == "history":
        base = f"{base}_"
    taken = {u.lower() for u in used}
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate, n = f"{base[:25]}-{n}", n + 1
    return candidate
