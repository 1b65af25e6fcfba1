"""Workbooks from a real spreadsheet program: LibreOffice Calc stands in for the units' Excel/WPS.

The round trip needs LibreOffice (`soffice`); CI installs it (.ci/run). Without it that one test
is skipped with the reason printed. The fixtures in tests/fixtures/xlsx/ were saved by
LibreOffice (tests/fixtures/xlsx/make_fixtures.py) and are read on every run.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from test_xlsx import chinese, invoke, row_of
from xlsx_libreoffice import INSTALL_HINT, resave, soffice

FIXTURES = Path(__file__).parent / "fixtures"


def yaml_data(path: Path) -> dict:
    """A YAML status file's data, status words in English: a workbook shows 进行中, and zzip convert
    writes it back as in-progress (the two mean the same, docs/status-format.md)."""
    from zzip.status import STATUS_SYNONYMS

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in data.get("entries", ()):
        entry["status"] = STATUS_SYNONYMS.get(entry["status"], entry["status"])
    return data


def converted(path: Path) -> dict:
    result = invoke("convert", str(path), "-o", "-")
    assert result.exit_code == 0, result.output
    return yaml.safe_load(result.stdout)


@pytest.mark.parametrize("unit", ["court", "market-regulation"])
def test_a_libreoffice_saved_workbook_reads_exactly_as_its_yaml(workspace: Path, unit: str) -> None:
    fixture = FIXTURES / f"xlsx/{unit}-2023-Q1.libreoffice.xlsx"
    assert converted(fixture) == yaml_data(FIXTURES / f"reports-minimal/2023-Q1/{unit}.yaml")
    # and checked in place of the YAML: the same (clean) result
    (workspace / f"reports/2023-Q1/{unit}.yaml").unlink()
    shutil.copyfile(fixture, workspace / f"reports/2023-Q1/{unit}.xlsx")
    result = invoke("check", "reports", "--as-of", "2023-05-01", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []


def test_a_formula_saved_by_libreoffice_counts_with_its_calculated_value(workspace: Path) -> None:
    data = converted(FIXTURES / "xlsx/court-2023-Q1.formula.libreoffice.xlsx")
    assert data["entries"][0] == {"id": "KT-1-2", "status": "in-progress", "percent": 40}


def test_libreoffice_keeps_the_sheets_drop_downs_and_protection() -> None:
    book = openpyxl.load_workbook(FIXTURES / "xlsx/court-2023-Q1.libreoffice.xlsx")
    assert book.sheetnames == ["填报说明", "报送信息", "任务进展", "指标数据"]
    entries = book["任务进展"]
    lists = [dv for dv in entries.data_validations.dataValidation if dv.type == "list"]
    assert lists and lists[0].formula1 == '"未开始,进行中,已完成,受阻"'
    assert entries.protection.sheet and not entries["F2"].protection.locked and entries["A2"].protection.locked


@pytest.mark.skipif(soffice() is None, reason=INSTALL_HINT)
def test_template_resaved_and_filled_in_libreoffice_checks_as_the_yaml_does(workspace: Path, tmp_path: Path) -> None:
    """A template, re-saved by LibreOffice, filled in (editing the re-saved file), checked: the same
    findings, and the same data, as the YAML template filled in the same way."""
    assert chinese("template", "--unit", "court", "--period", "2023-Q2", "--format", "xlsx", "-o", str(tmp_path / "t.xlsx")).exit_code == 0
    workbook = workspace / "reports/2023-Q2/court.xlsx"
    workbook.parent.mkdir()
    resave(tmp_path / "t.xlsx", workbook)
    book = openpyxl.load_workbook(workbook)
    info, entries = book["报送信息"], book["任务进展"]
    info.cell(row_of(info, "报送日期"), 2).value = dt.date(2023, 7, 20)  # 5 days late: C305
    info.cell(row_of(info, "联系人"), 2).value = "示例联系人"
    rows = {entries.cell(r, 1).value: r for r in range(2, entries.max_row + 1)}
    entries.cell(rows["KT-1-2"], 6).value = "已完成"
    entries.cell(rows["KT-1-2"], 7).value = 100
    entries.cell(rows["KT-1-2"], 8).value = dt.date(2023, 6, 20)
    entries.cell(rows["KT-1-2"], 10).value = "文号:郑中法〔2023〕9号 | 标题:示例办法\n链接:https://example.org/x?a=1"
    entries.cell(rows["MS-1-2"], 6).value = "受阻"
    entries.cell(rows["MS-1-2"], 9).value = "经费未落实"
    book.save(workbook)

    # the same report, written in YAML from the YAML template
    template = invoke("template", "--unit", "court", "--period", "2023-Q2", "-o", "-")
    data = yaml.safe_load(template.stdout)
    data.update(submitted="2023-07-20", contact="示例联系人")
    for entry in data["entries"]:
        if entry["id"] == "KT-1-2":
            entry.update(status="done", percent=100, completed="2023-06-20", evidence=[
                {"document": "郑中法〔2023〕9号", "title": "示例办法"}, {"link": "https://example.org/x?a=1"}])
        if entry["id"] == "MS-1-2":
            entry.update(status="blocked", blocker="经费未落实")
    yaml_copy = workspace / "yaml-reports"
    shutil.copytree(workspace / "reports", yaml_copy)
    (yaml_copy / "2023-Q2/court.xlsx").unlink()
    (yaml_copy / "2023-Q2/court.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    assert converted(workbook) == data
    results = []
    for root in ("reports", "yaml-reports"):
        result = invoke("check", root, "--as-of", "2023-08-31", "-f", "json")
        found = json.loads(result.stdout)["findings"]
        results.append((result.exit_code, sorted((f["code"], f["unit"], f["message"].replace("yaml-reports", "reports")
                                                  .replace(".yaml", ".xlsx")) for f in found)))
    assert results[0] == results[1]
    assert results[0][0] == 1 and "C305" in {code for code, _u, _m in results[0][1]}
