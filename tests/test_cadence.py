"""Reporting cadences: the periods of each, and each due rule, exactly on their edges."""

import datetime as dt

import pytest

from zzip.cadence import Cadence, parse_month_day
from zzip.months import HalfYear, Quarter, Year, parse_any_period, periods_between

D = dt.date


@pytest.mark.parametrize("day, half", [
    (D(2024, 6, 30), "2024-H1"), (D(2024, 7, 1), "2024-H2"),
    (D(2024, 1, 1), "2024-H1"), (D(2024, 12, 31), "2024-H2"),
])
def test_half_year_of_a_day(day, half) -> None:
    assert str(HalfYear.of(day)) == half


def test_half_year_and_year_edges() -> None:
    h1, h2 = HalfYear.parse("2024-H1"), HalfYear.parse("2024-H2")
    assert (h1.first_day, h1.last_day) == (D(2024, 1, 1), D(2024, 6, 30))
    assert (h2.first_day, h2.last_day) == (D(2024, 7, 1), D(2024, 12, 31))
    assert h2.next() == HalfYear(2025, 1)
    year = Year.parse("2024")
    assert (year.first_day, year.last_day, str(year), year.next()) == (D(2024, 1, 1), D(2024, 12, 31), "2024", Year(2025))
    assert str(Year.of(D(2024, 12, 31))) == "2024" and str(Year.of(D(2025, 1, 1))) == "2025"


def test_periods_between_every_cadence() -> None:
    assert [str(p) for p in periods_between(HalfYear(2023, 2), HalfYear(2025, 1))] == ["2023-H2", "2024-H1", "2024-H2", "2025-H1"]
    assert [str(p) for p in periods_between(Year(2023), Year(2025))] == ["2023", "2024", "2025"]
    assert periods_between(Year(2025), Year(2024)) == []


@pytest.mark.parametrize("text, kind", [("2024-Q3", Quarter), ("2024-H2", HalfYear), ("2024", Year)])
def test_any_period_is_read_by_its_spelling(text, kind) -> None:
    assert isinstance(parse_any_period(text), kind) and str(parse_any_period(text)) == text


@pytest.mark.parametrize("bad", ["2024-H3", "2024-H0", "2024-h1", "24", "2024-", "2024-Y"])
def test_bad_periods_are_refused(bad) -> None:
    with pytest.raises(ValueError):
        parse_any_period(bad)


def test_periods_of_different_lengths_sort_by_their_start() -> None:
    assert sorted([Year(2024), HalfYear(2024, 2), Quarter(2024, 1), Quarter(2023, 4)]) == \
        [Quarter(2023, 4), Quarter(2024, 1), Year(2024), HalfYear(2024, 2)]


def test_a_cadence_refuses_a_period_of_another_length() -> None:
    with pytest.raises(ValueError, match="'2024-Q1' is a quarter, but the plan's units report half-yearly"):
        Cadence("half-yearly").parse("2024-Q1")
    assert Cadence("yearly").parse("2024") == Year(2024)


@pytest.mark.parametrize("cadence, period, due", [
    (Cadence("quarterly", 15), Quarter(2025, 2), D(2025, 7, 15)),
    (Cadence("half-yearly", 15), HalfYear(2024, 1), D(2024, 7, 15)),
    (Cadence("half-yearly", 15), HalfYear(2024, 2), D(2025, 1, 15)),
    (Cadence("yearly", 0), Year(2024), D(2024, 12, 31)),
    (Cadence("yearly", 31), Year(2024), D(2025, 1, 31)),
])
def test_due_days_after_the_period(cadence, period, due) -> None:
    assert cadence.due_date(period) == due


@pytest.mark.parametrize("due_on, period, due", [
    (((12, 10),), Year(2024), D(2024, 12, 10)),  # 每年12月10日前报送: before the year ends
    (((1, 15),), Year(2024), D(2025, 1, 15)),  # the January after
    (((11, 30),), Year(2024), D(2024, 11, 30)),  # nearer than the next 30 November
    (((6, 20), (12, 10)), HalfYear(2024, 1), D(2024, 6, 20)),
    (((6, 20), (12, 10)), HalfYear(2024, 2), D(2024, 12, 10)),
    (((1, 10), (4, 10), (7, 10), (10, 10)), Quarter(2024, 4), D(2025, 1, 10)),
    (((1, 10), (4, 10), (7, 10), (10, 10)), Quarter(2024, 1), D(2024, 4, 10)),
])
def test_a_fixed_due_day_is_the_listed_day_nearest_the_period_end(due_on, period, due) -> None:
    name = {Quarter: "quarterly", HalfYear: "half-yearly", Year: "yearly"}[type(period)]
    cadence = Cadence(name, None, due_on)
    assert cadence.due_date(period) == due


@pytest.mark.parametrize("submitted, too_soon", [
    (D(2024, 6, 30), True), (D(2024, 7, 1), False),  # the half-year's last day is still inside it
])
def test_by_default_a_report_sent_inside_its_period_is_early(submitted, too_soon) -> None:
    assert Cadence("half-yearly").sent_too_soon(HalfYear(2024, 1), submitted, D(2024, 8, 1)) is too_soon


