"""How far an indicator is from where it should be by now.

Two methods (docs/progress.md explains them with worked examples):

* **linear**: the required value at a date is read off the straight line from the baseline
  through any interim targets to the target at its deadline (the last day of the deadline
  month). ratio = (latest - baseline) / (required - baseline).
* **cagr** (the Open SDG / Statistics Canada progress measure):
  ratio = d * CAGR(latest, baseline) / |CAGR(target, baseline)|, with CAGR(v1, v0, years) =
  (v1 / v0) ** (1 / years) - 1 and d = +1 for an increase target, -1 for a decrease.

Whether the target is already achieved is checked first. The ratio is then graded with
thresholds (defaults 0.95 / 0.6 / 0): on track, at risk, behind, else deteriorating.
Where no ratio can be computed, the status is "no data" and the reason says why.
"""

from __future__ import annotations

import datetime as dt
import math

from msgspec import Struct, field

from zzip import labels
from zzip.config import ProgressSettings
from zzip.i18n import _, message_date, pgettext
from zzip.plan import Indicator, Target

ACHIEVED, ON_TRACK, AT_RISK, BEHIND, DETERIORATING, NO_DATA = (
    "achieved", "on track", "at risk", "behind", "deteriorating", "no data")
STATUS_ORDER = (DETERIORATING, BEHIND, AT_RISK, NO_DATA, ON_TRACK, ACHIEVED)  # worst first
DAYS_PER_YEAR = 365.25


class Point(Struct, frozen=True, gc=False):
    date: dt.date
    value: float
    source: str  # where the number comes from: "plan baseline" or a status file path


class Assessment(Struct):
    indicator: Indicator
    method: str
    status: str
    reason: str  # one plain sentence: why this status
    points: list[Point]
    baseline: Point | None = None
    latest: Point | None = None
    required: float | None = None  # the value the trajectory asks for at the latest date
    ratio: float | None = None
    target: Target | None = None  # the target graded (the headline one, or a restated or yearly one)
    role: str = "headline"  # "headline", "restated" (stated again elsewhere) or "yearly" (每年, one year of it)
    label: str | None = None  # for a target other than the headline one: "as restated in 三(五)3", "for 2024"
    key: str | None = None  # that target's stable key for machine formats: "三(五)3", "2024"
    steps: list[tuple[str, str]] = field(default_factory=list)  # (label, value) for --explain

    @property
    def behind(self) -> bool:
        return self.status in (AT_RISK, BEHIND, DETERIORATING)


