"""The input readers speak the language of the run (issue 9): every bad workbook and every bad YAML
file the other tests build (test_xlsx_bad, test_hostile_input, test_yamlfile, test_trust_io), read
in Chinese, gives a message with no English sentence left, at exactly the place the English run
gives. English stays as those tests assert it.

Allowed in a Chinese message: codes, paths, sheet!cell, numbers, quoted values, field keys (the
YAML keys a file is typed with, such as `period` or `(status)`), product names (Excel, WPS, YAML,
UTF-8...). Words of a library are allowed only where zzip cannot know them: an XML parser's or the
spreadsheet library's description of a damaged file (never built here), and a YAML syntax error
libyaml words in a way zzip/yamlfile.py does not list (none of the cases below).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_hostile_input import CASES, COURT_PATH, TASKS_PATH
from test_xlsx import AS_OF, edit, row_of, to_workbook
from test_xlsx_bad import CELLS, FILE, WHOLE_FILE
from test_yamlfile import BAD_INPUTS
from zzip.cli import app
from zzip.i18n import set_language
from zzip.yamlfile import ParseFailure, load_file

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()

# Words that may stand in a Chinese message: names of products and formats, and zzip's own name
NAMES = {"Excel", "WPS", "YAML", "UTF", "GBK", "GB18030", "CSV", "XML", "zip", "xlsx", "xls", "et", "ett", "xlsm",
         "ods", "Word", "PowerPoint", "Apple", "Numbers", "OpenDocument", "Windows", "Tab", "zzip", "JSON",
         "done", "blocked",  # status codes, listed beside their Chinese words where a status is expected
         "Sheet"}  # data: the name openpyxl gives an empty workbook's sheet, quoted back by the refusal
_MACHINE = [
    r"'[^']*'", r"“[^”]*”", r"`[^`]*`",  # quoted values, names and commands
    r"\S*[/\\]\S*", r"\S*\d\S*",  # paths, numbers, cells, codes
    r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", r"--?[\w-]+",  # ids, options
    r"\b[A-Z]{2,}(?:-[A-Za-z]+)?\b",  # acronyms and formats: NUL, MB, YYYY-Qn
    r"[（(][a-z_]+[)）]",  # a field's key beside its label: 进展状态（status）
    r"^[\w.\[\]]+[:：]",  # the field a message begins with: period: ..., entries[2].completed：...
]
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(message: str) -> list[str]:
    rest = message
    for pattern in _MACHINE:
        rest = re.sub(pattern, " ", rest)
    return [w for w in WORD.findall(rest) if w not in NAMES]


def assert_chinese(message: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]", message), message
    assert not english_words(message), (english_words(message), message)


def findings_in(lang: str, args: list[str], codes: tuple[str, ...], path: str) -> list[dict]:
    set_language(lang)
    try:
        result = runner.invoke(app, args, catch_exceptions=False)
    finally:
        set_language("en")
    assert result.exit_code in (0, 1, 2), result.output
    return [f for f in json.loads(result.stdout)["findings"] if f["code"] in codes and f["path"].startswith(path)]


def place(finding: dict) -> tuple:
    return tuple(finding.get(key) for key in ("code", "path", "line", "column", "sheet", "cell"))


def same_places_in_chinese(args: list[str], codes: tuple[str, ...], path: str) -> list[dict]:
    """The findings of `codes` for `path` in both languages: the same places, the Chinese in Chinese."""
    english = findings_in("en", args, codes, path)
    chinese = findings_in("zh", args, codes, path)
    assert english, "the case draws no finding"
    assert [place(f) for f in chinese] == [place(f) for f in english]
    for finding in chinese:
        assert_chinese(finding["message"])
    return chinese


CHECK = ["check", "reports", "--as-of", AS_OF, "-f", "json"]
READER = ("F001", "F002", "S201")


def test_the_detector_finds_english_and_lets_codes_through() -> None:
    assert english_words("工作表“任务进展”缺少 (renamed?)") == ["renamed"]
    assert english_words("任务进展 row 2，进展状态（status）") == ["row"]
    assert not english_words("period：'2025-Q5' 不是 YYYY-Qn 形式的报送期间；请用 Excel 或 WPS 另存为 .xlsx")


# -- workbooks ----------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [m for _n, m, _t in WHOLE_FILE], ids=[n for n, _m, _t in WHOLE_FILE])
def test_a_workbook_refused_whole_is_refused_in_chinese(workspace: Path, make) -> None:
    make(to_workbook(workspace))
    same_places_in_chinese(CHECK, READER, FILE)


@pytest.mark.parametrize("suffix", [".xls", ".et", ".csv", ".ods", ".xlsm", ".numbers", ".ett"])
def test_another_spreadsheet_format_is_named_in_chinese(workspace: Path, suffix: str) -> None:
    path = to_workbook(workspace)
    path.rename(path.with_suffix(suffix))
    [finding] = same_places_in_chinese(CHECK, READER, "reports/2023-Q1/court.")
    if suffix != ".csv":
        assert "另存为“Excel 工作簿 (*.xlsx)”（文件 → 另存为）" in finding["message"]


def _too_many_rows(book) -> None:
    sheet = book["任务进展"]
    for row in range(2, 2_100):
        sheet.cell(row, 1).value = "KT-1-2"


def _both_sheets(book) -> None:
    book["任务进展"].title = "Sheet1"
    del book["指标数据"]


def _extra_column_and_sheet(book) -> None:
    sheet = book["任务进展"]
    sheet["L1"], sheet["L2"] = "备注2", "另有说明"
    book.create_sheet("附表")["A1"] = "补充材料"


def _info_row(label: str, value):
    def change(book):
        info = book["报送信息"]
        info.cell(row_of(info, label), 2).value = value
    return change


def _info_label(label: str, new: str):
    def change(book):
        info = book["报送信息"]
        info.cell(row_of(info, label), 1).value = new
    return change


def _two_columns(book) -> None:
    book["任务进展"]["L1"] = "说明"


def _empty_book(book) -> None:
    for sheet in list(book.worksheets):
        del book[sheet.title]
    book.create_sheet("Sheet")


WORKBOOK_EDITS = [
    ("renamed-and-missing-sheet", _both_sheets),
    ("deleted-sheet", lambda book: book.remove(book["指标数据"])),
    ("renamed-column", lambda book: book["任务进展"].__setitem__("F1", "状态")),
    ("deleted-column", lambda book: book["任务进展"].delete_cols(8)),
    ("column-twice", _two_columns),
    ("info-row-missing", _info_label("报送日期", "日期")),
    ("info-row-twice", _info_label("联系人", "报送日期")),
    ("extra-column-and-sheet", _extra_column_and_sheet),
    ("merged-cells", lambda book: book["任务进展"].merge_cells("K2:K3")),
    ("hidden-row", lambda book: setattr(book["任务进展"].row_dimensions[3], "hidden", True)),
    ("formula-never-calculated", lambda book: book["任务进展"].__setitem__("G2", "=30+10")),
    ("empty-report-date", _info_row("报送日期", None)),
    ("report-date-as-time", _info_row("报送日期", __import__("datetime").time(9, 30))),
    ("report-date-as-true", _info_row("报送日期", True)),
    ("percent-not-a-number", lambda book: book["任务进展"].__setitem__("G2", "五十")),
    ("percent-with-sign", lambda book: book["任务进展"].__setitem__("G2", "40%")),
    ("too-many-rows", _too_many_rows),
    ("empty-workbook", _empty_book),
]


@pytest.mark.parametrize("change", [c for _n, c in WORKBOOK_EDITS], ids=[n for n, _c in WORKBOOK_EDITS])
def test_a_wrong_sheet_row_column_or_cell_is_said_in_chinese_at_the_same_place(workspace: Path, change) -> None:
    edit(to_workbook(workspace), change)
    same_places_in_chinese(CHECK, READER, FILE)


@pytest.mark.parametrize("sheet, cell, value", [c[1:4] for c in CELLS], ids=[c[0] for c in CELLS])
def test_a_wrong_cell_is_said_in_chinese_at_its_cell(workspace: Path, sheet, cell, value) -> None:
    unit = "market-regulation" if sheet == "指标数据" else "court"

    def change(book):
        book[sheet][cell] = value
        book[sheet][cell].number_format = "General"
    edit(to_workbook(workspace, unit), change)
    [finding] = same_places_in_chinese(CHECK, READER, f"reports/2023-Q1/{unit}.xlsx")
    assert finding["cell"] == cell


def test_a_schema_problem_in_a_workbook_names_the_row_in_chinese(workspace: Path) -> None:
    edit(to_workbook(workspace), lambda book: book["任务进展"].__setitem__("F2", "完成了"))
    [finding] = same_places_in_chinese(CHECK, READER, FILE)
    assert finding["message"].startswith("任务进展 第2行，进展状态（status）：")


def test_an_empty_cell_is_found_in_chinese_as_in_english(workspace: Path) -> None:
    """The empty report date is found by the schema's missing key, not by reading English words."""
    edit(to_workbook(workspace), _info_row("报送日期", None))
    [finding] = same_places_in_chinese(CHECK, READER, FILE)
    assert (finding["sheet"], finding["cell"], finding["message"]) == ("报送信息", "B7", "报送日期（submitted）为空：请填写")


