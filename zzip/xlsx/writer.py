"""Write a status workbook (.xlsx) with openpyxl: the template a unit fills in, or a YAML status
file converted.

Cells a unit must not change (ids, the plan, unit and quarter, the item titles) are locked and
the sheets protected (no password: protection guards against slips, not people); the cells it
fills in are unlocked, with data validation: the status is a drop-down, the percent a number
from 0 to 100, dates are date cells, values number cells. See docs/status-format.md.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from zzip.i18n import _, language
from zzip.xlsx import layout as L

_HEAD_FILL = "DDEBF7"
_LOCKED_FILL = "F2F2F2"
_DATE_FORMAT = "yyyy-mm-dd"
_WIDTHS = {"id": 12, "ref": 10, "title": 48, "due": 11, "role": 7, "status": 10, "percent": 11, "completed": 12,
           "blocker": 24, "evidence": 40, "note": 30, "name": 36, "unit_of_measure": 9, "target": 28,
           "measured": 14, "value": 12, "source": 20}


def build_workbook(data: dict, plan=None, *, template: bool = False, due: dt.date | None = None) -> bytes:
    """The workbook for a status report's data (the shape of a YAML status file) as bytes.

    `plan` names the items and indicators (titles, deadlines, units of measure); `template` adds
    blank rows for indicator values and says when the report is due."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor=_HEAD_FILL)
    locked_fill = PatternFill("solid", fgColor=_LOCKED_FILL)
    unlocked = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    english = language() == "en"
    status_choices = L.STATUS_KEYS if english else L.STATUS_CHOICES
    unit_name = plan.unit_name(data.get("unit", "")) if plan is not None and data.get("unit") in plan.units else ""

    def protect(sheet) -> None:
        sheet.protection.sheet = True
        sheet.protection.formatColumns = False  # widening a column is allowed
        sheet.protection.autoFilter = False
        sheet.protection.sort = True

    def header(sheet, labels) -> None:
        sheet.append(labels)
        for cell in sheet[1]:
            cell.font, cell.fill = head_font, head_fill
        sheet.freeze_panes = "B2"

    # 填报说明
    help_sheet = book.active
    help_sheet.title = L.SHEET_HELP
    for line in _instructions(data, unit_name, due, template):
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 110
    help_sheet["A1"].font = Font(bold=True, size=14)
    for row in help_sheet.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True)
    protect(help_sheet)

    # 报送信息
    info = book.create_sheet(L.SHEET_INFO)
    header(info, [_("Field"), _("Value"), _("How to fill it in")] if english else list(L.INFO_HEADER))
    info.freeze_panes = None
    locked_hint = _("Locked; do not change")
    hints = {"plan": locked_hint, "plan_version": locked_hint, "unit": locked_hint, "unit_name": locked_hint,
             "period": locked_hint, "submitted": _("The day you send the report, e.g. 2025-07-08"),
             "contact": _("Who filled it in, and how to reach them (optional)"),
             "note": _("Anything the office should know (optional)"), "format": locked_hint}
    values = dict(data, unit_name=unit_name or data.get("unit", ""))
    for key, label in L.labels("submission", language()):
        value = values.get(key)
        if key in L.DATE_FIELDS and isinstance(value, str):
            value = _date_or_text(value)
        info.append([label, value, hints[key]])
        row = info.max_row
        cell = info.cell(row, 2)
        if key in L.INFO_EDITABLE:
            cell.protection = unlocked
            if key in L.DATE_FIELDS:
                cell.number_format = _DATE_FORMAT
                _date_validation(info, DataValidation, f"B{row}")
        else:
            cell.fill = locked_fill
            if key != "format":
                cell.number_format = "@"  # text: a version 1.10 must not become the number 1.1
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 12, 44
    info.column_dimensions["C"].width = 40
    protect(info)

    # 任务进展
    entries = book.create_sheet(L.SHEET_ENTRIES)
    columns = L.labels("entries", language())
    keys = [key for key, _label in columns]
    header(entries, [label for _key, label in columns])
    status_list = DataValidation(type="list", formula1='"' + ",".join(status_choices) + '"', allow_blank=False,
                                 showErrorMessage=True, errorTitle=dict(columns)["status"],
                                 error=_("Choose from the list: %(choices)s",
                                         choices=(", " if english else "、").join(status_choices)))
    percent_rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                                  showErrorMessage=True, errorTitle=_("Percent done"),
                                  error=_("Type a number from 0 to 100, without a percent sign"))
    entries.add_data_validation(status_list)
    entries.add_data_validation(percent_rule)
    dates = _date_validation(entries, DataValidation, None)
    for item in data.get("entries", ()):
        row = entries.max_row + 1
        shown = _describe_item(plan, item.get("id"))
        values = {
            "id": item.get("id"), "ref": shown.get("ref"), "title": shown.get("title"), "due": shown.get("due"),
            "role": item.get("role") if english else L.ROLE_WORDS.get(item.get("role"), item.get("role")),
            "status": item.get("status") if english else L.STATUS_WORDS.get(item.get("status"), item.get("status")),
            "percent": item.get("percent"), "completed": _date_or_text(item.get("completed")),
            "blocker": item.get("blocker"), "evidence": evidence_text(item.get("evidence")), "note": item.get("note"),
        }
        for column, key in enumerate(keys, start=1):
            cell = entries.cell(row, column, values[key])
            cell.alignment = wrap if key in ("title", "evidence", "note", "blocker") else top
            if key in L.ENTRY_EDITABLE:
                cell.protection = unlocked
            else:
                cell.fill = locked_fill
        letter = {key: _letter(keys.index(key) + 1) for key in ("status", "percent", "completed")}
        status_list.add(f"{letter['status']}{row}")
        percent_rule.add(f"{letter['percent']}{row}")
        dates.add(f"{letter['completed']}{row}")
        entries.cell(row, keys.index("completed") + 1).number_format = _DATE_FORMAT
    _widths(entries, keys)
    protect(entries)

    # 指标数据
    sheet = book.create_sheet(L.SHEET_VALUES)
    columns = L.labels("indicators", language())
    keys = [key for key, _label in columns]
    header(sheet, [label for _key, label in columns])
    numbers = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                             allow_blank=True, showErrorMessage=True, errorTitle=dict(columns)["value"],
                             error=_("Type a number, without thousands separators or units such as 万 or %%, in the "
                                     "unit of the column %(column)s", column=dict(columns)["unit_of_measure"]))
    sheet.add_data_validation(numbers)
    value_dates = _date_validation(sheet, DataValidation, None)
    owned = [i.id for i in plan.indicators.values() if i.owner == data.get("unit")] if plan is not None else []
    ids = None
    if template and owned:
        ids = DataValidation(type="list", formula1=_list_range(book, owned), allow_blank=True, showErrorMessage=True,
                             errorTitle=dict(columns)["id"], error=_("Choose one of your unit's indicators from the list"))
        sheet.add_data_validation(ids)
    rows = list(data.get("indicators", ()))
    blank = L.EXTRA_VALUE_ROWS if template else 0
    for index, item in enumerate(rows + [None] * blank):
        row = index + 2
        shown = _describe_indicator(plan, item.get("id")) if item else {}
        values = {"id": item.get("id"), "measured": _date_or_text(item.get("measured")), "value": item.get("value"),
                  "source": item.get("source"), "note": item.get("note"), **shown} if item else {}
        for column, key in enumerate(keys, start=1):
            cell = sheet.cell(row, column, values.get(key))
            cell.alignment = wrap if key in ("name", "target", "note") else top
            editable = key in L.VALUE_EDITABLE or (item is None and key == "id")
            if editable:
                cell.protection = unlocked
            else:
                cell.fill = locked_fill
        measured = _letter(keys.index("measured") + 1)
        sheet[f"{measured}{row}"].number_format = _DATE_FORMAT
        value_dates.add(f"{measured}{row}")
        numbers.add(f"{_letter(keys.index('value') + 1)}{row}")
        if item is None and ids is not None:
            ids.add(f"A{row}")
    _widths(sheet, keys)
    protect(sheet)

    opening = entries if data.get("entries") else sheet  # open on the sheet to fill in
    book.active = book.worksheets.index(opening)
    for candidate in book.worksheets:  # one selected tab: several would be "grouped", and typing would fill them all
        candidate.sheet_view.tabSelected = candidate is opening
    properties = book.properties
    properties.title = _("%(unit)s %(period)s status report", unit=unit_name or data.get("unit", ""),
                         period=_period_words(data.get("period", "")))
    properties.subject = f"{data.get('plan', '')} {data.get('plan_version', '')}"
    properties.keywords = f"zzip status plan={data.get('plan', '')} version={data.get('plan_version', '')} " \
                          f"unit={data.get('unit', '')} period={data.get('period', '')}"
    properties.creator = "zzip"
    from zzip.xlsx.cells import defuse_formulas

    defuse_formulas(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _date_validation(sheet, DataValidation, ref: str | None):
    rule = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                          allow_blank=True, showErrorMessage=True, errorTitle=_("Date"),
                          error=_("Type a date, e.g. 2025-06-30"))
    sheet.add_data_validation(rule)
    if ref:
        rule.add(ref)
    return rule