def assess(indicator: Indicator, reported: list[Point], settings: ProgressSettings,
           plan_start: dt.date, *, target: Target | None = None, as_of: dt.date | None = None,
           missed_after: dt.date | None = None) -> Assessment:
    """Grade the latest reported value against `target` (default: the indicator's headline target).

    `missed_after`: the day after which a value at the deadline should have been reported (the
    due date of the deadline's report); from then on, as of `as_of`, a latest value short of the
    target means the target was missed, whatever the trajectory said when it was measured.
    """
    method = settings.method_for(indicator.id)
    points = sorted(reported, key=lambda p: p.date)
    target = target or indicator.target
    result = Assessment(indicator, method, NO_DATA, "", points, target=target)
    goal = target.goal
    deadline = target.deadline.last_day

    def step(label: str, value: str) -> None:
        result.steps.append((label, value))

    step(pgettext("explain", "method"),
         _("growth rate against the required rate") if target.growth_rate is not None else
         _("linear expectation") if method == "linear" else _("compound annual growth (Open SDG)"))
    step(pgettext("explain", "target"), _("%(target)s (last day %(day)s)", target=target.describe(indicator.unit),
                                          day=message_date(deadline)))

    overdue_result = as_of is not None and missed_after is not None and as_of > missed_after
    if not points:
        if overdue_result:  # the value at the deadline should have been reported by now: none was
            result.status = BEHIND
            result.required = goal
            result.reason = _("the target was due %(deadline)s and no value has been reported, though the value at "
                              "the deadline was due by %(due)s", deadline=message_date(deadline),
                              due=message_date(missed_after))
            step(pgettext("explain", "deadline passed"),
                 _("yes: as of %(as_of)s nothing shows the target met", as_of=message_date(as_of)))
            return result
        result.reason = _("no value has been reported yet")
        return result
    # A deadline target is decided by the value at its deadline: the first value measured on or
    # after the deadline day is the result, and a later recovery does not undo a miss.
    at_deadline = next((p for p in points if p.date >= deadline), None)
    latest = at_deadline or points[-1]
    result.latest = latest
    step(pgettext("explain", "latest value") if at_deadline is None else pgettext("explain", "value at the deadline"),
         _("%(value)s on %(date)s (%(source)s)", value=fmt_exact(latest.value), date=message_date(latest.date),
           source=latest.source))

    baseline = _baseline(indicator, points, plan_start)
    if baseline is not None:
        result.baseline = baseline
        step(pgettext("explain", "baseline"),
             _("%(value)s on %(date)s (%(source)s)", value=fmt_exact(baseline.value), date=message_date(baseline.date),
               source=baseline.source))
    direction = indicator.sign
    if target.growth_rate is not None:
        return _grade_growth(result, target, baseline, latest, deadline, settings, overdue_result, missed_after)
    if _achieved(indicator, target, latest.value, settings):
        result.status = ACHIEVED
        if target.comparator == "about" and direction * (latest.value - goal) < 0:  # 83分左右: short, but close enough
            result.reason = _("%(value)s is within ±%(tolerance)s of the target of about %(goal)s",
                              value=fmt_exact(latest.value), tolerance=f"{settings.about_tolerance * 100:g}%",
                              goal=fmt_exact(goal))
        else:
            result.reason = _("%(value)s meets the target of %(goal)s", value=fmt_exact(latest.value),
                              goal=fmt_exact(goal))
        step(pgettext("explain", "target achieved"), _("yes: checked before any ratio"))
        return result
    if latest.date >= deadline:  # measured on the deadline day or later: that is the result
        result.status = BEHIND
        result.required = goal
        recovered = next((p for p in points if p.date > latest.date and _achieved(indicator, target, p.value, settings)),
                         None)
        values = {"deadline": message_date(deadline), "value": fmt_exact(latest.value),
                  "measured": message_date(latest.date), "goal": fmt_exact(goal)}
        if recovered is None:
            result.reason = _("the target was due %(deadline)s and %(value)s (measured %(measured)s) falls short of "
                              "%(goal)s", **values)
        else:
            result.reason = _("the target was due %(deadline)s and %(value)s (measured %(measured)s) falls short of "
                              "%(goal)s; %(later)s on %(later_date)s meets it, after the deadline",
                              later=fmt_exact(recovered.value), later_date=message_date(recovered.date), **values)
        step(pgettext("explain", "deadline reached"),
             _("yes: a value measured on or after the deadline is short, so the target was missed"))
        return result
    if overdue_result:
        result.status = BEHIND
        result.required = goal
        result.reason = _("the target was due %(deadline)s; the value at the deadline was due by %(due)s, and the "
                          "latest one, %(value)s (measured %(measured)s), falls short of %(goal)s",
                          deadline=message_date(deadline), due=message_date(missed_after),
                          value=fmt_exact(latest.value), measured=message_date(latest.date), goal=fmt_exact(goal))
        step(pgettext("explain", "deadline passed"),
             _("yes: as of %(as_of)s no reported value meets the target", as_of=message_date(as_of)))
        return result
    if baseline is None:
        result.reason = _("no baseline: the plan gives none and only one value has been reported")
        return result

    if _achieved(indicator, target, baseline.value, settings):
        # Nothing to gain, everything to keep: the requirement is to stay at or beyond the target,
        # and a ratio against (target - baseline) would turn a fall into "on track".
        result.status = BEHIND
        result.required = goal
        result.reason = _("the baseline %(baseline)s already met the target of %(goal)s, which must be held; "
                          "%(value)s falls short of it", baseline=fmt_exact(baseline.value), goal=fmt_exact(goal),
                          value=fmt_exact(latest.value))
        step(pgettext("explain", "baseline meets the target"),
             _("yes: the value must stay at or beyond the target; it does not"))
        return result
    if latest.date <= baseline.date:
        result.reason = _("fewer than two points: the latest value is not later than the baseline")
        return result

    if method == "cagr":
        ratio = _cagr_ratio(result, baseline, latest, goal, deadline, direction)
    else:
        ratio = _linear_ratio(result, indicator, target, baseline, latest, goal, deadline)
    if ratio is None:
        return result
    if ratio is _FELL:
        result.status = DETERIORATING
        step(pgettext("explain", "status"), labels.indicator_status(result.status))
        return result
    if ratio is _HOLD:
        # The trajectory asks for no gain over the baseline by this date (an interim target at
        # or behind it): the value must simply not fall short of what is required.
        held = direction * (latest.value - result.required) >= 0
        result.status = ON_TRACK if held else BEHIND
        values = {"required": fmt_short(result.required), "date": message_date(latest.date),
                  "value": fmt_short(latest.value)}
        if held:
            result.reason = _("the trajectory asks for %(required)s by %(date)s, no gain over the baseline; "
                              "%(value)s holds it", **values)
        else:
            result.reason = _("the trajectory asks for %(required)s by %(date)s, no gain over the baseline; "
                              "%(value)s falls short of it", **values)
        step(pgettext("explain", "status"), labels.indicator_status(result.status))
        return result
    result.ratio = ratio
    step(pgettext("explain", "ratio"), f"{ratio:.3f}")
    step(pgettext("explain", "thresholds"),
         _("on track >= %(on_track)s, at risk >= %(at_risk)s, behind >= %(behind)s, deteriorating below",
           on_track=settings.on_track, at_risk=settings.at_risk, behind=settings.behind))
    if ratio >= settings.on_track:
        result.status = ON_TRACK
    elif ratio >= settings.at_risk:
        result.status = AT_RISK
    elif ratio >= settings.behind:
        result.status = BEHIND
    else:
        result.status = DETERIORATING
    if result.required is not None:
        result.reason = _("progress ratio %(ratio)s (%(value)s against %(required)s required by %(date)s)",
                          ratio=f"{ratio:.2f}", value=fmt_short(latest.value), required=fmt_short(result.required),
                          date=message_date(latest.date))
    else:
        result.reason = _("progress ratio %(ratio)s", ratio=f"{ratio:.2f}")
    step(pgettext("explain", "status"), labels.indicator_status(result.status))
    return result


