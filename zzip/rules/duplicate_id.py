"""P102: the same id defined twice."""

from zzip.findings import Problem
from zzip.i18n import N_, _
from zzip.labels import item_kind

CODE = "P102"
NAME = "duplicate-id"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("An id is defined more than once")
EXPLANATION = N_("""
## What it does
Reports a unit, task, milestone or indicator whose id is already used by another item of any
kind. Ids are shared across kinds because status files name tasks, milestones and indicators in
one list.

## Why it matters
A status entry for that id could mean either item; zzip keeps the first and ignores the second.

## Example
```yaml
- id: KT-1-1
  ref: 二(一)1
- id: KT-1-1        # P102: already defined at tasks.yaml:2
  ref: 二(一)2
```

## How to fix
Give the second item its own id (for tasks, follow the seed numbering: KT-1-2).
""")


def check(context):
    first: dict = {}
    for label, item_id, origin in context.plan.all_definitions:
        if item_id in first:
            other_label, other = first[item_id]
            yield Problem(origin.at("id"), _("%(kind)s id '%(id)s' is already used by the %(other_kind)s at %(where)s",
                                             kind=item_kind(label), id=item_id, other_kind=item_kind(other_label),
                                             where=other.at("id")))
        else:
            first[item_id] = (label, origin)
