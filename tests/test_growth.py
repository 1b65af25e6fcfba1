"""Growth-rate targets (年均增长10% from a base-year value): graded as a rate, on each edge."""

import datetime as dt

import pytest

from zzip.config import ProgressSettings
from zzip.months import Month, years_between
from zzip.plan import Baseline, Indicator, Origin, Target
from zzip.progress import ACHIEVED, AT_RISK, BEHIND, DETERIORATING, NO_DATA, ON_TRACK, Point, assess, required_at

START = dt.date(2022, 1, 1)
BASE = Baseline(100.0, dt.date(2022, 12, 31), None)


def indicator(rate=10.0, direction="increase", deadline="2025-12") -> Indicator:
    target = Target(comparator="at_least", deadline=Month.parse(deadline), growth_rate=rate, growth_base=BASE)
    return Indicator(id="g", ref="一(三)", name="g", text="年均增长10%", kind="flow", direction=direction, unit="亿元",
                     target=target, owner="u", owner_basis="seed", tasks=(), also_stated=(), baseline=BASE,
                     interim=(), note=None, origin=Origin(None, ()))  # type: ignore[arg-type]


def grade(value: float, day: str, **kwargs):
    return assess(indicator(**kwargs), [Point(dt.date.fromisoformat(day), value, "r.yaml")], ProgressSettings(), START)


def level(day: str, rate: float = 0.10) -> float:
    """The level the required rate gives on `day`."""
    return 100 * (1 + rate) ** years_between(BASE.date, dt.date.fromisoformat(day))


def test_the_worked_example_of_docs_progress_md() -> None:
    result = grade(118, "2024-12-31")  # two whole years after the base year's 100 (2024 a leap year)
    assert result.ratio == pytest.approx(0.8628, abs=1e-4)  # 8.63 % a year against 10 %
    assert result.required == pytest.approx(121.00, abs=1e-9)
    assert result.status == AT_RISK


@pytest.mark.parametrize("value, status", [
    (125, ON_TRACK), (121, ON_TRACK), (118, AT_RISK), (104, BEHIND), (100, BEHIND), (95, DETERIORATING), (0, DETERIORATING),
])
def test_grades_by_the_ratio_of_rates(value, status) -> None:
    assert grade(value, "2024-12-31").status == status


def test_negative_growth_is_a_value_not_an_input_error() -> None:
    result = grade(90, "2024-12-31")
    assert result.status == DETERIORATING and result.ratio < 0
    assert "-5.13" in result.reason  # (90/100)^(1/2) - 1 = -5.13 % a year


@pytest.mark.parametrize("offset, status", [(0.01, ACHIEVED), (-0.01, BEHIND)])
def test_at_the_deadline_the_rate_is_met_or_missed(offset, status) -> None:
    assert grade(level("2025-12-31") + offset, "2025-12-31").status == status


def test_the_day_before_the_deadline_is_still_graded_by_ratio() -> None:
    result = grade(level("2025-12-30") + 0.01, "2025-12-30")
    assert result.status == ON_TRACK and result.ratio == pytest.approx(1.0, abs=1e-3)
    assert grade(level("2025-12-30") - 5, "2025-12-30").status in (AT_RISK, BEHIND)


@pytest.mark.parametrize("offset, status", [(0.01, ON_TRACK), (-0.01, ON_TRACK), (-3, AT_RISK)])
def test_on_the_required_rate_before_the_deadline(offset, status) -> None:
    assert grade(level("2024-06-30") + offset, "2024-06-30").status == status


def test_a_decrease_target_is_met_by_falling_at_least_as_fast() -> None:
    assert grade(level("2025-12-31", -0.05) - 0.01, "2025-12-31", rate=-5.0, direction="decrease").status == ACHIEVED
    assert grade(level("2025-12-31", -0.05) + 0.01, "2025-12-31", rate=-5.0, direction="decrease").status == BEHIND
    assert grade(110, "2024-12-31", rate=-5.0, direction="decrease").status == DETERIORATING