def _grade_growth(result: Assessment, target: Target, baseline: Point, latest: Point, deadline: dt.date,
                  settings: ProgressSettings, overdue_result: bool, missed_after: dt.date | None) -> Assessment:
    """A growth-rate target (年均增长10%): the compound annual growth from the base-year value to
    the latest value, against the required rate. ratio = observed / required (both signed, so a
    decrease target's -5 % a year is met by -6 %); a growth of the wrong sign is a value like any
    other and grades as deteriorating. At or after the deadline the rate is met or missed."""
    required_rate = target.growth_rate / 100
    years = target.growth_years(latest.date)
    steps = result.steps
    if years <= 0:
        result.reason = _("the latest value is not later than the base-year value: no growth rate yet")
        return result
    if latest.value <= 0:  # from a positive base to zero or below: every unit lost, -100 % a year
        observed = -1.0
        steps.append((pgettext("explain", "observed growth"),
                      _("%(value)s is at or below zero: -100%% a year", value=fmt_exact(latest.value))))
    else:
        observed = (latest.value / baseline.value) ** (1 / years) - 1
        steps.append((pgettext("explain", "observed growth"),
                      _("(%(value)s / %(base)s) ^ (1 / %(years)s years) - 1 = %(rate)s a year",
                        value=fmt_exact(latest.value), base=fmt_exact(baseline.value), years=f"{years:.3f}",
                        rate=f"{observed:.4%}")))
    steps.append((pgettext("explain", "required growth"), _("%(rate)s a year", rate=f"{required_rate:.4%}")))
    result.required = baseline.value * (1 + required_rate) ** years
    # met on the level the rate gives, not on the rates: 100 x 1.1^3 is 133.10000000000005 in floating
    # point, and a value exactly on the required rate meets it
    on_rate = math.isclose(latest.value, result.required, rel_tol=1e-9)
    met = on_rate or (latest.value > result.required if required_rate > 0 else latest.value < result.required)
    rates = _("%(observed)s a year against %(required)s required since %(date)s", observed=f"{observed:.2%}",
              required=f"{required_rate:.2%}", date=message_date(baseline.date))
    if latest.date >= deadline:
        result.status = ACHIEVED if met else BEHIND
        result.reason = (_("at the deadline %(day)s: %(rates)s", day=message_date(deadline), rates=rates) if met else
                         _("at the deadline %(day)s: %(rates)s, so the target was missed", day=message_date(deadline),
                           rates=rates))
        steps.append((pgettext("explain", "deadline reached"), _("yes: the rate at the deadline decides")))
        return result
    if overdue_result:
        result.status = BEHIND
        result.reason = _("the target was due %(day)s; the value at the deadline was due by %(due)s, and the latest one "
                          "(measured %(measured)s) shows %(rates)s", day=message_date(deadline),
                          due=message_date(missed_after), measured=message_date(latest.date), rates=rates)
        return result
    ratio = observed / required_rate
    result.ratio = ratio
    steps.append((pgettext("explain", "formula"), f"{observed:.4%} / {required_rate:.4%} = {ratio:.3f}"))
    result.status = ON_TRACK if ratio >= settings.on_track else AT_RISK if ratio >= settings.at_risk else \
        BEHIND if ratio >= settings.behind else DETERIORATING
    result.reason = _("growth ratio %(ratio)s (%(rates)s)", ratio=f"{ratio:.2f}", rates=rates)
    steps.append((pgettext("explain", "status"), labels.indicator_status(result.status)))
    return result


