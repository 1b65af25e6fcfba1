"""`zzip check` and `zzip template` end to end, as the office runs them."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip import cli as zzip_cli
from zzip.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
ZZIP = Path(sys.executable).parent / "zzip"
runner = CliRunner()




def zzip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "160"})


def digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_clean_history_passes_as_installed_program(workspace: Path) -> None:
    result = zzip("check", "reports", "--as-of", "2023-05-01", cwd=workspace)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Who is behind" in result.stdout
    assert "市中级人民法院" in result.stdout and "市市场监管局" in result.stdout
    assert result.stdout.rstrip().endswith("All checks passed (7 files checked).")


def test_who_is_behind_puts_the_worst_unit_first(workspace: Path) -> None:
    (workspace / "reports/2023-Q1/court.yaml").unlink()
    result = zzip("check", "reports", "--as-of", "2024-01-20", "--format", "json", cwd=workspace)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    standings = report["standings"]
    assert [s["unit_id"] for s in standings] == ["court", "market-regulation"]
    court = standings[0]
    assert (court["overdue"], court["worst_days_overdue"], court["missing_reports"]) == (1, 20, 4)
    assert report["summary"]["as_of"] == "2024-01-20"
    assert report["summary"]["quarters_due"] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]


def test_text_report_groups_findings_by_unit_and_ends_with_the_verdict(workspace: Path) -> None:
    (workspace / "reports/2023-Q1/court.yaml").unlink()
    result = zzip("check", "reports", "--as-of", "2023-04-16", cwd=workspace)
    assert result.returncode == 1
    out = result.stdout
    assert out.index("Who is behind") < out.index("Findings by unit") < out.index("Findings by rule")
    assert "reports/2023-Q1/court.yaml: C304 no report from 市中级人民法院 (court) for 2023-Q1, due 2023-04-15 (1 day ago)" in out
    assert out.rstrip().splitlines()[-1] == "Found 1 error in 6 files."


def test_fail_on_never_and_warning(workspace: Path) -> None:
    court = workspace / "reports/2023-Q1/court.yaml"
    court.write_text(court.read_text().replace('submitted: "2023-04-15"', 'submitted: "2023-04-20"'))
    assert runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01"]).exit_code == 0  # a late report is a warning
    assert runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01", "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01", "--fail-on", "never", "--select", "C"]).exit_code == 0


def test_a_quarter_folder_reads_earlier_quarters_as_history(workspace: Path) -> None:
    q3 = workspace / "reports/2023-Q3"
    q3.mkdir()
    (q3 / "court.yaml").write_text(
        'format: 1\nplan: mini-plan\nplan_version: "1.0.0"\nunit: court\nperiod: 2023-Q3\nsubmitted: "2023-10-10"\n'
        'entries:\n  - {id: KT-1-2, status: in-progress}\n  - id: MS-1-2\n    status: done\n    completed: "2023-09-30"\n'
        '    evidence: [{document: 郑中法〔2023〕9号}]\n')
    q4 = workspace / "reports/2023-Q4"
    q4.mkdir()
    (q4 / "court.yaml").write_text(
        'format: 1\nplan: mini-plan\nplan_version: "1.0.0"\nunit: court\nperiod: 2023-Q4\nsubmitted: "2024-01-10"\n'
        'entries:\n  - {id: KT-1-2, status: in-progress}\n')
    result = runner.invoke(app, ["check", "reports/2023-Q4", "--as-of", "2024-01-20", "-f", "json"])
    report = json.loads(result.stdout)
    codes = [f["code"] for f in report["findings"]]
    assert "C301" not in codes  # done in 2023-Q3, read from the sibling folder
    assert report["summary"]["quarters"] == ["2023-Q4"]
    missing = [f for f in report["findings"] if f["code"] == "C304"]
    assert [f["path"] for f in missing] == ["reports/2023-Q4/market-regulation.yaml"]


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "github", "gitlab", "junit", "sarif"])
def test_every_format_writes_a_file_atomically(workspace: Path, fmt: str) -> None:
    (workspace / "reports/2023-Q1/court.yaml").unlink()
    out = workspace / f"out.{fmt}"
    result = runner.invoke(app, ["check", "reports", "--as-of", "2024-01-20", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert "C304" in out.read_text(encoding="utf-8")
    assert not [p for p in workspace.iterdir() if p.name.startswith(f".out.{fmt}")]


def test_sarif_from_check_is_valid_sarif(workspace: Path) -> None:
    import jsonschema

    schema_path = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"  # see tests/schemas/README.md
    (workspace / "reports/2023-Q1/court.yaml").unlink()
    result = runner.invoke(app, ["check", "reports", "--as-of", "2024-01-20", "--format", "sarif"])
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(json.loads(schema_path.read_text()), format_checker=jsonschema.FormatChecker()).validate(sarif)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"C301", "C304"}


def test_check_never_modifies_its_inputs(workspace: Path) -> None:
    before = digest(workspace)
    runner.invoke(app, ["check", "reports", "--as-of", "2024-01-20", "-f", "json"])
    runner.invoke(app, ["check", "reports/2023-Q1", "--as-of", "2024-01-20"])
    assert digest(workspace) == before


def test_plan_errors_stop_the_check_and_say_so(workspace: Path) -> None:
    tasks = workspace / "plan/tasks.yaml"
    tasks.write_text(tasks.read_text().replace("lead: [court]", "lead: [nobody]"))
    result = runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01"])
    assert result.exit_code == 1
    assert "P103 unknown unit 'nobody'" in result.stdout
    assert "Found 1 error in 5 files; the plan has errors, so the status files were not checked: run 'zzip " \
           "validate'." in " ".join(result.stdout.split())


def test_plan_errors_stop_the_check_in_one_chinese_sentence(workspace: Path) -> None:
    tasks = workspace / "plan/tasks.yaml"
    tasks.write_text(tasks.read_text().replace("lead: [court]", "lead: [nobody]"))
    result = runner.invoke(app, ["--lang", "zh", "check", "reports", "--as-of", "2023-05-01"])
    last = " ".join(result.stdout.split()).rsplit("P103", 1)[-1]
    assert "zzip validate" in last and "the plan has errors" not in last and "status files" not in last


def test_unreadable_status_file_exits_two_and_the_rest_is_checked(workspace: Path) -> None:
    (workspace / "reports/2023-Q1/court.yaml").write_bytes("unit: 法院\n".encode("utf-16"))
    result = runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01", "-f", "json"])
    assert result.exit_code == 2
    findings = json.loads(result.stdout)["findings"]
    assert any(f["code"] == "F001" and "UTF-16" in f["message"] for f in findings)
    assert any(f["code"] == "C304" and f["unit"] == "court" for f in findings)


@pytest.mark.parametrize("args,words", [
    (["--as-of", "2025-02-30"], "--as-of: '2025-02-30' is not a real calendar date"),
    (["--as-of", "yesterday"], "--as-of: 'yesterday' is not a date written YYYY-MM-DD"),
    (["--fail-on", "sometimes"], "--fail-on takes error, warning or never"),
])
def test_usage_errors_exit_two_with_one_line(workspace: Path, args, words) -> None:
    result = zzip("check", "reports", *args, cwd=workspace)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_missing_reports_folder(workspace: Path) -> None:
    result = zzip("check", "nowhere", cwd=workspace)
    assert result.returncode == 2 and "reports folder 'nowhere' does not exist" in result.stderr


def test_bad_configuration_exits_two_naming_the_line(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text("[progress]\non-trak = 0.9\n")
    result = zzip("check", "reports", "--as-of", "2023-05-01", cwd=workspace)
    assert result.returncode == 2
    assert "zzip.toml:2: unknown key 'progress.on-trak'; did you mean 'on-track'?" in result.stderr


def test_configuration_changes_severity_and_due_days(workspace: Path) -> None:
    court = workspace / "reports/2023-Q1/court.yaml"
    court.write_text(court.read_text().replace('submitted: "2023-04-15"', 'submitted: "2023-04-18"'))
    (workspace / "zzip.toml").write_text('[severity]\nC305 = "error"\n')
    assert runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01"]).exit_code == 1
    (workspace / "zzip.toml").write_text('[severity]\nC305 = "error"\n[reporting]\ngrace-days = 3\n')
    assert runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01"]).exit_code == 0


def test_template_writes_what_the_unit_answers_for(workspace: Path) -> None:
    result = runner.invoke(app, ["template", "--unit", "郑州市中级人民法院", "--period", "2023-Q2"])
    assert result.exit_code == 0, result.stderr
    path = workspace / "reports/2023-Q2/court.yaml"
    text = path.read_text(encoding="utf-8")
    # the $schema line leads, from wherever the report is written, to the installed zzip's schema
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    reference = first.split("$schema=", 1)[1]
    assert not reference.startswith("file:") and (path.parent / reference).resolve() == \
        (Path(zzip_cli.__file__).parent.parent / "schemas/status.schema.json").resolve()
    assert "due 2023-07-15" in text
    from zzip.yamlfile import load_file

    data = load_file(path).data
    entries = {e["id"]: e for e in data["entries"]}
    assert entries["KT-1-2"]["role"] == "lead" and entries["KT-1-1"]["role"] == "cooperating"
    assert entries["MS-1-2"]["status"] == "in-progress" and entries["MS-1-2"]["percent"] == 50  # carried forward
    assert entries["KT-1-2"]["status"] == "in-progress"  # 进行中 in the Q1 report, carried in its canonical spelling
    # the template is a valid status file as it stands
    check = runner.invoke(app, ["check", "reports/2023-Q2", "--as-of", "2023-07-01", "--select", "S", "--ignore", "S210"])
    assert check.exit_code == 0, check.stdout


def test_template_lists_owned_indicators_as_comments(workspace: Path) -> None:
    result = runner.invoke(app, ["template", "-u", "market-regulation", "--period", "2023-Q2", "-o", "-"])
    assert '#   - {id: patents, value: , measured: "2023-06-30"}  # 高价值发明专利拥有量 (件)' in result.stdout


def test_template_never_overwrites_without_force(workspace: Path) -> None:
    target = workspace / "reports/2023-Q1/court.yaml"
    before = target.read_bytes()
    result = runner.invoke(app, ["template", "--unit", "court", "--period", "2023-Q1"])
    assert result.exit_code == 2 and "already exists; use --force" in result.stderr
    assert target.read_bytes() == before
    assert runner.invoke(app, ["template", "--unit", "court", "--period", "2023-Q1", "--force"]).exit_code == 0
    assert target.read_bytes() != before


@pytest.mark.parametrize("args,words", [
    (["--unit", "nobody", "--period", "2023-Q1"], "no unit 'nobody' in the plan"),
    (["--unit", "counties", "--period", "2023-Q1"], "is a group, not a unit that reports"),
    (["--unit", "court", "--period", "2026-Q1"], "2026-Q1 is outside the plan period"),
    (["--unit", "court", "--period", "2025-Q5"], "'2025-Q5' is not a quarter: quarters are numbered Q1 to Q4"),
])
def test_template_usage_errors(workspace: Path, args, words) -> None:
    result = runner.invoke(app, ["template", *args])
    assert result.exit_code == 2 and words in result.stderr


def test_control_characters_from_a_status_file_never_reach_the_terminal(workspace: Path) -> None:
    court = workspace / "reports/2023-Q1/court.yaml"
    court.write_text(court.read_text().replace("  - id: KT-1-2", '  - id: "KT-1-2\\e[31m\\a"'))
    for fmt in ("text", "github", "markdown", "csv", "json"):
        result = runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01", "-f", fmt])
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, fmt
        assert "\\x1b" in result.stdout or "\\\\x1b" in result.stdout, fmt


def test_output_to_a_device_writes_through_and_files_get_ordinary_permissions(workspace: Path, tmp_path: Path) -> None:
    import os
    import stat

    fifo_like = Path("/dev/null")
    if stat.S_ISCHR(os.stat(fifo_like).st_mode):
        assert runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01", "-f", "json", "-o", "/dev/null"]).exit_code == 0
        assert stat.S_ISCHR(os.stat(fifo_like).st_mode)
    out = tmp_path / "report.json"
    runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01", "-f", "json", "-o", str(out)])
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o666 & ~umask
    out.chmod(0o640)
    runner.invoke(app, ["check", "reports", "--as-of", "2023-05-01", "-f", "json", "-o", str(out)])
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640  # an existing file keeps its mode


def test_template_carries_evidence_forward_from_the_example_data() -> None:
    # found by review: every unit whose last report had evidence (organization in the example
    # data) got "internal error: TypeError: vars() argument must have __dict__ attribute", exit 3
    repo = Path(__file__).resolve().parent.parent
    result = zzip("template", "--period", "2025-Q3", "--unit", "organization", "-o", "-", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "evidence:\n      - document: 郑组通〔2024〕15号" in result.stdout


def _example_copy(tmp_path: Path) -> Path:
    import shutil

    repo = Path(__file__).resolve().parent.parent
    for name in ("plan", "reports"):
        shutil.copytree(repo / name, tmp_path / name)
    return tmp_path


def test_template_all_never_writes_into_another_periods_folder(tmp_path: Path) -> None:
    # found by review: Q3 workbooks went into reports/2025-Q2 (read next time as Q2 reports), and
    # with --force the units' submitted Q2 workbooks were overwritten
    work = _example_copy(tmp_path)
    before = digest(work / "reports")
    for extra in ([], ["--force"]):
        for file_format in ("xlsx", "yaml"):
            result = zzip("template", "--period", "2025-Q3", "--all", "-f", file_format, "-o", "reports/2025-Q2",
                          *extra, cwd=work)
            assert result.returncode == 2 and "holds the reports for 2025-Q2" in result.stderr, result.stderr
    assert digest(work / "reports") == before


def test_template_all_never_overwrites_a_report_of_another_period_or_unit_even_with_force(tmp_path: Path) -> None:
    import shutil

    work = _example_copy(tmp_path)
    (work / "reports/2025-Q3").mkdir()
    shutil.copy(work / "reports/2025-Q2/commerce.yaml", work / "reports/2025-Q3/commerce.yaml")  # misfiled Q2 report
    before = digest(work / "reports")
    result = zzip("template", "--period", "2025-Q3", "--all", "--force", cwd=work)
    assert result.returncode == 2, result.stderr
    assert "reports/2025-Q3/commerce.yaml is the status file of commerce for 2025-Q2" in result.stderr
    assert digest(work / "reports") == before


def test_template_all_counts_a_report_under_another_suffix_as_existing(tmp_path: Path) -> None:
    work = _example_copy(tmp_path)
    for path in (work / "reports/2025-Q2").glob("*.yaml"):
        path.unlink()  # left: the units that sent workbooks, education.xlsx among them
    before = digest(work / "reports")
    result = zzip("template", "--period", "2025-Q2", "--all", "-f", "yaml", cwd=work)
    assert result.returncode == 2 and "reports/2025-Q2/education.xlsx" in result.stderr, result.stderr
    assert digest(work / "reports") == before
