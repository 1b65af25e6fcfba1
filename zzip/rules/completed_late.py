"""C302: a milestone or yearly item reported done after its deadline."""

from zzip.findings import Problem
from zzip.i18n import N_, message_date, ngettext

CODE = "C302"
NAME = "completed-late"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("A milestone or yearly item was completed after its deadline")
EXPLANATION = N_("""
## What it does
Reports a milestone whose lead unit reports it `done` with a `completed` date after the last
day of its end month, with the number of days late; the same for the items of the yearly work
plans (plan/annual/), whose deadline is a month's last day or a given date.

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
    for milestone, deadline, leads in steps:
        if deadline is None:
            continue
        for unit in leads:
            for sub, entry in context.history(unit, milestone.id):
                if entry.done:
                    if entry.completed and entry.completed > deadline and context.in_scope(sub):
                        days = (entry.completed - deadline).days
                        message = ngettext(
                            "%(item)s (%(ref)s) was completed %(completed)s, %(num)s day after its deadline %(deadline)s",
                            "%(item)s (%(ref)s) was completed %(completed)s, %(num)s days after its deadline %(deadline)s",
                            days, item=milestone.id, ref=milestone.ref, completed=message_date(entry.completed),
                            deadline=message_date(deadline))
                        yield Problem(entry.origin.at("completed"), message,
                                      unit=unit, extra={"milestone": milestone.id, "days_late": days})
                    break  # the first report that says done is the one that counts
