"""S213: a completion or measurement date that cannot be right."""

from zzip.i18n import N_

CODE = "S213"
NAME = "implausible-date"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A completion date before the work started, or a value measured before the baseline or the plan period")
EXPLANATION = N_("""
## What it does
Reports a `completed` date before the item's work began (a step's start month; for a task, the
start of its first step, else the month the plan was issued), before the day the plan was
issued (a step the plan dates from before its issue cannot have been done under it earlier),
before the plan period, or absurd; and an indicator value `measured` before the plan period or before the
indicator's baseline date.

## Why it matters
Such a date is a typing slip, and it must not decide a verdict: a completion date of
0001-01-01 would clear an overdue step, and a value from 1900 would be taken as current. The
entry or value is not counted anywhere (progress, overdue, history) until it is corrected.

## Example
```yaml
- id: MS-4-9
  status: done
  completed: "0001-01-01"   # S213: before the step started (2022-09-01)
```

## How to fix
Correct the date.
""")


def check(context):
    yield from context.rejections(CODE)
