"""`zzip validate` catches what would otherwise mislead or crash the other commands: references of
the wrong kind, dates outside any sane window, and a first reporting period outside the plan
(issue 8, point 13)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ZZIP = Path(sys.executable).parent / "zzip"

VIEWS = [
    ["overdue", "--as-of", "2024-01-20"],
    ["progress", "--as-of", "2024-01-20"],
    ["unit", "court", "--as-of", "2024-01-20"],
    ["template", "--unit", "court", "--period", "2023-Q3", "-o", "t.yaml"],
]


def zzip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "160"})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def validate_lines(workspace: Path) -> list[str]:
    result = zzip("validate", "plan", cwd=workspace)
    assert result.returncode == 1, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("plan/")]


def assert_every_command_refuses_the_plan(workspace: Path, words: str) -> None:
    """No command crashes (exit 3) on the plan: check reports the plan errors, views refuse it."""
    check = zzip("check", "reports", "--as-of", "2024-01-20", "--format", "json", cwd=workspace)
    assert check.returncode == 1, check.stdout + check.stderr
    report = json.loads(check.stdout)
    assert report["summary"]["plan_errors"] is True
    assert any(words in f["message"] for f in report["findings"])
    for args in VIEWS:
        result = zzip(*args, cwd=workspace)
        assert result.returncode == 2, (args, result.stdout + result.stderr)
        assert words in result.stderr and "internal error" not in result.stderr, args
    diff = zzip("diff", "plan", "plan", cwd=workspace)
    assert diff.returncode == 2 and words in diff.stderr, diff.stdout + diff.stderr


# --- references of the wrong kind --------------------------------------------------------------

def test_a_milestone_linked_to_a_milestone_is_an_error(workspace: Path) -> None:
    edit(workspace / "plan/milestones.yaml", "tasks: [KT-1-2]", "tasks: [MS-1-2]")
    assert validate_lines(workspace) == [
        "plan/milestones.yaml:15:13: P103 MS-1-2 is a milestone, not a task, in tasks"]
    assert_every_command_refuses_the_plan(workspace, "MS-1-2 is a milestone, not a task")


def test_a_task_led_by_an_indicator_is_an_error(workspace: Path) -> None:
    edit(workspace / "plan/tasks.yaml", "lead: [court]", "lead: [patents]")
    assert validate_lines(workspace) == [
        "plan/tasks.yaml:14:12: P103 patents is an indicator, not a unit, in lead"]
    assert_every_command_refuses_the_plan(workspace, "patents is an indicator, not a unit")


def test_an_indicator_owned_by_an_indicator_is_an_error(workspace: Path) -> None:
    edit(workspace / "plan/indicators.yaml", "owner: market-regulation\n    owner_basis: derived", "owner: patents\n    owner_basis: derived")
    edit(workspace / "plan/indicators.yaml", "tasks: [KT-1-1]\n    baseline", "tasks: [patents]\n    baseline")
    assert validate_lines(workspace) == [
        "plan/indicators.yaml:10:12: P103 patents is an indicator, not a unit, in owner",
        "plan/indicators.yaml:12:13: P103 patents is an indicator, not a task, in tasks",
    ]


def test_a_supervisor_or_group_member_that_is_not_a_unit_is_an_error(workspace: Path) -> None:
    edit(workspace / "plan/plan.yaml", "supervisor: office", "supervisor: patents")
    edit(workspace / "plan/units.yaml", "members: [county-a]", "members: [county-a, patents]")
    assert validate_lines(workspace) == [
        "plan/plan.yaml:10:13: P103 patents is an indicator, not a unit, in supervisor",
        "plan/units.yaml:18:25: P103 patents is an indicator, not a unit, in members",
    ]


# --- dates outside a sane window ----------------------------------------------------------------

@pytest.mark.parametrize("file, old, new, place, words", [
    ("plan.yaml", 'start: "2022-01"', 'start: "0000-01"', "plan/plan.yaml:8:17",
     "period.start: 0000-01 is outside the years a plan can cover (1949 to 2100)"),
    ("plan.yaml", 'end: "2025-12"}', 'end: "9999-12"}', "plan/plan.yaml:8:33",
     "period.end: 9999-12 is outside the years a plan can cover (1949 to 2100)"),
    ("plan.yaml", 'issued: "2022-12-29"', 'issued: "9999-12-31"', "plan/plan.yaml:7:9",
     "issued: 9999-12-31 is outside the years a plan can cover (1949 to 2100)"),
    ("plan.yaml", 'first_period: "2023-Q1"', 'first_period: "0000-Q1"', "plan/plan.yaml:11:61",
     "reporting.first_period: 0000-Q1 is outside the years a plan can cover (1949 to 2100)"),
    ("milestones.yaml", 'end: "2023-12"', 'end: "9999-12"', "plan/milestones.yaml:14:10",
     "milestones[2].end: 9999-12 is outside the years a plan can cover (1949 to 2100)"),
    ("indicators.yaml", 'date: "2022-12-31"', 'date: "0001-01-01"', "plan/indicators.yaml:13:36",
     "indicators[1].baseline.date: 0001-01-01 is outside the years a plan can cover (1949 to 2100)"),
    ("indicators.yaml", 'deadline: "2025-06"', 'deadline: "2101-01"', "plan/indicators.yaml:9:74",
     "indicators[1].target.deadline: 2101-01 is outside the years a plan can cover (1949 to 2100)"),
])
def test_dates_outside_the_window_are_plan_errors_and_crash_nothing(
        workspace: Path, file: str, old: str, new: str, place: str, words: str) -> None:
    edit(workspace / "plan" / file, old, new)
    lines = validate_lines(workspace)
    assert f"{place}: P101 {words}" in lines, lines
    assert_every_command_refuses_the_plan(workspace, words)


@pytest.mark.parametrize("deadline, words", [
    ("2021-02-30", "tasks[2].deadline: '2021-02-30' is not a real calendar date"),
    ("2101-01", "tasks[2].deadline: 2101-01 is outside the years a plan can cover (1949 to 2100)"),
])
def test_a_bad_task_deadline_is_named_by_its_full_path(workspace: Path, deadline: str, words: str) -> None:
    edit(workspace / "plan/tasks.yaml", "    lead: [court]\n", f'    lead: [court]\n    deadline: "{deadline}"\n')
    assert f"plan/tasks.yaml:15:15: P101 {words}" in validate_lines(workspace)


def test_first_period_after_the_plan_ends_is_a_plan_error(workspace: Path) -> None:
    edit(workspace / "plan/plan.yaml", 'first_period: "2023-Q1"', 'first_period: "2030-Q1"')
    assert validate_lines(workspace) == [
        "plan/plan.yaml:11:61: P106 first reporting period 2030-Q1 is after the plan period ends (2025-12)"]
    assert_every_command_refuses_the_plan(workspace, "first reporting period 2030-Q1 is after the plan period ends")


def test_first_period_before_the_plan_starts_is_a_plan_error(workspace: Path) -> None:
    edit(workspace / "plan/plan.yaml", 'first_period: "2023-Q1"', 'first_period: "2021-Q4"')
    assert validate_lines(workspace) == [
        "plan/plan.yaml:11:61: P106 first reporting period 2021-Q4 is before the plan period starts (2022-01)"]


@pytest.mark.parametrize("first", ["2022-Q1", "2025-Q4"])
def test_first_period_on_the_edges_of_the_plan_is_fine(workspace: Path, first: str) -> None:
    edit(workspace / "plan/plan.yaml", 'first_period: "2023-Q1"', f'first_period: "{first}"')
    result = zzip("validate", "plan", cwd=workspace)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("start, end", [("1949-10", "1955-12"), ("2095-01", "2100-12")])
def test_the_edges_of_the_window_are_accepted_and_checked(workspace: Path, start: str, end: str) -> None:
    plan = workspace / "plan"
    edit(plan / "plan.yaml", 'period: {start: "2022-01", end: "2025-12"}', f'period: {{start: "{start}", end: "{end}"}}')
    edit(plan / "plan.yaml", 'first_period: "2023-Q1"', f'first_period: "{start[:4]}-Q4"')
    for name in ("milestones.yaml", "indicators.yaml"):
        text = (plan / name).read_text(encoding="utf-8")
        text = text.replace('"2022-09"', f'"{start}"').replace('"2023-12"', f'"{end}"').replace('"2025-06"', f'"{end}"')
        text = text.replace('"2022-12", every_year', f'"{end}", every_year')
        (plan / name).write_text(text.replace('"2022-12-31"', f'"{start}-15"'), encoding="utf-8")
    assert zzip("validate", "plan", cwd=workspace).returncode == 0
    late = f"{int(end[:4]) + 1}-01-20"
    result = zzip("check", "reports", "--as-of", late, "--format", "json", cwd=workspace)
    assert result.returncode in (0, 1), result.stderr
    assert "internal error" not in result.stderr
    for args in (["overdue", "--as-of", late], ["progress", "--as-of", late], ["unit", "court", "--as-of", late]):
        result = zzip(*args, cwd=workspace)
        assert result.returncode == 0, (args, result.stderr)