# -- YAML files -----------------------------------------------------------------------------------

def _workspace(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(FIXTURES / "plan-minimal", tmp_path / "plan")
    shutil.copytree(FIXTURES / "reports-minimal", tmp_path / "reports")
    monkeypatch.chdir(tmp_path)
    return tmp_path


BAD = [c for c in CASES if c.status_expect.code is not None]


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_a_bad_status_file_is_said_in_chinese(tmp_path: Path, monkeypatch, case) -> None:
    root = _workspace(tmp_path, monkeypatch)
    (root / COURT_PATH).write_bytes(case.status)
    same_places_in_chinese(CHECK, READER, COURT_PATH)


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_a_bad_plan_file_is_said_in_chinese(tmp_path: Path, monkeypatch, case) -> None:
    root = _workspace(tmp_path, monkeypatch)
    (root / TASKS_PATH).write_bytes(case.plan)
    same_places_in_chinese(["validate", "plan", "-f", "json"], ("F001", "F002", "P101"), TASKS_PATH)


SYNTAX = [  # libyaml's errors a hand-typed file meets, each in words zzip translates
    ("unclosed quote", 'unit: court\nnote: "open\nperiod: 2023-Q1\n'),
    ("colon in a value", "unit: court\nnote: a: b\n"),
    ("bad indentation", "unit: court\n  period: 2023-Q1\n"),
    ("a list item among keys", "unit: court\n- period\n"),
    ("unclosed list", "unit: court\nentries: [1, 2\n"),
    ("unclosed mapping", "unit: court\nentries: {a: 1\n"),
    ("unknown alias", "unit: *court\n"),
    ("unknown escape", 'unit: "\\q"\n'),
    ("a tab in a block text", "note: |\n\tx\n"),
    ("an empty anchor", "unit: &\n"),
]


@pytest.mark.parametrize("text", [t for _n, t in SYNTAX], ids=[n for n, _t in SYNTAX])
def test_a_yaml_syntax_error_is_said_in_chinese(tmp_path: Path, monkeypatch, text: str) -> None:
    root = _workspace(tmp_path, monkeypatch)
    (root / COURT_PATH).write_text(text, encoding="utf-8")
    [finding] = same_places_in_chinese(CHECK, READER, COURT_PATH)
    assert finding["message"].startswith("YAML 格式错误：")


@pytest.mark.parametrize("data", [b[1] for b in BAD_INPUTS], ids=[b[0] for b in BAD_INPUTS])
def test_every_bad_input_of_the_reader_is_said_in_chinese(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "file.yaml"
    path.write_bytes(data)
    english = load_file(path, "file.yaml")
    set_language("zh")
    chinese = load_file(path, "file.yaml")
    assert isinstance(chinese, ParseFailure) and chinese.location == english.location
    assert_chinese(chinese.message)


def test_dates_and_periods_a_status_file_cannot_have_are_said_in_chinese(tmp_path: Path, monkeypatch) -> None:
    root = _workspace(tmp_path, monkeypatch)
    court = root / COURT_PATH
    text = court.read_text(encoding="utf-8")
    court.write_text(text.replace('submitted: "2023-04-15"', "submitted: 2025-02-30"), encoding="utf-8")
    [finding] = same_places_in_chinese(CHECK, READER, COURT_PATH)
    assert finding["message"].startswith("submitted：")
    court.write_text(text.replace("    note: 办法草案已完成", '    note: 办法草案已完成\n    completed: "2023-04-31"'),
                     encoding="utf-8")
    same_places_in_chinese(CHECK, READER, COURT_PATH)


# -- folders and links ----------------------------------------------------------------------------

def test_links_out_of_the_reports_folder_are_refused_in_chinese(tmp_path: Path, monkeypatch) -> None:
    root = _workspace(tmp_path, monkeypatch)
    outside = tmp_path / "outside"
    (outside / "2023-Q2").mkdir(parents=True)
    (outside / "secret.yaml").write_text("a: 1\n", encoding="utf-8")
    os.symlink(outside / "secret.yaml", root / "reports/2023-Q1/x.yaml")
    os.symlink(outside / "2023-Q2", root / "reports/2023-Q2")
    found = same_places_in_chinese(CHECK, ("F001",), "reports/")
    assert len(found) == 2 and all("符号链接" in f["message"] for f in found)


def test_a_missing_reports_folder_and_an_unreadable_one_are_said_in_chinese(tmp_path: Path, monkeypatch) -> None:
    root = _workspace(tmp_path, monkeypatch)
    from zzip.status_loader import load_submissions

    assert load_submissions(root / "reprots").parse_failures[0].message == "reports folder does not exist"
    set_language("zh")
    [failure] = load_submissions(root / "reprots").parse_failures  # (the command line says it before)
    assert failure.message == "报送文件夹不存在"
    set_language("en")
    real = Path.iterdir

    def iterdir(self: Path):
        if self.name == "2023-Q1":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    [finding] = same_places_in_chinese(CHECK, ("F001",), "reports/2023-Q1")
    assert finding["message"] == "无法读取文件夹：没有权限"
    assert (root / "reports").is_dir()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links to themselves")
def test_a_link_loop_is_said_in_chinese(tmp_path: Path, monkeypatch) -> None:
    root = _workspace(tmp_path, monkeypatch)
    (root / COURT_PATH).unlink()
    (root / COURT_PATH).symlink_to("court.yaml")
    [finding] = same_places_in_chinese(CHECK, ("F001",), COURT_PATH)
    assert finding["message"].startswith("无法读取文件：符号链接层数过多")


def test_the_english_menu_path_is_said_in_english(workspace: Path) -> None:
    path = to_workbook(workspace)
    path.rename(path.with_suffix(".xls"))
    [finding] = findings_in("en", CHECK, READER, "reports/2023-Q1/court.xls")
    assert "in English Excel: File → Save As → Excel Workbook" in finding["message"]
