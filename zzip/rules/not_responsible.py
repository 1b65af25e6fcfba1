"""S203: a unit reporting on work it has no part in."""

from zzip.i18n import N_

CODE = "S203"
NAME = "not-responsible"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A unit reports on a task, milestone or indicator it has no part in")
EXPLANATION = N_("""
## What it does
A unit may report on the tasks and milestones it leads or co-operates on (directly, or as a
member of a co-operating group such as 各区县(市)人民政府), and on the indicators it owns or
that belong to those tasks. This rule reports anything else.

## Why it matters
Such an entry is usually filed under the wrong unit or the wrong id, and the unit that does
answer for the item then looks as if it reported nothing.
The entry or value is not counted anywhere (progress, overdue, history): a unit's word on work it has no part in cannot clear a step or grade an indicator.

## How to fix
Check the id, and the `unit` of the file. `zzip template` lists exactly what a unit answers for.
""")


def check(context):
    # the screening decides, once, that such an entry or value counts nowhere (zzip/admission.py)
    yield from context.rejections(CODE)