def required_at(result: Assessment, when: dt.date) -> float | None:
    """The value the trajectory asks for on a given day (e.g. today), by the assessment's method."""
    indicator, baseline, target = result.indicator, result.baseline, result.target
    if baseline is None or when <= baseline.date:
        return None
    goal, deadline = target.goal, target.deadline.last_day
    if target.growth_rate is not None:  # the level the required rate gives on that day
        return baseline.value * (1 + target.growth_rate / 100) ** target.growth_years(min(when, deadline))
    if indicator.sign * (goal - baseline.value) <= 0:
        return goal  # the baseline already meets it: hold the target
    if result.method == "cagr":
        if baseline.value <= 0 or goal <= 0:
            return None
        years_total = (deadline - baseline.date).days / DAYS_PER_YEAR
        years = min((when - baseline.date).days, (deadline - baseline.date).days) / DAYS_PER_YEAR
        return baseline.value * (goal / baseline.value) ** (years / years_total)
    return _on_path(_path(indicator, target, baseline), when)


def _path(indicator: Indicator, target: Target, baseline: Point) -> list[tuple[dt.date, float]]:
    """The straight-line trajectory: the baseline, the interim targets before this target's
    deadline (interim targets belong to the headline target's path), then the target."""
    deadline = target.deadline.last_day
    path = [(baseline.date, baseline.value)]
    path += [(p.deadline.last_day, p.value) for p in sorted(indicator.interim, key=lambda p: p.deadline)
             if baseline.date < p.deadline.last_day < deadline]
    path.append((deadline, target.goal))
    return path


def _baseline(indicator: Indicator, points: list[Point], plan_start: dt.date) -> Point | None:
    if indicator.baseline is not None:
        return Point(indicator.baseline.date, indicator.baseline.value, _("plan baseline"))
    if indicator.kind == "increment":
        return Point(plan_start, 0.0, _("new items are counted from 0 at the start of the plan period"))
    if len(points) >= 2:
        first = points[0]
        return Point(first.date, first.value, _("first reported value, %(source)s", source=first.source))
    return None


def _achieved(indicator: Indicator, target: Target, value: float, settings: ProgressSettings) -> bool:
    goal = target.goal
    tolerance = settings.about_tolerance if target.comparator == "about" else 0.0
    if indicator.direction == "increase":
        return value >= goal * (1 - tolerance)
    return value <= goal * (1 + tolerance)


_HOLD = object()  # the trajectory asks for no gain: compare with the required value directly
_FELL = object()  # compound growth: a positive value that must grow fell to zero or below


