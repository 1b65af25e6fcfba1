"""S202: a status file naming a unit, task, milestone or indicator the plan does not have."""

import difflib
import functools

from zzip.findings import Problem

CODE = "S202"
NAME = "unknown-item"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = "A status file names a unit, task, milestone or indicator that is not in the plan"
EXPLANATION = """
## What it does
Checks the `unit` of each status file, the `id` of each entry (a task or milestone) and the
`id` of each indicator value against the plan.

## Why it matters
A report on an item the plan does not have counts for nothing; usually it is a typing slip,
and the real item then looks unreported.

## Example
```yaml
entries:
  - id: KT-1-9       # S202: no task or milestone KT-1-9 in the plan
```

## How to fix
Use the ids of `zzip template --unit UNIT --period QUARTER`, or `zzip plan export`.
"""


def _hint(value, known):
    return _closest(value, tuple(known))


@functools.lru_cache(maxsize=4096)  # the same slip recurs in every file of a unit
def _closest(value, known):
    guess = difflib.get_close_matches(value, known, n=1)
    return f"; did you mean '{guess[0]}'?" if guess else ""


def check(context):
    plan = context.plan
    items = {**plan.tasks, **plan.milestones, **plan.annual_items}
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        if sub.unit not in plan.units:
            unit = plan.resolve_unit(sub.unit)
            hint = f"; the plan calls it '{unit.id}'" if unit else _hint(sub.unit, plan.units)
            yield Problem(sub.origin.at("unit"), f"unknown unit '{sub.unit}'{hint}")
        for entry in sub.entries:
            if entry.id not in items:
                yield Problem(entry.origin.at("id"), f"no task, milestone or yearly item '{entry.id}' in the plan{_hint(entry.id, items)}",
                              unit=sub.unit)
        for value in sub.indicators:
            if value.id not in plan.indicators:
                yield Problem(value.origin.at("id"),
                              f"no indicator '{value.id}' in the plan{_hint(value.id, plan.indicators)}", unit=sub.unit)
