"""Every plan rule, triggered and not triggered, with the exact place it points at."""

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from zzip.engine import run_rules
from zzip.plan_loader import load_plan
from zzip.rules import all_rules, rules_in_scope

CASES = YAML(typ="safe").load((Path(__file__).parent / "plan_cases.yaml").read_text(encoding="utf-8"))


def apply_case(plan_dir: Path, case: dict) -> None:
    for name, text in (case.get("add") or {}).items():  # optional files: annual/YYYY.yaml, assessment.yaml
        (plan_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (plan_dir / name).write_text(text, encoding="utf-8")
    for edit in case.get("replace", ()):
        path = plan_dir / edit["file"]
        text = path.read_text(encoding="utf-8")
        count = edit.get("count", 1)
        assert text.count(edit["old"]) == count, f"fixture text {edit['old']!r} not found {count} time(s)"
        path.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
    for name in case.get("delete", ()):
        (plan_dir / name).unlink()
    if "encoding" in case:
        spec = case["encoding"]
        path = plan_dir / spec["file"]
        text = path.read_text(encoding="utf-8").replace("\n", spec.get("newline", "\n"))
        path.write_bytes(text.encode(spec["codec"]))


def findings_for(plan_dir: Path, code: str) -> list[str]:
    findings = run_rules(rules_in_scope("file", "plan"), load_plan(plan_dir))
    return sorted(f"{f.code} {Path(f.location.path).name}" + (f":{f.location.line}:{f.location.column}" if f.location.line else "")
                  for f in findings if f.code == code)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['case']}" for c in CASES])
def test_plan_rule_case(minimal_plan: Path, case: dict) -> None:
    apply_case(minimal_plan, case)
    assert findings_for(minimal_plan, case["rule"]) == sorted(case["expect"])


def test_minimal_plan_is_clean(minimal_plan: Path) -> None:
    assert run_rules(rules_in_scope("file", "plan"), load_plan(minimal_plan)) == []


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.scope in ("file", "plan")], ids=lambda r: r.code)
def test_every_plan_rule_has_a_triggering_and_a_passing_case(rule) -> None:
    cases = [c for c in CASES if c["rule"] == rule.code]
    assert any(c["expect"] for c in cases), f"{rule.code} has no case that triggers it"
    assert any(not c["expect"] for c in cases), f"{rule.code} has no case that must not trigger it"


def test_control_character_search_finds_what_the_walk_over_each_character_found():
    """P112 searches each value with one regex: it must pick the same first character the walk over
    every character picked (a tab or line break in a one-line value, else whatever printable escapes),
    for every code point and in mixed text."""
    from zzip.findings import printable
    from zzip.rules.control_character import _first_unsafe

    def walk(value: str, multiline: bool):
        for char in value:
            if char in "\t\n":
                if not multiline:
                    return char
                continue
            if printable(char) != char:
                return char
        return None

    samples = [chr(code) for code in range(0x110000)]
    samples += ["plain 文字", "a\tb\u202ec", "line\nbreak\x1b", "\u200b\n", "x\ud800y", "\ufeff\t", "ok\x7f", "\U000e0041"]
    for value in samples:
        for multiline in (False, True):
            assert _first_unsafe(value, multiline) == walk(value, multiline), (hex(ord(value[0])), multiline)


def test_control_character_screen_never_skips_a_document_with_a_finding():
    """P112 skips a document whose JSON text shows no suspect character: every code point that
    the rule reports, in a value or nested in a list, must make the screen look closer."""
    from zzip.rules.control_character import _first_unsafe, _may_hold_unsafe

    for code in range(0x110000):
        char = chr(code)
        if _first_unsafe(char, False) is None:
            continue
        for data in ({"name": f"a{char}b"}, {"items": [{"text": char}]}, {f"k{char}": "v"}):
            assert _may_hold_unsafe(data), hex(code)
    assert not _may_hold_unsafe({"title": "知识产权 plan, \"quoted\" and back\\slash-free", "n": [1, 2.5, None, True]})