def _list_range(book, choices: list[str]) -> str:
    """A list too long for an inline drop-down (255 characters) goes on a hidden sheet."""
    lists = book[L.SHEET_LISTS] if L.SHEET_LISTS in book.sheetnames else book.create_sheet(L.SHEET_LISTS)
    lists.sheet_state = "hidden"
    column = lists.max_column + (1 if lists.max_row > 1 or lists["A1"].value else 0)
    for row, choice in enumerate(choices, start=1):
        lists.cell(row, column, choice)
    lists.protection.sheet = True
    letter = _letter(column)
    return f"'{L.SHEET_LISTS}'!${letter}$1:${letter}${len(choices)}"


def _letter(column: int) -> str:
    from zzip.findings import column_letters

    return column_letters(column)


def _widths(sheet, keys: list[str]) -> None:
    for column, key in enumerate(keys, start=1):
        sheet.column_dimensions[_letter(column)].width = _WIDTHS.get(key, 14)


def _date_or_text(value):
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def evidence_text(evidence) -> str | None:
    """Evidence as the 佐证材料 cell holds it: one line each, '文号:… | 链接:… | 文件:… | 标题:…'
    (in English '《title》 | document:… | link:… | file:…')."""
    if not evidence:
        return None
    english = language() == "en"
    lines = []
    for item in evidence:
        parts = [f"{key if english else L.EVIDENCE_PREFIXES[key]}:{item[key]}" for key in ("document", "link", "file")
                 if item.get(key)]
        if item.get("title"):
            if english:
                parts.insert(0, f"《{item['title']}》")
            else:
                parts.append(f"标题:{item['title']}")
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def _describe_item(plan, item_id) -> dict:
    if plan is None or item_id is None:
        return {}
    item = plan.tasks.get(item_id) or plan.milestones.get(item_id)
    if item is None:
        return {}
    title = getattr(item, "title", None) or item.text
    deadline = getattr(item, "deadline", None)
    due = deadline.isoformat() if deadline is not None and hasattr(deadline, "isoformat") else (_("ongoing") if item_id in plan.milestones else "")
    return {"ref": item.ref, "title": title, "due": due}


