"""C302: a milestone, yearly item, task with its own deadline or occurrence of a recurring task
reported done after its deadline."""

from zzip.findings import Problem
from zzip.i18n import N_, message_date, ngettext

CODE = "C302"
NAME = "completed-late"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("A milestone, yearly item or task was completed after its deadline")
EXPLANATION = N_("""
## What it does
Reports a milestone whose lead unit reports it `done` with a `completed` date after the last
day of its end month, with the number of days late; the same for the items of the yearly work
plans (plan/annual/), whose deadline is a month's last day or a given date, for a task with a
deadline of its own (`deadline: "2023-12"`, 2023年底前), and for each occurrence of a recurring
task (`recurs: yearly`, `due_month: 4`, 每年4月): the 2023 occurrence completed on 1 May 2023 is
one day late. (A completion in a later year counts for that year's occurrence; the missed one
stays overdue, C313.)

## Why it matters
The work is done, but the record shows the deadline was missed: the year-end review
(五(三)强化考核评估) counts it.

## How to fix
Nothing to fix in the file if the date is right. If the work was done on time, correct the
completion date.
""")


def check(context):
    plan = context.plan
    steps = [(m, m.deadline, plan.expand(plan.milestone_leads(m))) for m in plan.milestones.values()]
    steps += [(i, i.deadline, plan.expand(i.lead)) for i in plan.annual_items.values()]
    steps += [(t, t.deadline, plan.expand(t.lead)) for t in plan.tasks.values() if not t.recurs]
    for milestone, deadline, leads in steps:
        if deadline is None:
            continue
        for unit in leads:
            for sub, entry in context.history(unit, milestone.id):
                if entry.done:
                    if entry.completed and entry.completed > deadline and context.in_scope(sub):
                        yield _late(milestone, entry, unit, deadline)
                    break  # the first report that says done is the one that counts
    yield from _recurring(context)


def _recurring(context):
    """Each occurrence of a recurring task: the first report of a completion inside the
    occurrence's period (2023) that is dated after its due day (2023-04-30)."""
    plan = context.plan
    if plan.meta is None:
        return
    for task in plan.tasks.values():
        if not task.recurs:
            continue
        # from the task's start, as C313 and the overdue view: an occurrence due before it is not owed
        first, last = context.responsibilities.occurrence_span(task)
        for label, start, end, due in task.occurrences(first, last):
            for unit in plan.expand(task.lead):
                for sub, entry in context.history(unit, task.id):
                    if entry.done and entry.completed and start <= entry.completed <= end:
                        if entry.completed > due and context.in_scope(sub):
                            yield _late(task, entry, unit, due, label)
                        break


def _late(item, entry, unit, deadline, occurrence=None) -> Problem:
    days = (entry.completed - deadline).days
    values = dict(item=item.id, ref=item.ref, completed=message_date(entry.completed), deadline=message_date(deadline))
    if occurrence is None:
        message = ngettext(
            "%(item)s (%(ref)s) was completed %(completed)s, %(num)s day after its deadline %(deadline)s",
            "%(item)s (%(ref)s) was completed %(completed)s, %(num)s days after its deadline %(deadline)s",
            days, **values)
    else:
        message = ngettext(
            "%(item)s (%(ref)s, %(occurrence)s) was completed %(completed)s, %(num)s day after its deadline "
            "%(deadline)s",
            "%(item)s (%(ref)s, %(occurrence)s) was completed %(completed)s, %(num)s days after its deadline "
            "%(deadline)s", days, occurrence=occurrence, **values)
    extra = {"milestone": item.id, "days_late": days}
    if occurrence is not None:
        extra["occurrence"] = occurrence
    return Problem(entry.origin.at("completed"), message, unit=unit, extra=extra)
