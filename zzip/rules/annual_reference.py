"""P120: a yearly work plan that points at something the plan does not have."""


from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P120"
NAME = "annual-unknown-reference"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A yearly work plan names a task, step, unit or indicator the plan does not have, or the wrong year")
EXPLANATION = N_("""
## What it does
Checks each yearly work plan (plan/annual/YYYY.yaml, the 年度工作推进计划 of 五(一)): its `year`
matches the file name and lies in the plan period, no other file holds the same year, and each
item's `serves` (tasks and steps of the three-year plan), `lead` and `cooperating` units and
`target.indicator` exist in the plan.

## Why it matters
A yearly item linked to nothing serves no part of the plan; an item owned by a unit that does
not exist is chased by nobody.

## Example
```yaml
- id: AP-2024-03
  serves: [KT-9-9]        # P120: no task or step KT-9-9 in the plan
  lead: [market-regulaton] # P120: unknown unit; did you mean 'market-regulation'?
```

## How to fix
Use the ids of `zzip plan export`; name the file after its year (2024.yaml for `year: 2024`).
""")


def _with_hint(message: str, value, known) -> str:
    """The message, with the closest known id as a suggestion when there is one."""
    import difflib  # only when something is not found

    guess = difflib.get_close_matches(value, list(known), n=1)
    return _("%(problem)s; did you mean '%(guess)s'?", problem=message, guess=guess[0]) if guess else message


def check(context):
    plan = context.plan
    steps = {**plan.tasks, **plan.milestones}
    defined = frozenset(item_id for _label, item_id, _origin in plan.all_definitions)
    seen_years: dict[int, str] = {}
    for name, doc in plan.documents.items():
        if not name.startswith("annual/") or not isinstance(doc.data, dict):
            continue
        year = doc.data.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            continue  # P101 reports it
        stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        where = doc.locate(("year",))
        if stem != str(year):
            yield Problem(where, _("the yearly plan for %(year)s is in a file named %(stem)s; name it %(year)s.yaml, "
                                   "so that each year has one file", year=year, stem=stem))
        if year in seen_years:
            yield Problem(where, _("a second yearly plan for %(year)s: %(path)s already holds that year",
                                   year=year, path=seen_years[year]))
        seen_years.setdefault(year, doc.path)
        meta = plan.meta
        if meta and not meta.period_start.year <= year <= meta.period_end.year:
            yield Problem(where, _("the yearly plan is for %(year)s, outside the plan period (%(start)s to %(end)s)",
                                   year=year, start=meta.period_start, end=meta.period_end))
    for item in plan.annual_items.values():
        for index, ref in enumerate(item.serves):
            if ref not in steps and ref not in defined:
                message = _("%(id)s serves '%(ref)s', which is not a task or step of the plan", id=item.id, ref=ref)
                yield Problem(item.origin.at("serves", index), _with_hint(message, ref, steps))
        for field in ("lead", "cooperating"):
            for index, unit in enumerate(getattr(item, field)):
                if unit not in plan.units:
                    message = _("unknown unit '%(unit)s' in %(field)s of %(id)s", unit=unit, field=field, id=item.id)
                    yield Problem(item.origin.at(field, index), _with_hint(message, unit, plan.units))
                elif field == "lead" and plan.units[unit].is_group:
                    # a group sends no report, so its item could never be reported done, and its
                    # co-operating units would be docked for it: name the member that leads it
                    members = ", ".join(plan.units[unit].members) or _("none listed")
                    yield Problem(item.origin.at(field, index),
                                  _("%(id)s is led by the group '%(unit)s', which sends no report; name the member "
                                    "that leads it (its members: %(members)s)", id=item.id, unit=unit, members=members))
        if item.target and item.target.indicator not in plan.indicators:
            message = _("%(id)s sets a yearly target for '%(indicator)s', which is not an indicator of the plan",
                        id=item.id, indicator=item.target.indicator)
            yield Problem(item.origin.at("target", "indicator"),
                          _with_hint(message, item.target.indicator, plan.indicators))