def _describe_indicator(plan, indicator_id) -> dict:
    if plan is None or indicator_id not in getattr(plan, "indicators", {}):
        return {}
    indicator = plan.indicators[indicator_id]
    name = _("%(name)s (a yearly figure: measured on 31 December)", name=indicator.name) \
        if indicator.kind == "flow" else indicator.name
    return {"name": name, "unit_of_measure": indicator.unit or "",
            "target": indicator.target.describe(indicator.unit)}


def _period_words(period) -> str:
    """2025年第3季度 in a Chinese title, the code in English; a period zzip cannot read as written."""
    from zzip.labels import period_words
    from zzip.months import parse_any_period

    try:
        return period_words(parse_any_period(str(period)))
    except ValueError:
        return str(period)


def _instructions(data: dict, unit_name: str, due: dt.date | None, template: bool) -> list[str]:
    period = data.get("period", "")
    values = {"unit": unit_name or data.get("unit", ""), "period": period, "plan": data.get("plan", ""),
              "version": data.get("plan_version", ""), "unit_id": data.get("unit", "")}
    if due:
        about = _("Plan: %(plan)s, version %(version)s; unit id: %(unit_id)s; period: %(period)s; due: %(due)s",
                  due=due.isoformat(), **values)
    else:
        about = _("Plan: %(plan)s, version %(version)s; unit id: %(unit_id)s; period: %(period)s", **values)
    # the sheets are named in Chinese in both languages: the reader finds them by these names
    sheets = {"info": L.SHEET_INFO, "entries": L.SHEET_ENTRIES, "values": L.SHEET_VALUES}
    return [
        _("%(unit)s %(period)s status report", **{**values, "period": _period_words(period)}),
        about,
        "",
        _("How to fill it in"),
        _("1. On the sheet %(info)s, fill in the day you send the report (a date, e.g. 2025-07-08), the contact "
          "and anything the office should know. Grey cells are locked; do not change them.", **sheets),
        _("2. On the sheet %(entries)s, one row for each task and step your unit leads or co-operates on: choose the "
          "status from the drop-down list (%(choices)s); type the percent done as a number from 0 to 100 (without "
          "the %% sign);", choices=", ".join(L.STATUS_KEYS) if language() == "en" else "、".join(L.STATUS_CHOICES),
          **sheets),
        _("   for a done item, type the completion date (a date) and list the documents, links or file names under "
          "evidence, one a line, e.g. %(example)s; for a blocked item, write why under blocker.",
          example="《Title》 | document:No. 12 [2025] | link:https://…" if language() == "en" else "“文号:郑市监〔2025〕12号 | 标题:……”"),
        _("3. On the sheet %(values)s, fill in the indicators your unit answers for: the value as a number in the "
          "unit of measure column (no thousands separators, no 万 or %%), and the date the value refers to; leave "
          "the rows you have no value for empty.", **sheets),
        _("   For a yearly indicator (its name says so) give the whole figure of the last full year, dated 31 "
          "December. For a value on another date use the blank rows below, choosing the indicator id from the list."),
        _("4. Do not add, delete, rename or move sheets and columns; do not merge cells, hide rows or use formulas; "
          "type dates and numbers directly, not formatted as text."),
        _("5. Send it as an Excel workbook (.xlsx): not saved as .xls, .et or .csv, and with no password to open it."),
        "",
        _("The office can check it with zzip check before it is sent; each problem found names the sheet and the "
          "cell, e.g. %(cell)s.", cell=f"{L.SHEET_ENTRIES}!F12"),
        _("Questions: please contact the office of the joint conference."),
    ]
