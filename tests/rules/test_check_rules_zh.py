"""In Chinese, every submission (S) and compliance (C) rule speaks Chinese: the message of each
triggering case of check_cases.yaml, and the findings of `zzip check` on the example data, leave
no English sentence (codes, ids, paths, numbers, YAML keys and the data's own values are allowed)."""

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zzip.check import run_check
from zzip.config import Config
from zzip.i18n import set_language
from zzip.rules import all_rules

sys.path.insert(0, str(Path(__file__).parent))
from test_check_rules import BASE_AS_OF, CASES, apply_case  # noqa: E402

REPO = Path(__file__).resolve().parent.parent.parent
ZZIP = Path(sys.executable).parent / "zzip"
CJK = re.compile(r"[\u4e00-\u9fff]")
# A token: an id, code, path, key or number (KT-1-2, reports/2023-Q1/court.yaml, in-progress, blocker:)
TOKEN = re.compile(r"[A-Za-z0-9_.\-/%'\"!:?]+")
# Words of an English sentence that are not a key of the status files (period, completed, value ...)
ENGLISH = {"the", "is", "was", "and", "of", "no", "not", "report", "reports", "due", "day", "days", "ago", "after",
           "before", "leads", "counted", "entry", "target", "expected", "found", "must", "which", "it",
           "in", "for", "by", "on", "at", "from", "to", "has", "but", "or", "with", "without", "behind", "overdue",
           "unknown", "missing", "file", "named", "plan", "says", "latest", "data", "ratio", "progress", "mean",
           "did", "you", "least", "most", "number", "text"}
SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ \t]+[A-Za-z]{2,})+")


def english_left(message: str, allowed: str = "") -> list[str]:
    """English in a Chinese message: runs of two or more words, and sentence words on their own
    (`allowed`: text of the data itself, such as a quoted wrong value)."""
    text = message.replace(allowed, " ") if allowed else message
    found = SENTENCE.findall(text)
    for token in TOKEN.findall(text):
        word = token.strip("'\"!:?.,")
        if word.lower() in ENGLISH and word == word.lower():
            found.append(word)
    return found


TRIGGERING = [c for c in CASES if c["expect"] and c["rule"][0] in "SC"]


@pytest.mark.parametrize("case", TRIGGERING, ids=[f"{c['rule']}-{c['case']}" for c in TRIGGERING])
def test_rule_message_in_chinese(workspace: Path, case: dict) -> None:
    apply_case(workspace / "reports", case)
    set_language("zh")
    report, _ = run_check(Path("plan"), Path("reports"), dt.date.fromisoformat(case.get("as_of", BASE_AS_OF)), Config())
    messages = [f.message for f in report.findings if f.code == case["rule"]]
    assert messages
    for message in messages:
        assert CJK.search(message), message
        assert english_left(message) == [], message


def test_every_s_and_c_rule_has_a_chinese_summary_and_explanation() -> None:
    import importlib

    from zzip.i18n import _
    from zzip.rules import RULE_MODULES

    set_language("zh")
    modules = [importlib.import_module(f"zzip.rules.{name}") for name in RULE_MODULES]
    assert {m.CODE for m in modules} == {r.code for r in all_rules()}
    for module in modules:
        if module.CODE[0] not in "SC":
            continue
        assert CJK.search(_(module.SUMMARY)), module.CODE
        explanation = _(module.EXPLANATION)
        assert "## 规则说明" in explanation and "## 如何处理" in explanation, module.CODE
        assert "## What it does" not in explanation, module.CODE


def test_the_detector_sees_english() -> None:  # the test above would pass on anything if it did not
    assert english_left("no report from 市中级人民法院 (court) for 2023-Q1")
    assert english_left("MS-1-2（四(一)2）overdue：截止日期为2023年12月31日")
    assert english_left("市中级人民法院（court）未报送2023-Q1的报告；请添加 blocker:") == []


def test_check_on_the_example_data_prints_chinese_findings() -> None:
    env = {"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "zh", "COLUMNS": "400", "NO_COLOR": "1"}
    done = subprocess.run([str(ZZIP), "check", "reports", "--as-of", "2025-07-31"], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=300)
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stdout.splitlines() if re.search(r": [SC]\d{3} ", line)]
    assert len(lines) >= 30  # the findings of the S and C rules (reports/README.md lists them)
    for line in lines:
        message = re.split(r": [SC]\d{3} (?:\[\w+\] )?", line, maxsplit=1)[1]
        assert CJK.search(message) and english_left(message) == [], line
    assert "严重逾期" in done.stdout and "未报送" in done.stdout and "2025年7月15日" in done.stdout
    assert "S201 完成比例(%)（percent）是文本“75%”，不是数字（请去掉%号，只填写数字：75）" in done.stdout  # a workbook cell


def test_check_in_english_is_unchanged_by_the_catalog() -> None:
    env = {"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "400", "NO_COLOR": "1"}
    done = subprocess.run([str(ZZIP), "check", "reports", "--as-of", "2025-07-31"], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=300)
    assert "C304 no report from 市委网信办 (cyberspace) for 2025-Q2, due 2025-07-15 (16 days ago); it co-operates on " \
           "2 active items" in done.stdout
    assert "C305 [warning] report for 2024-Q4 submitted 2025-02-24, 40 days after its due date 2025-01-15" in done.stdout
