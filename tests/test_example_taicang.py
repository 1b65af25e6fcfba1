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
    """The table in examples/taicang/README.md, finding for finding."""
    result = zzip("check", "reports", "--plan", "plan", "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    got = sorted((f["code"], f.get("unit"), f["path"], f["details"].get("item"), f["details"].get("occurrence"),
                  f["details"].get("period")) for f in findings)
    assert got == [
        ("C304", "shaxi-town", "reports/2024-H1/shaxi-town.yaml", None, None, "2024-H1"),
        ("C305", "science-technology", "reports/2023-H2/science-technology.yaml", None, None, "2023-H2"),
        ("C306", "science-technology", "reports/2024-H2/science-technology.yaml", None, None, None),
        ("C313", "liuhe-town", "reports/2024-H2/liuhe-town.yaml", "T-1", None, None),
        ("C313", "market-regulation", "reports/2024-H2/market-regulation.yaml", "T-2", "2023", None),
    ]
    messages = {(f["code"], f["unit"]): f["message"] for f in findings}
    assert messages[("C313", "liuhe-town")] == (
        "T-1 (附件1-1) is severely overdue: due 2023-12-31, 397 days ago; 浏河镇人民政府 is responsible for it "
        "and has not reported it done")
    assert messages[("C313", "market-regulation")].startswith("T-2 (附件1-2, 2023) is severely overdue: due 2023-12-31")
    assert "is responsible for 1 and co-operates on 1 active items" in messages[("C304", "shaxi-town")]
    assert "2024-01-20, 10 days after its due date 2024-01-10" in messages[("C305", "science-technology")]
    assert "4,600 against 5,334 required" in messages[("C306", "science-technology")]
    assert all("leads" not in m for (code, unit), m in messages.items() if unit != "science-technology")


def test_a_year_done_late_does_not_cover_the_year_missed() -> None:
    """T-2 recurs yearly: done in 2024, so only 2023 is overdue; before 2024 ends, 2024 is not yet due."""
    rows = json.loads(zzip("overdue", "reports", "--plan", "plan", "--as-of", AS_OF, "--format", "json").stdout)
    assert [(r["item_id"], r.get("occurrence"), r["unit"], r["role"]) for r in rows["overdue"]] == [
        ("T-1", None, "liuhe-town", "responsible"), ("T-2", "2023", "market-regulation", "responsible")]
    # on the last day of 2023 nothing is overdue yet; the day after, T-1 and T-2's 2023 are (the
    # reports saying T-1 was done come in January)
    on_time = json.loads(zzip("overdue", "reports", "--plan", "plan", "--as-of", "2023-12-31", "--format", "json").stdout)
    assert on_time["overdue"] == []
    after = json.loads(zzip("overdue", "reports", "--plan", "plan", "--as-of", "2024-01-01", "--format", "json").stdout)
    assert sorted((r["item_id"], r.get("occurrence"), r["unit"]) for r in after["overdue"]) == [
        ("T-1", None, "liuhe-town"), ("T-1", None, "market-regulation"), ("T-1", None, "shaxi-town"),
        ("T-2", "2023", "market-regulation")]


def test_a_member_of_a_responsible_group_is_chased_and_answers() -> None:
    unit = zzip("unit", "shaxi-town", "--plan", "plan", "--reports", "reports", "--as-of", AS_OF, "--format", "json")
    assert unit.returncode in (0, 1), unit.stderr
    page = json.loads(unit.stdout)
    roles = {d["item"]: (d["role"], d["named_directly"]) for d in page["answers_for"]}
    assert roles == {"T-1": ("responsible", False), "MS-1": ("responsible", False), "T-3": ("cooperating", False)}
    text = zzip("unit", "shaxi-town", "--plan", "plan", "--reports", "reports", "--as-of", AS_OF)
    assert "Reports by half-year" in text.stdout and "Half-year" in text.stdout and "quarter" not in text.stdout.lower()
    assert "2024-H1" in text.stdout and "missing" in text.stdout


def test_progress_grades_the_level_and_the_growth_rate() -> None:
    result = zzip("progress", "reports", "--plan", "plan", "--as-of", AS_OF, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    status = {i["id"]: i["status"] for i in json.loads(result.stdout)["indicators"]}
    # 5.0 -> 6.2亿元 in two years is about 11 % a year, above the 10 % required
    assert status == {"invention-patents": "behind", "pledge-financing": "on track"}
    table = zzip("progress", "reports", "--plan", "plan", "--as-of", AS_OF)
    assert table.returncode == 0, table.stderr
    assert "+10% a year 2025-12" in table.stdout


def test_template_for_a_town_lists_its_duties_and_a_group_is_refused(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "plan", tmp_path / "plan")
    result = zzip("template", "--unit", "浏河镇人民政府", "--period", "2023-H2", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "role: responsible" in result.stdout and "id: T-1" in result.stdout
    assert "period: 2023-H2" in result.stdout and "due 2024-01-10" in result.stdout
    quarter = zzip("template", "--unit", "浏河镇人民政府", "--period", "2023-Q2", "-o", "-", cwd=tmp_path)
    assert quarter.returncode == 2 and "half-year" in quarter.stderr
    group = zzip("template", "--unit", "towns", "--period", "2023-H2", "-o", "-", cwd=tmp_path)
    assert group.returncode == 2 and "liuhe-town" in group.stderr


def test_the_half_year_bulletin_is_titled_by_the_half(tmp_path: Path) -> None:
    for period, title in (("2024-H1", "2024年上半年"), ("2024-H2", "2024年下半年")):
        out = tmp_path / f"{period}.html"
        result = subprocess.run([str(ZZIP), "bulletin", "reports", "--plan", "plan", "--period", period,
                                 "--as-of", AS_OF, "-o", str(out)], capture_output=True, text=True, cwd=EXAMPLE,
                                timeout=120, env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "zh"})
        assert result.returncode == 0, result.stderr
        page = out.read_text(encoding="utf-8")
        assert f"<title>督导通报 · {title}</title>" in page and "半年" in page and "第1半年" not in page


@pytest.mark.parametrize("name", ["plan.yaml", "tasks.yaml"])
def test_the_plan_cites_its_source_and_marks_what_is_invented(name: str) -> None:
    text = (EXAMPLE / "plan" / name).read_text(encoding="utf-8")
    assert ("tcscypt.com" in text) if name == "plan.yaml" else ("invented" in text)
