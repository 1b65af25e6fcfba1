"""P122: a yearly item owned by a unit that has no part in the work it serves."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P122"
NAME = "annual-owner-not-responsible"
SEVERITY = "warning"
SCOPE = "plan"
SUMMARY = N_("A yearly item's lead or co-operating unit has no part in any task or step the item serves")
EXPLANATION = N_("""
## What it does
For each unit a yearly item names as lead or co-operating unit, checks that the three-year plan
gives that unit a part in at least one of the tasks or steps the item serves: as lead or
co-operating unit, directly or as a member of a group (a district of 各区县(市)人民政府, a
development zone of 各开发区管委会).

## Why it matters
五(一) asks the yearly plan to assign the plan's responsibilities (明确责任分工), not new ones.
An owner outside the task is often a slip (the wrong task linked, or the wrong unit); it may
also be a deliberate assignment, hence a warning.

## Example
```yaml
- id: AP-2024-07
  serves: [KT-3-2]       # led by 市中级人民法院
  lead: [education]      # P122: 市教育局 has no part in KT-3-2
```

## How to fix
Link the task or step the item really serves, or name the responsible unit; if the assignment
is deliberate, say why in `note`.
""")


def _units_of(plan, ref) -> set[str]:
    if ref in plan.tasks:
        task = plan.tasks[ref]
        named = (*task.lead, *task.cooperating)
    elif ref in plan.milestones:
        milestone = plan.milestones[ref]
        named = (*plan.milestone_leads(milestone), *plan.milestone_cooperators(milestone))
    else:
        return set()
    return set(named) | set(plan.expand(named))


def check(context):
    plan = context.plan
    for item in plan.annual_items.values():
        responsible: set[str] = set()
        for ref in item.serves:
            responsible |= _units_of(plan, ref)
        if not responsible:
            continue  # P120 reports links to nothing
        for field in ("lead", "cooperating"):
            for index, unit in enumerate(getattr(item, field)):
                if unit in plan.units and unit not in responsible:
                    values = dict(name=plan.unit_name(unit), unit=unit, id=item.id, serves=", ".join(item.serves))
                    message = (_("%(name)s (%(unit)s) leads %(id)s, but has no part in %(serves)s, which the item serves",
                                 **values) if field == "lead" else
                               _("%(name)s (%(unit)s) co-operates on %(id)s, but has no part in %(serves)s, which the "
                                 "item serves", **values))
                    yield Problem(item.origin.at(field, index), message, unit=unit)
