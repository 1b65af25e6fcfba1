"""Rule selection you can trust: a misspelt rule never turns the checks off, and an unreadable
file is never silenced (issue 8, point 11)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
ZZIP = Path(sys.executable).parent / "zzip"


def zzip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "160"})


def findings(result: subprocess.CompletedProcess) -> list[dict]:
    return json.loads(result.stdout)["findings"]


# --- unknown rules on the command line -------------------------------------------------------

def test_example_data_has_errors_so_a_silent_selection_would_hide_them() -> None:
    result = zzip("check", "reports", "--as-of", "2025-07-31", "--select", "C306", cwd=REPO)
    assert result.returncode == 1, result.stderr


def test_misspelt_select_is_refused_with_a_suggestion() -> None:
    result = zzip("check", "reports", "--as-of", "2025-07-31", "--select", "C3O6", cwd=REPO)  # letter O
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == ["zzip: error: --select: unknown rule 'C3O6'; did you mean 'C306'?"]


def test_every_bad_rule_on_the_command_line_is_reported_at_once(workspace: Path) -> None:
    result = zzip("check", "reports", "--select", "C3,X999", "--ignore", "done-without-evidnce",
                  "--ignore", "C5", cwd=workspace)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert "zzip: error: --ignore: unknown rule 'done-without-evidnce'; did you mean 'done-without-evidence'?" in lines
    assert any(line.startswith("zzip: error: --select: unknown rule 'X999'") for line in lines)
    assert any(line.startswith("zzip: error: --ignore: unknown rule 'C5'") for line in lines)
    assert not any("'C3'" in line for line in lines)  # a prefix some codes start with is fine


@pytest.mark.parametrize("key", ["ALL", "all", "C3", "c3", "S", "C306", "c306", "indicator-behind"])
def test_codes_prefixes_names_and_all_are_accepted(workspace: Path, key: str) -> None:
    result = zzip("check", "reports", "--as-of", "2023-05-01", "--select", key, cwd=workspace)
    assert result.returncode == 0, result.stderr


def test_validate_refuses_unknown_rules_too(minimal_plan: Path) -> None:
    result = zzip("validate", str(minimal_plan), "--select", "P1O3", cwd=minimal_plan.parent)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["zzip: error: --select: unknown rule 'P1O3'; did you mean 'P103'?"]
    result = zzip("validate", str(minimal_plan), "--ignore", "unknown-referense", cwd=minimal_plan.parent)
    assert result.returncode == 2 and "did you mean 'unknown-reference'?" in result.stderr


def test_rules_command_suggests_the_rule_meant() -> None:
    result = zzip("rules", "C3O6", cwd=REPO)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["zzip: error: no rule 'C3O6'; did you mean 'C306'? ('zzip rules' lists them)"]
    result = zzip("rules", "UNKNOWN", cwd=REPO)
    assert result.returncode == 2 and result.stderr.startswith("zzip: error: no rule 'UNKNOWN'")


# --- unknown rules in zzip.toml --------------------------------------------------------------

def test_select_of_an_unknown_code_in_the_configuration_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "zzip.toml"
    config.write_text('# the office\'s settings\nselect = ["X999"]\n', encoding="utf-8")
    result = zzip("check", "reports", "--as-of", "2025-07-31", "--config", str(config), cwd=REPO)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"{config}:2: select: unknown rule 'X999'; run 'zzip rules' to list the rules"


def test_every_rule_key_of_the_configuration_is_checked_with_its_line(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text(
        'select = ["C3", "S"]\n'
        'ignore = ["C3O8"]\n'
        '[severity]\n'
        'C305 = "error"\n'
        'C399 = "info"\n'
        '[per-file-ignores]\n'
        '"reports/2023-Q1/*" = ["C311"]\n'
        '"reports/2023-Q2/*" = ["done-without-evidense"]\n', encoding="utf-8")
    result = zzip("check", "reports", cwd=workspace)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    path = workspace / "zzip.toml"
    assert f"{path}:2: ignore: unknown rule 'C3O8'; did you mean 'C308'?" in lines
    assert any(line.startswith(f"{path}:5: severity: unknown rule 'C399'") for line in lines)
    assert (f"{path}:8: per-file-ignores.\"reports/2023-Q2/*\": unknown rule 'done-without-evidense'; "
            "did you mean 'done-without-evidence'?") in lines
    assert lines[-1].startswith("zzip: error: fix the configuration above")
    assert len(lines) == 4


@pytest.mark.parametrize(("key", "line"), [
    ("C305", None),  # the code as `zzip rules` lists it
    ("c305", "severity: 'c305': write the rule's code as 'zzip rules' lists it: C305"),
    ('" C305"', "severity: ' C305': write the rule's code as 'zzip rules' lists it: C305"),
    ("done-without-evidence", "severity: 'done-without-evidence': write the rule's code as 'zzip rules' lists it: C311"),
    ("x999", "severity: unknown rule 'x999'"),
    # a prefix selects rules, but a severity is one rule's: was "unknown rule 'C3'; did you mean 'C3'?"
    ("C3", "severity: 'C3': a severity is set for one rule, not for a prefix: write each code, such as C301"),
    ("s", "severity: 's': a severity is set for one rule, not for a prefix: write each code, such as S201"),
])
def test_a_severity_key_that_is_not_a_code_gets_one_line_in_plain_words(workspace: Path, key: str, line) -> None:
    """Each bad [severity] key is one line at its own line, never also the schema's pattern."""
    (workspace / "zzip.toml").write_text(f'[severity]\n{key} = "warning"\n', encoding="utf-8")
    result = zzip("check", "reports", "--as-of", "2023-05-01", cwd=workspace)
    if line is None:
        assert result.returncode in (0, 1), result.stderr
        return
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{workspace / 'zzip.toml'}:2: {line}"), lines
    assert len(lines) == 2 and lines[1].startswith("zzip: error: fix the configuration above")
    assert "match" not in result.stderr  # no JSON-Schema words ("does not match '^[A-Z][0-9]{3}$'")