def _linear_ratio(result: Assessment, indicator: Indicator, target: Target, baseline: Point, latest: Point,
                  goal: float, deadline: dt.date):
    path = _path(indicator, target, baseline)
    required = _on_path(path, latest.date)
    result.required = required
    result.steps.append((pgettext("explain", "trajectory"),
                         " -> ".join(_("%(value)s on %(date)s", value=fmt_exact(v), date=message_date(d)) for d, v in path)))
    result.steps.append((pgettext("explain", "required by the latest date"),
                         _("%(value)s (read off the straight line)", value=fmt_exact(required))))
    if indicator.sign * (required - baseline.value) <= 0:
        # dividing by (required - baseline) would flip or blow up the ratio: no gain is asked for
        result.steps.append((pgettext("explain", "formula"),
                             _("none: the trajectory asks for no gain over the baseline by this date, so the value is "
                               "compared with the required one")))
        return _HOLD
    result.steps.append((pgettext("explain", "formula"), f"({fmt_exact(latest.value)} - {fmt_exact(baseline.value)}) / "
                                    f"({fmt_exact(required)} - {fmt_exact(baseline.value)})"))
    return (latest.value - baseline.value) / (required - baseline.value)


def _on_path(path: list[tuple[dt.date, float]], when: dt.date) -> float:
    if when >= path[-1][0]:
        return path[-1][1]
    for (d0, v0), (d1, v1) in zip(path, path[1:]):
        if d0 <= when <= d1:
            span = (d1 - d0).days
            return v1 if span == 0 else v0 + (v1 - v0) * (when - d0).days / span
    return path[0][1]


def _cagr_ratio(result: Assessment, baseline: Point, latest: Point, goal: float, deadline: dt.date,
                direction: int) -> float | None:
    base = baseline.value
    if base == 0:
        result.reason = _("zero base: compound growth from 0 is undefined (use the linear method, or give a baseline)")
        return None
    if base > 0 and goal > 0 and latest.value <= 0 and direction > 0:
        # a positive quantity that must grow has fallen to zero or below: no growth rate, but
        # certainly no progress either (a growth rate that turned negative, say)
        result.reason = _("%(value)s has fallen to or below zero from a baseline of %(baseline)s: moving away from "
                          "the target", value=fmt_exact(latest.value), baseline=fmt_exact(base))
        return _FELL
    if base * latest.value <= 0 or base * goal <= 0:
        result.reason = _("the baseline and the latest value (or the target) have opposite signs or are zero: no "
                          "growth rate")
        return None
    years_observed = (latest.date - baseline.date).days / DAYS_PER_YEAR
    years_required = (deadline - baseline.date).days / DAYS_PER_YEAR
    if years_required <= 0:
        result.reason = _("the baseline is not before the deadline: no required growth rate")
        return None
    observed = (latest.value / base) ** (1 / years_observed) - 1
    required = (goal / base) ** (1 / years_required) - 1
    result.steps.append((pgettext("explain", "observed growth"),
                         _("(%(value)s / %(base)s) ^ (1 / %(years)s years) - 1 = %(rate)s a year",
                           value=fmt_exact(latest.value), base=fmt_exact(base), years=f"{years_observed:.3f}",
                           rate=f"{observed:.4%}")))
    result.steps.append((pgettext("explain", "required growth"),
                         _("(%(value)s / %(base)s) ^ (1 / %(years)s years) - 1 = %(rate)s a year",
                           value=fmt_exact(goal), base=fmt_exact(base), years=f"{years_required:.3f}",
                           rate=f"{required:.4%}")))
    if required == 0:
        result.reason = _("the target equals the baseline: no growth is required, so progress cannot be measured")
        return None
    result.required = base * (1 + required) ** years_observed
    result.steps.append((pgettext("explain", "required by the latest date"),
                         _("%(value)s (at the required growth rate)", value=fmt_exact(result.required))))
    result.steps.append((pgettext("explain", "formula"), f"{direction:+d} x {observed:.4%} / |{required:.4%}|"))
    return direction * observed / abs(required)


def fmt_short(value: float) -> str:
    """For prose and table cells: whole numbers from 100 up, at most two decimals below."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_exact(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")
