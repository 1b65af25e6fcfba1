"""P105: a span that ends before it starts."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P105"
NAME = "start-after-end"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A milestone or the plan period starts after it ends")
EXPLANATION = N_("""
## What it does
Checks that every milestone's start month is not after its end month, and that the plan
period starts before it ends.

## Why it matters
Such a milestone can never be on time; it is almost always a typing slip.

## Example
```yaml
start: "2023-06"
end: "2022-12"     # P105: ends before it starts
```

## How to fix
Check the 实施时间 in the seed document and correct the month that is wrong.
""")


def check(context):
    meta = context.plan.meta
    if meta and meta.period_start > meta.period_end:
        yield Problem(meta.origin.at("period", "end"),
                      _("plan period ends (%(end)s) before it starts (%(start)s)", end=meta.period_end,
                        start=meta.period_start))
    for milestone in context.plan.milestones.values():
        if milestone.end is not None and milestone.start > milestone.end:
            yield Problem(milestone.origin.at("end"),
                          _("milestone %(id)s ends (%(end)s) before it starts (%(start)s)", id=milestone.id,
                            end=milestone.end, start=milestone.start))
