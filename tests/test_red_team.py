"""The red-team pass after the trust fixes (issue 8): hostile inputs, options and dates of our
own devising, beyond the issue's list, each with what it now gets. Every case runs the real
command on the minimal workspace. None may reach exit 3.

Cases (what each gets):
 1. a unit name with an HTML tag, a markdown link and emphasis -> inert text in every markdown output
 2. a status file named "=HYPERLINK(1).yaml" (a spreadsheet formula) -> CSV cell prefixed with '
 3. a time zone that does not exist, or a path -> P113 at plan.yaml:9:11; views exit 2
 4. --as-of 2025-02-29 (no such day) -> exit 2, one line
 5. --as-of 2025-7-31 (not zero-padded) -> exit 2
 6. --as-of with spaces around it -> accepted
 7. submitted with a time and zone -> S201 at the value
 8. values .inf, .nan, 1e400, 0x2904, "10500", true -> S201 at the value, never counted
 9. court.yaml and court.yml in one quarter -> S206; the later-submitted one counts (decides C301)
10. a quarter folder written 2023-q1 -> S208, the file is not a quarter's report
11. `zzip unit ''` -> exit 2
12. `zzip progress --explain ''` (an empty shell variable) -> the whole table, exit 0
13. `zzip template --period 2099-Q1` (after the plan) -> exit 2
14. a report from a unit the plan does not have -> S202, not counted
15. a report against another plan -> S205, not counted, the unit's report is missing (C304)
16. --select ALL --ignore ALL with an unreadable file -> still F001, exit 2
17. an indicator id in entries, a milestone id in indicators -> S202 each
18. a value measured on the first day of the plan period, no baseline -> counted
19. percent 1e308 -> S201
20. a revision argument that looks like a git option (`--output=...`) -> exit 2, nothing written
21. a status file with 20,000 entries of one id -> S206, answered quickly, exit 1
22. a measurement on 29 February of a non-leap year -> S201
23. `-o` into a folder that does not exist -> exit 2, one line
24. a plan unit name with a right-to-left override -> escaped in text, markdown and JSON
25. a completion date on the deadline day -> no C302; the day after -> C302
26. a report on the plan's last quarter submitted after the plan ended -> counted (late or not)
27. a negative value for a level indicator (a growth rate) -> counted, not S209
28. a report whose period is outside the plan (2021-Q4) -> S204, not counted
29. the same indicator and date twice in one file with two numbers -> S206, neither counts
30. a yearly figure dated 12-31 in the same year's Q4 report -> counted for that year
31. an about (左右) target and its tolerance exactly at the edge -> achieved at 5 %, not beyond
32. `--within -1` -> exit 2
33. `zzip check .` or `zzip check court.yaml` from inside a quarter folder -> that quarter (was S208
    "not in a quarter folder": fixed)
34. a misnamed second file for a unit and quarter, submitted later -> the well-filed one counts (S206 names it)
Found by a hostile review after these (each failed before its fix):
35. -o into the plan folder (annual/, assessment.yaml, source/, a new file) -> exit 2, the plan untouched
36. -o reports/summary.json while checking reports/2023-Q1 -> exit 2 (it would be read next time)
37. a reports or plan folder that is a link out of the working folder -> F001 naming it, nothing quoted
38. template --reports with a typo -> exit 2, no folder made
39. template --force -o onto the unit's report for another quarter -> exit 2, the file untouched
40. progress thresholds out of order in zzip.toml -> exit 2 naming the line
41. a report the views cannot use at all (an unreadable submission date) -> exit 2, not drawn as "missing"
(The review's wrong verdicts are tests in test_trust_verdicts.py and test_progress_trust.py.)
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

runner = CliRunner()
HEAD = 'format: 1\nplan: mini-plan\nplan_version: "1.0.0"\nunit: {unit}\nperiod: {period}\nsubmitted: "{submitted}"\n'


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr and "internal error" not in result.stderr
    return result


def findings(*args: str) -> list[dict]:
    return json.loads(run("check", "reports", "-f", "json", *args).stdout)["findings"]


def at(items: list[dict], code: str) -> list[str]:
    return sorted(f"{f['path']}:{f['line']}:{f['column']}" if f["line"] else f["path"]
                  for f in items if f["code"] == code)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def report(root: Path, unit: str, period: str, submitted: str, body: str, name: str | None = None) -> Path:
    path = root / "reports" / period / (name or f"{unit}.yaml")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.format(unit=unit, period=period, submitted=submitted) + body, encoding="utf-8")
    return path


MARKET = "reports/2023-Q1/market-regulation.yaml"
COURT = "reports/2023-Q1/court.yaml"


# 1
def test_markup_in_a_unit_name_is_inert_in_markdown(workspace: Path) -> None:
    edit(workspace / "plan/units.yaml", "name: 市中级人民法院", 'name: "<img src=x onerror=alert(1)>[点我](http://e.example)*粗*"')
    for args in (["check", "reports", "--as-of", "2024-05-01", "-f", "markdown"],
                 ["overdue", "--as-of", "2024-05-01", "-f", "markdown"],
                 ["unit", "court", "--as-of", "2024-05-01", "-f", "markdown"]):
        out = run(*args).stdout
        assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(http|(?<!\\)\*粗", out), args
        assert r"\<img src=x onerror=alert(1)>\[点我\](http://e.example)\*粗\*" in out, args


# 2
def test_a_formula_in_a_file_name_is_not_a_formula_in_csv(workspace: Path) -> None:
    os.chdir(workspace / "reports")
    (workspace / "reports/=HYPERLINK(1).yaml").write_text((workspace / COURT).read_text(encoding="utf-8"), encoding="utf-8")
    out = run("check", ".", "--plan", "../plan", "--as-of", "2023-05-01", "-f", "csv").stdout
    paths = [line.split(",")[3] for line in out.splitlines()[1:]]
    assert "'=HYPERLINK(1).yaml" in paths and not any(p.startswith(("=", "+", "@")) for p in paths)


# 3
@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/localtime", "/etc/localtime"])
def test_a_time_zone_that_does_not_exist(workspace: Path, zone: str) -> None:
    edit(workspace / "plan/plan.yaml", "timezone: Asia/Shanghai", f"timezone: {zone}")
    result = run("validate", "plan")
    assert result.exit_code == 1 and "plan/plan.yaml:9:11: P113" in result.stdout
    assert run("overdue").exit_code == 2
    assert run("check", "reports").exit_code == 1


# 4, 5, 6
@pytest.mark.parametrize("as_of,code", [("2025-02-29", 2), ("2025-7-31", 2), ("2024-02-29", 1), (" 2024-02-29 ", 1)])
def test_as_of_dates_are_exact(workspace: Path, as_of: str, code: int) -> None:
    result = run("check", "reports", "--as-of", as_of)
    assert result.exit_code == code
    if code == 2:
        assert len(result.stderr.strip().splitlines()) == 1 and "--as-of" in result.stderr


# 7
def test_a_submission_time_with_a_zone_is_not_a_date(workspace: Path) -> None:
    edit(workspace / MARKET, 'submitted: "2023-04-10"', "submitted: 2023-04-10T10:00:00+08:00")
    assert at(findings("--as-of", "2023-05-01"), "S201") == [f"{MARKET}:6:12"]


# 8
@pytest.mark.parametrize("value", [".inf", ".nan", "1e400", "0x2904", '"10500"', "true"])
def test_values_that_are_not_finite_numbers(workspace: Path, value: str) -> None:
    edit(workspace / MARKET, "value: 10500", f"value: {value}")
    assert at(findings("--as-of", "2023-05-01"), "S201") == [f"{MARKET}:15:12"]
    rows = json.loads(run("progress", "--as-of", "2023-05-01", "-f", "json").stdout)["indicators"]
    assert [r for r in rows if r["id"] == "patents"][0]["latest"] is None


# 9: which one counts, where the choice decides the verdict
@pytest.mark.parametrize("done_submitted,other_submitted,overdue", [("2024-01-12", "2024-01-10", False),
                                                                    ("2024-01-10", "2024-01-12", True)])
def test_two_files_for_one_quarter_the_later_counts(workspace: Path, done_submitted, other_submitted, overdue) -> None:
    report(workspace, "court", "2023-Q4", done_submitted,
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - id: MS-1-2\n    status: done\n"
           "    completed: \"2023-12-20\"\n    evidence: [{document: 测法〔2023〕1号}]\n", name="court.yml")
    report(workspace, "court", "2023-Q4", other_submitted,
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - {id: MS-1-2, status: in-progress}\n")
    items = findings("--as-of", "2024-01-20")
    assert len(at(items, "S206")) == 1
    assert bool(at(items, "C301")) is overdue


# 10
def test_a_lower_case_quarter_folder_is_not_a_quarter(workspace: Path) -> None:
    path = report(workspace, "court", "2023-Q2", "2023-07-10", "entries:\n  - {id: KT-1-2, status: in-progress}\n")
    (workspace / "reports/2023-q2").mkdir()
    path.rename(workspace / "reports/2023-q2/court.yaml")
    items = findings("--as-of", "2023-07-20")
    assert any(p.startswith("reports/2023-q2/court.yaml") for p in at(items, "S208"))


# 11, 12, 13, 32
@pytest.mark.parametrize("args", [["unit", ""],
                                  ["template", "--unit", "court", "--period", "2099-Q1", "-o", "-"],
                                  ["overdue", "--within", "-1"]])
def test_empty_and_out_of_plan_arguments(workspace: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stderr.strip()


# 14, 15
def test_reports_from_an_unknown_unit_or_another_plan_do_not_count(workspace: Path) -> None:
    report(workspace, "nobody", "2023-Q1", "2023-04-12", "entries:\n  - {id: KT-1-2, status: done}\n")
    edit(workspace / COURT, "plan: mini-plan", "plan: other-plan")
    items = findings("--as-of", "2023-05-01")
    assert at(items, "S202") == ["reports/2023-Q1/nobody.yaml:4:7"]
    assert at(items, "S205") == [f"{COURT}:2:7"]
    assert at(items, "C304") == [COURT]


# 16
def test_all_rules_ignored_still_reports_an_unreadable_file(workspace: Path) -> None:
    (workspace / COURT).write_text("format: [1\n", encoding="utf-8")
    result = run("check", "reports", "--as-of", "2023-05-01", "--select", "ALL", "--ignore", "ALL", "-f", "json")
    assert result.exit_code == 2 and "F001" in result.stdout


# 17
def test_ids_of_the_wrong_kind_in_a_status_file(workspace: Path) -> None:
    edit(workspace / MARKET, "  - id: MS-1-1\n", "  - id: patents\n")
    edit(workspace / MARKET, "  - id: training-classes\n", "  - id: MS-1-1\n")
    items = findings("--as-of", "2023-05-01")
    assert at(items, "S202") == [f"{MARKET}:11:9"]  # an indicator id as an entry: no such task or milestone
    assert f"{MARKET}:17:9" in at(items, "S201")  # a milestone id as an indicator: not an indicator id at all


# 18
def test_a_value_measured_on_the_first_day_of_the_plan_counts(workspace: Path) -> None:
    edit(workspace / "plan/indicators.yaml", '    baseline: {value: 10000, date: "2022-12-31"}\n', "")
    edit(workspace / MARKET, 'measured: "2023-03-31"', 'measured: "2022-01-01"')
    items = findings("--as-of", "2023-05-01")
    assert at(items, "S213") == []
    edit(workspace / MARKET, 'measured: "2022-01-01"', 'measured: "2021-12-31"')
    assert at(findings("--as-of", "2023-05-01"), "S213") == [f"{MARKET}:16:15"]


# 19, 22
@pytest.mark.parametrize("old,new,where", [("percent: 30", "percent: 1e308", f"{MARKET}:10:14"),
                                           ('measured: "2023-03-31"', 'measured: "2023-02-29"', f"{MARKET}:16:15")])
def test_impossible_numbers_and_days(workspace: Path, old: str, new: str, where: str) -> None:
    edit(workspace / MARKET, old, new)
    assert at(findings("--as-of", "2023-05-01"), "S201") == [where]


# 20
def test_a_revision_that_looks_like_a_git_option(workspace: Path, tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    result = run("diff", f"--output={target}")
    assert result.exit_code == 2 and not target.exists()


# 21
def test_twenty_thousand_entries_of_one_id(workspace: Path) -> None:
    body = "entries:\n" + "  - {id: KT-1-2, status: in-progress}\n" * 20000
    report(workspace, "court", "2023-Q1", "2023-04-15", body)
    start = time.perf_counter()
    result = run("check", "reports", "--as-of", "2023-05-01", "-f", "json")
    assert result.exit_code == 1 and time.perf_counter() - start < 30
    assert len(at(json.loads(result.stdout)["findings"], "S206")) == 19999


# 23
def test_output_into_a_folder_that_does_not_exist(workspace: Path) -> None:
    result = run("check", "reports", "--as-of", "2023-05-01", "-o", "no/such/folder/out.txt")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


# 24
def test_a_right_to_left_override_in_a_unit_name(workspace: Path) -> None:
    edit(workspace / "plan/units.yaml", "name: 市中级人民法院", 'name: "市中级\\u202e人民法院"')
    result = run("validate", "plan")
    assert result.exit_code == 1 and "P112" in result.stdout and "\u202e" not in result.stdout


# 25
@pytest.mark.parametrize("completed,late", [("2023-12-31", False), ("2024-01-01", True)])
def test_completed_on_the_deadline_day_is_on_time(workspace: Path, completed: str, late: bool) -> None:
    report(workspace, "court", "2023-Q4", "2024-01-10",
           f"entries:\n  - {{id: KT-1-2, status: in-progress}}\n  - id: MS-1-2\n    status: done\n"
           f"    completed: \"{completed}\"\n    evidence: [{{document: 测法〔2023〕1号}}]\n")
    report(workspace, "court", "2024-Q1", "2024-04-10", "entries:\n  - {id: KT-1-2, status: in-progress}\n")
    items = findings("--as-of", "2024-04-20")
    assert bool(at(items, "C302")) is late and at(items, "C301") == []


# 26
def test_the_last_quarters_report_after_the_plan_ended(workspace: Path) -> None:
    report(workspace, "court", "2025-Q4", "2026-01-10", "entries:\n  - {id: KT-1-2, status: done, completed: \"2025-12-01\", "
           "evidence: [{document: 测法〔2025〕1号}]}\n")
    items = findings("--as-of", "2026-01-20")
    assert "reports/2025-Q4/court.yaml" not in at(items, "C304")
    assert at(items, "S214") == [] and at(items, "S204") == []


# 27
def test_a_negative_growth_rate_is_a_value(workspace: Path) -> None:
    edit(workspace / "plan/indicators.yaml", "    kind: stock\n", "    kind: level\n")
    edit(workspace / MARKET, "value: 10500", "value: -3.5")
    items = findings("--as-of", "2023-05-01")
    assert at(items, "S209") == [] and at(items, "C306") == [f"{MARKET}:15:12"]


# 28
def test_a_quarter_before_the_plan(workspace: Path) -> None:
    report(workspace, "court", "2021-Q4", "2022-01-10", "entries:\n  - {id: KT-1-2, status: in-progress}\n")
    assert at(findings("--as-of", "2023-05-01"), "S204") == ["reports/2021-Q4/court.yaml:5:9"]


# 29
def test_one_indicator_and_date_twice_in_one_file(workspace: Path) -> None:
    edit(workspace / MARKET, '    measured: "2023-03-31"\n',
         '    measured: "2023-03-31"\n  - {id: patents, value: 20000, measured: "2023-03-31"}\n')
    assert len(at(findings("--as-of", "2023-05-01"), "S206")) == 1
    rows = json.loads(run("progress", "--as-of", "2023-05-01", "-f", "json").stdout)["indicators"]
    assert [r for r in rows if r["id"] == "patents"][0]["latest"] is None


# 30
def test_a_yearly_figure_in_the_same_years_fourth_quarter_report(workspace: Path) -> None:
    edit(workspace / "plan/indicators.yaml", 'deadline: "2022-12", every_year: true', 'deadline: "2023-12", every_year: true')
    report(workspace, "market-regulation", "2023-Q4", "2024-01-10",
           "entries:\n  - {id: KT-1-1, status: in-progress}\n  - {id: MS-1-1, status: in-progress}\n"
           'indicators:\n  - {id: patents, value: 11000, measured: "2023-12-31"}\n'
           '  - {id: training-classes, value: 4, measured: "2023-12-31"}\n')
    items = findings("--as-of", "2024-01-20")
    assert [f for f in items if f["code"] == "C306" and "for 2023" in f["message"]]
    assert at(items, "S216") == []


# 31
@pytest.mark.parametrize("value,achieved", [(78.85, True), (78.84, False)])
def test_an_about_target_at_the_edge_of_its_tolerance(workspace: Path, value: float, achieved: bool) -> None:
    edit(workspace / "plan/indicators.yaml", "target: {value: 14653, comparator: stretch, wording: 力争达到, deadline: \"2025-06\"}",
         "target: {value: 83, comparator: about, wording: 左右, deadline: \"2025-12\"}")
    edit(workspace / "plan/indicators.yaml", "    kind: stock\n", "    kind: level\n")
    edit(workspace / "plan/indicators.yaml", 'baseline: {value: 10000, date: "2022-12-31"}', 'baseline: {value: 75, date: "2022-12-31"}')
    edit(workspace / MARKET, "value: 10500", f"value: {value}")
    rows = json.loads(run("progress", "--as-of", "2023-05-01", "-f", "json").stdout)["indicators"]
    assert ([r for r in rows if r["id"] == "patents"][0]["status"] == "achieved") is achieved


# 34 (found by the hostile review)
def test_a_misfiled_second_report_does_not_replace_the_real_one(workspace: Path) -> None:
    report(workspace, "court", "2023-Q4", "2024-01-10",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - {id: MS-1-2, status: in-progress}\n")
    report(workspace, "court", "2023-Q4", "2024-01-14",
           "entries:\n  - {id: KT-1-2, status: in-progress}\n  - id: MS-1-2\n    status: done\n"
           "    completed: \"2023-12-20\"\n    evidence: [{document: 测法〔2023〕1号}]\n", name="court-fix.yaml")
    items = findings("--as-of", "2024-01-20")
    assert at(items, "C301") != []  # the later, misnamed file does not clear the step
    [dup] = [f for f in items if f["code"] == "S206"]
    assert "zzip uses reports/2023-Q4/court.yaml" in dup["message"]


# 33
@pytest.mark.parametrize("target", [".", "court.yaml"])
def test_checking_from_inside_a_quarter_folder_knows_the_quarter(workspace: Path, target: str) -> None:
    os.chdir(workspace / "reports/2023-Q1")
    result = run("check", target, "--plan", "../../plan", "--as-of", "2023-05-01", "-f", "json")
    assert result.exit_code == 0, result.stdout
    assert at(json.loads(result.stdout)["findings"], "S208") == []


# 35 (found by the hostile review): every file of the plan folder is an input, not only the five
@pytest.mark.parametrize("args", [["check", "reports", "--as-of", "2023-05-01"], ["validate", "plan"],
                                  ["overdue", "--as-of", "2023-05-01"], ["plan", "export"],
                                  ["template", "-u", "court", "--period", "2023-Q2", "--force"]])
@pytest.mark.parametrize("target", ["plan/annual/2023.yaml", "plan/assessment.yaml", "plan/source/seed.txt", "plan/new.txt"])
def test_output_never_goes_into_the_plan_folder(workspace: Path, args: list[str], target: str) -> None:
    (workspace / "plan/annual").mkdir()
    (workspace / "plan/source").mkdir()
    (workspace / "plan/source/seed.txt").write_text("原文", encoding="utf-8")
    before = {p: p.read_bytes() for p in (workspace / "plan").rglob("*") if p.is_file()}
    result = run(*args, "-o", target)
    assert result.exit_code == 2 and "inside the plan folder" in result.stderr
    assert {p: p.read_bytes() for p in (workspace / "plan").rglob("*") if p.is_file()} == before


# 36 (found by the hostile review): checking one quarter, the reports root is read next time too
def test_output_beside_the_quarters_is_refused(workspace: Path) -> None:
    result = run("check", "reports/2023-Q1", "--as-of", "2023-05-01", "-f", "json", "-o", "reports/summary.json")
    assert result.exit_code == 2 and not (workspace / "reports/summary.json").exists()


# 37 (found by the hostile review): a reports or plan folder that is itself a link out of the working folder
def test_a_reports_folder_linked_out_is_not_read(workspace: Path, tmp_path_factory) -> None:
    secret = tmp_path_factory.mktemp("home") / ".ssh"
    secret.mkdir()
    (secret / "id.yaml").write_text("format: ssh-ed25519-AAAASECRET\n", encoding="utf-8")
    (workspace / "reports").rename(workspace / "old-reports")
    (workspace / "reports").symlink_to(secret)
    result = run("check", "reports", "--format", "github")
    assert result.exit_code == 2 and "SECRET" not in result.stdout + result.stderr
    assert "F001" in result.stdout and "symbolic link to a place outside the working folder" in result.stdout
    assert run("overdue").exit_code == 2


def test_a_plan_folder_linked_out_is_not_read(workspace: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "plan"
    (workspace / "plan").rename(elsewhere)
    (workspace / "plan").symlink_to(elsewhere)
    result = run("validate", "plan")
    assert result.exit_code == 2 and "symbolic link to a folder outside the working folder" in result.stdout


# 38, 39 (found by the hostile review): template and a mistyped --reports, and --force over another quarter
def test_template_with_a_mistyped_reports_folder(workspace: Path) -> None:
    result = run("template", "-u", "court", "--period", "2023-Q2", "--reports", "reprots")
    assert result.exit_code == 2 and "reprots" in result.stderr and not (workspace / "reprots").exists()


def test_template_force_never_overwrites_the_units_report_for_another_quarter(workspace: Path) -> None:
    before = (workspace / COURT).read_bytes()
    result = run("template", "-u", "court", "--period", "2023-Q2", "-o", COURT, "--force")
    assert result.exit_code == 2 and "another quarter (court for 2023-Q1)" in result.stderr
    assert (workspace / COURT).read_bytes() == before


# 40 (found by the hostile review): progress thresholds out of order
@pytest.mark.parametrize("table,code", [("on-track = 0.1\nat-risk = 0.9\n", 2), ("at-risk = 0.95\n", 0),
                                        ("behind = 0.61\n", 2), ("on-track = 0.6\nat-risk = 0.6\nbehind = 0.6\n", 0)])
def test_progress_thresholds_must_go_down(workspace: Path, table: str, code: int) -> None:
    (workspace / "zzip.toml").write_text("[progress]\n" + table, encoding="utf-8")
    result = run("check", "reports", "--as-of", "2023-05-01")
    assert result.exit_code == code, result.stderr
    if code:
        assert "zzip.toml:2: progress: the thresholds must go down" in result.stderr


# 41 (found by the hostile review): a report the views cannot use is not drawn as "missing"
def test_views_do_not_call_an_unusable_report_missing(workspace: Path) -> None:
    edit(workspace / COURT, 'submitted: "2023-04-15"', 'submitted: "2023-4-15"')
    for args in (["unit", "court", "--as-of", "2023-05-01"], ["overdue", "--as-of", "2023-05-01"]):
        result = run(*args)
        assert result.exit_code == 2 and "S201" in result.stderr, args
    edit(workspace / COURT, 'submitted: "2023-4-15"', 'submitted: "2023-04-15"')
    edit(workspace / COURT, "percent: 40", "percent: 400")  # a bad value in a report that still counts
    result = run("unit", "court", "--as-of", "2023-05-01")
    assert result.exit_code == 0 and "S201" in result.stderr


@pytest.mark.parametrize("fmt", ["yaml", "xlsx"])
@pytest.mark.parametrize("where", ["afile/x", "afile/sub/x"])
def test_a_template_written_where_a_file_stands_for_a_folder(workspace: Path, fmt: str, where: str) -> None:
    """A file where the template's folder belongs is a one-line error naming the real reason, exit 2
    (it was an internal error for workbooks, and 'File exists' for YAML)."""
    (workspace / "afile").write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["template", "--period", "2023-Q2", "-u", "court", "-f", fmt, "-o", f"{where}.{fmt}"])
    assert result.exit_code == 2 and not isinstance(result.exception, (OSError, AssertionError)), result.output
    assert "cannot write" in result.output and "Not a directory" in result.output, result.output
    assert (workspace / "afile").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("fmt", ["yaml", "xlsx"])
def test_templates_for_every_unit_into_a_folder_under_a_file(workspace: Path, fmt: str) -> None:
    (workspace / "afile").write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["template", "--period", "2023-Q2", "--all", "-f", fmt, "-o", "afile/sub"])
    assert result.exit_code == 2 and "cannot write" in result.output, result.output


def test_a_workbook_template_on_a_full_disk(workspace: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    result = runner.invoke(app, ["template", "--period", "2023-Q2", "-u", "court", "-f", "xlsx", "-o", "/dev/full",
                                 "--force"])
    assert result.exit_code == 2 and "cannot write" in result.output, result.output


def test_a_write_refused_by_the_system_is_worded_in_the_run_s_language(workspace: Path) -> None:
    """Every command words the system's refusal through one table (zzip.filebytes.os_reason): in
    Chinese a full disk is 磁盘空间已满, not the system's English."""
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    from zzip.i18n import set_language

    set_language("zh")
    result = runner.invoke(app, ["check", "reports", "-f", "json", "-o", "/dev/full"])
    assert result.exit_code == 2 and "磁盘空间已满" in result.output and "No space" not in result.output, result.output
    set_language("en")
    result = runner.invoke(app, ["check", "reports", "-f", "json", "-o", "/dev/full"])
    assert result.exit_code == 2 and "No space left on device" in result.output, result.output
