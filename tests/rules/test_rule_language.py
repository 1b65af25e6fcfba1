"""Rules F, P and D in Chinese: every triggering case gives a message with no English sentence left,
and `zzip rules` speaks Chinese; the English output stays as it was (the other rule tests)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from zzip.engine import run_rules
from zzip.i18n import set_language
from zzip.plan_loader import load_plan
from zzip.rules import all_rules, rules_in_scope

from test_plan_rules import apply_case

HERE = Path(__file__).parent
ZZIP = Path(sys.executable).with_name("zzip")
PLAN_CASES = YAML(typ="safe").load((HERE / "plan_cases.yaml").read_text(encoding="utf-8"))
CHECK_CASES = YAML(typ="safe").load((HERE / "check_cases.yaml").read_text(encoding="utf-8"))
MY_FAMILIES = ("F", "P", "D")

# Two lowercase English words in a row is a sentence (or the part of one) left in English. Codes
# (P101, U+202E), ids (market-regulation, KT-1-2), paths, YAML keys and values, numbers and
# Unicode character names (RIGHT-TO-LEFT OVERRIDE) never are.
_ENGLISH = re.compile(r"\b[a-z]{2,} +[a-z]{2,}\b")
_QUOTED = re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"|`[^`]*`")
_PATHLIKE = re.compile(r"\S*[/\\.]\S*")


# ... and so is any of these small words standing on its own
_FUNCTION_WORDS = re.compile(r"\b(the|is|are|by|of|not|with|and|must|has|have|was|be|to|for|from|found|expected)\b")


def english_left(message: str) -> list[str]:
    """The English words left in a Chinese message, once the data it quotes is taken out."""
    text = _PATHLIKE.sub(" ", _QUOTED.sub(" ", message))
    return _ENGLISH.findall(text) + _FUNCTION_WORDS.findall(text)


def test_the_detector_finds_english_and_passes_data() -> None:
    assert english_left("milestone MS-1-2 has no responsible unit")
    assert english_left("指标 patents：value is negative")
    assert english_left("未达到实施方案的年度目标（5-10期 by 2022-12）")
    assert not english_left("单位“market-regulation”不存在；是否应为“market-regulation”？")
    assert not english_left("tasks.yaml:3 含有 U+202E (RIGHT-TO-LEFT OVERRIDE)；text、note 可以换行")


def _triggering(cases, family_of=lambda code: code[0]):
    return [c for c in cases if c["expect"] and family_of(c["rule"]) in MY_FAMILIES]


@pytest.mark.parametrize("case", _triggering(PLAN_CASES), ids=lambda c: f"{c['rule']}-{c['case']}")
def test_every_plan_finding_reads_in_chinese(minimal_plan: Path, case: dict) -> None:
    apply_case(minimal_plan, case)
    set_language("zh")
    findings = [f for f in run_rules(rules_in_scope("file", "plan"), load_plan(minimal_plan)) if f.code == case["rule"]]
    assert findings
    for finding in findings:
        assert re.search(r"[\u4e00-\u9fff]", finding.message), finding.message
        assert not english_left(finding.message), finding.message


@pytest.mark.parametrize("case", _triggering(CHECK_CASES), ids=lambda c: f"{c['rule']}-{c['case']}")
def test_every_check_finding_of_f_p_d_reads_in_chinese(workspace: Path, case: dict) -> None:
    import datetime as dt

    from zzip.check import run_check
    from zzip.config import Config

    from test_check_rules import BASE_AS_OF
    from test_check_rules import apply_case as apply_check_case

    apply_check_case(workspace / "reports", case)
    set_language("zh")
    report, _ = run_check(Path("plan"), Path("reports"), dt.date.fromisoformat(case.get("as_of", BASE_AS_OF)), Config())
    findings = [f for f in report.findings if f.code == case["rule"]]
    assert findings
    for finding in findings:
        assert not english_left(finding.message), finding.message


def _zzip(*args: str, lang: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZZIP_LANG": lang, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, encoding="utf-8", env=env, check=False)


def test_zzip_rules_lists_the_rules_in_chinese() -> None:
    result = _zzip("rules", lang="zh")
    assert result.returncode == 0, result.stderr
    lines = {line.split("\t")[0]: line.split("\t") for line in result.stdout.splitlines()}
    assert lines["P101"] == ["P101", "plan-schema-violation", "错误", "zzip validate",
                             "实施方案文件不符合格式（缺少键、类型错误、键名拼错）"]
    assert lines["F002"][2:4] == ["警告", "所有命令"]
    for rule in all_rules():
        if rule.code[0] in MY_FAMILIES:
            assert not english_left(lines[rule.code][4]), lines[rule.code]


def test_zzip_rules_explains_one_rule_in_chinese_and_in_english() -> None:
    chinese = _zzip("rules", "P101", lang="zh")
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.startswith("P101 plan-schema-violation（默认级别：错误；检查命令：zzip validate）\n"
                                     "实施方案文件不符合格式（缺少键、类型错误、键名拼错）。\n")
    for heading in ("## 规则说明", "## 为什么重要", "## 示例", "## 如何处理"):
        assert heading in chinese.stdout
    assert "leed: [market-regulation]" in chinese.stdout  # the YAML example is kept as it is
    english = _zzip("rules", "P101", lang="en")
    assert english.stdout.startswith("P101 plan-schema-violation (default severity: error; checked by: zzip validate)\n"
                                     "A plan file breaks the plan format (a missing key, a wrong type, a misspelt key).\n")
    assert "## What it does" in english.stdout and "规则说明" not in english.stdout


def _without_comments(code: str) -> str:
    return "\n".join(line for line in (re.sub(r"\s+# .*$", "", line) for line in code.split("\n"))
                     if not line.lstrip().startswith("# "))


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.code[0] in MY_FAMILIES], ids=lambda r: r.code)
def test_every_explanation_keeps_its_sections_code_and_yaml_in_chinese(rule) -> None:
    english = rule.explanation
    set_language("zh")
    chinese = rule.explanation
    assert chinese != english
    headings = {"## What it does": "## 规则说明", "## Why it matters": "## 为什么重要", "## Example": "## 示例",
                "## How to fix": "## 如何处理"}
    assert [headings[h] for h in re.findall(r"^## .*$", english, re.M)] == re.findall(r"^## .*$", chinese, re.M)
    # the code and YAML are the same; their comments (the messages zzip prints there) are in Chinese
    assert [_without_comments(c) for c in re.findall(r"```.*?```", english, re.S)] == \
        [_without_comments(c) for c in re.findall(r"```.*?```", chinese, re.S)]
    assert set(re.findall(r"`[^`\n]+`", english)) <= set(re.findall(r"`[^`\n]+`", chinese)) | {"`"}


def test_rules_json_keeps_its_keys_and_codes_and_gives_the_texts_in_the_language_of_the_run() -> None:
    import json

    chinese = {r["code"]: r for r in json.loads(_zzip("rules", "--format", "json", lang="zh").stdout)}
    english = {r["code"]: r for r in json.loads(_zzip("rules", "--format", "json", lang="en").stdout)}
    assert set(chinese["P103"]) == set(english["P103"]) == {"code", "name", "severity", "scope", "summary", "explanation"}
    assert (chinese["P103"]["name"], chinese["P103"]["severity"], chinese["P103"]["scope"]) == \
           ("unknown-reference", "error", "plan")
    assert chinese["P103"]["summary"] == "引用了不存在的单位或任务，或引用了其他类别的条目"
    assert english["P103"]["summary"] == "A reference names a unit or task that does not exist, or an item of another kind"


def test_every_schema_expectation_is_in_the_catalog() -> None:
    """The schemas' x-expected texts are JSON, which Babel does not read: zzip.schema lists them."""
    import json
    from importlib import resources

    from zzip.schema import EXPECTED_WORDS, SCHEMA_KINDS

    found = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                found.add(value) if key == "x-expected" else walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for kind in SCHEMA_KINDS:
        walk(json.loads(resources.files("zzip.schemas").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")))
    codes = {text for text in found if re.fullmatch(r"[a-z]+", text)}  # a constant such as `item`: a code
    assert found - codes == set(EXPECTED_WORDS)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_diff_finding_reads_in_the_language_of_the_run(minimal_plan: Path, tmp_path: Path, lang: str) -> None:
    """D401-D404 on one edit of the plan: a step moved later, a target lowered, the version raised
    without its revision entry (D402), then kept (D401)."""
    import shutil

    from zzip.cli.diff_cmd import DiffContext
    from zzip.plan_diff import diff_plans

    new_dir = tmp_path / "new"
    shutil.copytree(minimal_plan, new_dir)
    _edit(new_dir / "milestones.yaml", 'end: "2023-12"', 'end: "2024-06"')
    _edit(new_dir / "indicators.yaml", "value: 14653", "value: 12000")
    set_language(lang)

    def findings(new_plan):
        old_plan = load_plan(minimal_plan).plan
        changes = diff_plans(old_plan, new_plan)
        meta = new_plan.meta
        revision = next((r for r in meta.revisions if r.version == meta.version), None)
        return {f.code: f.message for f in run_rules(rules_in_scope("diff"), DiffContext(old_plan, new_plan, changes, revision))}

    kept = findings(load_plan(new_dir).plan)
    _edit(new_dir / "plan.yaml", '\nversion: "1.0.0"', '\nversion: "1.1.0"')
    raised = findings(load_plan(new_dir).plan)
    said = {"D401": kept["D401"], "D402": raised["D402"], "D403": kept["D403"], "D404": kept["D404"]}
    if lang == "en":
        assert said["D403"] == ("milestone MS-1-2 (四(一)2) end moved 6 months later: 2023-12 -> 2024-06, "
                                "with no reason in the revision log")
        assert said["D401"].startswith("the plan changed (2 item changes, e.g. ")
        return
    assert said["D403"] == "实施步骤 MS-1-2（四(一)2）的 end 推迟6个月：2023-12 → 2024-06，修订记录中未说明理由"
    assert said["D404"] == "指标 patents（高价值发明专利拥有量）目标值调低：14653 → 12000件，修订记录中未说明理由"
    for message in said.values():
        assert not english_left(message), message