@pytest.mark.parametrize("submitted, too_soon", [
    (D(2023, 12, 31), True), (D(2024, 1, 1), False), (D(2024, 12, 10), False),
])
def test_with_accept_before_end_only_a_report_before_the_period_began_is_early(submitted, too_soon) -> None:
    cadence = Cadence("yearly", None, ((12, 10),), accept_before_end=True)
    assert cadence.sent_too_soon(Year(2024), submitted, D(2024, 12, 15)) is too_soon


@pytest.mark.parametrize("bad", ["02-29", "13-01", "12-32", "1210", "12-1x"])
def test_a_due_day_must_exist_every_year(bad) -> None:
    with pytest.raises(ValueError):
        parse_month_day(bad)


YEARLY_DEC_10 = Cadence("yearly", None, ((12, 10),), True)


@pytest.mark.parametrize("cadence, day, period", [
    (YEARLY_DEC_10, D(2025, 12, 10), Year(2025)),   # on the due day: this year's report
    (YEARLY_DEC_10, D(2025, 12, 11), Year(2026)),   # after it (a year's total on 12-31): next year's
    (YEARLY_DEC_10, D(2025, 12, 31), Year(2026)),
    (YEARLY_DEC_10, D(2025, 6, 30), Year(2025)),
    (Cadence("half-yearly", None, ((6, 20), (12, 10)), True), D(2024, 6, 30), HalfYear(2024, 2)),
    (Cadence("half-yearly", None, ((6, 20), (12, 10)), True), D(2024, 6, 20), HalfYear(2024, 1)),
    (Cadence("quarterly", 15), D(2025, 12, 31), Quarter(2025, 4)),  # due after its end: its own period
    (Cadence("quarterly", 0), D(2025, 12, 31), Quarter(2025, 4)),
])
def test_a_value_on_a_day_comes_with_the_first_report_due_on_or_after_it(cadence, day, period) -> None:
    assert cadence.report_due_with(day) == period


@pytest.mark.parametrize("cadence, period, level, year_end", [
    (YEARLY_DEC_10, Year(2025), D(2025, 11, 30), D(2024, 12, 31)),  # due 2025-12-10: 2025 has not ended
    (Cadence("yearly", None, ((1, 15),)), Year(2025), D(2025, 12, 31), D(2025, 12, 31)),  # due 2026-01-15
    (Cadence("quarterly", 15), Quarter(2025, 4), D(2025, 12, 31), D(2025, 12, 31)),
    (Cadence("quarterly", 0), Quarter(2025, 4), D(2025, 12, 31), D(2025, 12, 31)),  # due on 12-31 itself
    (Cadence("quarterly", 15), Quarter(2025, 2), D(2025, 6, 30), D(2024, 12, 31)),
    (Cadence("half-yearly", None, ((6, 20), (12, 10)), True), HalfYear(2024, 1), D(2024, 5, 31), D(2023, 12, 31)),
])
def test_a_template_never_asks_for_a_value_measured_after_its_due_date(cadence, period, level, year_end) -> None:
    assert cadence.measured_days(period) == (level, year_end)


def test_a_yearly_template_due_before_the_year_ends_is_accepted_as_filled(workspace) -> None:
    """每年12月10日前报送: the 2023 template asks for the 2022 full-year figure and a level at the end
    of November, and a report sent on the due day with those dates has no S207/S216."""
    import re
    from pathlib import Path

    from zzip.check import run_check
    from zzip.config import Config
    from zzip.plan_loader import load_plan
    from zzip.template import render_template

    plan_file = workspace / "plan" / "plan.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace(
        'cadence: quarterly, due_days: 15, first_period: "2023-Q1"',
        'cadence: yearly, due_on: "12-10", accept_before_end: true, first_period: "2023"'), encoding="utf-8")
    for old in (workspace / "reports" / "2023-Q1").iterdir():
        old.unlink()
    plan = load_plan(workspace / "plan").plan
    text = render_template(plan, "market-regulation", Year(2023), D(2023, 12, 1), None)
    assert '{id: patents, value: , measured: "2023-11-30"}' in text
    assert '{id: training-classes, value: , measured: "2022-12-31"}' in text
    filled = re.sub(r"#   - \{id: (\S+), value: ,", r"  - {id: \1, value: 1,", text).replace("# indicators:", "indicators:")
    filled = re.sub(r"submitted: '[0-9-]+'", "submitted: '2023-12-10'", filled)
    (workspace / "reports" / "2023").mkdir()
    (workspace / "reports" / "2023" / "market-regulation.yaml").write_text(filled, encoding="utf-8")
    report, _ = run_check(Path("plan"), Path("reports"), D(2023, 12, 11), Config())
    codes = {f.code for f in report.findings}
    assert not codes & {"S207", "S216", "S201", "S202"}, codes
