"""P106: a date outside the plan period."""

from zzip.findings import Problem

CODE = "P106"
NAME = "date-outside-period"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = "A milestone month, a target deadline or the first reporting period lies outside the plan period"
EXPLANATION = """
## What it does
Checks milestone start and end months, indicator deadlines (main, interim and restated) and the
first reporting period (`reporting.first_period`) against the plan period in plan.yaml.

## Why it matters
Work scheduled outside the plan period is never reported on; a deadline after it can never
be checked; reports expected only from a quarter after the plan ends are never expected at all.

## Example
```yaml
period: {start: "2022-01", end: "2025-12"}
...
end: "2026-06"      # P106: after the plan period ends (2025-12)
```

## How to fix
Correct the month, or, if the plan was extended by a later document, change the period and
record the change in the revision log.
"""


def _outside(month, meta):
    if month < meta.period_start:
        return f"before the plan period starts ({meta.period_start})"
    if month > meta.period_end:
        return f"after the plan period ends ({meta.period_end})"
    return None


def check(context):
    meta = context.plan.meta
    if meta is None:
        return
    if meta.first_period:
        first = meta.cadence.parse(meta.first_period)
        why = (f"before the plan period starts ({meta.period_start})" if first.last_month < meta.period_start else
               f"after the plan period ends ({meta.period_end})" if first.first_month > meta.period_end else None)
        if why:
            yield Problem(meta.origin.at("reporting", "first_period"), f"first reporting period {first} is {why}")
    for milestone in context.plan.milestones.values():
        for field, month in (("start", milestone.start), ("end", milestone.end)):
            why = month and _outside(month, meta)
            if why:
                yield Problem(milestone.origin.at(field), f"milestone {milestone.id} {field} {month} is {why}")
    for indicator in context.plan.indicators.values():
        why = _outside(indicator.target.deadline, meta)
        if why:
            yield Problem(indicator.origin.at("target", "deadline"),
                          f"indicator {indicator.id} deadline {indicator.target.deadline} is {why}")
        for index, point in enumerate(indicator.interim):
            why = _outside(point.deadline, meta)
            if why:
                yield Problem(indicator.origin.at("interim", index, "deadline"),
                              f"interim target {point.deadline} of indicator {indicator.id} is {why}")
        for index, statement in enumerate(indicator.also_stated):
            why = statement.target and _outside(statement.target.deadline, meta)
            if why:
                yield Problem(indicator.origin.at("also_stated", index, "deadline"),
                              f"restated deadline {statement.target.deadline} of indicator {indicator.id} is {why}")
