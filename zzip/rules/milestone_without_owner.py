"""P107: a milestone nobody answers for."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P107"
NAME = "milestone-without-owner"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A milestone has no responsible unit")
EXPLANATION = N_("""
## What it does
A milestone's responsible units are the lead units of the tasks it implements, or its own
`lead` list. This rule reports a milestone for which both are empty.

## Why it matters
An overdue milestone with no responsible unit cannot be chased: nobody is behind on it.

## Example
```yaml
- id: MS-1-1
  tasks: []          # P107: no task and no lead
```

## How to fix
Link the milestone to the task(s) it implements (`tasks: [KT-1-1]`), or name `lead:` units.
""")


def check(context):
    plan = context.plan
    for milestone in plan.milestones.values():
        if any(task_id not in plan.tasks for task_id in milestone.tasks):
            continue  # a missing or broken task is reported by P101/P103; its lead is unknown, not absent
        if not plan.milestone_leads(milestone):
            yield Problem(milestone.origin.at("tasks"),
                          _("milestone %(id)s (%(ref)s) has no responsible unit: link it to a task with a lead "
                            "unit, or give it a lead", id=milestone.id, ref=milestone.ref))
