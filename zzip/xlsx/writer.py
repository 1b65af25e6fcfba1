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
    header(info, L.INFO_HEADER)
    info.freeze_panes = None
    hints = {"plan": "锁定,勿改", "plan_version": "锁定,勿改", "unit": "锁定,勿改", "unit_name": "锁定,勿改",
             "period": "锁定,勿改", "submitted": "报送当天的日期,如 2025-07-08", "contact": "填报人及联系方式(可选)",
             "note": "需要向办公室说明的情况(可选)", "format": "锁定,勿改"}
    values = dict(data, unit_name=unit_name or data.get("unit", ""))
    for key, label in L.INFO_ROWS:
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
    keys = [key for key, _label in L.ENTRY_COLUMNS]
    header(entries, [label for _key, label in L.ENTRY_COLUMNS])
    status_list = DataValidation(type="list", formula1='"' + ",".join(L.STATUS_CHOICES) + '"', allow_blank=False,
                                 showErrorMessage=True, errorTitle="进展状态",
                                 error="请从下拉列表中选择:" + "、".join(L.STATUS_CHOICES))
    percent_rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                                  showErrorMessage=True, errorTitle="完成比例", error="请填写0到100之间的数字(不带%号)")
    entries.add_data_validation(status_list)
    entries.add_data_validation(percent_rule)
    dates = _date_validation(entries, DataValidation, None)
    for item in data.get("entries", ()):
        row = entries.max_row + 1
        shown = _describe_item(plan, item.get("id"))
        values = {
            "id": item.get("id"), "ref": shown.get("ref"), "title": shown.get("title"), "due": shown.get("due"),
            "role": L.ROLE_WORDS.get(item.get("role"), item.get("role")),
            "status": L.STATUS_WORDS.get(item.get("status"), item.get("status")),
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
    keys = [key for key, _label in L.VALUE_COLUMNS]
    header(sheet, [label for _key, label in L.VALUE_COLUMNS])
    numbers = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                             allow_blank=True, showErrorMessage=True, errorTitle="数值",
                             error="请填写数字:不带千位分隔符、不带“万”“%”等单位,按“计量单位”一栏的单位填写")
    sheet.add_data_validation(numbers)
    value_dates = _date_validation(sheet, DataValidation, None)
    owned = [i.id for i in plan.indicators.values() if i.owner == data.get("unit")] if plan is not None else []
    ids = None
    if template and owned:
        ids = DataValidation(type="list", formula1=_list_range(book, owned), allow_blank=True, showErrorMessage=True,
                             errorTitle="指标编号", error="请从下拉列表中选择本单位负责的指标")
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
    properties.title = f"{unit_name or data.get('unit', '')} {data.get('period', '')} 工作进展报送表"
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
                          allow_blank=True, showErrorMessage=True, errorTitle="日期",
                          error="请填写日期,如 2025-06-30")
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
    """Evidence as the 佐证材料 cell holds it: one line each, '文号:… | 链接:… | 文件:… | 标题:…'."""
    if not evidence:
        return None
    lines = []
    for item in evidence:
        parts = [f"{L.EVIDENCE_PREFIXES[key]}:{item[key]}" for key in ("document", "link", "file") if item.get(key)]
        if item.get("title"):
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
    due = deadline.isoformat() if deadline is not None and hasattr(deadline, "isoformat") else ("持续推进" if item_id in plan.milestones else "")
    return {"ref": item.ref, "title": title, "due": due}


def _describe_indicator(plan, indicator_id) -> dict:
    if plan is None or indicator_id not in getattr(plan, "indicators", {}):
        return {}
    indicator = plan.indicators[indicator_id]
    kind = "(年度数值:统计截止日期填12月31日)" if indicator.kind == "flow" else ""
    return {"name": indicator.name + kind, "unit_of_measure": indicator.unit or "",
            "target": indicator.target.describe(indicator.unit)}


def _instructions(data: dict, unit_name: str, due: dt.date | None, template: bool) -> list[str]:
    period = data.get("period", "")
    lines = [
        f"{unit_name or data.get('unit', '')} {period} 工作进展报送表",
        f"方案:{data.get('plan', '')},版本 {data.get('plan_version', '')};单位编号:{data.get('unit', '')};报送季度:{period}"
        + (f";报送截止日期:{due.isoformat()}" if due else ""),
        "",
        "填写方法",
        "1. 在“报送信息”表填写报送日期(报送当天,日期格式,如 2025-07-08)、联系人和需要说明的情况。灰色单元格已锁定,请勿修改。",
        "2. 在“任务进展”表逐行填写本单位牵头或配合的每项任务、实施步骤:进展状态从下拉列表选择(未开始、进行中、已完成、受阻);"
        "完成比例填0到100的数字(不带%号);",
        "   已完成的须填写完成日期(日期格式),并在“佐证材料”中列出文件文号、链接或文件名,每行一项,如“文号:郑市监〔2025〕12号 | 标题:……”;"
        "受阻的须在“受阻原因”中写明原因。",
        "3. 在“指标数据”表填写本单位负责的指标:数值按“计量单位”一栏的单位填写数字(不带千位分隔符,不写“万”“%”),"
        "统计截止日期为数值对应的日期;没有数值的行留空即可。",
        "   年度指标(名称中注明)填写上一完整年度的全年数值,统计截止日期为12月31日。需要报送其他日期的数值时,使用下方空行,指标编号从下拉列表选择。",
        "4. 请勿增删、改名、调整工作表和列,请勿合并单元格、隐藏行或使用公式;日期和数字请直接输入,不要设置为文本格式。",
        "5. 保存为 Excel 工作簿(.xlsx)格式报送,不要另存为 .xls、.et 或 .csv,也不要设置打开密码。",
        "",
        "报送前可由办公室用 zzip check 检查;发现的问题会指明工作表和单元格,例如“任务进展!F12”。",
        "如有疑问,请与联席会议办公室联系。",
    ]
    return lines
