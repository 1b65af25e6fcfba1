"""C301: a milestone past its end month and not reported done."""

from zzip.findings import Problem
from zzip.i18n import N_

CODE = "C301"
NAME = "milestone-overdue"
SEVERITY = "error"
SCOPE = "compliance"
SUMMARY = N_("A milestone's end month has passed and its lead (or responsible) unit has not reported it done")
EXPLANATION = N_("""
## What it does
A milestone with an end month (e.g. 四(四)9, 2022年9月—2023年6月) is due on the last day of
that month. From the next day on, if the latest report of a lead unit does not say `done`,
the milestone is overdue for that unit. Days overdue count from the deadline to the as-of
date; past `[overdue] severe-days` (90 by default) it is severely overdue. Ongoing milestones
(持续推进) are never overdue.

## Why it matters
This is the list the supervising office chases every quarter.

## Example
As of 2023-07-01, 四(四)9 (end 2023-06) is 1 day overdue unless 市市场监管局's latest report says
`status: done`.

## How to fix
Finish the work and report it `done` with its completion date and evidence; or, if the plan's
deadline changed, update the plan and its revision log.
""")


def check(context):
    from zzip.overdue import overdue_message

    plan = context.plan
    overdue = context.overdue
    for item in sorted(overdue, key=lambda d: (d.item_id, d.unit)):
        if item.kind != "milestone":
            continue  # yearly items: C312
        yield Problem(
            item.location, overdue_message(item, plan.unit_name(item.unit)),
            unit=item.unit,
            extra={"milestone": item.item_id, "deadline": item.deadline.isoformat(), "days_overdue": item.days,
                   "grade": item.grade},
        )