def test_a_value_on_the_base_date_gives_no_rate() -> None:
    assert grade(120, "2022-12-31").status == NO_DATA


def test_required_at_follows_the_rate() -> None:
    result = grade(118, "2024-12-31")
    assert required_at(result, dt.date(2025, 12, 31)) == pytest.approx(level("2025-12-31"))
    assert indicator().target.goal == pytest.approx(level("2025-12-31"))


@pytest.mark.parametrize("value, status", [(133.11, ACHIEVED), (133.1001, ACHIEVED), (133.10, ACHIEVED),
                                           (133.0999, BEHIND), (133.09, BEHIND)])
def test_the_deadline_rows_of_docs_progress_md(value, status) -> None:
    """100 -> 133.10 from 2022-12-31 to 2025-12-31 is exactly 10 % a year over three whole years
    (1.1^3 = 1.331; a leap year between does not make it 3.0007 years): met, and a hair below is not."""
    assert grade(value, "2025-12-31").status == status


@pytest.mark.parametrize(("lang", "stretch", "growth"), [("en", "aim 14653件 2025-06", "+10%/yr 2025-12"),
                                                         ("zh", "力争14653件 2025-06", "年均增长10% 2025-12")])
def test_a_compact_target_is_in_the_language_of_the_run(lang, stretch, growth) -> None:
    """The bulletin's table cell: English had 力争 and 年均 in it."""
    from zzip.i18n import set_language

    set_language(lang)
    assert Target(comparator="stretch", deadline=Month.parse("2025-06"), value=14653).short("件") == stretch
    assert Target(comparator="at_least", deadline=Month.parse("2025-12"), value=7).short("亿元") == "≥7亿元 2025-12"
    assert Target(comparator="at_least", deadline=Month.parse("2025-12"), growth_rate=10,
                  growth_base=BASE).short("亿元") == growth
@pytest.mark.parametrize("value, status", [(85.7375, ACHIEVED), (85.7374, ACHIEVED), (85.7376, BEHIND)])
def test_a_decrease_rate_met_exactly_is_met(value, status) -> None:
    assert grade(value, "2025-12-31", rate=-5.0, direction="decrease").status == status  # 100 x 0.95^3


@pytest.mark.parametrize("start, end, years", [
    ("2022-12-31", "2025-12-31", 3.0), ("2022-12-31", "2024-12-31", 2.0), ("2022-12-31", "2025-12-30", 2 + 364 / 365),
    ("2022-12-31", "2024-06-30", 1 + 182 / 366), ("2024-02-29", "2028-02-29", 4.0), ("2024-02-29", "2025-02-28", 1.0),
    ("2025-12-31", "2022-12-31", -3.0), ("2022-12-31", "2022-12-31", 0.0),
])
def test_years_are_whole_years_between_same_day_dates_plus_the_part_of_the_next(start, end, years) -> None:
    assert years_between(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == pytest.approx(years, abs=1e-12)


@pytest.mark.parametrize("rate, language, words, cell", [
    (10.0, "en", "growth of 10% a year from 100亿元 on 2022-12-31 by", "+10%/yr 2025-12"),
    (-5.0, "en", "a fall of 5% a year from 100亿元 on 2022-12-31 by", "-5%/yr 2025-12"),
    (10.0, "zh", "年均增长10%", "年均增长10% 2025-12"),
    (-5.0, "zh", "年均下降5%", "年均下降5% 2025-12"),
])
def test_a_growth_target_is_worded_as_growth_or_fall(rate, language, words, cell) -> None:
    from zzip.i18n import set_language

    set_language(language)
    target = indicator(rate=rate, direction="decrease" if rate < 0 else "increase").target
    assert words in target.describe("亿元") and "-" not in target.describe("亿元").split(" by ")[0].replace("2022-12-31", "")
    assert target.short("亿元") == cell
