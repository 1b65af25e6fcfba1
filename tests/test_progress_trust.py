"""Grades that must not be wrong: the deadline day, a baseline that already meets its target,
a trajectory that asks for no gain, a value that falls below zero, and a deadline long past.

Each case failed before its fix (issue 8 point 8; issue 14 item 1)."""

import datetime as dt

import pytest

from zzip.config import ProgressSettings
from zzip.progress import ACHIEVED, BEHIND, DETERIORATING, ON_TRACK, assess, required_at
from zzip.views.progress import fraction_done

from tests.test_progress import START, indicator, point

LINEAR, CAGR = ProgressSettings(), ProgressSettings(method="cagr")


# -- issue 8, point 8: from the deadline day on, short of target is missed ------------------------

@pytest.mark.parametrize("day,status", [
    ("2025-06-29", ON_TRACK),   # the day before: still graded on the trajectory
    ("2025-06-30", BEHIND),     # the deadline day itself: that value is the result
    ("2025-07-01", BEHIND),     # after it
])
def test_a_short_value_on_the_deadline_day_is_missed(day, status) -> None:
    result = assess(indicator(), [point(day, 14600)], LINEAR, START)
    assert result.status == status


def test_13060_measured_on_the_deadline_day_is_behind_not_at_risk() -> None:
    # the bundled example's case: 13,060 against 14,653 due 2025-06, measured 2025-06-30
    result = assess(indicator(), [point("2025-06-30", 13060)], LINEAR, START)
    assert result.status == BEHIND and "was due 2025-06-30" in result.reason


def test_a_value_meeting_the_target_on_the_deadline_day_is_achieved() -> None:
    assert assess(indicator(), [point("2025-06-30", 14653)], LINEAR, START).status == ACHIEVED


@pytest.mark.parametrize("as_of,status", [
    (dt.date(2025, 7, 15), ON_TRACK),  # the deadline's report is due that day: not yet known
    (dt.date(2025, 7, 16), BEHIND),    # from the day after, a stale short value means missed
])
def test_a_deadline_long_past_with_only_an_earlier_value_is_missed(as_of, status) -> None:
    result = assess(indicator(), [point("2025-03-31", 14400)], LINEAR, START,
                    as_of=as_of, missed_after=dt.date(2025, 7, 15))
    assert result.status == status


# -- issue 14, item 1: a baseline that already meets the target must be held ----------------------

def satisfaction(baseline=86.0, **kwargs):
    return indicator(value=85, comparator="at_least", kind="level", baseline=(baseline, "2022-12-31"),
                     deadline="2025-12", **kwargs)


@pytest.mark.parametrize("settings", [LINEAR, CAGR], ids=["linear", "cagr"])
@pytest.mark.parametrize("value,status", [(80, BEHIND), (84.99, BEHIND), (85, ACHIEVED), (90, ACHIEVED)])
def test_baseline_above_target_then_falling_below_is_behind(settings, value, status) -> None:
    result = assess(satisfaction(), [point("2024-06-30", value)], settings, START)
    assert result.status == status
    if status == BEHIND:
        assert result.ratio is None and "already met the target" in result.reason


@pytest.mark.parametrize("settings", [LINEAR, CAGR], ids=["linear", "cagr"])
def test_baseline_exactly_on_the_target_must_be_held(settings) -> None:
    assert assess(satisfaction(baseline=85), [point("2024-06-30", 84)], settings, START).status == BEHIND


def test_baseline_just_short_of_the_target_is_graded_on_the_trajectory() -> None:
    result = assess(satisfaction(baseline=84.9), [point("2024-06-30", 84.95)], LINEAR, START)
    assert result.ratio is not None and result.status != BEHIND


