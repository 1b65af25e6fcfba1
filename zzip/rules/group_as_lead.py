"""P109: a group where a single responsible body is expected."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P109"
NAME = "group-as-lead"
SEVERITY = "warning"
SCOPE = "plan"
SUMMARY = N_("A group of units is named as a lead unit or indicator owner")
EXPLANATION = N_("""
## What it does
Warns when a task's lead, a milestone's lead or an indicator's owner is a group
(e.g. 各区县(市)人民政府) rather than one body.

## Why it matters
"Everyone leads" means nobody leads: when the work is late, there is no single office to ask.
Groups are fine as co-operating units, and among a task's `responsible` units (各镇人民政府负责),
where each member answers for its own part.

## How to fix
Name the body that leads; move the group to `cooperating`.
""")


def check(context):
    plan = context.plan

    def groups(ids, origin, message, item_id):
        for index, unit_id in enumerate(ids):
            unit = plan.units.get(unit_id)
            if unit and unit.is_group:
                yield Problem(origin.at("lead", index), _(message, id=item_id, name=unit.name, unit=unit_id))

    for task in plan.tasks.values():
        if not task.undivided:  # 各镇人民政府负责: each member answers for its own part (zzip/responsibility.py)
            yield from groups(task.lead, task.origin, N_("task %(id)s names the group '%(name)s' (%(unit)s) as lead; "
                                                         "name a single body"), task.id)
    for milestone in plan.milestones.values():
        yield from groups(milestone.lead_override, milestone.origin,
                          N_("milestone %(id)s names the group '%(name)s' (%(unit)s) as lead; name a single body"),
                          milestone.id)
    for indicator in plan.indicators.values():
        unit = plan.units.get(indicator.owner)
        if unit and unit.is_group:
            yield Problem(indicator.origin.at("owner"),
                          _("indicator %(id)s names the group '%(name)s' as owner; name a single body",
                            id=indicator.id, name=unit.name))
