"""zzip overdue, progress and unit: what they show, including when there is nothing to show."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()




def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


# -- overdue -------------------------------------------------------------------------------------------

def test_overdue_lists_items_by_unit_with_days_and_grade(workspace: Path) -> None:
    code, out = run("overdue", "--as-of", "2024-06-01", "-f", "json")
    assert code == 0
    data = json.loads(out)
    [item] = data["overdue"]
    assert (item["item_id"], item["unit"], item["days"], item["grade"]) == ("MS-1-2", "court", 153, "severely overdue")
    assert item["status"] == "in-progress" and item["last_period"] == "2023-Q1"


def test_overdue_grades_at_the_threshold(workspace: Path) -> None:
    _, out = run("overdue", "--as-of", "2024-03-30", "-f", "json")  # 90 days after 2023-12-31
    assert json.loads(out)["overdue"][0]["grade"] == "overdue"
    _, out = run("overdue", "--as-of", "2024-03-31", "-f", "json")  # 91 days
    assert json.loads(out)["overdue"][0]["grade"] == "severely overdue"


def test_overdue_shows_what_falls_due_within_the_window(workspace: Path) -> None:
    _, out = run("overdue", "--as-of", "2023-12-01", "--within", "30", "-f", "json")
    data = json.loads(out)
    assert data["overdue"] == []
    assert [(d["item_id"], d["days"]) for d in data["due_soon"]] == [("MS-1-2", 30)]
    _, out = run("overdue", "--as-of", "2023-12-01", "--within", "29", "-f", "json")
    assert json.loads(out)["due_soon"] == []


def test_tasks_are_overdue_after_the_plan_period(workspace: Path) -> None:
    _, out = run("overdue", "--as-of", "2026-01-01", "-f", "json")
    items = {(d["item_id"], d["kind"]) for d in json.loads(out)["overdue"]}
    assert {("KT-1-1", "task"), ("KT-1-2", "task"), ("MS-1-2", "milestone")} <= items


def test_overdue_for_one_unit_named_by_alias(workspace: Path) -> None:
    code, out = run("overdue", "--as-of", "2026-01-01", "--unit", "郑州市中级人民法院", "-f", "json")
    assert code == 0
    assert {d["unit"] for d in json.loads(out)["overdue"]} == {"court"}


def test_overdue_text_shows_cooperating_units_and_the_empty_case(workspace: Path) -> None:
    _, out = run("overdue", "--as-of", "2026-01-01")
    assert "市市场监管局 (market-regulation)" in out and "市中级人民法院、各区县(市)人民政府" in out
    _, out = run("overdue", "--as-of", "2023-05-01")
    assert "Overdue: nothing is overdue as of 1 May 2023." in out
    assert out.rstrip().endswith("0 overdue items, 0 falling due within 30 days.")


def test_overdue_markdown_and_csv(workspace: Path) -> None:
    _, md = run("overdue", "--as-of", "2024-06-01", "-f", "markdown")
    assert "## 市中级人民法院 (court): 1 overdue" in md and "| MS-1-2 (step) | 四(一)2 |" in md
    _, csv_text = run("overdue", "--as-of", "2024-06-01", "-f", "csv")
    assert csv_text.startswith("\ufefftable,item,ref,what,deadline,days,grade,latest,cooperating")


def test_overdue_with_no_reports_yet(workspace: Path) -> None:
    shutil.rmtree(workspace / "reports")
    (workspace / "reports").mkdir()
    _, out = run("overdue", "--as-of", "2024-01-05", "-f", "json")
    [item] = json.loads(out)["overdue"]
    assert item["status"] is None and item["days"] == 5


# -- progress ------------------------------------------------------------------------------------------

def test_progress_row_has_every_part(workspace: Path) -> None:
    _, out = run("progress", "--as-of", "2023-05-01", "-f", "json")
    row, yearly = json.loads(out)["indicators"]
    assert yearly["id"] == "training-classes" and yearly["status"] == "achieved" and yearly["fraction_of_target"] == 1.0
    assert row["status"] == "on track" and row["latest"]["value"] == 10500
    assert row["baseline"] == {"value": 10000, "date": "2022-12-31", "source": "plan baseline"}
    assert row["required_now"] == pytest.approx(10000 + 4653 * 121 / 912)
    assert row["fraction_of_target"] == pytest.approx(500 / 4653)


def test_progress_text_has_bar_and_trend(workspace: Path) -> None:
    q2 = workspace / "reports/2023-Q2"
    q2.mkdir()
    (q2 / "market-regulation.yaml").write_text(
        'format: 1\nplan: mini-plan\nplan_version: "1.0.0"\nunit: market-regulation\nperiod: 2023-Q2\n'
        'submitted: "2023-07-10"\nentries:\n  - {id: KT-1-1, status: in-progress}\n  - {id: MS-1-1, status: in-progress}\n'
        'indicators:\n  - {id: patents, value: 11000, measured: "2023-06-30"}\n')
    _, out = run("progress", "--as-of", "2023-08-01")
    assert "██░░░░░░░░  21%" in out  # (11000 - 10000) / 4653 = 0.215 of the way: 2 of 10 blocks
    assert "▁█" in out
    assert "1 on track" in out


def test_progress_explain_shows_the_arithmetic(workspace: Path) -> None:
    code, out = run("progress", "--as-of", "2023-05-01", "--explain", "patents")
    assert code == 0
    assert "trajectory: 10,000 on 2022-12-31 -> 14,653 on 2025-06-30" in out
    assert "formula: (10,500 - 10,000) / (10,459.1776 - 10,000)" in out
    assert "ratio: 1.089" in out and out.rstrip().splitlines()[-1].startswith("status: on track")


def test_progress_explain_unknown_indicator(workspace: Path) -> None:
    result = runner.invoke(app, ["progress", "--explain", "patent"])
    assert result.exit_code == 2 and "did you mean 'patents'?" in result.stderr


def test_progress_with_no_reports(workspace: Path) -> None:
    shutil.rmtree(workspace / "reports")
    (workspace / "reports").mkdir()  # a missing reports folder is an error, as in zzip check
    _, out = run("progress", "--as-of", "2023-05-01", "-f", "json")
    data = json.loads(out)
    # patents has no data; the training classes of 2022 are missed (nothing reported by 2023-01-15)
    assert data["counts"]["no data"] == 1 and data["counts"]["behind"] == 1
    assert data["indicators"][0]["reason"] == "no value has been reported yet"


# -- unit ----------------------------------------------------------------------------------------------

def test_unit_page_by_alias(workspace: Path) -> None:
    code, out = run("unit", "郑州市中级人民法院", "--as-of", "2024-01-20", "-f", "json")
    assert code == 0
    page = json.loads(out)
    assert page["unit"]["id"] == "court"
    roles = {a["item"]: a["role"] for a in page["answers_for"]}
    assert roles == {"KT-1-2": "lead", "MS-1-2": "lead", "KT-1-1": "cooperating", "MS-1-1": "cooperating"}
    states = {r["quarter"]: r["state"] for r in page["reports"]}
    assert states == {"2023-Q1": "on-time", "2023-Q2": "missing", "2023-Q3": "missing", "2023-Q4": "missing",
                      "2024-Q1": "not-yet-due"}
    assert page["reports"][-1]["days"] == 86 and page["reports"][-1]["state_text"] == "not yet due (86 days left)"
    assert [d["item_id"] for d in page["overdue"]] == ["MS-1-2"]


def test_unit_page_late_report_and_indicators(workspace: Path) -> None:
    path = workspace / "reports/2023-Q1/market-regulation.yaml"
    path.write_text(path.read_text().replace('submitted: "2023-04-10"', 'submitted: "2023-04-20"').replace(
        'measured: "2023-03-31"', 'measured: "2023-04-20"'))
    _, out = run("unit", "market-regulation", "--as-of", "2023-05-01")
    assert "late by 5 days" in out
    assert "高价值发明专利拥有量 (patents)" in out


def test_unit_page_for_a_unit_with_nothing_reported(workspace: Path) -> None:
    shutil.rmtree(workspace / "reports")
    (workspace / "reports").mkdir()
    _, out = run("unit", "county-a", "--as-of", "2023-05-01", "-f", "json")
    page = json.loads(out)
    assert page["unit"]["groups"] == ["各区县(市)人民政府"]
    assert all(not a["named_directly"] for a in page["answers_for"])
    assert page["reports"][0]["state"] == "not-required"


@pytest.mark.parametrize("name,words", [("nobody", "no unit 'nobody'"), ("各区县(市)人民政府", "is a group")])
def test_unit_errors(workspace: Path, name, words) -> None:
    result = runner.invoke(app, ["unit", name])
    assert result.exit_code == 2 and words in result.stderr


def test_views_refuse_a_broken_plan(workspace: Path) -> None:
    (workspace / "plan/tasks.yaml").write_text("tasks: []\nnonsense: 1\n")
    result = runner.invoke(app, ["overdue"])
    assert result.exit_code == 2 and "has errors" in result.stderr
