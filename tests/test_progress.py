"""Indicator progress: both methods, the grades, and every no-data reason."""

import datetime as dt

import pytest

from zzip.config import ProgressSettings
from zzip.months import Month
from zzip.plan import Baseline, Indicator, Interim, Origin, Target
from zzip.progress import (ACHIEVED, AT_RISK, BEHIND, DETERIORATING, NO_DATA, ON_TRACK, Point, assess)

START = dt.date(2022, 1, 1)


def indicator(value=14653, deadline="2025-06", kind="stock", direction="increase", comparator="stretch",
              baseline=(9800, "2022-12-31"), interim=()) -> Indicator:
    return Indicator(
        id="x", ref="一(三)", name="x", text="x", kind=kind, direction=direction, unit="件",
        target=Target(comparator=comparator, deadline=Month.parse(deadline), value=value),
        owner="u", owner_basis="seed", tasks=(), also_stated=(),
        baseline=Baseline(baseline[0], dt.date.fromisoformat(baseline[1]), None) if baseline else None,
        interim=tuple(Interim(Month.parse(m), v, None) for m, v in interim), note=None,
        origin=Origin(None, ()),  # type: ignore[arg-type]
    )


def point(day: str, value: float) -> Point:
    return Point(dt.date.fromisoformat(day), value, "r.yaml")


def test_the_worked_example_of_docs_progress_md() -> None:
    result = assess(indicator(), [point("2024-12-31", 12600)], ProgressSettings(), START)
    assert result.required == pytest.approx(13689.8, abs=0.1)
    assert result.ratio == pytest.approx(0.7198, abs=1e-4)
    assert result.status == AT_RISK


@pytest.mark.parametrize("value,status", [
    (13700, ON_TRACK), (13500, ON_TRACK), (12600, AT_RISK), (11000, BEHIND), (9800, BEHIND), (9700, DETERIORATING),
    (14653, ACHIEVED), (15000, ACHIEVED),
])
def test_grades_by_ratio(value, status) -> None:
    assert assess(indicator(), [point("2024-12-31", value)], ProgressSettings(), START).status == status


def test_thresholds_are_configurable() -> None:
    strict = ProgressSettings(on_track=0.99, at_risk=0.8, behind=0.1)
    assert assess(indicator(), [point("2024-12-31", 13500)], strict, START).status == AT_RISK


def test_decrease_direction() -> None:
    ind = indicator(value=50, direction="decrease", baseline=(100, "2022-12-31"), deadline="2024-12")
    assert assess(ind, [point("2023-12-31", 75)], ProgressSettings(), START).status == ON_TRACK
    assert assess(ind, [point("2023-12-31", 110)], ProgressSettings(), START).status == DETERIORATING
    assert assess(ind, [point("2023-12-31", 49)], ProgressSettings(), START).status == ACHIEVED


def test_about_target_met_within_tolerance() -> None:
    ind = indicator(value=83, comparator="about", kind="level", baseline=(75, "2022-12-31"))
    assert assess(ind, [point("2024-06-30", 79)], ProgressSettings(), START).status == ACHIEVED
    assert assess(ind, [point("2024-06-30", 78)], ProgressSettings(), START).status != ACHIEVED


@pytest.mark.parametrize("value, reason", [
    (80.4, "80.4 is within ±5% of the target of about 83"),
    (83, "83 meets the target of 83"),
    (84, "84 meets the target of 83"),
])
def test_an_about_target_met_within_tolerance_says_so(value, reason) -> None:
    ind = indicator(value=83, comparator="about", kind="level", baseline=(75, "2022-12-31"))
    result = assess(ind, [point("2024-06-30", value)], ProgressSettings(), START)
    assert (result.status, result.reason) == (ACHIEVED, reason)


def test_interim_targets_bend_the_line() -> None:
    ind = indicator(interim=[("2023-12", 12000)])
    result = assess(ind, [point("2023-12-31", 11000)], ProgressSettings(), START)
    assert result.required == 12000 and result.ratio == pytest.approx(1200 / 2200)


def test_a_value_measured_after_the_deadline_that_falls_short_is_behind() -> None:
    result = assess(indicator(), [point("2025-09-30", 14600)], ProgressSettings(), START)
    assert result.status == BEHIND and "falls short" in result.reason and "was due 2025-06-30" in result.reason
    assert assess(indicator(), [point("2025-06-29", 14600)], ProgressSettings(), START).status == ON_TRACK


def test_first_reported_value_serves_as_baseline() -> None:
    ind = indicator(baseline=None)
    one = assess(ind, [point("2023-03-31", 10000)], ProgressSettings(), START)
    assert one.status == NO_DATA and "no baseline" in one.reason
    two = assess(ind, [point("2023-03-31", 10000), point("2024-03-31", 11800)], ProgressSettings(), START)
    assert two.baseline.value == 10000 and two.status in (ON_TRACK, AT_RISK)


def test_increment_counts_from_zero_at_the_start_of_the_plan() -> None:
    ind = indicator(value=20, kind="increment", baseline=None, deadline="2025-12")
    result = assess(ind, [point("2023-12-31", 10)], ProgressSettings(), START)
    assert result.baseline.value == 0 and result.baseline.date == START
    assert result.status == ON_TRACK


def test_nothing_reported() -> None:
    result = assess(indicator(), [], ProgressSettings(), START)
    assert result.status == NO_DATA and result.reason == "no value has been reported yet"


def test_latest_not_after_baseline() -> None:
    result = assess(indicator(), [point("2022-12-31", 9900)], ProgressSettings(), START)
    assert result.status == NO_DATA and "fewer than two points" in result.reason


def test_cagr_method() -> None:
    settings = ProgressSettings(method="cagr")
    ind = indicator(value=200, baseline=(100, "2020-12-31"), deadline="2025-12")
    # required growth: 2^(1/5.0) - 1 = 14.87% a year; observed after 2 years at 110: 4.88% -> ratio 0.33 -> behind
    result = assess(ind, [point("2022-12-31", 110)], settings, START)
    assert result.ratio == pytest.approx(((1.1 ** (1 / (730 / 365.25))) - 1) / ((2 ** (1 / (1826 / 365.25))) - 1), rel=1e-6)
    assert result.status == BEHIND
    assert any(label == "observed growth" for label, _ in result.steps)


def test_cagr_zero_base_is_no_data_with_the_reason() -> None:
    ind = indicator(value=20, baseline=(0, "2022-12-31"))
    result = assess(ind, [point("2023-12-31", 5)], ProgressSettings(method="cagr"), START)
    assert result.status == NO_DATA and "zero base" in result.reason


def test_cagr_opposite_signs() -> None:
    ind = indicator(value=20, baseline=(-5, "2022-12-31"), kind="level")
    result = assess(ind, [point("2023-12-31", 5)], ProgressSettings(method="cagr"), START)
    assert result.status == NO_DATA and "opposite signs" in result.reason


def test_per_indicator_method() -> None:
    settings = ProgressSettings(methods={"x": "cagr"})
    assert assess(indicator(), [point("2024-12-31", 12600)], settings, START).method == "cagr"
