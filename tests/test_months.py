"""Months and quarters are exact calendar spans: the edges are what matter."""

import datetime as dt

import pytest

from zzip.months import Month, Quarter, parse_date, quarters_between


@pytest.mark.parametrize("text,last", [
    ("2024-02", dt.date(2024, 2, 29)),  # leap year
    ("2023-02", dt.date(2023, 2, 28)),
    ("2100-02", dt.date(2100, 2, 28)),  # century, not leap
    ("2000-02", dt.date(2000, 2, 29)),  # 400-year leap
    ("2023-12", dt.date(2023, 12, 31)),
    ("2025-06", dt.date(2025, 6, 30)),
])
def test_a_month_ends_on_its_last_day(text, last) -> None:
    assert Month.parse(text).last_day == last


@pytest.mark.parametrize("bad", ["2025-13", "2025-00", "2025-6", "25-06", "2025/06", ""])
def test_bad_months_are_refused(bad) -> None:
    with pytest.raises(ValueError):
        Month.parse(bad)


def test_month_arithmetic_counts_whole_months() -> None:
    assert Month.parse("2024-01") - Month.parse("2023-12") == 1
    assert Month.parse("2025-06") - Month.parse("2022-09") == 33


@pytest.mark.parametrize("day,quarter", [
    (dt.date(2025, 3, 31), "2025-Q1"), (dt.date(2025, 4, 1), "2025-Q2"),
    (dt.date(2024, 12, 31), "2024-Q4"), (dt.date(2025, 1, 1), "2025-Q1"),
])
def test_quarter_of_a_day(day, quarter) -> None:
    assert str(Quarter.of(day)) == quarter


def test_quarter_edges() -> None:
    q = Quarter.parse("2024-Q1")
    assert (q.first_day, q.last_day) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert Quarter.parse("2025-Q4").next() == Quarter(2026, 1)
    assert [str(x) for x in quarters_between(Quarter(2024, 3), Quarter(2025, 2))] == \
        ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]


@pytest.mark.parametrize("bad", ["2025-Q5", "2025-Q0", "2025Q1", "2025-q1"])
def test_bad_quarters_are_refused(bad) -> None:
    with pytest.raises(ValueError):
        Quarter.parse(bad)


def test_quarter_overlaps_span() -> None:
    q = Quarter.parse("2023-Q4")
    assert q.overlaps(Month(2023, 12), None)
    assert q.overlaps(Month(2022, 9), Month(2023, 10))
    assert not q.overlaps(Month(2022, 9), Month(2023, 9))
    assert not q.overlaps(Month(2024, 1), None)


def test_impossible_dates_are_named() -> None:
    with pytest.raises(ValueError, match="not a real calendar date"):
        parse_date("2025-02-30")
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)
