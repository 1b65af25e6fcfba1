"""C313: a task past its own deadline, or an occurrence of a recurring task, not reported done."""

from zzip.findings import Problem
from zzip import labels
from zzip.i18n import N_, message_date, ngettext

CODE = "C313"
NAME = "task-overdue"
SEVERITY = "error"
SCOPE = "compliance"
SUMMARY = N_("A task's own deadline, or one occurrence of a recurring task, has passed and its lead (or responsible) unit "
             "has not reported it done")
EXPLANATION = N_("""
## What it does
Like C301 for steps, for tasks that carry a deadline of their own (tasks.yaml `deadline`,
2023年底前) and for each occurrence of a recurring task (`recurs: yearly`, 每年, due by the end
of `due_month`, December by default; `recurs: quarterly`, 每季度, due by the quarter's end). A
task with a deadline is done when the lead's latest report says `done`. An occurrence is done
when a report of the lead says `done` with a `completed` date inside that occurrence's year or
quarter: each occurrence is checked on its own, so a year missed stays a finding when a later
year is done. Ongoing tasks (`ongoing: true`, 长期坚持) are never overdue.

## Why it matters
A yearly duty (每年开展一次…) checked only once would let a missed year disappear.

## Example
As of 2024-05-01, a task `recurs: yearly, due_month: 4` is overdue for 2024 unless its lead
reported it done with a completion date in 2024.

## How to fix
Do the work and report it `done` with its completion date; or correct the plan.
""")


def check(context):
    plan = context.plan
    overdue = context.overdue
    for item in sorted(overdue, key=lambda d: (d.item_id, d.occurrence or "", d.unit)):
        if item.kind != "task":
            continue
        which = f"{item.item_id} ({item.ref}, {item.occurrence})" if item.occurrence else f"{item.item_id} ({item.ref})"
        values = {"item": which, "grade": labels.overdue_grade(item.grade), "due": message_date(item.deadline),
                  "unit": plan.unit_name(item.unit)}
        if item.responsible:
            message = ngettext(
                "%(item)s is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s is responsible for it and has not "
                "reported it done",
                "%(item)s is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s is responsible for it and has not "
                "reported it done", item.days, **values)
        else:
            message = ngettext(
                "%(item)s is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s leads it and has not reported it done",
                "%(item)s is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s leads it and has not reported it done",
                item.days, **values)
        yield Problem(item.location, message,
            unit=item.unit, extra={"item": item.item_id, "deadline": item.deadline.isoformat(), "days_overdue": item.days,
                                   "grade": item.grade, **({"occurrence": item.occurrence} if item.occurrence else {})})