@pytest.mark.parametrize("text", [
    'fail-on = "error"\nseverity.c305 = "warning"\n',  # a dotted key at the top
    'fail-on = "error"\nseverity = {C301 = "info", c305 = "warning"}\n',  # an inline table
])
def test_a_severity_key_written_without_a_table_header_is_named_at_its_own_line(workspace: Path, text: str) -> None:
    """Both are a [severity] table to TOML; the key's line was given as 1 (the fallback) before."""
    (workspace / "zzip.toml").write_text(text, encoding="utf-8")
    result = zzip("check", "reports", "--as-of", "2023-05-01", cwd=workspace)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith(f"{workspace / 'zzip.toml'}:2: severity: 'c305': "), result.stderr


def test_a_bad_item_of_a_list_is_named_at_its_list_s_line(workspace: Path) -> None:
    """jsonschema places it at an index (ignore, 1), which is no key in the file: it was line 1."""
    (workspace / "zzip.toml").write_text('fail-on = "error"\nignore = ["C3", 1]\n[per-file-ignores]\n'
                                         '"*.yaml" = [\n  "C3",\n  2,\n]\n', encoding="utf-8")
    result = zzip("check", "reports", "--as-of", "2023-05-01", cwd=workspace)
    shown = workspace / "zzip.toml"
    assert result.stderr.splitlines()[:2] == [f"{shown}:2: ignore[2]: expected text, found the number 1",
                                              f"{shown}:4: per-file-ignores.*.yaml[2]: expected text, found the number 2"]


