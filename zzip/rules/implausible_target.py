"""P111: a target, baseline or interim value that cannot be right."""

from zzip.findings import Problem

CODE = "P111"
NAME = "implausible-target"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = "A negative count, a percentage over 100, or a range whose minimum exceeds its maximum"
EXPLANATION = """
## What it does
Checks the numbers of each indicator: the target (and any restatement), the baseline and the
interim targets. A count (any kind but `level`) cannot be negative; a value in % cannot be below
0 or above 100; a range's `min` cannot exceed its `max`.

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
"""


def _bad(indicator, value):
    if value is None:
        return None
    if indicator.unit == "%" and not 0 <= value <= 100:
        return f"{value:g}% is not between 0 and 100"
    if value < 0 and indicator.kind != "level":
        return f"{value:g} is negative, but {indicator.id} is a count ({indicator.kind})"
    return None


def check(context):
    for indicator in context.plan.indicators.values():
        target = indicator.target
        for field in ("value", "min", "max"):
            why = _bad(indicator, getattr(target, field))
            if why:
                yield Problem(indicator.origin.at("target", field), f"target {field} of {indicator.id}: {why}")
        if target.every_year and indicator.kind != "flow":
            yield Problem(indicator.origin.at("target", "every_year"),
                          f"every_year: a target set for each year is graded on each year's figure, so "
                          f"{indicator.id} must be of kind flow (a yearly figure), not {indicator.kind}")
        if target.min is not None and target.max is not None and target.min > target.max:
            yield Problem(indicator.origin.at("target", "min"),
                          f"target range of {indicator.id} runs backwards: min {target.min:g} > max {target.max:g}")
        if indicator.baseline is not None:
            why = _bad(indicator, indicator.baseline.value)
            if why:
                yield Problem(indicator.origin.at("baseline", "value"), f"baseline of {indicator.id}: {why}")
        for index, point in enumerate(indicator.interim):
            why = _bad(indicator, point.value)
            if why:
                yield Problem(indicator.origin.at("interim", index, "value"), f"interim target of {indicator.id}: {why}")
        for index, statement in enumerate(indicator.also_stated):
            why = statement.target and _bad(indicator, statement.target.value)
            if why:
                yield Problem(indicator.origin.at("also_stated", index, "value"), f"restated target of {indicator.id}: {why}")
