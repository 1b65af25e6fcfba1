"""`zzip assess`: scores computed by hand from the example data (plan/assessment.yaml: base 100,
missing report 8 (cap 20), late 0.2 a day after 3 days' grace (cap 6), overdue item 2 (cap 10),
severely overdue (more than 90 days) 4 (cap 12), indicator behind 2 (cap 6), done without evidence
1 (cap 3), co-operating units bear 0.5, one decimal half-up)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.assess import assess_year
from zzip.check import prepare
from zzip.cli import app
from zzip.config import Config

REPO = Path(__file__).parent.parent


def scores(as_of: str, plan: Path = REPO / "plan", reports: Path = REPO / "reports", year: int = 2024):
    _load, _findings, context = prepare(plan, reports, dt.date.fromisoformat(as_of), Config())
    result = assess_year(context, context.plan.assessment, year)
    return {s.unit_id: s for s in result.scores}


@pytest.fixture(scope="module")
def january() -> dict:
    return scores("2025-01-31")


def lost(score) -> dict:
    return {kind: str(value) for kind, value in score.lost.items()}


def test_market_regulation_two_overdue_steps_one_carried_over_and_two_indicators_behind(january) -> None:
    # MS-3-2 and MS-5-4 due 2024-12-31, 31 days overdue: 2 + 2; MS-4-9 due 2023-06-30, still not done
    # at the end of 2024: severely overdue, 4; 年度PCT and 质押融资额 behind: 2 + 2. 100 - 12 = 88.
    score = january["market-regulation"]
    assert (score.score, score.band, score.rank) == (Decimal("88.0"), "较好", 24)
    assert lost(score) == {"overdue_step": "4", "severely_overdue_step": "4", "indicator_behind": "4"}


def test_a_unit_that_reported_nothing_all_year_reaches_the_missing_report_cap(january) -> None:
    # 新郑市 leads AP-2024-11 (Jan-Sep): 2024-Q1, Q2, Q3 missing = 24, capped at 20; the item, due
    # 2024-09-30, is 123 days overdue on 2025-01-31: severely, 4. 100 - 20 - 4 = 76.
    score = january["xinzheng-gov"]
    assert (score.score, score.band, score.rank) == (Decimal("76.0"), "一般", 26)
    assert lost(score) == {"missing_report": "20", "severely_overdue_step": "4"}
    cap = [line for line in score.lines if line.kind == "cap"]
    assert [line.points for line in cap] == [Decimal(4)]


def test_a_unit_whose_only_duty_is_co_operation_bears_half(january) -> None:
    # 市金融局 co-operates on AP-2024-09 (市商务局, 31 days overdue) and MS-3-2 (31 days): 1 + 1.
    score = january["financial-affairs"]
    assert score.score == Decimal("98.0")
    assert [line.item for line in score.lines if line.kind == "overdue_step"] == ["AP-2024-09", "MS-3-2"]
    assert january["commerce"].score == Decimal("98.0")  # the lead of AP-2024-09 loses the whole 2


def test_late_by_exactly_the_grace_period_and_done_on_the_deadline_day_cost_nothing(january) -> None:
    # 市委组织部: 2024-Q3 sent 2024-10-18, 3 days after 10-15 (grace 3); AP-2024-04 done 2024-06-30, its deadline.
    score = january["organization"]
    assert score.score == Decimal("100.0")
    assert [line.points for line in score.lines if line.kind == "late_report"] == [Decimal(0)]


def test_severely_overdue_from_the_91st_day(january) -> None:
    # AP-2024-06 (市人社局) due 2024-10-31: 92 days on 2025-01-31
    assert january["human-resources"].score == Decimal("96.0")
    assert scores("2025-01-29")["human-resources"].score == Decimal("98.0")  # 90 days: overdue
    assert scores("2025-01-30")["human-resources"].score == Decimal("96.0")  # 91 days: severely


def test_completed_after_the_deadline_counts_as_overdue(january) -> None:
    # AP-2024-08 (市科技局) due 2024-11-30, completed 2024-12-10: 2; co-operates on MS-5-4: 1.
    assert january["science-technology"].score == Decimal("97.0")
    assert january["education"].score == Decimal("99.0")  # AP-2024-07 done without evidence: 1


def test_late_report_per_day_and_its_cap() -> None:
    march = scores("2025-03-31")
    # 市大数据局: 2024-Q3 missing 8; 2024-Q4 sent 2025-02-05, 21 days after 01-15: 4.2. 100 - 12.2
    assert march["big-data"].score == Decimal("87.8")
    # 市委网信办: 2024-Q4 sent 2025-02-24, 40 days late: 8, capped at 6
    assert march["cyberspace"].score == Decimal("94.0")
    assert lost(march["cyberspace"]) == {"late_report": "6"}
    # on 2025-01-31 neither Q4 report had arrived: missing
    assert scores("2025-01-31")["cyberspace"].score == Decimal("92.0")


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "reports", tmp_path / "reports")
    return tmp_path / "plan", tmp_path / "reports"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_grace_one_day_shorter_makes_the_report_late(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    _edit(plan / "assessment.yaml", "grace_days: 3 ", "grace_days: 2 ")
    assert scores("2025-01-31", plan, reports)["organization"].score == Decimal("99.4")  # 3 days x 0.2


def test_done_the_day_after_the_deadline_is_overdue(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    _edit(reports / "2024-Q2" / "organization.yaml", 'completed: "2024-06-30"', 'completed: "2024-07-01"')
    assert scores("2025-01-31", plan, reports)["organization"].score == Decimal("98.0")


def test_rounding_half_up(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    _edit(plan / "assessment.yaml", "rounding: {places: 1, mode: half-up}", "rounding: {places: 0, mode: half-up}")
    march = scores("2025-03-31", plan, reports)
    assert march["big-data"].score == Decimal("88")  # 87.8 -> 88
    assert [line.points for line in march["big-data"].lines if line.kind == "rounding"] == [Decimal("0.2")]


def test_units_with_no_duty_are_left_out(january) -> None:
    assert "jinshui-gov" in january  # leads AP-2024-10
    assert "high-tech-zone" not in january  # a development zone nobody named
    assert "ip-strategy-joint-conference-office" not in january
    assert len(january) == 26


def test_every_score_reconciles_to_its_lines(january) -> None:
    for score in january.values():
        assert sum((line.points for line in score.lines), Decimal(0)) == score.score, score.unit_id


def test_ranks_share_ties_and_follow_scores(january) -> None:
    ordered = sorted(january.values(), key=lambda s: s.rank)
    assert ordered[0].rank == 1 and all(s.score == Decimal("100.0") for s in ordered if s.rank == 1)
    for a, b in zip(ordered, ordered[1:]):
        assert a.score >= b.score
        assert (a.rank == b.rank) == (a.score == b.score)


def _json(args, cwd: Path) -> str:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["assess", "--year", "2024", "--as-of", "2025-01-31", "-f", "json", *args])
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_same_inputs_same_scores_across_runs_and_file_order(tmp_path: Path) -> None:
    first = _json([], REPO)
    assert _json([], REPO) == first
    # the same files written in reverse order, and the yearly items listed in reverse
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    for path in sorted((REPO / "reports").rglob("*.yaml"), reverse=True):
        target = tmp_path / "reports" / path.relative_to(REPO / "reports")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    annual = tmp_path / "plan" / "annual" / "2024.yaml"
    head, items = annual.read_text(encoding="utf-8").split("items:\n")
    blocks = ["  - id:" + b for b in items.split("  - id:")[1:]]
    annual.write_text(head + "items:\n" + "".join(reversed(blocks)), encoding="utf-8")
    keep = lambda text: [(u["unit"], u["score"], u["rank"], u["band"], u["lost"]) for u in json.loads(text)["units"]]  # noqa: E731
    assert keep(_json([], tmp_path)) == keep(first)


def test_cli_refuses_what_it_cannot_score(tmp_path: Path) -> None:
    runner = CliRunner()
    plan, reports = _copy(tmp_path)
    base = ["assess", str(reports), "--plan", str(plan), "--as-of", "2025-01-31"]
    assert runner.invoke(app, [*base, "--year", "2021"]).exit_code == 2
    assert runner.invoke(app, [*base, "--year", "2024", "-f", "xlsx"]).exit_code == 2  # no -o
    result = runner.invoke(app, [*base, "--year", "2024", "--explain", "no-such-unit"])
    assert result.exit_code == 2
    result = runner.invoke(app, [*base, "--year", "2024", "--explain", "high-tech-zone"])
    assert result.exit_code == 2 and "not assessed" in result.output
    (plan / "assessment.yaml").unlink()
    result = runner.invoke(app, [*base, "--year", "2024"])
    assert result.exit_code == 2 and "no assessment scheme" in result.output


def test_broken_scheme_is_reported_with_its_place_not_a_traceback(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    _edit(plan / "assessment.yaml", "cooperating_share: 0.5 ", "cooperating_share: 5 ")
    result = CliRunner().invoke(app, ["assess", str(reports), "--plan", str(plan), "--year", "2024"])
    assert result.exit_code == 2
    assert "assessment.yaml:21:20: P101" in result.output


def test_explain_lists_every_point(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["assess", "--year", "2024", "--as-of", "2025-01-31", "--explain", "新郑市人民政府",
                                      "-f", "markdown"])
    assert result.exit_code == 0
    assert "+100 -8 -8 -8 +4 -4 = 76.0 (一般, rank 26)" in result.output


def test_xlsx_has_the_ranking_and_each_units_account(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "a.xlsx"
    result = CliRunner().invoke(app, ["assess", "--year", "2024", "--as-of", "2025-01-31", "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    sheet = book["Scores"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 26
    assert rows[-1][:4] == (26, "新郑市人民政府", 76.0, "一般")
    assert len(book.sheetnames) == 27


def test_scheme_change_is_a_plan_change(tmp_path: Path) -> None:
    plan, _reports = _copy(tmp_path)
    _edit(plan / "assessment.yaml", "{points: 2,   per: indicator, cap: 6}", "{points: 3,   per: indicator, cap: 6}")
    result = CliRunner().invoke(app, ["diff", str(REPO / "plan"), str(plan), "--check"])
    assert result.exit_code == 1
    assert "assessment scheme deductions.indicator_behind.points: 2 -> 3" in result.output
    assert "D401" in result.output


def test_start_up_does_not_import_openpyxl() -> None:
    code = "import sys, zzip.cli; assert 'openpyxl' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def _assess_cli(cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, ["assess", "--year", "2024", "--as-of", "2025-07-31", "-f", "json"])
    finally:
        os.chdir(old)


def test_a_broken_file_of_another_year_does_not_stop_the_assessment(tmp_path: Path) -> None:
    # the bundled 2025-Q2 workbook has a percent typed as text (S201): 2024's scores cannot depend on it
    result = _assess_cli(REPO)
    assert result.exit_code == 0 and "another year: does not affect this assessment" in result.stderr


def test_a_broken_file_of_the_assessed_year_stops_it(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    (reports / "2024-Q3" / "court.yaml").write_text("format: [1\n", encoding="utf-8")
    result = _assess_cli(tmp_path)
    assert result.exit_code == 2 and "problem(s) in the 2024 status files" in result.stderr


def test_a_step_of_an_undivided_task_is_charged_to_its_responsible_unit_as_such(tmp_path: Path) -> None:
    """MS-4-9 carries out KT-3-3; written `responsible:` (责任单位), the account says so, not "leads"."""
    plan, reports = _copy(tmp_path)
    _edit(plan / "tasks.yaml", "    lead: [market-regulation]\n    cooperating: [anti-counterfeiting-group-members, "
          "development-zones, county-governments]\n", "    responsible: [market-regulation]\n")
    score = scores("2025-01-31", plan, reports)["market-regulation"]
    line = next(line for line in score.lines if line.item == "MS-4-9")
    assert line.reason.startswith("The step MS-4-9 (四(四)9), which this unit is responsible for, ")
    assert next(line for line in score.lines if line.item == "MS-3-2").reason.startswith(
        "The step MS-3-2 (四(三)2), which this unit leads, ")
