"""C301: a milestone past its end month and not reported done."""

from zzip.findings import Problem

CODE = "C301"
NAME = "milestone-overdue"
SEVERITY = "error"
SCOPE = "compliance"
SUMMARY = "A milestone's end month has passed and its lead unit has not reported it done"
EXPLANATION = """
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
"""


def check(context):
    from zzip.overdue import due_items

    plan = context.plan
    overdue, _soon = due_items(context, include_tasks=False)
    for item in sorted(overdue, key=lambda d: (d.item_id, d.unit)):
        if item.kind != "milestone":
            continue  # yearly items: C312
        if item.status is None:
            said = "no report has mentioned it"
        else:
            said = f"latest report ({item.last_period}) says {item.status}"
            if item.percent is not None:
                said += f", {item.percent:g}%"
        yield Problem(
            item.location,
            f"{item.item_id} ({item.ref}) is {item.grade}: due {item.deadline.isoformat()}, {item.days} days ago; "
            f"{plan.unit_name(item.unit)} leads it and {said}",
            unit=item.unit,
            extra={"milestone": item.item_id, "deadline": item.deadline.isoformat(), "days_overdue": item.days,
                   "grade": item.grade},
        )
