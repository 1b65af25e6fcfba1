"""The status workbook's layout: sheet names, column headers and the words in its cells.

The reader finds sheets by name and columns by header, so the order of sheets and columns does
not matter; the names do. The sheet names are Chinese in both languages (they are what the reader
looks for); the row and column labels and the words in the cells are those of the run's language
(`--lang`), and the reader accepts a label in either language, so a workbook written in English or
in Chinese, or by an earlier zzip, reads the same.
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
INFO_ROWS_EN = (
    ("plan", "Plan id"),
    ("plan_version", "Plan version"),
    ("unit", "Unit id"),
    ("unit_name", "Unit name"),
    ("period", "Period"),
    ("submitted", "Submitted on"),
    ("contact", "Contact"),
    ("note", "Overall note"),
    ("format", "Format version"),
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
ENTRY_COLUMNS_EN = (
    ("id", "Id"),
    ("ref", "Ref"),
    ("title", "Work"),
    ("due", "Deadline"),
    ("role", "Role"),
    ("status", "Status"),
    ("percent", "Percent done"),
    ("completed", "Completed on"),
    ("blocker", "Blocker"),
    ("evidence", "Evidence"),
    ("note", "Note"),
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
VALUE_COLUMNS_EN = (
    ("id", "Indicator id"),
    ("name", "Indicator"),
    ("unit_of_measure", "Unit of measure"),
    ("target", "Target"),
    ("measured", "Measured on"),
    ("value", "Value"),
    ("source", "Source"),
    ("note", "Note"),
)
VALUE_READ = ("id", "measured", "value", "source", "note")
VALUE_EDITABLE = ("measured", "value", "source", "note")
EXTRA_VALUE_ROWS = 10  # blank rows below the template's, for a value on another date

_LABELS = {"submission": {"zh": INFO_ROWS, "en": INFO_ROWS_EN},
           "entries": {"zh": ENTRY_COLUMNS, "en": ENTRY_COLUMNS_EN},
           "indicators": {"zh": VALUE_COLUMNS, "en": VALUE_COLUMNS_EN}}


def labels(part: str, lang: str) -> tuple[tuple[str, str], ...]:
    """The (key, label) pairs a workbook written in `lang` carries for a part, in their order."""
    return _LABELS[part]["en" if lang == "en" else "zh"]


def _accepting_english(chinese: tuple, english: tuple) -> tuple:
    """The pairs the reader matches a label against: the Chinese ones first (the names every
    workbook had before, and the ones its messages cite), then the English ones as the reader
    sees a label, with its spaces removed."""
    return chinese + tuple((key, "".join(label.split())) for key, label in english)


# what the reader accepts (zzip.xlsx.reader looks labels up here)
INFO_ROWS = _accepting_english(INFO_ROWS, INFO_ROWS_EN)
ENTRY_COLUMNS = _accepting_english(ENTRY_COLUMNS, ENTRY_COLUMNS_EN)
VALUE_COLUMNS = _accepting_english(VALUE_COLUMNS, VALUE_COLUMNS_EN)

DATE_FIELDS = frozenset({"submitted", "completed", "measured"})
NUMBER_FIELDS = frozenset({"percent", "value", "format"})

# In Chinese the cells say 牵头 and 已完成; in English they hold the keys themselves (lead, done),
# which the status format accepts as they are.
ROLE_WORDS = {"lead": "牵头", "cooperating": "配合", "responsible": "负责"}
ROLE_KEYS = {word: key for key, word in ROLE_WORDS.items()}
STATUS_WORDS = {key: word for word, key in STATUS_SYNONYMS.items()}  # done -> 已完成
STATUS_KEYS = ("not-started", "in-progress", "done", "blocked")
STATUS_CHOICES = tuple(STATUS_WORDS[key] for key in STATUS_KEYS)

# 佐证材料: one piece of evidence a line, "文号:…", "链接:…" or "文件:…", a title in 《》 after it.
# In English: document:…, link:…, file:…, and the title first, in 《》 (the reader takes an unlabelled
# part ending in 《…》 for the title).
EVIDENCE_PREFIXES = {"document": "文号", "link": "链接", "file": "文件"}
EVIDENCE_KEYS = {**{word: key for key, word in EVIDENCE_PREFIXES.items()}, **{key: key for key in EVIDENCE_PREFIXES}}

MAX_ROWS = 2_000  # rows a data sheet may hold: a unit answers for fewer than 100 items
MAX_COLUMNS = 702  # columns a sheet may span (A to ZZ): the template's sheets have a dozen


def label_of(part: str, key: str) -> str:
    """The Chinese label of a field: the one every workbook has had, which the reader's messages cite."""
    return dict(labels(part, "zh"))[key]
