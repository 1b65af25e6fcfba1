"""The second plan of the family (examples/taicang): every command works on it as written, with
no bend of the plan and no per-file ignores, and gives exactly its planned findings."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parent.parent / "examples" / "taicang"
ZZIP = Path(sys.executable).parent / "zzip"
AS_OF = "2025-01-31"


def zzip(*args: str, cwd: Path = EXAMPLE) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "COLUMNS": "200", "ZZIP_LANG": "en"})


def test_the_plan_validates_clean() -> None:
    result = zzip("validate", "plan")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (EXAMPLE / "zzip.toml").exists()  # no per-file ignores, no configuration at all


def test_check_gives_exactly_the_planned_findings() -> None:
    result = zzip("check", "reports", "--plan", "plan", "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    got = sorted((f["code"], f.get("unit")) for f in findings)
    assert got == [("C301", "liuhe-town"), ("C304", "shaxi-town"), ("C305", "science-technology"),
                   ("C306", "science-technology")]


def test_a_member_of_a_responsible_group_is_chased_and_answers() -> None:
    overdue = zzip("overdue", "reports", "--plan", "plan", "--as-of", AS_OF, "--format", "json")
    assert overdue.returncode in (0, 1), overdue.stderr
    items = json.loads(overdue.stdout)
    rows = items["overdue"] if isinstance(items, dict) else items
    assert [(r["item"] if "item" in r else r["item_id"], r["unit"]) for r in rows] == [("MS-1", "liuhe-town")]
    unit = zzip("unit", "shaxi-town", "--plan", "plan", "--reports", "reports", "--as-of", AS_OF, "--format", "json")
    assert unit.returncode in (0, 1), unit.stderr
    page = json.loads(unit.stdout)
    roles = {d["item"]: (d["role"], d["named_directly"]) for d in page["answers_for"]}
    assert roles == {"T-1": ("responsible", False), "MS-1": ("responsible", False), "T-3": ("cooperating", False)}


def test_progress_grades_the_indicator() -> None:
    result = zzip("progress", "reports", "--plan", "plan", "--as-of", AS_OF, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert "behind" in result.stdout


def test_template_for_a_town_lists_its_duties_and_a_group_is_refused(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "plan", tmp_path / "plan")
    result = zzip("template", "--unit", "浏河镇人民政府", "--period", "2023-Q2", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "role: responsible" in result.stdout and "id: MS-1" in result.stdout
    group = zzip("template", "--unit", "towns", "--period", "2023-Q2", "-o", "-", cwd=tmp_path)
    assert group.returncode == 2 and "liuhe-town" in group.stderr


@pytest.mark.parametrize("name", ["plan.yaml", "tasks.yaml"])
def test_the_plan_cites_its_source_and_marks_what_is_invented(name: str) -> None:
    text = (EXAMPLE / "plan" / name).read_text(encoding="utf-8")
    assert ("tcscypt.com" in text) if name == "plan.yaml" else ("invented" in text)
