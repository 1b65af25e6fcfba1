"""C312: a yearly item past its deadline and not reported done."""

from zzip.findings import Problem
from zzip.i18n import N_

CODE = "C312"
NAME = "annual-item-overdue"
SEVERITY = "error"
SCOPE = "compliance"
SUMMARY = N_("A yearly work plan item's deadline has passed and its lead unit has not reported it done")
EXPLANATION = N_("""
## What it does
Like C301 for steps, for the items of the yearly work plans (plan/annual/YYYY.yaml, 五(一)
年度工作推进计划). An item due in a month (`due: "2024-06"`) is on time through the month's
last day; one due on a date (`due: "2024-06-20"`) through that day. From the next day on, if
the latest report of a lead unit does not say `done`, the item is overdue for that unit; past
`[overdue] severe-days` (90 by default) it is severely overdue.

## Why it matters
The yearly plan is what the units agreed to deliver this year; the yearly assessment
(`zzip assess`, 五(三)) counts its overdue items.

## Example
As of 2024-07-01, an item `due: "2024-06"` is 1 day overdue unless its lead's latest report
says `status: done`.

## How to fix
Finish the work and report it `done` with its completion date and evidence; or, if the yearly
plan's deadline changed, update the plan and its revision log.
""")


def check(context):
    from zzip.overdue import overdue_message

    plan = context.plan
    overdue = context.overdue
    for item in sorted(overdue, key=lambda d: (d.item_id, d.unit)):
        if item.kind != "annual":
            continue
        yield Problem(item.location, overdue_message(item, plan.unit_name(item.unit)), unit=item.unit,
                      extra={"item": item.item_id, "deadline": item.deadline.isoformat(), "days_overdue": item.days,
                             "grade": item.grade})
