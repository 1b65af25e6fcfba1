"""A 任务分工表 (序号 / 重点任务 / 责任单位 / 完成时限) read into tasks, for `zzip import`.

Nothing is guessed: a cell that cannot be read (a unit the plan does not know, a deadline phrase
not in the list below, a row without a task) is listed with its position (sheet!B7 in a workbook,
line:column in a CSV file) and left for the office to settle.

Deadline phrases read into a task's time keys (docs/plan-format.md, "Deadlines of tasks"); the words
as written are always kept as `deadline_text`:
  2023年底前, 2023年年底前, 2023年12月底前           -> deadline: "2023-12"
  2024年6月前, 2024年6月底前                        -> deadline: "2024-06" (前 and 底前 both: by the month's end)
  长期坚持, 持续推进, 长期, 持续开展                  -> ongoing: true
  每年                                            -> recurs: yearly
  每年4月, 每年4月底前                              -> recurs: yearly, due_month: 4
  每季度                                          -> recurs: quarterly
Full-width digits (２０２３年底前) and months in Chinese numerals (每年四月, 2024年十二月前) read the same.
Anything else (尽快, 每半年: a task has no half-yearly recurrence) is kept as `deadline_text` only
and listed with its position.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from zzip.findings import Location
from zzip.i18n import _

MAX_TABLE_BYTES = 20_000_000

# header words -> column meaning; the first row holding a task and a unit column is the header
HEADERS = {
    "number": ("序号", "编号"),
    "task": ("重点任务", "主要任务", "工作任务", "任务内容", "具体任务", "工作措施", "任务"),
    "units": ("责任单位", "牵头单位", "负责单位", "责任部门"),
    "deadline": ("完成时限", "完成时间", "时间节点", "时限"),
}
_SPLIT = re.compile("[\u3001\uff0c,;\uff1b/\\s]+")  # 、，, ;；/ and spaces
_WRAPPED = re.compile("^[(\uff08](.*?)(?:负责|牵头)?[)\uff09]$")  # (…负责) with either parentheses


@dataclass
class Problem:
    location: Location
    message: str


@dataclass
class ImportedTask:
    number: str
    row_at: Location
    title: str
    text: str | None
    units: list[str]
    unmatched: list[str]
    deadline_text: str | None
    reading: dict | None  # the time keys the deadline phrase reads as: {"deadline": "2023-12"}, {"ongoing": True}


@dataclass
class Imported:
    tasks: list[ImportedTask] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class TableUnreadable(Exception):
    pass


# -- reading the table --------------------------------------------------------------------------

def read_rows(path: Path, shown: str) -> list[tuple[str, list[tuple[Location, str]]]]:
    """(sheet name or "", rows of (position, text)) for each sheet of a workbook, or the one CSV table."""
    from zzip.filebytes import Unreadable, read_bytes

    try:
        raw = read_bytes(path, MAX_TABLE_BYTES, "is {size} bytes; a 任务分工表 is far smaller")
    except Unreadable as exc:
        raise TableUnreadable(str(exc)) from None
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _workbook_rows(raw, shown)
    if path.suffix.lower() in (".csv", ".txt"):
        return [("", _csv_rows(raw, shown))]
    raise TableUnreadable(_("expected a .xlsx or .csv file"))


def _workbook_rows(raw: bytes, shown: str):
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except BaseException as exc:  # calamine's errors include a Rust panic (a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise TableUnreadable(_("the workbook cannot be read: %(reason)s", reason=exc)) from None
    out = []
    for name in book.sheet_names:
        rows = []
        for r, row in enumerate(book.get_sheet_by_name(name).to_python(skip_empty_area=False), start=1):
            rows.append([(Location(shown, r, c, name), _cell_text(v)) for c, v in enumerate(row, start=1)])
        out.append((name, rows))
    return out


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if value is not None else ""


def _csv_rows(raw: bytes, shown: str):
    for encoding in ("utf-8-sig", "gb18030"):  # GB18030 reads GBK and GB2312 files too
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise TableUnreadable(_("the file is neither UTF-8 nor GBK text"))
    rows = []
    for r, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        rows.append([(Location(shown, r, c), cell.strip()) for c, cell in enumerate(row, start=1)])
    return rows


def position(location: Location) -> str:
    """FILE!sheet!B7 in a workbook, FILE:line:column in a CSV file."""
    return str(location)


# -- reading the cells --------------------------------------------------------------------------

def split_units(text: str) -> list[str]:
    """'县市场监管局、县科技局' or '(县市场监管局、县科技局负责)' -> the names, in order."""
    text = text.strip()
    wrapped = _WRAPPED.match(text)
    if wrapped:
        text = wrapped.group(1)
    text = re.sub(r"(负责|牵头)$", "", text.strip())
    return [name for name in _SPLIT.split(text) if name]


_YEAR_END = re.compile(r"^(\d{4})年(?:年)?底前?$|^(\d{4})年12月底?前?$")
_MONTH = re.compile(r"^(\d{4})年(\d{1,2})月(?:底)?前?$")
_ONGOING = re.compile(r"^(?:长期坚持|持续推进|长期|持续开展)$")
_YEARLY_MONTH = re.compile(r"^每年(\d{1,2})月(?:底)?前?$")
_CN_MONTHS = {n: i for i, n in enumerate(
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"], start=1)}
_CN_MONTH = re.compile("(十[一二]|[一二三四五六七八九十])月")


def _plain(text: str) -> str:
    """The phrase without spaces, with full-width digits as ASCII and 四月 as 4月."""
    phrase = unicodedata.normalize("NFKC", re.sub(r"\s+", "", text))
    return _CN_MONTH.sub(lambda m: f"{_CN_MONTHS[m.group(1)]}月", phrase)


def read_deadline(text: str) -> dict | None:
    """The task time keys a deadline phrase reads as ({"deadline": "2023-12"}, {"ongoing": True},
    {"recurs": "yearly", "due_month": 4}, ...), or None when it is not one zzip knows."""
    phrase = _plain(text)
    if match := _YEAR_END.match(phrase):
        return {"deadline": f"{next(g for g in match.groups() if g)}-12"}
    if match := _MONTH.match(phrase):
        month = int(match.group(2))
        return {"deadline": f"{match.group(1)}-{month:02d}"} if 1 <= month <= 12 else None
    if _ONGOING.match(phrase):
        return {"ongoing": True}
    if phrase == "每年":
        return {"recurs": "yearly"}
    if match := _YEARLY_MONTH.match(phrase):
        month = int(match.group(1))
        if not 1 <= month <= 12:
            return None
        return {"recurs": "yearly"} if month == 12 else {"recurs": "yearly", "due_month": month}
    if phrase == "每季度":
        return {"recurs": "quarterly"}
    return None


def read_table(sheets, resolve_unit) -> Imported:
    """The tasks of the first sheet with a 任务分工表 header. `resolve_unit(name)` gives a unit id
    or None."""
    result = Imported()
    for _sheet, rows in sheets:
        header_at = next((i for i, row in enumerate(rows) if _columns(row).keys() >= {"task", "units"}), None)
        if header_at is None:
            continue
        columns = _columns(rows[header_at])
        for row in rows[header_at + 1:]:
            _read_row(row, columns, resolve_unit, result)
        return result
    where = next((row[0][0] for _sheet, rows in sheets for row in rows if row), Location(""))
    result.problems.append(Problem(where, _(
        "no header row with a task column (重点任务) and a unit column (责任单位) found")))
    return result


def _columns(row) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, (_location, text) in enumerate(row):
        words = re.sub(r"\s+", "", text)
        for meaning, names in HEADERS.items():
            if meaning not in found and any(words == n or words.startswith(n) for n in names):
                found[meaning] = index
                break
    return found


def _read_row(row, columns, resolve_unit, result: Imported) -> None:
    def cell(meaning):
        index = columns.get(meaning)
        if index is None or index >= len(row):
            return None, ""
        return row[index]

    if not any(text for _location, text in row):
        return  # a blank line between blocks
    task_at, task_text = cell("task")
    units_at, units_text = cell("units")
    number_at, number = cell("number")
    deadline_at, deadline = cell("deadline")
    row_at = next(location for location, _text in row)
    if not task_text:
        result.problems.append(Problem(task_at or row_at, _("row without a task (重点任务): not imported")))
        return
    if "number" in columns and not re.fullmatch(r"\d+", number or ""):
        if number:
            result.problems.append(Problem(number_at, _(
                "序号 '%(number)s' is not a number: the task is imported without a ref", number=number)))
        number = ""
    names = split_units(units_text)
    if not names:
        result.problems.append(Problem(units_at or row_at, _("no responsible unit (责任单位) in this row")))
    units, unmatched = [], []
    for name in names:
        unit_id = resolve_unit(name)
        if unit_id is None:
            unmatched.append(name)
            result.problems.append(Problem(units_at, _(
                "'%(name)s' is not a unit of the plan (by name or alias): add it to units.yaml, or an alias",
                name=name)))
        elif unit_id not in units:
            units.append(unit_id)
    reading = read_deadline(deadline) if deadline else None
    if deadline and reading is None:
        result.problems.append(Problem(deadline_at, _(
            "deadline '%(text)s' is not a phrase zzip reads (2023年底前, 2024年6月前, 长期坚持, 每年4月, 每季度 ...): "
            "kept as written", text=deadline)))
    title, text = _title(task_text)
    result.tasks.append(ImportedTask(number, row_at, title, text, units, unmatched, deadline or None, reading))


def _title(text: str) -> tuple[str, str | None]:
    """The first sentence as the title, and the whole cell as the text when there is more."""
    text = re.sub(r"\s+", " ", text).strip()
    head = re.split("(?<=[\u3002;\uff1b])", text, maxsplit=1)[0].rstrip("\u3002;\uff1b ")
    return (head, text) if head != text.rstrip("。") else (head, None)


def tasks_yaml(imported: Imported, annex: int, kind: str) -> str:
    """The tasks as tasks.yaml text, each with where it came from as a comment."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from zzip.findings import printable

    tasks = CommentedSeq()
    for n, task in enumerate(imported.tasks, start=1):
        item = CommentedMap()
        number = task.number or str(n)
        item["id"] = f"T-{number}"
        if task.number:
            item["ref"] = f"附件{annex}-{task.number}"
        item["kind"] = kind
        item["title"] = task.title
        if task.text:
            item["text"] = task.text
        if task.units:
            item["responsible"] = task.units
        for key, value in (task.reading or {}).items():
            item[key] = DoubleQuotedScalarString(value) if key == "deadline" else value  # months are quoted
        if task.deadline_text:
            item["deadline_text"] = task.deadline_text
            if task.reading is None:
                item.yaml_add_eol_comment(_("NOT READ: set deadline, ongoing or recurs by hand"), "deadline_text")
        note = position(task.row_at)
        if task.unmatched:
            note = _("%(place)s; NOT MATCHED: %(units)s", place=note, units="、".join(task.unmatched))
        item.yaml_add_eol_comment(printable(note), "id")
        tasks.append(item)
    doc = CommentedMap()
    doc["tasks"] = tasks
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    return buffer.getvalue()
