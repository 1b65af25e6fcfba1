"""S202: a status file naming a unit, task, milestone or indicator the plan does not have."""

import functools

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "S202"
NAME = "unknown-item"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A status file names a unit, task, milestone or indicator that is not in the plan")
EXPLANATION = N_("""
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
""")


def _guess(value, known):
    return _closest(value, tuple(known))


@functools.lru_cache(maxsize=4096)  # the same slip recurs in every file of a unit
def _closest(value, known):
    import difflib  # only when something is not found

    guess = difflib.get_close_matches(value, known, n=1)
    return guess[0] if guess else None


def check(context):
    plan = context.plan
    items = {**plan.tasks, **plan.milestones, **plan.annual_items}
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        if sub.unit not in plan.units:
            unit = plan.resolve_unit(sub.unit)
            guess = None if unit else _guess(sub.unit, plan.units)
            if unit:
                message = _("unknown unit '%(unit)s'; the plan calls it '%(id)s'", unit=sub.unit, id=unit.id)
            elif guess:
                message = _("unknown unit '%(unit)s'; did you mean '%(guess)s'?", unit=sub.unit, guess=guess)
            else:
                message = _("unknown unit '%(unit)s'", unit=sub.unit)
            yield Problem(sub.origin.at("unit"), message)
        for entry in sub.entries:
            if entry.id not in items:
                guess = _guess(entry.id, items)
                message = (_("no task, milestone or yearly item '%(id)s' in the plan; did you mean '%(guess)s'?",
                             id=entry.id, guess=guess) if guess else
                           _("no task, milestone or yearly item '%(id)s' in the plan", id=entry.id))
                yield Problem(entry.origin.at("id"), message, unit=sub.unit)
        for value in sub.indicators:
            if value.id not in plan.indicators:
                guess = _guess(value.id, plan.indicators)
                message = (_("no indicator '%(id)s' in the plan; did you mean '%(guess)s'?", id=value.id, guess=guess)
                           if guess else _("no indicator '%(id)s' in the plan", id=value.id))
                yield Problem(value.origin.at("id"), message, unit=sub.unit)
