"""The 督办清单 as a workbook (`zzip overdue --format xlsx`): a summary sheet, then one sheet per
lead unit, for the office to forward to each unit.

Every text cell is written as text: a value beginning with = + - or @ is stored as a string
with Excel's quote prefix, never as a formula, also when someone edits the cell later; control
and bidi characters from the input are shown as escapes (`printable`); characters a workbook
cannot hold are dropped. openpyxl is imported only here.
"""

from __future__ import annotations

import io

from zzip.check_context import CheckContext
from zzip.findings import printable
from zzip.i18n import Text
from zzip.overdue import SEVERELY_OVERDUE, DueItem
from zzip.xlsx.cells import sheet_name

FORMULA_START = ("=", "+", "-", "@")


def workbook_bytes(context: CheckContext, overdue: list[DueItem], lang: str = "zh") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from zzip.bulletin.html import labels

    t = Text(lang)
    words = labels(t)
    plan = context.plan
    by_unit: dict[str, list[DueItem]] = {}
    for item in overdue:
        by_unit.setdefault(item.unit, []).append(item)
    order = sorted(by_unit, key=lambda u: (-by_unit[u][0].days, -len(by_unit[u]), plan.unit_name(u)))
    book = Workbook()
    summary = book.active
    summary.title = sheet_name(t("Summary"), set())
    used = {summary.title}
    title = t("Supervision list as of %(date)s (severely overdue: more than %(days)s days)",
              date=t.date(context.as_of), days=context.config.severe_days)
    _row(summary, 1, [title])
    summary.cell(row=1, column=1).font = Font(bold=True)
    headers = [t("Unit"), t("Overdue"), t("Severely overdue"), t("Worst days overdue")]
    _row(summary, 3, headers, bold=True)
    for n, unit in enumerate(order, start=4):
        items = by_unit[unit]
        severe = sum(1 for i in items if i.grade == SEVERELY_OVERDUE)
        _row(summary, n, [plan.unit_name(unit), len(items) - severe, severe, items[0].days])
    if not order:
        _row(summary, 4, [t("Nothing is overdue as of %(date)s.", date=t.date(context.as_of))])
    _widths(summary, [40, 10, 12, 14])
    columns = [t("Item"), t("Ref"), t("Kind"), t("What"), t("Deadline"), t("Days overdue"), t("Grade"),
               t("Latest report"), t("Co-operating units"), t("The unit's latest words")]
    for unit in order:
        sheet = book.create_sheet(sheet_name(printable(plan.unit_name(unit)), used))
        used.add(sheet.title)
        _row(sheet, 1, [t("%(unit)s: overdue as of %(date)s", unit=plan.unit_name(unit), date=t.date(context.as_of))])
        sheet.cell(row=1, column=1).font = Font(bold=True)
        _row(sheet, 3, columns, bold=True)
        for n, item in enumerate(by_unit[unit], start=4):
            latest = context.latest_entry(unit, item.item_id)
            said = " ".join(w for w in (latest[1].note, latest[1].blocker) if w) if latest else ""
            status = words["item"].get(item.status, item.status or "")
            if item.percent is not None and item.status != "done":
                status += f" {item.percent:g}%"
            _row(sheet, n, [item.item_id, item.ref, words["kind"][item.kind], item.title, item.deadline.isoformat(),
                            item.days, t("severely overdue") if item.grade == SEVERELY_OVERDUE else t("overdue"),
                            status, "、".join(plan.unit_name(u) for u in item.cooperating), said])
            for column in (4, 9, 10):
                sheet.cell(row=n, column=column).alignment = Alignment(wrap_text=True, vertical="top")
        _widths(sheet, [12, 12, 10, 50, 12, 10, 10, 16, 40, 40])
        sheet.freeze_panes = "A4"
        sheet.print_title_rows = "3:3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(sheet, row: int, values: list, bold: bool = False) -> None:
    from openpyxl.styles import Font

    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        put(cell, value)
        if bold:
            cell.font = Font(bold=True)


def put(cell, value) -> None:
    """A number as a number; anything else as text, never as a formula."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", printable("" if value is None else str(value)))
    cell.value = text
    cell.data_type = "s"  # openpyxl takes a string beginning with = for a formula: it is not one
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def _widths(sheet, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
