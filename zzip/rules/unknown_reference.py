"""P103: a reference to a unit, task or indicator that the plan does not define."""


from zzip.findings import Problem
from zzip.i18n import N_, _, pgettext

CODE = "P103"
NAME = "unknown-reference"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A reference names a unit or task that does not exist, or an item of another kind")
EXPLANATION = N_("""
## What it does
Checks every id that points somewhere else: lead, co-operating and responsible units of tasks,
the tasks of milestones and indicators, indicator owners, group members, the supervising office,
and each task's kind (key-task, major-project, or one the plan names in `task_kinds`).

## Why it matters
A dangling reference leaves work with nobody responsible, or a milestone linked to nothing.

A reference must also name an item of the right kind: a milestone's `tasks` lists tasks, not
milestones, and a task's `lead` lists units, not indicators.

## Example
```yaml
lead: [market-regulaton]   # P103: unknown unit 'market-regulaton'; did you mean 'market-regulation'?
tasks: [MS-1-2]            # P103: MS-1-2 is a milestone, not a task, in tasks
```

## How to fix
Use an id defined in units.yaml (or tasks.yaml); `zzip plan export` lists them all.
""")


def _a(kind: str) -> str:
    """A kind of item as the complement of "is": "a unit", "an indicator"."""
    return {"unit": pgettext("item kind", "a unit"), "task": pgettext("item kind", "a task"),
            "milestone": pgettext("item kind", "a milestone"), "indicator": pgettext("item kind", "an indicator"),
            "yearly item": pgettext("item kind", "a yearly item")}.get(kind, kind)


def _problem(kind, known, item_id, location, field, kinds):
    """None when item_id is a `kind`; else what is wrong: another kind of item, or nothing at all.

    An item of the right kind that is defined but broken is reported by P101 already: not echoed."""
    if item_id in known or item_id in kinds.get(kind, ()):
        return None
    other = next((label for label, ids in kinds.items() if label != kind and item_id in ids), None)
    if other is not None:
        return Problem(location, _("%(id)s is %(other)s, not %(kind)s, in %(field)s", id=item_id, other=_a(other),
                                   kind=_a(kind), field=field))
    message = (_("unknown unit '%(id)s' in %(field)s", id=item_id, field=field) if kind == "unit" else
               _("unknown task '%(id)s' in %(field)s", id=item_id, field=field))
    import difflib  # only when something is not found

    guess = difflib.get_close_matches(item_id, list(known), n=1)
    if guess:
        message = _("%(problem)s; did you mean '%(guess)s'?", problem=message, guess=guess[0])
    return Problem(location, message)


def _missing(kind, known, ids, origin, field, kinds):
    right_kind = kinds.get(kind, ())
    for index, item_id in enumerate(ids):
        if item_id in known or item_id in right_kind:
            continue  # the usual case, decided before a position is looked up (a run starts with this rule)
        problem = _problem(kind, known, item_id, origin.at(field, index), field, kinds)
        if problem:
            yield problem


def check(context):
    plan = context.plan
    units, tasks = plan.units, plan.tasks
    kinds: dict[str, set] = {}
    for label, item_id, _origin in plan.all_definitions:
        kinds.setdefault(label, set()).add(item_id)
    if plan.meta and plan.meta.supervisor:
        problem = _problem("unit", units, plan.meta.supervisor, plan.meta.origin.at("supervisor"), "supervisor", kinds)
        if problem:
            yield problem
    for unit in units.values():
        yield from _missing("unit", units, unit.members, unit.origin, "members", kinds)
    task_kinds = plan.meta.task_kinds if plan.meta else ()
    for task in tasks.values():
        if task_kinds and task.kind not in task_kinds:
            yield Problem(task.origin.at("kind"), _(
                "unknown task kind '%(kind)s'; the plan names the kinds %(kinds)s (plan.yaml task_kinds)",
                kind=task.kind, kinds=", ".join(task_kinds)))
        field = "responsible" if task.undivided else "lead"
        yield from _missing("unit", units, task.lead, task.origin, field, kinds)
        yield from _missing("unit", units, task.cooperating, task.origin, "cooperating", kinds)
    for milestone in plan.milestones.values():
        yield from _missing("task", tasks, milestone.tasks, milestone.origin, "tasks", kinds)
        yield from _missing("unit", units, milestone.lead_override, milestone.origin, "lead", kinds)
    for indicator in plan.indicators.values():
        problem = _problem("unit", units, indicator.owner, indicator.origin.at("owner"), "owner", kinds)
        if problem:
            yield problem
        yield from _missing("task", tasks, indicator.tasks, indicator.origin, "tasks", kinds)