def test_a_bad_severity_level_is_worded_in_the_run_language(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text('[severity]\nC305 = "loud"\n', encoding="utf-8")
    english = zzip("check", "reports", cwd=workspace)
    assert english.stderr.splitlines()[0] == (f"{workspace / 'zzip.toml'}:2: severity.C305: expected one of error, "
                                              "warning, info; found 'loud'")
    chinese = subprocess.run([str(ZZIP), "check", "reports", "--lang", "zh"], capture_output=True, text=True,
                             cwd=workspace, timeout=120, env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8"})
    assert chinese.stderr.splitlines()[0] == f"{workspace / 'zzip.toml'}:2：severity.C305：应为 error, warning, info 之一；实际为'loud'"


def test_views_refuse_a_configuration_with_unknown_rules(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text('ignore = ["C3O1"]\n', encoding="utf-8")
    result = zzip("overdue", "--as-of", "2024-01-20", cwd=workspace)
    assert result.returncode == 2 and "unknown rule 'C3O1'; did you mean 'C301'?" in result.stderr


def test_configuration_and_command_line_problems_are_reported_together(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text('select = ["X1"]\n', encoding="utf-8")
    result = zzip("check", "reports", "--ignore", "Q1", cwd=workspace)
    assert result.returncode == 2
    assert "unknown rule 'X1'" in result.stderr and "--ignore: unknown rule 'Q1'" in result.stderr


# --- an unreadable file is never silenced ----------------------------------------------------

def break_a_status_file(workspace: Path) -> None:
    (workspace / "reports/2023-Q1/court.yaml").write_text("entries: [\n", encoding="utf-8")


@pytest.mark.parametrize("config", [
    '[per-file-ignores]\n"*" = ["ALL"]\n',
    '[per-file-ignores]\n"reports/*" = ["F"]\n',
    'ignore = ["ALL"]\n',
    'select = ["C"]\nignore = ["F"]\n',
])
def test_broad_ignores_never_silence_an_unreadable_file(workspace: Path, config: str) -> None:
    break_a_status_file(workspace)
    (workspace / "zzip.toml").write_text(config, encoding="utf-8")
    result = zzip("check", "reports", "--as-of", "2023-05-01", "--format", "json", cwd=workspace)
    assert result.returncode == 2, result.stderr
    assert any(f["code"] == "F001" and f["path"] == "reports/2023-Q1/court.yaml" for f in findings(result))


@pytest.mark.parametrize("config, line, words", [
    ('ignore = ["F001"]\n', 1, "ignore: F001 (unreadable-file) cannot be turned off"),
    ('ignore = ["unreadable-file"]\n', 1, "ignore: F001 (unreadable-file) cannot be turned off"),
    ('[per-file-ignores]\n"*" = ["F001"]\n', 2, "per-file-ignores.\"*\": F001 (unreadable-file) cannot be turned off"),
    ('[severity]\nF001 = "info"\n', 2, "severity: F001 (unreadable-file) is always an error"),
])
def test_explicitly_silencing_an_unreadable_file_is_refused(workspace: Path, config: str, line: int, words: str) -> None:
    (workspace / "zzip.toml").write_text(config, encoding="utf-8")
    result = zzip("check", "reports", cwd=workspace)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{workspace / 'zzip.toml'}:{line}: {words}")


def test_ignoring_an_unreadable_file_on_the_command_line_is_refused(workspace: Path) -> None:
    result = zzip("check", "reports", "--ignore", "F001", cwd=workspace)
    assert result.returncode == 2 and "--ignore: F001 (unreadable-file) cannot be turned off" in result.stderr
    result = zzip("validate", "plan", "--ignore", "F001", cwd=workspace)
    assert result.returncode == 2 and "--ignore: F001 (unreadable-file) cannot be turned off" in result.stderr


def test_validate_never_silences_an_unreadable_plan_file(workspace: Path) -> None:
    (workspace / "plan/tasks.yaml").write_text("tasks: [\n", encoding="utf-8")
    result = zzip("validate", "plan", "--select", "P", "--ignore", "ALL", "--format", "json", cwd=workspace)
    assert result.returncode == 2
    assert [f["code"] for f in findings(result)] == ["F001"]


# --- validate reads the configuration check reads -----------------------------------------------

def group_as_lead(workspace: Path) -> None:
    """A plan warning (P109): the configuration may silence or re-grade it."""
    tasks = workspace / "plan/tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("lead: [court]", "lead: [counties]"), encoding="utf-8")


@pytest.mark.parametrize("config, severity, exit_code", [
    ("", "warning", 0),                                        # no configuration: a warning
    ('ignore = ["P109"]\n', None, 0),                           # before: validate ignored zzip.toml
    ('[severity]\nP109 = "error"\n', "error", 1),
    ('fail-on = "warning"\n', "warning", 1),
    ('[per-file-ignores]\n"plan/tasks.yaml" = ["P109"]\n', None, 0),
    ('[per-file-ignores]\n"plan/units.yaml" = ["P109"]\n', "warning", 0),  # another file: still reported
])
def test_validate_follows_the_configuration_as_check_does(workspace: Path, config: str, severity, exit_code: int) -> None:
    group_as_lead(workspace)
    (workspace / "zzip.toml").write_text(config, encoding="utf-8")
    result = zzip("validate", "plan", "--format", "json", cwd=workspace)
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert [f["severity"] for f in findings(result) if f["code"] == "P109"] == ([severity] if severity else [])


@pytest.mark.parametrize("config", ['ignore = ["P103"]\n', 'ignore = ["P"]\n', 'select = ["C"]\n',
                                    '[severity]\nP103 = "info"\n', '[per-file-ignores]\n"plan/*" = ["ALL"]\n'])
def test_validate_never_passes_a_plan_check_refuses(workspace: Path, config: str) -> None:
    # found by review: with P103 ignored or lowered, validate said "All checks passed" while check,
    # template and the views refused the plan ("run 'zzip validate'"): the plan's CI went green
    break_the_plan(workspace)
    (workspace / "zzip.toml").write_text(config, encoding="utf-8")
    result = zzip("validate", "plan", "--format", "json", cwd=workspace)
    assert result.returncode == 1, result.stdout + result.stderr
    assert [(f["code"], f["severity"]) for f in findings(result)] == [("P103", "error")]
    check = zzip("check", "reports", "--as-of", "2024-01-20", "--format", "json", cwd=workspace)
    assert check.returncode == 1 and json.loads(check.stdout)["summary"]["plan_errors"] is True


def test_validate_refuses_settings_that_name_what_the_plan_lacks(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text('[progress]\nmethods = { nope = "cagr" }\n', encoding="utf-8")
    result = zzip("validate", "plan", cwd=workspace)
    assert result.returncode == 2 and "progress.methods: no indicator 'nope'" in result.stderr


def test_validate_fail_on_and_config_options(workspace: Path) -> None:
    group_as_lead(workspace)
    (workspace / "other.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert zzip("validate", "plan", cwd=workspace).returncode == 0  # no zzip.toml: fail on errors
    assert zzip("validate", "plan", "--config", "other.toml", cwd=workspace).returncode == 1
    assert zzip("validate", "plan", "--config", "other.toml", "--fail-on", "error", cwd=workspace).returncode == 0
    result = zzip("validate", "plan", "--config", "missing.toml", cwd=workspace)
    assert result.returncode == 2 and "missing.toml" in result.stderr
    result = zzip("validate", "plan", "--config", "other.toml", "-o", "other.toml", cwd=workspace)
    assert result.returncode == 2 and (workspace / "other.toml").read_text(encoding="utf-8") == 'fail-on = "warning"\n'


# --- per-file ignores read rules as --ignore does ---------------------------------------------

def test_per_file_ignores_take_names_and_lower_case_prefixes(workspace: Path) -> None:
    (workspace / "reports/2023-Q1/court.yaml").unlink()
    baseline = zzip("check", "reports", "--as-of", "2023-05-01", "--format", "json", cwd=workspace)
    assert [f["code"] for f in findings(baseline)] == ["C304"]
    for key in ("submission-missing", "c30", "C304"):
        (workspace / "zzip.toml").write_text(f'[per-file-ignores]\n"reports/2023-Q1/*" = ["{key}"]\n', encoding="utf-8")
        result = zzip("check", "reports", "--as-of", "2023-05-01", "--format", "json", cwd=workspace)
        assert (result.returncode, findings(result)) == (0, []), key


# --- selection never lets a broken plan through -----------------------------------------------

def break_the_plan(workspace: Path) -> None:
    milestones = workspace / "plan/milestones.yaml"
    milestones.write_text(milestones.read_text(encoding="utf-8").replace("tasks: [KT-1-2]", "tasks: [KT-9-9]"), encoding="utf-8")


@pytest.mark.parametrize("args, config", [
    (["--select", "C"], ""),
    (["--ignore", "P"], ""),
    ([], '[severity]\nP103 = "info"\n'),
])
def test_a_broken_plan_stops_the_check_whatever_the_selection(workspace: Path, args, config: str) -> None:
    break_the_plan(workspace)
    (workspace / "zzip.toml").write_text(config, encoding="utf-8")
    result = zzip("check", "reports", "--as-of", "2024-01-20", "--format", "json", *args, cwd=workspace)
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["plan_errors"] is True
    assert [(f["code"], f["severity"]) for f in report["findings"]] == [("P103", "error")]


def test_views_refuse_a_broken_plan_whatever_the_configured_selection(workspace: Path) -> None:
    break_the_plan(workspace)
    (workspace / "zzip.toml").write_text('select = ["C"]\n', encoding="utf-8")
    result = zzip("overdue", "--as-of", "2024-01-20", cwd=workspace)
    assert result.returncode == 2
    assert "P103 unknown task 'KT-9-9'" in result.stderr


# --- per-indicator settings name real indicators ------------------------------------------------

@pytest.mark.parametrize("args", [["check", "reports", "--as-of", "2024-01-20"], ["progress", "--as-of", "2024-01-20"]])
def test_a_progress_method_for_an_unknown_indicator_is_refused(workspace: Path, args) -> None:
    (workspace / "zzip.toml").write_text('[progress]\nmethod = "linear"\nmethods = { patent = "cagr" }\n', encoding="utf-8")
    result = zzip(*args, cwd=workspace)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (f"{workspace / 'zzip.toml'}:3: progress.methods: no indicator 'patent' "
                                             "in the plan; did you mean 'patents'?")


def test_a_progress_method_for_a_real_indicator_is_used(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text('[progress]\nmethods = { patents = "cagr" }\n', encoding="utf-8")
    result = zzip("progress", "--as-of", "2024-01-20", "--format", "json", cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert "cagr" in result.stdout
