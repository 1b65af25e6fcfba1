"""Spreadsheet submissions: the workbook template, `zzip check` on .xlsx beside YAML, findings at
the cell in every output format, and `zzip convert` both ways (issue 10)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from zzip.cli import app

runner = CliRunner()
AS_OF = "2023-05-01"
ZZIP = Path(sys.executable).parent / "zzip"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def chinese(*args: str):
    """A command run in Chinese (the workbook the office hands out: 进展状态, 已完成), the rest of the
    test staying in English."""
    from zzip.i18n import set_language

    try:
        return invoke(*args, "--lang", "zh")
    finally:
        set_language("en")


def findings(*extra: str, root: str = "reports") -> tuple[int, list[dict]]:
    result = invoke("check", root, "--as-of", AS_OF, "-f", "json", *extra)
    assert result.exit_code in (0, 1, 2), result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def to_workbook(workspace: Path, unit: str = "court", quarter: str = "2023-Q1") -> Path:
    """The unit's YAML report converted to a workbook, which replaces it in the reports folder."""
    source = workspace / "reports" / quarter / f"{unit}.yaml"
    target = source.with_suffix(".xlsx")
    result = chinese("convert", str(source), "-o", str(target), "--plan", str(workspace / "plan"))
    assert result.exit_code == 0, result.output
    source.unlink()
    return target


def edit(path: Path, change) -> None:
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)


def row_of(sheet, label: str) -> int:
    return next(cell.row for cell in sheet["A"] if cell.value == label)


# -- the template --------------------------------------------------------------------------------

