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
    plan, as_of, severe = context.plan, context.as_of, context.config.severe_days
    for milestone in plan.milestones.values():
        deadline = milestone.deadline
        if deadline is None or as_of <= deadline:
            continue
        for unit in plan.milestone_leads(milestone):
            if unit not in plan.units:
                continue
            latest = context.latest_entry(unit, milestone.id)
            if latest and latest[1].done:
                continue
            days = (as_of - deadline).days
            grade = "severely overdue" if days > severe else "overdue"
            if latest:
                sub, entry = latest
                where = entry.origin.at("status")
                said = f"latest report ({sub.period}) says {entry.status}"
                if entry.percent is not None:
                    said += f", {entry.percent:g}%"
            else:
                where = milestone.origin.at("end")
                said = "no report has mentioned it"
            yield Problem(
                where,
                f"{milestone.id} ({milestone.ref}) is {grade}: due {deadline.isoformat()}, {days} days ago; "
                f"{plan.unit_name(unit)} leads it and {said}",
                unit=unit,
                extra={"milestone": milestone.id, "deadline": deadline.isoformat(), "days_overdue": days, "grade": grade},
            )
