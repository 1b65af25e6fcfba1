"""P109: a group where a single responsible body is expected."""

from zzip.findings import Problem

CODE = "P109"
NAME = "group-as-lead"
SEVERITY = "warning"
SCOPE = "plan"
SUMMARY = "A group of units is named as a lead unit or indicator owner"
EXPLANATION = """
## What it does
Warns when a task's lead, a milestone's lead or an indicator's owner is a group
(e.g. 各区县(市)人民政府) rather than one body.

## Why it matters
"Everyone leads" means nobody leads: when the work is late, there is no single office to ask.
Groups are fine as co-operating units, and among a task's `responsible` units (各镇人民政府负责),
where each member answers for its own part.

## How to fix
Name the body that leads; move the group to `cooperating`.
"""


def check(context):
    plan = context.plan

    def groups(ids, origin, field, what):
        for index, unit_id in enumerate(ids):
            unit = plan.units.get(unit_id)
            if unit and unit.is_group:
                yield Problem(origin.at(field, index), f"{what} names the group '{unit.name}' ({unit_id}) as {field}; name a single body")

    for task in plan.tasks.values():
        if not task.undivided:  # 各镇人民政府负责: each member answers for its own part (zzip/responsibility.py)
            yield from groups(task.lead, task.origin, "lead", f"task {task.id}")
    for milestone in plan.milestones.values():
        yield from groups(milestone.lead_override, milestone.origin, "lead", f"milestone {milestone.id}")
    for indicator in plan.indicators.values():
        unit = plan.units.get(indicator.owner)
        if unit and unit.is_group:
            yield Problem(indicator.origin.at("owner"),
                          f"indicator {indicator.id} names the group '{unit.name}' as owner; name a single body")
