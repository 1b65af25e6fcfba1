"""Dates, periods and punctuation in the sentences people read (issue 9): in Chinese, 2025年7月31日,
2025年第2季度 / 2024年上半年 / 2023年度 and full-width ，：；（） inside Chinese text; in English, the
ISO dates and period codes that CI logs and scripts match, unchanged."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zzip.check import run_check
from zzip.config import Config
from zzip.i18n import set_language
from zzip.labels import period_words
from zzip.months import HalfYear, Quarter, Year

REPO = Path(__file__).resolve().parent.parent
ZZIP = Path(sys.executable).parent / "zzip"
PO = REPO / "zzip" / "locale" / "zh_CN" / "LC_MESSAGES" / "zzip.po"
AS_OF = ["--as-of", "2025-07-31"]


def zzip(lang: str, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZZIP_LANG": lang, "COLUMNS": "200"}
    return subprocess.run([str(ZZIP), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


# --- period_words ---------------------------------------------------------------------------

def test_period_words_in_chinese() -> None:
    set_language("zh")
    assert period_words(Quarter(2025, 2)) == "2025年第2季度"
    assert period_words(HalfYear(2024, 1)) == "2024年上半年"
    assert period_words(HalfYear(2024, 2)) == "2024年下半年"
    assert period_words(Year(2023)) == "2023年度"


def test_period_words_in_english_are_the_codes() -> None:
    set_language("en")
    assert period_words(Quarter(2025, 2)) == "2025-Q2"
    assert period_words(HalfYear(2024, 1)) == "2024-H1"
    assert period_words(Year(2023)) == "2023"


def test_period_words_of_a_bulletin_period() -> None:
    from zzip.bulletin.model import YEAR, Period

    set_language("zh")
    assert period_words(Period.of_quarter(Quarter(2025, 2))) == "2025年第2季度"
    assert period_words(Period(YEAR, 2024)) == "2024年度"
    set_language("en")
    assert period_words(Period.of_quarter(Quarter(2025, 2))) == "2025-Q2"
    assert period_words(Period(YEAR, 2024)) == "2024"


# --- findings on the example data -----------------------------------------------------------

def test_check_names_periods_dates_and_units_in_chinese() -> None:
    out = zzip("zh", "check", "reports", *AS_OF).stdout
    # C304: the period in words, the deadline as a Chinese date
    assert "新郑市人民政府（xinzheng-gov）未报送2024年第1季度的报告，报送期限为2024年4月15日" in out
    # S206: the unit's name, not its id
    assert "市委党校报送了2025年第2季度的第二份报告" in out
    assert "party-school报送了" not in out
    # C303: the period in words
    assert "在2023年第3季度处于实施期" in out
    assert not re.search(r"未报送\d{4}-Q\d", out)


def test_check_keeps_iso_dates_and_codes_in_english() -> None:
    out = zzip("en", "check", "reports", *AS_OF).stdout
    assert "no report from 新郑市人民政府 (xinzheng-gov) for 2024-Q1, due 2024-04-15" in out
    assert "second report from 市委党校 for 2025-Q2" in out
    assert "Found 19 errors, 13 warnings, 2 notes" in out


def test_s215_in_chinese_and_english(workspace: Path) -> None:
    court = workspace / "reports" / "2023-Q1" / "court.yaml"
    court.write_text(court.read_text(encoding="utf-8").replace('submitted: "2023-04-15"', 'submitted: "2023-03-31"'),
                     encoding="utf-8")

    def s215(lang: str) -> str:
        set_language(lang)
        report, _ = run_check(Path("plan"), Path("reports"), dt.date(2023, 5, 1), Config())
        (message,) = [f.message for f in report.findings if f.code == "S215"]
        return message

    zh = s215("zh")
    assert "2023年3月31日" in zh and "2023年第1季度" in zh and "2023-03-31" not in zh
    en = s215("en")
    assert "2023-03-31" in en and "2023-Q1" in en


def test_progress_explain_dates() -> None:
    zh = zzip("zh", "progress", *AS_OF, "--explain", "高价值发明专利拥有量").stdout
    assert "截至2025年7月31日应达到" in zh and "截至2025-07-31" not in zh
    en = zzip("en", "progress", *AS_OF, "--explain", "高价值发明专利拥有量").stdout
    assert "required by the as-of date 2025-07-31" in en


def test_bulletin_and_remind_say_dates_and_periods_in_words(tmp_path: Path) -> None:
    zh = zzip("zh", "bulletin", "--period", "2025-Q2", *AS_OF, "-o", str(tmp_path / "b.html")).stderr
    assert "已将截至2025年7月31日的2025年第2季度督导通报写入" in zh
    en = zzip("en", "bulletin", "--period", "2025-Q2", *AS_OF, "-o", str(tmp_path / "e.html")).stderr
    assert "wrote the bulletin for 2025-Q2 as of 2025-07-31 to" in en
    zh = zzip("zh", "remind", "--period", "2025-Q2", *AS_OF, "-o", str(tmp_path / "n")).stderr
    assert "写入2025年第2季度的通知 5 份，截至2025年7月31日" in zh
    en = zzip("en", "remind", "--period", "2025-Q2", *AS_OF, "-o", str(tmp_path / "m")).stderr
    assert "5 notices for 2025-Q2 as of 2025-07-31 in" in en


def test_reminders_name_the_period_in_words_and_keep_the_code_in_the_command(tmp_path: Path) -> None:
    """A notice in Chinese says 2025年第2季度 in its sentences; the command it quotes keeps the
    code zzip reads (--period 2025-Q2), and its headings and list lines use full-width punctuation."""
    zzip("zh", "remind", "--period", "2025-Q2", *AS_OF, "-o", str(tmp_path / "zh"))
    missing = (tmp_path / "zh" / "cyberspace.md").read_text(encoding="utf-8")
    assert "贵单位2025年第2季度进展情况" in missing and "--period 2025-Q2 " in missing
    assert missing.startswith("# 催报通知：") and "**未报送。**" in missing
    overdue = (tmp_path / "zh" / "commerce.txt").read_text(encoding="utf-8")
    assert overdue.startswith("市商务局：\n") and "（AP-2024-09）：" in overdue
    zzip("en", "remind", "--period", "2025-Q2", *AS_OF, "-o", str(tmp_path / "en"))
    english = (tmp_path / "en" / "cyberspace.md").read_text(encoding="utf-8")
    assert "status report for 2025-Q2 was due" in english and english.startswith("# Reminder: ")
    assert "(AP-2024-09): " in (tmp_path / "en" / "commerce.txt").read_text(encoding="utf-8")


def test_reminder_subject_in_the_notice_language_not_the_run_language() -> None:
    from zzip.bulletin.remind import Notice, subject

    notice = Notice("court", "市中级人民法院", None, Quarter(2025, 2), dt.date(2025, 7, 15), missing=True)
    set_language("en")  # the run's language; the notice is written in Chinese
    assert subject(notice, "zh") == "催报：市中级人民法院2025年第2季度进展情况未报送"
    set_language("zh")
    assert subject(notice, "en") == "Reminder: the report of 市中级人民法院 for 2025-Q2 is missing"


def test_check_names_periods_in_words_in_chinese_sentences_and_codes_in_english() -> None:
    zh = zzip("zh", "check", "reports", *AS_OF).stdout
    assert "报送期2023年第1季度至2025年第3季度" in zh
    assert "牵头单位市市场监管局最新一期报告（2025年第2季度）为受阻" in zh  # C301: was （2025-Q2）
    assert "\n  市市场监管局（market-regulation）\n" in zh  # the unit's heading, full-width parentheses
    en = zzip("en", "check", "reports", *AS_OF).stdout
    assert "reporting periods 2023-Q1 to 2025-Q3" in en and "its latest report (2025-Q2) says blocked" in en
    assert "\n  市市场监管局 (market-regulation)\n" in en


def test_template_names_the_period_in_words_in_chinese(tmp_path: Path) -> None:
    import shutil

    for name in ("plan", "reports"):
        shutil.copytree(REPO / name, tmp_path / name)
    zh = zzip("zh", "template", "--unit", "commerce", "--period", "2025-Q3", cwd=tmp_path)
    assert "市商务局（commerce）2025年第3季度共10项" in zh.stderr
    header = (tmp_path / "reports/2025-Q3/commerce.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert header == "# 市商务局（commerce）2025年第3季度工作进展报送，截止日期为2025年10月15日。"
    outside = zzip("zh", "template", "--unit", "commerce", "--period", "2029-Q3", cwd=tmp_path)
    assert "2029年第3季度不在方案实施期内（2022年第1季度至2025年第4季度）" in outside.stderr
    en = zzip("en", "template", "--unit", "commerce", "--period", "2025-Q3", "-o", "-", cwd=tmp_path)
    assert "# Status report of 市商务局 (commerce) for 2025-Q3, due 2025-10-15." in en.stdout


def test_growth_target_base_date() -> None:
    from zzip.months import Month
    from zzip.plan import Baseline, Target

    base = Baseline(100.0, dt.date(2022, 12, 31), None)
    target = Target(comparator="at_least", deadline=Month.parse("2025-12"), growth_rate=10, growth_base=base)
    set_language("zh")
    assert "以2022年12月31日的100亿元为基数" in target.describe("亿元")
    set_language("en")
    assert "from 100亿元 on 2022-12-31 by 2025-12" in target.describe("亿元")


# --- punctuation --------------------------------------------------------------------------

def test_init_prints_chinese_punctuation_in_chinese(tmp_path: Path) -> None:
    zh = zzip("zh", "init", str(tmp_path / "n1"), cwd=tmp_path).stderr
    assert "已写入 " in zh and "：plan.yaml" in zh and "；下一步：zzip validate" in zh
    en = zzip("en", "init", str(tmp_path / "n2"), cwd=tmp_path).stderr
    assert ": plan.yaml" in en and "; next: zzip validate" in en


HAN = r"[\u4e00-\u9fff]"


def _prose(text: str) -> str:
    """The text outside code fences, indented (YAML) lines, `code spans` and quoted syntax (“:”)."""
    kept, fence = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fence = not fence
            continue
        if fence or line.startswith("    "):
            continue
        kept.append(re.sub(r"`[^`]*`|“[^”]{0,5}”|编码: ", " ", line))
    return "\n".join(kept)


def test_no_ascii_comma_semicolon_or_colon_after_chinese_in_the_catalog() -> None:
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        catalog = read_po(handle)
    bad = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if text and re.search(rf"{HAN}[,;:]|[,;]{HAN}|{HAN}\((?![一二三四五六七八九十市]{{1,3}}[()])", _prose(text)):
                bad.append(text[:80])
    assert bad == []


def test_the_punctuation_check_sees_ascii_punctuation() -> None:  # the test above would pass on anything if not
    assert re.search(rf"{HAN}[,;:]", _prose("已写入:plan.yaml"))
    assert not re.search(rf"{HAN}[,;:]", _prose("缺少应有的冒号“:”"))