def test_template_workbook_locks_what_the_unit_must_not_change_and_validates_what_it_fills_in(workspace: Path) -> None:
    result = chinese("template", "--unit", "court", "--period", "2023-Q2", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    path = workspace / "reports/2023-Q2/court.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["填报说明", "报送信息", "任务进展", "指标数据"]
    info = book["报送信息"]
    recorded = {info.cell(r, 1).value: info.cell(r, 2).value for r in range(2, info.max_row + 1)}
    assert recorded["方案编号"] == "mini-plan" and recorded["方案版本"] == "1.0.0"
    assert recorded["单位编号"] == "court" and recorded["报送季度"] == "2023-Q2" and recorded["单位名称"] == "市中级人民法院"
    assert recorded["报送日期"] is None  # filled in on the day it is sent
    assert "unit=court" in book.properties.keywords and "period=2023-Q2" in book.properties.keywords
    entries = book["任务进展"]
    assert [c.value for c in entries[1]][:7] == ["编号", "条目", "工作内容", "完成时限", "角色", "进展状态", "完成比例(%)"]
    assert entries.protection.sheet and info.protection.sheet
    assert entries["A2"].protection.locked and entries["E2"].protection.locked  # id and role
    assert not entries["F2"].protection.locked and not entries["H2"].protection.locked  # status, completed
    assert entries["E2"].value in ("牵头", "配合")
    # carried forward from 2023-Q1: KT-1-2 was 进行中 at 40%
    row = next(c.row for c in entries["A"] if c.value == "KT-1-2")
    assert entries[f"F{row}"].value == "进行中" and entries[f"G{row}"].value == 40
    rules = {dv.type: dv for dv in entries.data_validations.dataValidation}
    assert rules["list"].formula1 == '"未开始,进行中,已完成,受阻"' and f"F{row}" in str(rules["list"].sqref)
    assert rules["decimal"].formula1 == "0" and rules["decimal"].formula2 == "100"
    assert "H" in str(rules["date"].sqref)
    assert entries[f"H{row}"].number_format == "yyyy-mm-dd"


def test_template_indicator_rows_are_dated_and_valued_as_numbers(workspace: Path) -> None:
    assert chinese("template", "--unit", "market-regulation", "--period", "2023-Q2", "--format", "xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(workspace / "reports/2023-Q2/market-regulation.xlsx")["指标数据"]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value}
    assert set(rows) == {"patents", "training-classes"}
    assert sheet.cell(rows["patents"], 5).value == dt.datetime(2023, 6, 30)  # a real date cell
    assert sheet.cell(rows["training-classes"], 5).value == dt.datetime(2022, 12, 31)  # a yearly figure
    assert not sheet.cell(rows["patents"], 6).protection.locked
    kinds = {dv.type for dv in sheet.data_validations.dataValidation}
    assert {"decimal", "date", "list"} <= kinds  # the blank rows take an id from the unit's own indicators


def test_an_untouched_template_with_its_date_filled_in_checks_clean(workspace: Path) -> None:
    assert chinese("template", "--unit", "court", "--period", "2023-Q2", "--format", "xlsx").exit_code == 0
    path = workspace / "reports/2023-Q2/court.xlsx"

    def date(book):
        info = book["报送信息"]
        info.cell(row_of(info, "报送日期"), 2).value = dt.date(2023, 7, 5)
    edit(path, date)
    code, found = findings("--select", "S,F", "--as-of", "2023-07-31")
    assert (code, found) == (0, []), found


def test_template_all_writes_a_workbook_for_every_unit_into_the_folder(workspace: Path) -> None:
    result = invoke("template", "--all", "--period", "2023-Q2", "--format", "xlsx", "-o", "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (workspace / "out").iterdir()) == ["court.xlsx", "market-regulation.xlsx"]
    again = invoke("template", "--all", "--period", "2023-Q2", "--format", "xlsx", "-o", "out")
    assert again.exit_code == 2 and "already exist" in again.stderr and "--force" in again.stderr


def test_template_refuses_a_workbook_on_standard_output(workspace: Path) -> None:
    result = invoke("template", "--unit", "court", "--period", "2023-Q2", "--format", "xlsx", "-o", "-")
    assert result.exit_code == 2 and "not text" in result.stderr


# -- check: the same rules, at the cell ----------------------------------------------------------

def test_workbooks_get_exactly_the_findings_their_yaml_gets(workspace: Path) -> None:
    import shutil

    shutil.copytree(workspace / "reports", workspace / "clean")
    path = workspace / "reports/2023-Q1/court.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"2023-04-15"', '"2023-04-25"').replace("percent: 50", "percent: 150"), encoding="utf-8")
    as_yaml = findings("--as-of", "2024-01-31")
    shutil.rmtree(workspace / "reports")
    (workspace / "clean").rename(workspace / "reports")
    for unit in ("court", "market-regulation"):
        to_workbook(workspace, unit)

    def same_edits(book):  # the two edits made to the YAML, made in the workbook as a person would
        info = book["报送信息"]
        info.cell(row_of(info, "报送日期"), 2).value = dt.date(2023, 4, 25)
        book["任务进展"]["G3"] = 150
    edit(workspace / "reports/2023-Q1/court.xlsx", same_edits)
    as_xlsx = findings("--as-of", "2024-01-31")
    assert as_yaml[0] == as_xlsx[0] == 1
    def same(found):  # a schema message names the field as the file does: entries[2].percent, 任务进展 row 3 …
        return sorted((f["code"], f["message"].split(": ", 1)[1] if f["code"] == "S201" else
                       f["message"].replace(".yaml", ".xlsx")) for f in found)
    assert same(as_yaml[1]) == same(as_xlsx[1]) and len(as_xlsx[1]) > 3
    assert any(f["message"].startswith("任务进展 row 3, 完成比例(%) (percent): must be at most 100") for f in as_xlsx[1])
    cells = {f["code"]: f.get("cell") for f in as_xlsx[1] if f["path"].endswith("court.xlsx")}
    assert cells["S201"] == "G3"  # percent 150 of MS-1-2, row 3, column G


def test_a_finding_names_the_workbook_sheet_and_cell_in_every_format(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: book["任务进展"].__setitem__("F2", "已完成"))  # done without a completion date: S211
    expected = "reports/2023-Q1/court.xlsx!任务进展!F2"
    text = invoke("check", "reports", "--as-of", AS_OF)
    assert text.exit_code == 1 and f"{expected}: S211" in text.stdout
    _code, found = findings()
    s211 = next(f for f in found if f["code"] == "S211")
    assert (s211["path"], s211["sheet"], s211["cell"], s211["line"], s211["column"]) == \
        ("reports/2023-Q1/court.xlsx", "任务进展", "F2", 2, 6)
    sarif = json.loads(invoke("check", "reports", "--as-of", AS_OF, "-f", "sarif").stdout)
    location = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "S211")["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 6}
    assert location["logicalLocations"] == [{"name": "任务进展", "kind": "sheet", "fullyQualifiedName": "任务进展!F2"}]
    github = invoke("check", "reports", "--as-of", AS_OF, "-f", "github").stdout
    assert "file=reports/2023-Q1/court.xlsx,line=2,col=6,title=S211 incomplete-entry at 任务进展!F2::任务进展!F2: KT-1-2" \
        in github
    gitlab = json.loads(invoke("check", "reports", "--as-of", AS_OF, "-f", "gitlab").stdout)
    issue = next(i for i in gitlab if i["check_name"] == "S211")
    assert issue["description"].startswith("S211 任务进展!F2: ") and issue["location"]["lines"]["begin"] == 2
    junit = invoke("check", "reports", "--as-of", AS_OF, "-f", "junit").stdout
    assert f"{expected}: KT-1-2 is marked done" in junit


def test_yaml_and_workbook_for_one_unit_and_quarter_are_a_duplicate(workspace: Path) -> None:
    source = workspace / "reports/2023-Q1/court.yaml"
    assert invoke("convert", str(source)).exit_code == 0
    code, found = findings()
    duplicates = [f for f in found if f["code"] == "S206"]
    assert code == 1 and len(duplicates) == 1
    assert "second report from 市中级人民法院 for 2023-Q1" in duplicates[0]["message"]  # the unit by name
    assert {duplicates[0]["path"], duplicates[0]["message"].split("the other is ")[1].split(")")[0]} == \
        {"reports/2023-Q1/court.yaml", "reports/2023-Q1/court.xlsx"}


def test_an_excel_lock_file_beside_a_workbook_is_not_a_report(workspace: Path) -> None:
    to_workbook(workspace)
    (workspace / "reports/2023-Q1/~$court.xlsx").write_bytes(b"\x0fsomeone\x00" * 10)
    assert findings() == (0, [])


@pytest.mark.parametrize("argv", [["check", "reports", "--as-of", "2023-05-01", "-f", "json", "-o", "out.json"],
                                  ["--help"], ["template", "--help"]])
def test_a_yaml_only_check_and_help_do_not_import_the_spreadsheet_libraries(workspace: Path, argv) -> None:
    code = (f"import sys; from zzip.cli import main; sys.argv = ['zzip', *{argv!r}]\ntry:\n    main()\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'python_calamine')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=workspace, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


# -- convert ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "read"), [("en", "en"), ("zh", "en"), ("en", "zh"), ("zh", "zh")])
def test_convert_yaml_to_workbook_and_back_loses_nothing(workspace: Path, written: str, read: str) -> None:
    """A workbook written in either language (English labels and status keys, or 进展状态 and 已完成)
    reads back exactly, in a run of either language."""
    import yaml

    from zzip.i18n import set_language

    source = workspace / "reports/2023-Q1/market-regulation.yaml"
    text = source.read_text(encoding="utf-8").replace("    status: in-progress\n    percent: 30\n", (
        "    status: done\n    percent: 100\n    completed: \"2023-03-20\"\n    note: \"两行\\n说明\"\n"
        "    evidence:\n      - {document: 郑市监〔2023〕88号, title: 信用监管办法}\n"
        "      - {link: \"https://example.org/a?b=1\"}\n      - {file: 2023/办法.pdf, link: \"https://example.org/f\"}\n"))
    text = text.replace("submitted: \"2023-04-10\"", "submitted: \"2023-04-10\"\ncontact: 示例联系人\nnote: 总体说明")
    source.write_text(text, encoding="utf-8")
    original = yaml.safe_load(text)
    out = workspace / "mr.xlsx"
    assert invoke("convert", str(source), "-o", str(out), "--lang", written).exit_code == 0
    book = openpyxl.load_workbook(out)
    header = [c.value for c in book["任务进展"][1]]
    assert ("Status" in header and "in-progress" in [c.value for c in book["任务进展"]["F"]]) if written == "en" else \
        ("进展状态" in header and "进行中" in [c.value for c in book["任务进展"]["F"]])
    back = invoke("convert", str(out), "-o", "-", "--lang", read)
    set_language("en")
    assert back.exit_code == 0, back.output
    assert yaml.safe_load(back.stdout) == original
    assert back.stdout.startswith("# yaml-language-server")


def test_convert_never_overwrites_and_refuses_a_workbook_with_problems(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: book["任务进展"].__setitem__("H2", "2023.3.31"))
    before = path.read_bytes()
    result = invoke("convert", str(path), "-o", "court.yaml")
    assert result.exit_code == 2
    assert "reports/2023-Q1/court.xlsx!任务进展!H2: 完成日期 (completed) is the text '2023.3.31'" in result.stderr
    assert "was not converted: 1 problem" in result.stderr
    assert not (workspace / "court.yaml").exists() and path.read_bytes() == before
    (workspace / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    assert invoke("convert", str(path), "-o", str(path)).exit_code == 2  # the input itself: refused
    assert invoke("convert", "x.yaml", "-o", "x.yaml").exit_code == 2


def test_convert_a_workbook_in_place_is_refused_and_an_existing_target_needs_force(workspace: Path) -> None:
    source = workspace / "reports/2023-Q1/court.yaml"
    assert invoke("convert", str(source), "-o", "c.xlsx").exit_code == 0
    again = invoke("convert", str(source), "-o", "c.xlsx")
    assert again.exit_code == 2 and "already exists; use --force" in again.stderr
    assert invoke("convert", str(source), "-o", "c.xlsx", "--force").exit_code == 0


def test_the_example_reports_give_the_planned_results_with_their_workbooks() -> None:
    """reports/README.md: 19 errors, 13 warnings, 2 notes; the workbook cases S201 and S206."""
    from collections import Counter

    repo = Path(__file__).parent.parent
    result = subprocess.run([str(ZZIP), "check", "reports", "--as-of", "2025-07-31", "-f", "json"], cwd=repo,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    summary = report["summary"]
    assert (summary["errors"], summary["warnings"], summary["notes"]) == (19, 13, 2)
    counts = Counter(f["code"] for f in report["findings"])
    assert counts == Counter({"C301": 3, "C302": 2, "C303": 2, "C304": 6, "C305": 4, "C306": 5, "C307": 1, "C308": 2,
                              "C309": 1, "C310": 1, "C311": 2, "C312": 3, "S201": 1, "S206": 1})
    s201 = next(f for f in report["findings"] if f["code"] == "S201")
    assert (s201["path"], s201["sheet"], s201["cell"]) == ("reports/2025-Q2/education.xlsx", "任务进展", "G3")
    assert sum(1 for p in (repo / "reports").rglob("*.xlsx")) == 4


def test_convert_force_never_overwrites_another_units_report(tmp_path: Path) -> None:
    # found by the hostile review: --force replaced finance's report with the court's data
    import shutil

    repo = Path(__file__).parent.parent
    shutil.copytree(repo / "reports" / "2025-Q2", tmp_path / "2025-Q2")
    target = tmp_path / "2025-Q2" / "finance.yaml"
    before = target.read_bytes()
    result = subprocess.run([str(ZZIP), "convert", str(tmp_path / "2025-Q2" / "intermediate-court.xlsx"),
                             "-o", str(target), "--force", "--plan", str(repo / "plan")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "holds the report of finance for 2025-Q2" in result.stderr
    assert target.read_bytes() == before


def test_convert_writes_text_that_looks_like_a_formula_as_text(tmp_path: Path) -> None:
    # found by the hostile review: a note "=HYPERLINK(...)" came out as a live formula
    import openpyxl

    repo = Path(__file__).parent.parent
    text = (repo / "reports" / "2024-Q4" / "market-regulation.yaml").read_text(encoding="utf-8")
    source = tmp_path / "market-regulation.yaml"
    source.write_text(text.replace("contact: 知识产权促进处 示例联系人", 'contact: "=HYPERLINK(\\"http://e.example\\",\\"x\\")"'),
                      encoding="utf-8")
    assert subprocess.run([str(ZZIP), "convert", str(source), "-o", str(tmp_path / "f.xlsx"), "--plan",
                           str(repo / "plan")], capture_output=True, timeout=120).returncode == 0
    book = openpyxl.load_workbook(tmp_path / "f.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    back = subprocess.run([str(ZZIP), "convert", str(tmp_path / "f.xlsx"), "-o", "-"], capture_output=True,
                          text=True, timeout=120)
    assert back.returncode == 0 and 'HYPERLINK("http://e.example","x")' in back.stdout


def _workbook_with(tmp_path: Path, edit) -> Path:
    """The 2024-Q4 report of 市市场监管局 as a workbook, its sheet XML edited by `edit(name, xml)`."""
    import zipfile

    repo = Path(__file__).parent.parent
    folder = tmp_path / "2024-Q4"
    folder.mkdir()
    (folder / "market-regulation.yaml").write_bytes((repo / "reports/2024-Q4/market-regulation.yaml").read_bytes())
    assert subprocess.run([str(ZZIP), "convert", str(folder / "market-regulation.yaml"), "--plan", str(repo / "plan"),
                           "--lang", "zh"],
                          capture_output=True, timeout=120).returncode == 0
    (folder / "market-regulation.yaml").unlink()
    source = folder / "market-regulation.xlsx"
    with zipfile.ZipFile(source) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, edit(name, data.decode("utf-8")).encode("utf-8") if name.endswith(".xml") else data)
    return source


@pytest.mark.parametrize("bad", ["NaN", "INF", "-inf"])
def test_a_number_cell_that_is_not_finite_is_refused(tmp_path: Path, bad: str) -> None:
    # found by the hostile review: <v>NaN</v> graded "deteriorating: ratio nan" and broke the JSON
    source = _workbook_with(tmp_path, lambda name, xml: xml.replace("<v>12380</v>", f"<v>{bad}</v>"))
    result = subprocess.run([str(ZZIP), "check", str(source), "--plan", str(Path(__file__).parent.parent / "plan"),
                             "--as-of", "2025-02-01", "-f", "json"], capture_output=True, text=True, timeout=120)
    report = json.loads(result.stdout)  # valid JSON: no bare NaN
    s201 = [f for f in report["findings"] if f["code"] == "S201"]
    assert s201 and "not a number" in s201[0]["message"] and (s201[0]["sheet"], s201[0]["cell"]) == ("指标数据", "F2")
    assert not any("ratio nan" in f["message"] or "ratio inf" in f["message"] for f in report["findings"])


def test_a_field_in_two_columns_is_refused(tmp_path: Path) -> None:
    # found by the hostile review: a hidden second 进展状态 column silently overrode the visible one
    import openpyxl

    source = _workbook_with(tmp_path, lambda name, xml: xml)
    book = openpyxl.load_workbook(source)
    sheet = book["任务进展"]
    sheet.protection.sheet = False
    status_column = next(c.column for c in sheet[1] if c.value == "进展状态")
    last = sheet.max_column + 1
    sheet.cell(1, last, "进展状态")
    sheet.cell(2, last, "已完成")
    sheet.column_dimensions[openpyxl.utils.get_column_letter(last)].hidden = True
    book.save(source)
    result = subprocess.run([str(ZZIP), "check", str(source), "--plan", str(Path(__file__).parent.parent / "plan"),
                             "--as-of", "2025-02-01", "-f", "json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    [failure] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "F001"]
    assert "appears twice in the header row" in failure["message"] and failure["sheet"] == "任务进展"
    assert status_column < last


def test_evidence_with_a_bar_in_it_survives_the_round_trip(tmp_path: Path) -> None:
    # found by the hostile review: " | " inside a title or a link split the evidence on the way back
    from ruamel.yaml import YAML

    repo = Path(__file__).parent.parent
    text = (repo / "reports" / "2024-Q4" / "market-regulation.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    done = next(e for e in data["entries"] if e.get("evidence"))
    done["evidence"] = [{"document": "郑财〔2024〕1号", "title": "关于 | 资金的通知"},
                        {"link": "https://a.example/x?a=1 | b"}]
    source = tmp_path / "market-regulation.yaml"
    with source.open("w", encoding="utf-8") as handle:
        YAML().dump(data, handle)
    assert subprocess.run([str(ZZIP), "convert", str(source), "-o", str(tmp_path / "f.xlsx"), "--plan",
                           str(repo / "plan")], capture_output=True, timeout=120).returncode == 0
    back = subprocess.run([str(ZZIP), "convert", str(tmp_path / "f.xlsx"), "-o", "-"], capture_output=True,
                          text=True, timeout=120)
    again = YAML(typ="safe").load(back.stdout)
    entry = next(e for e in again["entries"] if e["id"] == done["id"])
    assert entry["evidence"] == done["evidence"]


def test_the_workbooks_of_earlier_versions_still_read(tmp_path: Path) -> None:
    """The example reports' workbooks, written by an earlier zzip with Chinese labels only, read as
    they did, in an English run."""
    repo = Path(__file__).parent.parent
    result = subprocess.run([str(ZZIP), "convert", str(repo / "reports/2025-Q2/intermediate-court.xlsx"), "-o", "-",
                             "--plan", str(repo / "plan"), "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "unit: intermediate-court" in result.stdout and "status: " in result.stdout


def test_english_labels_with_other_spacing_are_read() -> None:
    """The reader drops the spaces of a label: 'Percent done' is read however it is spaced."""
    from zzip.xlsx import layout as L

    accepted = {label: key for key, label in L.ENTRY_COLUMNS}
    assert accepted["Percentdone"] == "percent" and accepted["完成比例(%)"] == "percent"
    assert L.label_of("entries", "percent") == "完成比例(%)"
    assert [label for _key, label in L.labels("entries", "en")][5] == "Status"


# -- a number shown as a percentage ---------------------------------------------------------------

def _read_back(path: Path) -> dict:
    from zzip.yamlfile import load_text

    result = invoke("convert", str(path), "-o", "-")
    assert result.exit_code == 0, result.output
    return load_text(result.stdout, "x.yaml").data


@pytest.mark.parametrize("number_format, stored, read", [
    ("0%", 0.4, 40),          # before: 40% typed in Excel was read as 0.4 (%): a wrong verdict
    ("0.00%", 0.125, 12.5),
    ("0%", 1, 100),
    ("0%", 0, 0),
    ("General", 0.4, 0.4),    # a plain number stays what it is
    ('0.0"%"', 40, 40),       # a % in quotes is a literal sign: Excel does not scale the number
    ("0\\%", 40, 40),         # nor an escaped one
])
def test_a_percentage_formatted_cell_is_read_as_the_number_it_shows(workspace: Path, number_format, stored, read) -> None:
    path = to_workbook(workspace)
    column = None

    def change(book) -> None:
        nonlocal column
        sheet = book["任务进展"]
        column = next(c.column for c in sheet[1] if c.value and "完成比例" in str(c.value))
        sheet.cell(row=2, column=column).value = stored
        sheet.cell(row=2, column=column).number_format = number_format

    edit(path, change)
    assert _read_back(path)["entries"][0]["percent"] == read


def test_an_indicator_value_typed_as_a_percentage_is_read_as_shown(workspace: Path) -> None:
    path = to_workbook(workspace, unit="market-regulation")

    def change(book) -> None:
        sheet = book["指标数据"]
        column = next(c.column for c in sheet[1] if c.value == "数值")
        sheet.cell(row=2, column=column).value = 0.11
        sheet.cell(row=2, column=column).number_format = "0%"

    edit(path, change)
    assert _read_back(path)["indicators"][0]["value"] == 11