@pytest.mark.parametrize("settings", [LINEAR, CAGR], ids=["linear", "cagr"])
@pytest.mark.parametrize("value,status", [(13, BEHIND), (12.01, BEHIND), (12, ACHIEVED), (9, ACHIEVED)])
def test_decrease_mirrored(settings, value, status) -> None:
    # "不高于12": the baseline 10 already meets it, so a rise above 12 is behind
    ind = indicator(value=12, comparator="at_least", direction="decrease", kind="level",
                    baseline=(10, "2022-12-31"), deadline="2025-12")
    assert assess(ind, [point("2024-06-30", value)], settings, START).status == status


@pytest.mark.parametrize("settings", [LINEAR, CAGR], ids=["linear", "cagr"])
def test_a_growth_rate_that_turns_negative_is_behind(settings) -> None:
    # growth of 12% a year against "10%以上": the baseline met it; -3% is behind, not on track
    ind = indicator(value=10, comparator="at_least", kind="level", baseline=(12, "2022-12-31"), deadline="2025-12")
    result = assess(ind, [point("2024-06-30", -3)], settings, START)
    assert result.status == BEHIND


def test_cagr_a_positive_value_that_falls_below_zero_is_deteriorating() -> None:
    ind = indicator(value=10, comparator="at_least", kind="level", baseline=(5, "2022-12-31"), deadline="2025-12")
    result = assess(ind, [point("2024-06-30", -1)], CAGR, START)
    assert result.status == DETERIORATING and "below zero" in result.reason


def test_required_now_is_the_target_itself_when_the_baseline_met_it() -> None:
    result = assess(satisfaction(), [point("2024-06-30", 80)], LINEAR, START)
    assert required_at(result, dt.date(2024, 6, 30)) == 85
    assert fraction_done(result) == 0.0  # not a full bar for a value that fell below the target


# -- the same trap inside a trajectory: an interim target at or behind the baseline ---------------

@pytest.mark.parametrize("value,status", [(99, BEHIND), (100, ON_TRACK), (101, ON_TRACK)])
def test_a_trajectory_asking_for_no_gain_compares_the_value_directly(value, status) -> None:
    ind = indicator(value=200, baseline=(100, "2022-12-31"), deadline="2025-12", interim=[("2023-12", 100)])
    result = assess(ind, [point("2023-12-31", value)], LINEAR, START)
    assert result.status == status and result.ratio is None


def test_an_interim_dip_never_turns_a_fall_into_progress() -> None:
    # interim 90 below the baseline 100: at the interim date 80 is short of 90, not "on track"
    ind = indicator(value=200, baseline=(100, "2022-12-31"), deadline="2025-12", interim=[("2023-12", 90)])
    assert assess(ind, [point("2023-12-31", 80)], LINEAR, START).status == BEHIND
    assert assess(ind, [point("2023-12-31", 95)], LINEAR, START).status == ON_TRACK


# -- found by the hostile review: a deadline target is decided at its deadline ---------------------

def test_a_value_after_a_missed_deadline_does_not_make_it_achieved() -> None:
    result = assess(indicator(), [point("2025-06-30", 13060), point("2025-07-10", 14700)], LINEAR, START)
    assert result.status == BEHIND and "after the deadline" in result.reason
    assert result.latest.value == 13060


def test_the_first_value_after_the_deadline_decides_when_none_is_on_it() -> None:
    met = assess(indicator(), [point("2025-03-31", 14000), point("2025-07-10", 14700)], LINEAR, START)
    assert met.status == ACHIEVED
    short = assess(indicator(), [point("2025-03-31", 14000), point("2025-07-10", 14600), point("2025-09-30", 14700)],
                   LINEAR, START)
    assert short.status == BEHIND


@pytest.mark.parametrize("as_of,status", [(dt.date(2025, 7, 15), "no data"), (dt.date(2025, 7, 16), BEHIND)])
def test_nothing_reported_once_the_deadlines_report_is_due_is_missed(as_of, status) -> None:
    result = assess(indicator(), [], LINEAR, START, as_of=as_of, missed_after=dt.date(2025, 7, 15))
    assert result.status == status
