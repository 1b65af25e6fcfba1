"""S203: a unit reporting on work it has no part in."""

from zzip.findings import Problem

CODE = "S203"
NAME = "not-responsible"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = "A unit reports on a task, milestone or indicator it has no part in"
EXPLANATION = """
## What it does
A unit may report on the tasks and milestones it leads or co-operates on (directly, or as a
member of a co-operating group such as 各区县(市)人民政府), and on the indicators it owns or
that belong to those tasks. This rule reports anything else.

## Why it matters
Such an entry is usually filed under the wrong unit or the wrong id, and the unit that does
answer for the item then looks as if it reported nothing.

## How to fix
Check the id, and the `unit` of the file. `zzip template` lists exactly what a unit answers for.
"""


def check(context):
    plan, duties = context.plan, context.responsibilities
    for sub in context.submissions:
        if not context.in_scope(sub) or sub.unit not in plan.units:
            continue
        name = plan.unit_name(sub.unit)
        for entry in sub.entries:
            if (entry.id in plan.tasks or entry.id in plan.milestones) and duties.role(sub.unit, entry.id) is None:
                item = plan.tasks.get(entry.id) or plan.milestones.get(entry.id)
                yield Problem(entry.origin.at("id"),
                              f"{name} ({sub.unit}) has no part in {entry.id} ({item.ref}): it is neither lead nor co-operating unit",
                              unit=sub.unit)
        for value in sub.indicators:
            if value.id in plan.indicators and sub.unit not in duties.indicator_reporters(value.id):
                owner = plan.indicators[value.id].owner
                yield Problem(value.origin.at("id"),
                              f"{name} ({sub.unit}) reports indicator {value.id}, which {plan.unit_name(owner)} ({owner}) answers for",
                              unit=sub.unit)
