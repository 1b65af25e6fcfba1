"""The status workbook's layout: sheet names, column headers and the words in its cells.

The reader finds sheets by name and columns by header, so the order of sheets and columns does
not matter; the names do. The labels are Chinese, in the office's own terms.
"""

from __future__ import annotations

from zzip.status import STATUS_SYNONYMS

SHEET_HELP = "填报说明"
SHEET_INFO = "报送信息"
SHEET_ENTRIES = "任务进展"
SHEET_VALUES = "指标数据"
SHEET_LISTS = "选项"  # hidden: the lists behind the drop-downs that are too long to write inline

# Where each part of a status report lives (zzip.status.workbook_sheet reads this).
SHEET_OF = {"submission": SHEET_INFO, "entries": SHEET_ENTRIES, "indicators": SHEET_VALUES}
DATA_SHEETS = (SHEET_INFO, SHEET_ENTRIES, SHEET_VALUES)
KNOWN_SHEETS = (SHEET_HELP, SHEET_INFO, SHEET_ENTRIES, SHEET_VALUES, SHEET_LISTS)

# 报送信息: one row per field, label in column A, value in column B, a hint in column C.
INFO_HEADER = ("项目", "内容", "填写说明")
INFO_ROWS = (
    ("plan", "方案编号"),
    ("plan_version", "方案版本"),
    ("unit", "单位编号"),
    ("unit_name", "单位名称"),  # shown, not read: the unit is its id
    ("period", "报送季度"),
    ("submitted", "报送日期"),
    ("contact", "联系人"),
    ("note", "总体说明"),
    ("format", "格式版本"),
)
INFO_READ = ("plan", "plan_version", "unit", "period", "submitted", "contact", "note", "format")
INFO_EDITABLE = ("submitted", "contact", "note")

# 任务进展: one row per task or implementation step. Columns without a key in ENTRY_READ are
# shown to help the person filling in, and not read back.
ENTRY_COLUMNS = (
    ("id", "编号"),
    ("ref", "条目"),
    ("title", "工作内容"),
    ("due", "完成时限"),
    ("role", "角色"),
    ("status", "进展状态"),
    ("percent", "完成比例(%)"),
    ("completed", "完成日期"),
    ("blocker", "受阻原因"),
    ("evidence", "佐证材料"),
    ("note", "说明"),
)
ENTRY_READ = ("id", "role", "status", "percent", "completed", "blocker", "evidence", "note")
ENTRY_EDITABLE = ("status", "percent", "completed", "blocker", "evidence", "note")

# 指标数据: one row per indicator value.
VALUE_COLUMNS = (
    ("id", "指标编号"),
    ("name", "指标名称"),
    ("unit_of_measure", "计量单位"),
    ("target", "目标"),
    ("measured", "统计截止日期"),
    ("value", "数值"),
    ("source", "数据来源"),
    ("note", "说明"),
)
VALUE_READ = ("id", "measured", "value", "source", "note")
VALUE_EDITABLE = ("measured", "value", "source", "note")
EXTRA_VALUE_ROWS = 10  # blank rows below the template's, for a value on another date

DATE_FIELDS = frozenset({"submitted", "completed", "measured"})
NUMBER_FIELDS = frozenset({"percent", "value", "format"})

ROLE_WORDS = {"lead": "牵头", "cooperating": "配合", "responsible": "负责"}
ROLE_KEYS = {word: key for key, word in ROLE_WORDS.items()}
STATUS_WORDS = {key: word for word, key in STATUS_SYNONYMS.items()}  # done -> 已完成
STATUS_CHOICES = tuple(STATUS_WORDS[key] for key in ("not-started", "in-progress", "done", "blocked"))

# 佐证材料: one piece of evidence a line, "文号:…", "链接:…" or "文件:…", a title in 《》 after it.
EVIDENCE_PREFIXES = {"document": "文号", "link": "链接", "file": "文件"}
EVIDENCE_KEYS = {word: key for key, word in EVIDENCE_PREFIXES.items()}

MAX_ROWS = 2_000  # rows a data sheet may hold: a unit answers for fewer than 100 items


def label_of(part: str, key: str) -> str:
    table = {"submission": INFO_ROWS, "entries": ENTRY_COLUMNS, "indicators": VALUE_COLUMNS}[part]
    return dict(table)[key]
