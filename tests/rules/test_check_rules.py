"""Every submission and compliance rule, triggered and not triggered, with the exact place."""

import datetime as dt
import os
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from zzip.check import run_check
from zzip.config import Config
from zzip.rules import all_rules

FIXTURES = Path(__file__).parent.parent / "fixtures"
CASES = YAML(typ="safe").load((Path(__file__).parent / "check_cases.yaml").read_text(encoding="utf-8"))
BASE_AS_OF = "2023-05-01"




def apply_case(reports: Path, case: dict) -> None:
    for name, text in (case.get("add_plan") or {}).items():  # a yearly work plan for the minimal plan
        (reports.parent / "plan" / name).parent.mkdir(parents=True, exist_ok=True)
        (reports.parent / "plan" / name).write_text(text, encoding="utf-8")
    for edit in case.get("replace_plan", ()):  # e.g. another reporting cadence
        path = reports.parent / "plan" / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert text.count(edit["old"]) == 1, f"plan text {edit['old']!r} not found once in {edit['file']}"
        path.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
    for name, text in (case.get("add") or {}).items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text(text, encoding="utf-8")
    for edit in case.get("replace", ()):
        path = reports / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert text.count(edit["old"]) == 1, f"fixture text {edit['old']!r} not found once in {edit['file']}"
        path.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
    for name in case.get("delete", ()):
        (reports / name).unlink()


def findings_for(workspace: Path, code: str, as_of: str) -> list[str]:
    report, _ = run_check(Path("plan"), Path("reports"), dt.date.fromisoformat(as_of), Config())
    out = []
    for f in report.findings:
        if f.code != code:
            continue
        path = os.path.relpath(f.location.path, "reports")
        out.append(f"{f.code} {path}" + (f":{f.location.line}:{f.location.column}" if f.location.line else ""))
    return sorted(out)


def test_minimal_history_is_clean(workspace: Path) -> None:
    report, _ = run_check(Path("plan"), Path("reports"), dt.date.fromisoformat(BASE_AS_OF), Config())
    assert report.findings == []


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['case']}" for c in CASES])
def test_check_rule_case(workspace: Path, case: dict) -> None:
    apply_case(workspace / "reports", case)
    assert findings_for(workspace, case["rule"], case.get("as_of", BASE_AS_OF)) == sorted(case["expect"])
    if "messages" in case:  # words every finding of the rule must say (a role named rightly, ...)
        report, _ = run_check(Path("plan"), Path("reports"), dt.date.fromisoformat(case.get("as_of", BASE_AS_OF)), Config())
        messages = [f.message for f in report.findings if f.code == case["rule"]]
        for words in case["messages"]:
            assert messages and all(words in m for m in messages), (words, messages)
        for words in case.get("not_messages", ()):
            assert not any(words in m for m in messages), (words, messages)


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.scope in ("submission", "compliance")], ids=lambda r: r.code)
def test_every_check_rule_has_a_triggering_and_a_passing_case(rule) -> None:
    cases = [c for c in CASES if c["rule"] == rule.code]
    assert any(c["expect"] for c in cases), f"{rule.code} has no case that triggers it"
    assert any(not c["expect"] for c in cases), f"{rule.code} has no case that must not trigger it"
