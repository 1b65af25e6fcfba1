"""Yearly work plans (plan/annual/YYYY.yaml) are treated like steps by every command."""

from __future__ import annotations

import collections
import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from zzip.check import run_check
from zzip.cli import app
from zzip.config import Config

REPO = Path(__file__).parent.parent
runner = CliRunner()


def test_the_bundled_check_shows_yearly_items_overdue_done_late_and_missing() -> None:
    report, _ = run_check(REPO / "plan", REPO / "reports", dt.date(2025, 7, 31), Config())
    counts = collections.Counter(f.code for f in report.findings)
    assert counts == {"C301": 3, "C302": 2, "C303": 2, "C304": 6, "C305": 4, "C306": 5, "C307": 1, "C308": 2,
                      "C309": 1, "C310": 1, "C311": 2, "C312": 3, "S201": 1, "S206": 1}  # as reports/README.md says
    overdue = sorted((f.extra["item"], f.unit, f.extra["grade"]) for f in report.findings if f.code == "C312")
    assert overdue == [("AP-2024-06", "human-resources", "severely overdue"),
                       ("AP-2024-09", "commerce", "severely overdue"),
                       ("AP-2024-11", "xinzheng-gov", "severely overdue")]
    standing = {row.unit_id: row for row in report.standings}
    assert standing["xinzheng-gov"].overdue == 1 and standing["xinzheng-gov"].missing_reports == 3


def test_template_lists_the_yearly_items_a_unit_leads() -> None:
    result = runner.invoke(app, ["template", "--unit", "新郑市人民政府", "--period", "2024-Q3", "-o", "-"])
    assert result.exit_code == 0
    assert "- id: AP-2024-11  # 2024年度计划11 due 2024-09-30" in result.output
    result = runner.invoke(app, ["template", "--unit", "xinzheng-gov", "--period", "2024-Q4", "-o", "-"])
    assert "AP-2024-11" not in result.output  # due in September: not active in Q4


def test_overdue_and_unit_pages_show_yearly_items() -> None:
    result = runner.invoke(app, ["overdue", "--as-of", "2024-10-01", "-f", "json"])
    rows = json.loads(result.stdout)["overdue"]
    # both due 2024-09-30; 市教育局 finished AP-2024-07 on 09-20, but its Q3 report came on 10-08
    assert sorted((r["item_id"], r["kind"], r["days"]) for r in rows if r["kind"] == "annual") == [
        ("AP-2024-07", "annual", 1), ("AP-2024-11", "annual", 1)]
    result = runner.invoke(app, ["unit", "jinshui-gov", "--as-of", "2025-01-31", "-f", "json"])
    page = json.loads(result.stdout)
    assert {"item": "AP-2024-10", "kind": "annual", "role": "lead", "named_directly": True} in page["answers_for"]


def test_yearly_items_validate_and_their_schema_is_served() -> None:
    assert runner.invoke(app, ["validate", "plan"]).exit_code == 0
    for kind in ("annual", "assessment"):
        result = runner.invoke(app, ["schema", kind])
        assert result.exit_code == 0 and json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


def test_the_example_yearly_plan_is_marked_as_an_example() -> None:
    text = (REPO / "plan" / "annual" / "2024.yaml").read_text(encoding="utf-8")
    assert "example: true" in text and "NOT from the seed" in text and "basis: 五(一)" in text
    scheme = (REPO / "plan" / "assessment.yaml").read_text(encoding="utf-8")
    assert "NOT from the seed" in scheme and "basis: 五(三)" in scheme


def test_a_yearly_item_deadline_moved_later_needs_a_reason(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(REPO / "plan", tmp_path / "plan")
    annual = tmp_path / "plan" / "annual" / "2024.yaml"
    annual.write_text(annual.read_text(encoding="utf-8").replace('due: "2024-03"', 'due: "2024-04"'), encoding="utf-8")
    plan_yaml = tmp_path / "plan" / "plan.yaml"
    plan_yaml.write_text(plan_yaml.read_text(encoding="utf-8").replace('version: "1.1.0"', 'version: "1.1.1"', 1)
                         + '  - version: "1.1.1"\n    date: "2026-11-26"\n    change: 调整2024年度计划1的完成时限。\n',
                         encoding="utf-8")
    result = runner.invoke(app, ["diff", str(REPO / "plan"), str(tmp_path / "plan"), "--check", "--fail-on", "warning"])
    assert "D403" in result.output and "AP-2024-01" in result.output
    assert result.exit_code == 1


def test_overdue_within_beyond_the_last_date_ends_cleanly() -> None:
    # found by test_properties_options: 9999-12-01 plus 2834121 days overflowed (exit 3)
    result = runner.invoke(app, ["overdue", "--as-of", "9999-12-01", "--within", "2834121", "-f", "json"])
    assert result.exit_code == 2 and result.stderr.strip()  # a date and a horizon out of range: a usage error
    result = runner.invoke(app, ["overdue", "--as-of", "2999-12-31", "--within", "3650", "-f", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["within_days"] == 3650  # the largest accepted
