"""The command line as users run it: through Typer's runner and as the installed program."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

runner = CliRunner()
ZZIP = Path(sys.executable).parent / "zzip"


def run_installed(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=60,
                          env={"PATH": str(ZZIP.parent), "NO_COLOR": "1", "LANG": "C.UTF-8", "ZZIP_LANG": "en"})


def test_installed_program_reports_its_version() -> None:
    from zzip import __version__

    result = run_installed("--version")
    assert result.returncode == 0
    assert result.stdout == f"zzip {__version__}\n"


def test_python_dash_m_runs_the_same_program() -> None:
    result = subprocess.run([sys.executable, "-m", "zzip", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "validate" in result.stdout


def test_validate_clean_plan_exits_zero(minimal_plan: Path) -> None:
    result = run_installed("validate", str(minimal_plan))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "All checks passed (5 files checked)."
    assert result.stderr == ""


def test_validate_reports_every_problem_with_its_place(minimal_plan: Path) -> None:
    tasks = minimal_plan / "tasks.yaml"
    tasks.write_text(tasks.read_text().replace("lead: [market-regulation]", "lead: [nobody]")
                     .replace("lead: [court]", "lead: [counties]"))
    result = run_installed("validate", "plan", cwd=minimal_plan.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "plan/tasks.yaml:8:12: P103 unknown unit 'nobody' in lead" in lines
    assert any(line.startswith("plan/tasks.yaml:14:12: P109 [warning] task KT-1-2 names the group") for line in lines)
    assert lines[-1] == "Found 1 error, 1 warning in 5 files."
    assert "Traceback" not in result.stdout + result.stderr


def test_fail_on_decides_the_exit_code(minimal_plan: Path) -> None:
    tasks = minimal_plan / "tasks.yaml"
    tasks.write_text(tasks.read_text().replace("lead: [court]", "lead: [counties]"))  # a warning only
    assert runner.invoke(app, ["validate", str(minimal_plan)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(minimal_plan), "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["validate", str(minimal_plan), "--ignore", "P109", "--fail-on", "warning"]).exit_code == 0
    assert runner.invoke(app, ["validate", str(minimal_plan), "--select", "P10", "--fail-on", "warning"]).exit_code == 1


def test_unreadable_plan_file_exits_two_and_others_are_still_checked(minimal_plan: Path) -> None:
    (minimal_plan / "units.yaml").write_bytes(b"units:\n\t- id: x\n")
    tasks = minimal_plan / "tasks.yaml"
    tasks.write_text(tasks.read_text().replace("kind: key-task", "kind: task", 1))
    result = runner.invoke(app, ["validate", str(minimal_plan)])
    assert result.exit_code == 2
    assert "units.yaml:2:1: F001 tab character" in result.stdout
    assert "tasks.yaml:6:11: P101 tasks[1].kind: expected one of key-task, major-project; found 'task'" in result.stdout


def test_json_output_is_a_structured_report(minimal_plan: Path) -> None:
    (minimal_plan / "indicators.yaml").write_text(
        (minimal_plan / "indicators.yaml").read_text().replace("    unit: 件\n", ""))
    result = runner.invoke(app, ["validate", str(minimal_plan), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == 1 and report["summary"]["plan"] == "mini-plan"
    assert report["counts_by_rule"] == [{"code": "P108", "name": "target-without-unit", "severity": "error", "count": 1}]
    [finding] = report["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("P108", 2, 9)


def test_output_file_is_written_and_stdout_stays_empty(minimal_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["validate", str(minimal_plan), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["summary"]["errors"] == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.json")] == []  # no temp file left


def test_validate_never_modifies_its_input(minimal_plan: Path) -> None:
    before = {p.name: p.read_bytes() for p in minimal_plan.iterdir()}
    runner.invoke(app, ["validate", str(minimal_plan), "-f", "json"])
    assert {p.name: p.read_bytes() for p in minimal_plan.iterdir()} == before


def test_missing_plan_folder_is_a_plain_error(tmp_path: Path) -> None:
    result = run_installed("validate", str(tmp_path / "absent"))
    assert result.returncode == 2
    assert "plan folder does not exist" in result.stdout
    assert "Traceback" not in result.stderr


def test_usage_error_exits_two() -> None:
    assert runner.invoke(app, ["validate", "--format", "pdf"]).exit_code == 2


@pytest.mark.parametrize("kind", ["plan", "units", "indicators", "tasks", "milestones"])
def test_schema_command_prints_a_valid_draft_2020_12_schema(kind: str) -> None:
    import jsonschema

    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_rules_lists_every_rule_and_explains_one() -> None:
    from zzip.rules import all_rules

    listing = runner.invoke(app, ["rules"]).stdout
    for rule in all_rules():
        assert rule.code in listing and rule.name in listing
    explained = runner.invoke(app, ["rules", "p103"])
    assert explained.exit_code == 0
    assert "P103 unknown-reference (default severity: error" in explained.stdout
    assert "## How to fix" in explained.stdout
    assert runner.invoke(app, ["rules", "unknown-reference"]).stdout == explained.stdout


def test_unknown_rule_is_a_usage_error() -> None:
    result = runner.invoke(app, ["rules", "X999"])
    assert result.exit_code == 2
    assert "no rule 'X999'" in result.stderr


def test_plan_export_derives_milestone_owners(minimal_plan: Path) -> None:
    result = runner.invoke(app, ["plan", "export", str(minimal_plan)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    milestones = {m["id"]: m for m in data["milestones"]}
    assert milestones["MS-1-1"]["lead"] == ["market-regulation"]
    assert milestones["MS-1-1"]["cooperating"] == ["court", "counties"]
    assert milestones["MS-1-1"]["deadline"] is None and milestones["MS-1-1"]["end"] == "ongoing"
    assert milestones["MS-1-2"]["deadline"] == "2023-12-31"
    tasks = {t["id"]: t for t in data["tasks"]}
    assert tasks["KT-1-1"]["milestones"] == ["MS-1-1"] and tasks["KT-1-1"]["indicators"] == ["patents", "training-classes"]
    assert data["plan"]["period"]["last_day"] == "2025-12-31"


def test_plan_export_refuses_a_broken_plan(minimal_plan: Path) -> None:
    (minimal_plan / "tasks.yaml").write_text("tasks: 3\n")
    result = runner.invoke(app, ["plan", "export", str(minimal_plan)])
    assert result.exit_code == 1
    assert "fix them (see 'zzip validate')" in result.stderr and result.stdout == ""


def test_internal_error_is_one_line_without_traceback(monkeypatch, capsys, minimal_plan: Path) -> None:
    import zzip.cli
    import zzip.plan_loader

    def explode(directory):
        raise RuntimeError("boom")

    monkeypatch.setattr(zzip.plan_loader, "load_plan", explode)
    monkeypatch.setattr(sys, "argv", ["zzip", "validate", str(minimal_plan)])
    monkeypatch.delenv("ZZIP_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        zzip.cli.main()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "This is a bug in zzip" in err
    assert "Traceback" not in err


def test_docs_rules_page_is_generated_from_the_rules() -> None:
    page = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    generated = runner.invoke(app, ["rules", "--format", "markdown"]).stdout
    assert page == generated, "docs/rules.md is stale: run `zzip rules --format markdown > docs/rules.md`"


def test_validate_speaks_the_ci_formats(minimal_plan: Path) -> None:
    tasks = minimal_plan / "tasks.yaml"
    tasks.write_text(tasks.read_text().replace("lead: [court]", "lead: [nobody]"))
    result = runner.invoke(app, ["validate", str(minimal_plan), "--format", "github"])
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if line.startswith("::error"))
    assert line.startswith(f"::error file={minimal_plan}/tasks.yaml,line=14,col=12,title=P103 unknown-reference::")


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch, minimal_plan: Path) -> None:
    import zzip.cli
    import zzip.plan_loader

    def explode(directory):
        raise RuntimeError("boom")

    monkeypatch.setattr(zzip.plan_loader, "load_plan", explode)
    monkeypatch.setattr(sys, "argv", ["zzip", "--debug", "validate", str(minimal_plan)])
    with pytest.raises(RuntimeError, match="boom"):  # the traceback reaches the terminal
        zzip.cli.main()
