"""'Today' is taken in the plan's time zone: the edges around midnight are the point."""

import datetime as dt

import pytest

from zzip.clock import parse_as_of, today_in

UTC = dt.timezone.utc


def test_late_evening_utc_is_already_tomorrow_in_zhengzhou() -> None:
    moment = dt.datetime(2025, 6, 30, 16, 0, tzinfo=UTC)  # 00:00 on 1 July in Asia/Shanghai
    assert today_in("Asia/Shanghai", moment) == dt.date(2025, 7, 1)
    assert today_in("UTC", moment) == dt.date(2025, 6, 30)


def test_one_second_before_midnight_in_zhengzhou() -> None:
    moment = dt.datetime(2025, 6, 30, 15, 59, 59, tzinfo=UTC)
    assert today_in("Asia/Shanghai", moment) == dt.date(2025, 6, 30)


def test_new_year_and_leap_day() -> None:
    assert today_in("Asia/Shanghai", dt.datetime(2023, 12, 31, 16, 0, tzinfo=UTC)) == dt.date(2024, 1, 1)
    assert today_in("Asia/Shanghai", dt.datetime(2024, 2, 28, 16, 0, tzinfo=UTC)) == dt.date(2024, 2, 29)


def test_unknown_zone_is_a_plain_error() -> None:
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        today_in("Mars/Olympus")


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "31/07/2025", "tomorrow"])
def test_bad_as_of(bad) -> None:
    with pytest.raises(ValueError):
        parse_as_of(bad)
