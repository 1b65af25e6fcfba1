"""View tables as an Excel workbook (one sheet per table), for the office to forward.

openpyxl is imported here only, when a command asks for xlsx, so that start-up stays fast.
Text is written as text: a cell starting with = is never a formula, and control characters from
the input are escaped (`printable`).
"""

from __future__ import annotations

import io
import re

from zzip.views.tables import ViewTable, _plain
from zzip.xlsx.cells import sheet_name

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def workbook_bytes(tables: list[tuple[str, ViewTable]], heading: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for name, view in tables:
        sheet = book.create_sheet(sheet_name(name, used))
        used.add(sheet.title)
        sheet.append([_text(heading)])
        sheet.append([_text(view.title)])
        sheet.append([_text(c.header) for c in view.columns])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in view.rows:
            sheet.append([_value(row.get(c.key)) for c in view.columns])
        for index, column in enumerate(view.columns, start=1):
            width = max([len(_plain(row.get(column.key))) for row in view.rows] + [len(column.header)]) + 2
            sheet.column_dimensions[sheet.cell(row=3, column=index).column_letter].width = min(width * 1.6, 80)
        sheet.freeze_panes = "A4"
    from zzip.xlsx.cells import defuse_formulas

    defuse_formulas(book)  # text beginning with "=" stays text, without a visible apostrophe
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _value(value):
    """Numbers as numbers (a score is summed and sorted in Excel); everything else as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = _plain(value)
    if _NUMBER.match(text):
        return float(text) if "." in text else int(text)
    return _text(text)


def _text(text: str):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", _plain(text))
    return text
