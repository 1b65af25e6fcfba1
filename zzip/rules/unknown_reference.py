"""P103: a reference to a unit, task or indicator that the plan does not define."""

import difflib

from zzip.findings import Problem

CODE = "P103"
NAME = "unknown-reference"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = "A reference names a unit, task or milestone that does not exist"
EXPLANATION = """
## What it does
Checks every id that points somewhere else: lead and co-operating units of tasks, the tasks of
milestones and indicators, indicator owners, group members, the supervising office.

## Why it matters
A dangling reference leaves work with nobody responsible, or a milestone linked to nothing.

## Example
```yaml
lead: [market-regulaton]   # P103: unknown unit 'market-regulaton'; did you mean 'market-regulation'?
```

## How to fix
Use an id defined in units.yaml (or tasks.yaml); `zzip plan export` lists them all.
"""


def _missing(kind, known, ids, origin, field, defined=frozenset()):
    for index, item_id in enumerate(ids):
        # an item that is defined but broken is reported by P101 already: don't echo it here
        if item_id not in known and item_id not in defined:
            guess = difflib.get_close_matches(item_id, list(known), n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            yield Problem(origin.at(field, index), f"unknown {kind} '{item_id}' in {field}{hint}")


def check(context):
    plan = context.plan
    units, tasks = plan.units, plan.tasks
    defined = frozenset(item_id for _label, item_id, _origin in plan.all_definitions)
    if plan.meta and plan.meta.supervisor and plan.meta.supervisor not in units:
        yield Problem(plan.meta.origin.at("supervisor"), f"unknown unit '{plan.meta.supervisor}' in supervisor")
    for unit in units.values():
        yield from _missing("unit", units, unit.members, unit.origin, "members", defined)
    for task in tasks.values():
        yield from _missing("unit", units, task.lead, task.origin, "lead", defined)
        yield from _missing("unit", units, task.cooperating, task.origin, "cooperating", defined)
    for milestone in plan.milestones.values():
        yield from _missing("task", tasks, milestone.tasks, milestone.origin, "tasks", defined)
        yield from _missing("unit", units, milestone.lead_override, milestone.origin, "lead", defined)
    for indicator in plan.indicators.values():
        if indicator.owner not in units and indicator.owner not in defined:
            guess = difflib.get_close_matches(indicator.owner, list(units), n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            yield Problem(indicator.origin.at("owner"), f"unknown unit '{indicator.owner}' in owner{hint}")
        yield from _missing("task", tasks, indicator.tasks, indicator.origin, "tasks", defined)
