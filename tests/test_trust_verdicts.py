"""Wrong verdicts that input could cause (issue 8, points 4-10): each case runs the real
`zzip check` on the minimal plan and asserts the verdict a careful office expects. Every test
here failed before its fix."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

runner = CliRunner()
HEAD = 'format: 1\nplan: mini-plan\nplan_version: "1.0.0"\nunit: {unit}\nperiod: {period}\nsubmitted: "{submitted}"\n'
EVIDENCE = "    evidence: [{document: 测法〔2023〕1号}]\n"


def report(workspace: Path, unit: str, period: str, submitted: str, body: str) -> Path:
    path = workspace / "reports" / period / f"{unit}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEAD.format(unit=unit, period=period, submitted=submitted) + body, encoding="utf-8")
    return path


def check(as_of: str, *extra: str) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["check", "reports", "--as-of", as_of, "-f", "json", *extra])
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return result.exit_code, json.loads(result.stdout)["findings"]


def codes(findings: list[dict], *wanted: str) -> list[tuple[str, str]]:
    return sorted((f["code"], f["path"]) for f in findings if f["code"] in wanted)


def progress(as_of: str, indicator: str = "patents") -> dict:
    result = runner.invoke(app, ["progress", "--as-of", as_of, "-f", "json"])
    rows = [r for r in json.loads(result.stdout)["indicators"] if r["id"] == indicator]
    return rows[0]


def set_market_value(workspace: Path, value: str, measured: str = "2023-03-31") -> None:
    path = workspace / "reports/2023-Q1/market-regulation.yaml"
    text = path.read_text(encoding="utf-8").replace("value: 10500", f"value: {value}")
    path.write_text(text.replace('measured: "2023-03-31"', f'measured: "{measured}"'), encoding="utf-8")


# -- point 4: a rejected value or entry counts nowhere --------------------------------------------------

def test_a_value_from_a_unit_with_no_part_does_not_achieve_the_indicator(workspace: Path) -> None:
    report(workspace, "office", "2023-Q1", "2023-04-12",
           'indicators:\n  - {id: patents, value: 99999, measured: "2023-03-31"}\n')
    _, findings = check("2023-05-01")
    assert codes(findings, "S203") == [("S203", "reports/2023-Q1/office.yaml")]
    row = progress("2023-05-01")
    assert row["status"] == "on track" and row["latest"]["value"] == 10500


def test_ignoring_the_rule_hides_the_message_but_the_value_still_does_not_count(workspace: Path) -> None:
    report(workspace, "office", "2023-Q1", "2023-04-12",
           'indicators:\n  - {id: patents, value: 99999, measured: "2023-03-31"}\n')
    _, findings = check("2023-05-01", "--ignore", "S203")
    assert codes(findings, "S203", "C306", "C307") == []
    assert progress("2023-05-01")["latest"]["value"] == 10500


@pytest.mark.parametrize("entry,rule", [
    ("  - {id: MS-1-2, status: done, percent: 100}\n", "S211"),  # done without a completion date
    ("  - {id: MS-1-2, status: done, percent: 50, completed: \"2023-12-20\"}\n", "S209"),  # done, 50 %
    ("  - {id: MS-1-2, status: done, completed: \"2024-01-20\"}\n", "S207"),  # completed after submission
])
def test_a_rejected_done_entry_does_not_clear_an_overdue_milestone(workspace: Path, entry: str, rule: str) -> None:
    report(workspace, "court", "2023-Q4", "2024-01-10", "entries:\n  - {id: KT-1-2, status: in-progress}\n" + entry)
    _, findings = check("2024-01-20")
    assert codes(findings, rule) == [(rule, "reports/2023-Q4/court.yaml")]
    assert codes(findings, "C301") == [("C301", "reports/2023-Q1/court.yaml")]


def test_a_valid_done_entry_clears_it(workspace: Path) -> None:
    report(workspace, "court", "2023-Q4", "2024-01-10",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - id: MS-1-2\n    status: done\n"
           "    completed: \"2023-12-20\"\n" + EVIDENCE)
    _, findings = check("2024-01-20")
    assert codes(findings, "C301") == []


# -- point 5: two units, one indicator, one date ------------------------------------------------------

def test_the_owners_value_counts_over_a_co_operating_units(workspace: Path) -> None:
    report(workspace, "court", "2023-Q1", "2023-04-15",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - {id: MS-1-2, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 20000, measured: "2023-03-31"}\n')
    _, findings = check("2023-05-01")
    [conflict] = [f for f in findings if f["code"] == "S212"]
    assert conflict["path"] == "reports/2023-Q1/court.yaml"
    assert "the owner's value (市市场监管局, 10500) counts" in conflict["message"]
    assert progress("2023-05-01")["latest"]["value"] == 10500  # not 20000, which would be "achieved"


def test_without_the_owner_two_different_values_both_stay_out(workspace: Path) -> None:
    set_market_value(workspace, "10500", "2023-03-30")  # the owner reports another day
    report(workspace, "court", "2023-Q1", "2023-04-15",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - {id: MS-1-2, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 20000, measured: "2023-03-31"}\n')
    report(workspace, "county-a", "2023-Q1", "2023-04-14",
           'indicators:\n  - {id: patents, value: 10600, measured: "2023-03-31"}\n')
    _, findings = check("2023-05-01")
    assert len([f for f in findings if f["code"] == "S212"]) == 2
    row = progress("2023-05-01")
    assert row["latest"] == {"value": 10500, "date": "2023-03-30", "source": "reports/2023-Q1/market-regulation.yaml"}


def test_a_unit_restating_its_own_number_later_is_a_correction(workspace: Path) -> None:
    # which one counts: the same unit's later report, so the verdict turns on the choice
    report(workspace, "market-regulation", "2023-Q2", "2023-07-10",
           "entries:\n  - {id: KT-1-1, status: in-progress}\n  - {id: MS-1-1, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 14700, measured: "2023-03-31"}\n')
    _, findings = check("2023-07-20")
    assert codes(findings, "S212") == []
    assert progress("2023-07-20")["status"] == "achieved"


def test_a_co_operating_units_value_after_the_deadline_does_not_overturn_the_owners_result(workspace: Path) -> None:
    # found by the hostile review: the owner's deadline-day value is short; a co-operating unit's
    # 20000 dated the next day turned it "achieved" with no finding
    report(workspace, "market-regulation", "2025-Q2", "2025-07-10",
           "entries:\n  - {id: KT-1-1, status: in-progress}\n  - {id: MS-1-1, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 13060, measured: "2025-06-30"}\n')
    report(workspace, "court", "2025-Q3", "2025-10-10",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 20000, measured: "2025-07-01"}\n')
    _, findings = check("2025-10-20")
    assert codes(findings, "S212") == [("S212", "reports/2025-Q3/court.yaml")]
    assert progress("2025-10-20")["status"] == "behind"


# -- point 6: absurd dates decide nothing --------------------------------------------------------------

def test_a_value_measured_in_1900_is_not_current(workspace: Path) -> None:
    set_market_value(workspace, "20000", "1900-01-01")
    _, findings = check("2023-05-01")
    assert codes(findings, "S213") == [("S213", "reports/2023-Q1/market-regulation.yaml")]
    assert progress("2023-05-01")["status"] == "no data"


@pytest.mark.parametrize("completed,overdue,rule", [
    ("0001-01-01", True, "S201"),  # not a date zzip reads at all (years 1900-2999)
    ("1900-01-01", True, "S213"),
    ("2022-09-01", True, "S213"),   # the step's first day, but before the plan was issued (2022-12-29)
    ("2022-12-28", True, "S213"),   # the day before the plan was issued
    ("2022-12-29", False, None),    # the day it was issued
])
def test_a_completion_date_before_the_step_started_does_not_clear_it(workspace: Path, completed, overdue, rule) -> None:
    report(workspace, "court", "2023-Q4", "2024-01-10",
           f"entries:\n  - {{id: KT-1-2, status: in-progress}}\n  - id: MS-1-2\n    status: done\n"
           f"    completed: \"{completed}\"\n" + EVIDENCE)
    _, findings = check("2024-01-20")
    assert bool(codes(findings, "C301")) is overdue
    assert codes(findings, "S201", "S213") == ([(rule, "reports/2023-Q4/court.yaml")] if rule else [])


# -- point 7: a report on a quarter that has not ended -------------------------------------------------

def test_an_unended_quarter_does_not_override_a_later_report_that_says_done(workspace: Path) -> None:
    report(workspace, "court", "2023-Q4", "2024-01-10",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - id: MS-1-2\n    status: done\n"
           "    completed: \"2023-12-20\"\n" + EVIDENCE)
    report(workspace, "court", "2024-Q1", "2024-01-08",  # written ahead, for a quarter not yet over
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - {id: MS-1-2, status: in-progress}\n")
    _, findings = check("2024-01-20")
    assert codes(findings, "S214") == [("S214", "reports/2024-Q1/court.yaml")]
    assert codes(findings, "C301") == []


def test_a_report_sent_before_its_quarter_ended_is_not_that_quarters_report(workspace: Path) -> None:
    report(workspace, "court", "2023-Q2", "2023-06-30",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - {id: MS-1-2, status: in-progress}\n")
    _, findings = check("2023-07-20")
    assert codes(findings, "S215") == [("S215", "reports/2023-Q2/court.yaml")]
    assert ("C304", "reports/2023-Q2/court.yaml") in codes(findings, "C304")


def test_a_report_sent_the_day_after_its_quarter_ended_counts(workspace: Path) -> None:
    report(workspace, "court", "2023-Q2", "2023-07-01",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - {id: MS-1-2, status: in-progress}\n")
    _, findings = check("2023-07-20")
    assert codes(findings, "S215", "S214") == []
    assert ("C304", "reports/2023-Q2/court.yaml") not in codes(findings, "C304")


# -- point 9: yearly figures ----------------------------------------------------------------------------

def test_a_half_year_figure_is_not_graded_as_the_years_total(workspace: Path) -> None:
    path = workspace / "reports/2023-Q1/market-regulation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('measured: "2022-12-31"', 'measured: "2022-06-30"'),
                    encoding="utf-8")
    _, findings = check("2023-05-01")
    [partial] = [f for f in findings if f["code"] == "S216"]
    assert "covers only part of 2022" in partial["message"]
    # not counted: 2022 has no full-year figure, and its last report was due 2023-01-15, so 2022 is missed
    assert progress("2023-05-01", "training-classes")["status"] == "behind"


def test_the_template_dates_a_yearly_figure_at_the_end_of_the_last_full_year(workspace: Path) -> None:
    result = runner.invoke(app, ["template", "--unit", "market-regulation", "--period", "2023-Q2", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    lines = {line.split("id: ")[1].split(",")[0]: line for line in result.stdout.splitlines() if "{id: " in line}
    assert 'measured: "2022-12-31"' in lines["training-classes"] and "full-year figure" in lines["training-classes"]
    assert 'measured: "2023-06-30"' in lines["patents"]


# -- point 10: every target the plan states ------------------------------------------------------------

def write_plan_edit(workspace: Path, old: str, new: str) -> None:
    path = workspace / "plan/indicators.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_stricter_restated_target_is_graded_on_its_own_number(workspace: Path) -> None:
    # the headline 10,400 is met by 10,500; the restatement asks for 14,653 by 2025-06
    write_plan_edit(workspace, "target: {value: 14653, comparator: stretch, wording: 力争达到, deadline: \"2025-06\"}",
                    "target: {value: 10400, comparator: at_least, wording: 以上, deadline: \"2025-12\"}\n"
                    "    also_stated:\n      - {ref: 二(二)1, text: 力争达到14653件, value: 14653, comparator: stretch, "
                    "deadline: \"2025-06\"}")
    _, findings = check("2025-08-01")
    behind = [f for f in findings if f["code"] == "C306" and "as restated in 二(二)1" in f["message"]]
    assert len(behind) == 1
    assert progress("2025-08-01")["status"] == "achieved"  # the headline row


def test_a_weaker_restatement_is_not_graded_twice(workspace: Path) -> None:
    write_plan_edit(workspace, "    baseline: {value: 10000, date: \"2022-12-31\"}",
                    "    baseline: {value: 10000, date: \"2022-12-31\"}\n"
                    "    also_stated:\n      - {ref: 二(二)1, text: 10000件以上, value: 10000, comparator: at_least, "
                    "deadline: \"2025-12\"}")
    _, findings = check("2025-08-01")
    assert not [f for f in findings if "as restated" in f["message"]]


def test_every_year_is_checked_not_only_the_last(workspace: Path) -> None:
    write_plan_edit(workspace, 'deadline: "2022-12", every_year: true', 'deadline: "2024-12", every_year: true')
    report(workspace, "market-regulation", "2023-Q4", "2024-01-10",
           "entries:\n  - {id: KT-1-1, status: in-progress}\n  - {id: MS-1-1, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 11000, measured: "2023-12-31"}\n'
           '  - {id: training-classes, value: 3, measured: "2023-12-31"}\n')
    report(workspace, "market-regulation", "2024-Q4", "2025-01-10",
           "entries:\n  - {id: KT-1-1, status: in-progress}\n  - {id: MS-1-1, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 12000, measured: "2024-12-31"}\n'
           '  - {id: training-classes, value: 7, measured: "2024-12-31"}\n')
    _, findings = check("2025-01-20")
    yearly = [f["message"] for f in findings if f["code"] == "C306" and "training-classes" in f["message"]]
    assert len(yearly) == 1 and "for 2023" in yearly[0]  # 2022 (6) and 2024 (7) met; 2023 (3) missed
