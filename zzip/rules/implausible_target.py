"""P111: a target, baseline or interim value that cannot be right."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P111"
NAME = "implausible-target"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A negative count, a percentage over 100, a range whose minimum exceeds its maximum, or an impossible "
             "growth rate")
EXPLANATION = N_("""
## What it does
Checks the numbers of each indicator: the target (and any restatement), the baseline and the
interim targets. A count (any kind but `level`) cannot be negative; a percentage cannot be below
0 or above 100; a range's `min` cannot exceed its `max`. A growth-rate target (`growth_rate`,
年均增长10%) must lie above -100 % a year (a quantity cannot fall by more than all of it) and at
most 1000 % a year (eleven-fold each year: beyond that it is a slip, a level written as a rate).
(A rate of 0, or one against the indicator's direction, is refused by P101.)

## Why it matters
Progress is measured against these numbers: a typing slip here turns every unit's report into
"behind" or "achieved".

## Example
```yaml
unit: "%"
target: {value: 110, comparator: at_least, deadline: "2025-12"}   # P111: over 100%
```

## How to fix
Copy the number from the seed document again; check the unit of measure.
""")


# 1000 % a year is eleven-fold each year; a plan's 年均增长 above that is a slip (a level typed as a rate)
MAX_GROWTH_RATE = 1000.0


def _bad(indicator, value):
    if value is None:
        return None
    if indicator.unit == "%" and not 0 <= value <= 100:
        return _("%(value)s%% is not between 0 and 100", value=f"{value:g}")
    if value < 0 and indicator.kind != "level":
        return _("%(value)s is negative, but %(id)s is a count (%(kind)s)", value=f"{value:g}", id=indicator.id,
                 kind=indicator.kind)
    return None


def _said(what: str, why: str) -> str:
    """Which number is wrong, and why: "target value of patents: 110% is not between 0 and 100"."""
    return _("%(what)s: %(why)s", what=what, why=why)


def check(context):
    for indicator in context.plan.indicators.values():
        target = indicator.target
        for field in ("value", "min", "max"):
            why = _bad(indicator, getattr(target, field))
            if why:
                what = {"value": _("target value of %(id)s", id=indicator.id),
                        "min": _("target min of %(id)s", id=indicator.id),
                        "max": _("target max of %(id)s", id=indicator.id)}[field]
                yield Problem(indicator.origin.at("target", field), _said(what, why))
        rate = target.growth_rate
        if rate is not None and not -100 < rate <= MAX_GROWTH_RATE:
            yield Problem(indicator.origin.at("target", "growth_rate"),
                          _("growth_rate of %(id)s is %(rate)s%% a year: a growth rate must be above -100%% and at "
                            "most %(max)s%% a year",
                            id=indicator.id, rate=f"{rate:g}", max=f"{MAX_GROWTH_RATE:g}"))
        if target.every_year and indicator.kind != "flow":
            yield Problem(indicator.origin.at("target", "every_year"),
                          _("every_year: a target set for each year is graded on each year's figure, so %(id)s "
                            "must be of kind flow (a yearly figure), not %(kind)s", id=indicator.id, kind=indicator.kind))
        if target.min is not None and target.max is not None and target.min > target.max:
            yield Problem(indicator.origin.at("target", "min"),
                          _("target range of %(id)s runs backwards: min %(min)s > max %(max)s", id=indicator.id,
                            min=f"{target.min:g}", max=f"{target.max:g}"))
        if indicator.baseline is not None:
            why = _bad(indicator, indicator.baseline.value)
            if why:
                yield Problem(indicator.origin.at("baseline", "value"),
                              _said(_("baseline of %(id)s", id=indicator.id), why))
        for index, point in enumerate(indicator.interim):
            why = _bad(indicator, point.value)
            if why:
                yield Problem(indicator.origin.at("interim", index, "value"),
                              _said(_("interim target of %(id)s", id=indicator.id), why))
        for index, statement in enumerate(indicator.also_stated):
            why = statement.target and _bad(indicator, statement.target.value)
            if why:
                yield Problem(indicator.origin.at("also_stated", index, "value"),
                              _said(_("restated target of %(id)s", id=indicator.id), why))
