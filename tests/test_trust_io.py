"""Verdicts you can trust (issue 8): zzip never overwrites what it reads, never follows a link out
of the folder it checks, never lets control or bidi characters from a file reach an output, never
hides unreadable input, and ends every bad input with a one-line message and exit code 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
ZZIP = Path(sys.executable).parent / "zzip"
runner = CliRunner()
COURT = "reports/2023-Q1/court.yaml"
AS_OF = ["--as-of", "2023-05-01"]


def zzip(*args: str):
    """The real CLI in-process; an internal error fails the test with its traceback."""
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def installed(*args: str, cwd: Path, stdout=subprocess.PIPE, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "COLUMNS": "160", **(env or {})})


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- 1. -o never names an input ------------------------------------------------------------------------

OUTPUT_CASES = [
    (["check", "reports", *AS_OF], COURT),
    (["check", "reports/2023-Q1", *AS_OF], "reports/2023-Q1/market-regulation.yaml"),
    (["validate", "plan"], "plan/tasks.yaml"),
    (["overdue", *AS_OF], COURT),
    (["progress", *AS_OF], "plan/indicators.yaml"),
    (["unit", "court", *AS_OF], COURT),
    (["plan", "export"], "plan/units.yaml"),
    (["diff", "plan", "plan"], "plan/plan.yaml"),
    (["template", "-u", "court", "--period", "2023-Q2", "--force"], "plan/milestones.yaml"),
]


@pytest.mark.parametrize("args,target", OUTPUT_CASES, ids=[" ".join(a[:2]) for a, _ in OUTPUT_CASES])
@pytest.mark.parametrize("how", ["direct", "symlink", "hardlink"])
def test_output_never_overwrites_an_input(workspace: Path, args, target, how) -> None:
    name = target
    if how == "symlink":
        name = "out-link.txt"
        os.symlink(workspace / target, workspace / name)
    elif how == "hardlink":
        name = "out-hard.txt"
        os.link(workspace / target, workspace / name)
    before = snapshot(workspace)
    result = zzip(*args, "-o", name)
    assert result.exit_code == 2, result.stdout
    assert "input" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    assert snapshot(workspace) == before


def test_output_never_overwrites_the_configuration(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    before = snapshot(workspace)
    result = zzip("check", "reports", *AS_OF, "-o", "zzip.toml")
    assert result.exit_code == 2 and "zzip.toml" in result.stderr
    assert snapshot(workspace) == before


@pytest.mark.parametrize("target", ["reports", "reports/2023-Q1", "plan"])
def test_output_is_never_an_input_folder(workspace: Path, target) -> None:
    before = snapshot(workspace)
    for args in (["check", "reports", *AS_OF], ["template", "-u", "court", "--period", "2023-Q2", "--force"]):
        result = zzip(*args, "-o", target)
        assert result.exit_code == 2, (args, result.stdout)
    assert snapshot(workspace) == before


def test_output_is_not_written_where_it_would_be_read_as_a_status_file(workspace: Path) -> None:
    result = zzip("check", "reports", *AS_OF, "-f", "json", "-o", "reports/2023-Q1/findings.json")
    assert result.exit_code == 2
    assert not (workspace / "reports/2023-Q1/findings.json").exists()


@pytest.mark.parametrize("args", [
    ["check", "reports", *AS_OF], ["validate", "plan"], ["overdue", *AS_OF], ["progress", *AS_OF],
    ["unit", "court", *AS_OF], ["plan", "export"], ["diff", "plan", "plan"], ["schema", "status"],
    ["template", "-u", "court", "--period", "2023-Q2"],
], ids=lambda a: a[0])
def test_dash_means_standard_output(workspace: Path, args) -> None:
    result = zzip(*args, "-o", "-")
    assert result.stdout.strip()
    assert not (workspace / "-").exists()


# -- 14. template never writes beside an existing report -----------------------------------------------

@pytest.mark.parametrize("suffix", [".json", ".yml", ".YAML"])
def test_template_refuses_when_the_report_exists_under_another_suffix(workspace: Path, suffix) -> None:
    court = workspace / COURT
    court.rename(court.with_name("court" + suffix))
    before = snapshot(workspace)
    result = zzip("template", "-u", "court", "--period", "2023-Q1")
    assert result.exit_code == 2 and f"court{suffix}" in result.stderr and "--force" in result.stderr
    assert snapshot(workspace) == before


def test_template_refuses_when_another_file_holds_the_units_report(workspace: Path) -> None:
    court = workspace / COURT
    court.rename(court.with_name("法院.yaml"))
    result = zzip("template", "-u", "court", "--period", "2023-Q1")
    assert result.exit_code == 2 and "法院.yaml" in result.stderr
    assert not (workspace / COURT).exists()
    assert zzip("template", "-u", "court", "--period", "2023-Q1", "--force").exit_code == 0


def test_template_never_overwrites_another_units_report(workspace: Path) -> None:
    before = snapshot(workspace)
    result = zzip("template", "-u", "court", "--period", "2023-Q1", "-o", "reports/2023-Q1/market-regulation.yaml",
                  "--force")
    assert result.exit_code == 2 and "another unit" in result.stderr
    assert snapshot(workspace) == before


# -- 16. checking one file ------------------------------------------------------------------------------

def test_checking_one_file_checks_that_file_in_its_quarter(workspace: Path) -> None:
    result = zzip("check", COURT, *AS_OF, "-f", "json")
    report = json.loads(result.stdout)
    paths = {f["path"] for f in report["findings"]}
    assert not any(p.startswith(COURT + "/") for p in paths), paths
    assert not any(f["code"] == "C304" for f in report["findings"]), report["findings"]  # not the other units' reports
    assert report["summary"]["quarters"] == ["2023-Q1"] and report["summary"]["submissions"] == 1
    assert [s["unit_id"] for s in report["standings"]] == ["court"]
    assert COURT in report["files"] and "reports/2023-Q1/market-regulation.yaml" not in report["files"]


def test_checking_one_file_sees_its_own_problems_and_its_history(workspace: Path) -> None:
    later = workspace / "reports/2023-Q2/court.yaml"
    later.parent.mkdir()
    text = (workspace / COURT).read_text(encoding="utf-8")
    later.write_text(text.replace("period: 2023-Q1", "period: 2023-Q2").replace('"2023-04-15"', '"2023-07-10"'),
                     encoding="utf-8")
    (workspace / COURT).write_text(text.replace("status: 进行中\n    percent: 40",
                                                'status: done\n    completed: "2023-03-01"\n    evidence: [{document: 判决}]'),
                                   encoding="utf-8")
    report = json.loads(zzip("check", "reports/2023-Q2/court.yaml", "--as-of", "2023-08-01", "-f", "json").stdout)
    codes = {(f["code"], f["path"]) for f in report["findings"]}
    assert ("C310", "reports/2023-Q2/court.yaml") in codes, codes  # done last quarter, not now
    assert all(p == "reports/2023-Q2/court.yaml" or p.startswith("plan/") for _c, p in codes), codes


# -- 12. views never hide bad input --------------------------------------------------------------------

UNPARSEABLE = "format: 1\nunit: court\n\tperiod: 2023-Q1\n"  # a tab: not YAML


@pytest.mark.parametrize("args", [
    ["unit", "court", *AS_OF], ["overdue", *AS_OF], ["progress", *AS_OF], ["overdue", "reports/2023-Q1", *AS_OF],
    ["unit", "court", *AS_OF, "-f", "json"], ["template", "-u", "court", "--period", "2023-Q2", "-o", "-"],
], ids=lambda a: " ".join(a[:2]))
def test_views_report_an_unreadable_status_file(workspace: Path, args) -> None:
    (workspace / COURT).write_text(UNPARSEABLE, encoding="utf-8")
    result = zzip(*args)
    assert result.exit_code == 2, result.stdout
    assert f"{COURT}:3:1: F001 " in result.stderr
    assert "missing" not in result.stdout


@pytest.mark.parametrize("args", [["overdue", "reprots"], ["progress", "reprots"], ["unit", "court", "--reports", "reprots"],
                                  ["check", "reprots"]], ids=lambda a: a[0])
def test_a_missing_reports_path_is_an_error(workspace: Path, args) -> None:
    result = zzip(*args, *AS_OF)
    assert result.exit_code == 2
    assert result.stderr == "zzip: error: reports folder 'reprots' does not exist\n"


def test_views_say_which_status_file_breaks_the_schema(workspace: Path) -> None:
    (workspace / COURT).write_text("unit: court\n", encoding="utf-8")
    result = zzip("unit", "court", *AS_OF)
    assert f"{COURT}:1:1: S201 missing required key 'period'" in result.stderr.splitlines()


# -- 2. links out of the checked folder are never followed ---------------------------------------------

SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "home" / ".ssh" / "id_ed25519"
    path.parent.mkdir(parents=True)
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["github", "text", "json", "sarif"])
@pytest.mark.parametrize("target", ["reports", "reports/2023-Q1", "reports/2023-Q1/x.yaml"])
def test_a_status_file_linked_outside_is_refused_by_name(workspace: Path, secret: Path, fmt, target) -> None:
    os.symlink(secret, workspace / "reports/2023-Q1/x.yaml")
    result = zzip("check", target, *AS_OF, "-f", fmt)
    assert result.exit_code == 2
    assert "reports/2023-Q1/x.yaml" in result.stdout and "symbolic link" in result.stdout
    assert "OPENSSH" not in result.stdout + result.stderr and "b3Bl" not in result.stdout + result.stderr
    assert "id_ed25519" not in result.stdout + result.stderr  # not even where it points


def test_a_quarter_folder_linked_outside_is_refused_by_name(workspace: Path, secret: Path) -> None:
    outside = secret.parent / "2023-Q2"
    outside.mkdir()
    (outside / "court.yaml").write_text(SECRET, encoding="utf-8")
    os.symlink(outside, workspace / "reports/2023-Q2")
    result = zzip("check", "reports", *AS_OF, "-f", "json")
    assert result.exit_code == 2
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "F001"]
    assert finding["path"] == "reports/2023-Q2" and "symbolic link to a folder" in finding["message"]
    assert "OPENSSH" not in result.stdout


def test_a_plan_file_linked_outside_is_refused_by_name(workspace: Path, secret: Path) -> None:
    (workspace / "plan/tasks.yaml").unlink()
    os.symlink(secret, workspace / "plan/tasks.yaml")
    for args in (["validate", "plan"], ["check", "reports", *AS_OF], ["plan", "export"]):
        result = zzip(*args)
        assert result.exit_code == 2, args
        assert "plan/tasks.yaml" in result.stdout + result.stderr and "OPENSSH" not in result.stdout + result.stderr


def test_links_inside_the_checked_folder_are_followed(workspace: Path) -> None:
    shutil.move(workspace / "plan/units.yaml", workspace / "plan/units-2023.yaml")
    os.symlink("units-2023.yaml", workspace / "plan/units.yaml")
    assert zzip("validate", "plan").exit_code == 0
    os.symlink("2023-Q1", workspace / "reports/2023-Q2")  # a link inside reports: read (its files are misfiled)
    report = json.loads(zzip("check", "reports", *AS_OF, "-f", "json").stdout)
    assert not [f for f in report["findings"] if f["code"] == "F001"]
    assert any(f["path"].startswith("reports/2023-Q2/") for f in report["findings"])
