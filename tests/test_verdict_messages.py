"""The words of verdicts that were wrong or half-translated (review of issue 14): each asserted."""

import datetime as dt
from pathlib import Path

import pytest

from zzip.check import run_check
from zzip.config import Config
from zzip.i18n import set_language


def messages(code: str, as_of: str) -> list[str]:
    report, _ = run_check(Path("plan"), Path("reports"), dt.date.fromisoformat(as_of), Config())
    return [f.message for f in report.findings if f.code == code]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("submitted, words", [
    ("2023-03-31", "submitted 2023-03-31, the last day of 2023-Q1, before the period was over: not counted as the "
                   "period's report; send it again after the period ends"),
    ("2023-03-30", "submitted 2023-03-30, before 2023-Q1 ended (2023-03-31): not counted as the period's report; "
                   "send it again after the period ends"),
])
def test_s215_says_a_report_sent_on_the_last_day_was_sent_on_it(workspace, submitted, words) -> None:
    edit(workspace / "reports/2023-Q1/court.yaml", 'submitted: "2023-04-15"', f'submitted: "{submitted}"')
    assert messages("S215", "2023-05-01") == [words]


def test_s215_on_the_last_day_in_chinese(workspace) -> None:
    edit(workspace / "reports/2023-Q1/court.yaml", 'submitted: "2023-04-15"', 'submitted: "2023-03-31"')
    set_language("zh")
    [message] = messages("S215", "2023-05-01")
    assert "最后一天" in message and "2023年3月31日" in message


@pytest.mark.parametrize("language, words", [
    ("en", "reporting.due_on: '02-29' is not a day of every year written MM-DD, e.g. 12-10"),
    ("zh", "'02-29'"),
])
def test_a_bad_due_day_is_said_in_the_interface_language(workspace, language, words) -> None:
    from zzip.plan_loader import load_plan

    edit(workspace / "plan/plan.yaml", 'cadence: quarterly, due_days: 15, first_period: "2023-Q1"',
         'cadence: yearly, due_on: "02-29", first_period: "2023"')
    set_language(language)
    [problem] = load_plan(workspace / "plan").schema_problems
    assert words in problem.message
    if language == "zh":
        assert "is not a day" not in problem.message and "MM-DD" in problem.message
