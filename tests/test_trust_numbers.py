"""Numbers in status files: every JSON number is a number, in JSON and YAML files alike, while
NaN, infinities and absurd values are still refused (issue 8, point 15)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ZZIP = Path(sys.executable).parent / "zzip"


def zzip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "160"})


def status(value: str, percent: str = "30") -> dict:
    return {"format": 1, "plan": "mini-plan", "plan_version": "1.0.0", "unit": "market-regulation",
            "period": "2023-Q1", "submitted": "2023-04-10",
            "entries": [{"id": "KT-1-1", "status": "in-progress", "percent": percent},
                        {"id": "MS-1-1", "status": "in-progress"}],
            "indicators": [{"id": "patents", "value": value, "measured": "2023-03-31"},
                           {"id": "training-classes", "value": 6, "measured": "2022-12-31"}]}


def write_json(workspace: Path, value: str, percent: str = "30") -> Path:
    """The status file as JSON, with the numbers written exactly as given (json.dumps would normalise them)."""
    (workspace / "reports/2023-Q1/market-regulation.yaml").unlink(missing_ok=True)
    text = json.dumps(status("@VALUE@", "@PERCENT@"), ensure_ascii=False, indent=2)
    path = workspace / "reports/2023-Q1/market-regulation.json"
    path.write_text(text.replace('"@VALUE@"', value).replace('"@PERCENT@"', percent), encoding="utf-8")
    return path


def write_yaml(workspace: Path, value: str, percent: str = "30") -> Path:
    path = workspace / "reports/2023-Q1/market-regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 10500", f"value: {value}").replace("percent: 30", f"percent: {percent}"),
                    encoding="utf-8")
    return path


def check(workspace: Path) -> tuple[int, list[dict]]:
    result = zzip("check", "reports", "--as-of", "2023-05-01", "--format", "json", cwd=workspace)
    assert "internal error" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("write", [write_json, write_yaml], ids=["json", "yaml"])
@pytest.mark.parametrize("value, percent", [
    ("1.05e4", "30"), ("1.2e4", "3E1"), ("2E4", "30"), ("10500.0", "30"), ("1.05E+4", "3e1"),
    ("10500", "3.0e1"), ("10500", "1e-05"), ("1050000e-2", "0.3E2"),
])
def test_numbers_with_an_exponent_are_numbers(workspace: Path, write, value: str, percent: str) -> None:
    write(workspace, value, percent)
    code, findings = check(workspace)
    assert (code, findings) == (0, []), findings


def test_the_exponent_value_is_read_exactly(workspace: Path) -> None:
    write_json(workspace, "1.2e4")
    result = zzip("progress", "--as-of", "2023-05-01", "--format", "json", cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert "12000" in result.stdout and "1.2e4" not in result.stdout


@pytest.mark.parametrize("write", [write_json, write_yaml], ids=["json", "yaml"])
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", ".nan", ".inf", "1e400", "-1e999"])
def test_nan_and_infinities_are_still_refused(workspace: Path, write, value: str) -> None:
    path = write(workspace, value)
    code, findings = check(workspace)
    assert code in (1, 2)
    assert any(f["code"] in ("S201", "F001") and f["path"] == f"reports/2023-Q1/{path.name}" for f in findings), findings


@pytest.mark.parametrize("write", [write_json, write_yaml], ids=["json", "yaml"])
def test_absurd_values_are_refused_whichever_way_they_are_written(workspace: Path, write) -> None:
    write(workspace, "-1.2e4", "1.5e2")
    code, findings = check(workspace)
    assert code == 1 and {"S201", "S209"} <= {f["code"] for f in findings}, findings
    write(workspace, "-12000", "150")
    plain_code, plain_findings = check(workspace)
    assert (code, [(f["code"], f["line"]) for f in findings]) == (plain_code, [(f["code"], f["line"]) for f in plain_findings])


@pytest.mark.parametrize("write", [write_json, write_yaml], ids=["json", "yaml"])
def test_numbers_too_long_to_be_real_are_still_refused(workspace: Path, write) -> None:
    write(workspace, "1." + "0" * 60 + "e4")
    code, findings = check(workspace)
    assert code == 2 and any(f["code"] == "F001" for f in findings), findings
