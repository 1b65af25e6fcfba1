"""P106: a date outside the plan period."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date

CODE = "P106"
NAME = "date-outside-period"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A milestone month, a target or task deadline or the first reporting period lies outside the plan period")
EXPLANATION = N_("""
## What it does
Checks milestone start and end months, indicator deadlines (main, interim and restated), task
deadlines, the due day of each occurrence of a recurring task (`recurs`, `due_month`) and the
first reporting period (`reporting.first_period`) against the plan period in plan.yaml.

An occurrence due before the plan starts is not owed, and not a problem: a plan issued in May
2022 with a report due each April (`due_month: 4`) first asks for it in April 2023.

## Why it matters
Work scheduled outside the plan period is never reported on; a deadline after it can never
be checked; reports expected only from a quarter after the plan ends are never expected at all.

## Example
```yaml
period: {start: "2022-01", end: "2025-12"}
...
end: "2026-06"      # P106: after the plan period ends (2025-12)
```

## How to fix
Correct the month, or, if the plan was extended by a later document, change the period and
record the change in the revision log.
""")


# what lies outside the plan period, before it or after it: one whole sentence each
_MESSAGES = {
    ("first_period", "before"): N_("first reporting period %(month)s is before the plan period starts (%(start)s)"),
    ("first_period", "after"): N_("first reporting period %(month)s is after the plan period ends (%(end)s)"),
    ("start", "before"): N_("milestone %(id)s start %(month)s is before the plan period starts (%(start)s)"),
    ("start", "after"): N_("milestone %(id)s start %(month)s is after the plan period ends (%(end)s)"),
    ("end", "before"): N_("milestone %(id)s end %(month)s is before the plan period starts (%(start)s)"),
    ("end", "after"): N_("milestone %(id)s end %(month)s is after the plan period ends (%(end)s)"),
    ("deadline", "before"): N_("indicator %(id)s deadline %(month)s is before the plan period starts (%(start)s)"),
    ("deadline", "after"): N_("indicator %(id)s deadline %(month)s is after the plan period ends (%(end)s)"),
    ("interim", "before"): N_("interim target %(month)s of indicator %(id)s is before the plan period starts (%(start)s)"),
    ("interim", "after"): N_("interim target %(month)s of indicator %(id)s is after the plan period ends (%(end)s)"),
    ("restated", "before"): N_("restated deadline %(month)s of indicator %(id)s is before the plan period starts "
                               "(%(start)s)"),
    ("restated", "after"): N_("restated deadline %(month)s of indicator %(id)s is after the plan period ends (%(end)s)"),
    ("task", "before"): N_("task %(id)s deadline %(day)s is before the plan period starts (%(start)s)"),
    ("task", "after"): N_("task %(id)s deadline %(day)s is after the plan period ends (%(end)s)"),
    ("occurrence", "after"): N_("the %(occurrence)s occurrence of task %(id)s is due %(day)s, after the plan period "
                                "ends (%(end)s)"),
}


def _outside_day(day, meta):
    if day < meta.period_start.first_day:
        return "before"
    if day > meta.period_end.last_day:
        return "after"
    return None


def _outside(month, meta):
    if month < meta.period_start:
        return "before"
    if month > meta.period_end:
        return "after"
    return None


def _message(what: str, side: str, meta, **values) -> str:
    return _(_MESSAGES[what, side], start=meta.period_start, end=meta.period_end, **values)


def check(context):
    meta = context.plan.meta
    if meta is None:
        return
    if meta.first_period:
        first = meta.cadence.parse(meta.first_period)
        side = ("before" if first.last_month < meta.period_start else
                "after" if first.first_month > meta.period_end else None)
        if side:
            yield Problem(meta.origin.at("reporting", "first_period"),
                          _message("first_period", side, meta, month=first))
    for milestone in context.plan.milestones.values():
        for field, month in (("start", milestone.start), ("end", milestone.end)):
            side = month and _outside(month, meta)
            if side:
                yield Problem(milestone.origin.at(field), _message(field, side, meta, id=milestone.id, month=month))
    for indicator in context.plan.indicators.values():
        side = _outside(indicator.target.deadline, meta)
        if side:
            yield Problem(indicator.origin.at("target", "deadline"),
                          _message("deadline", side, meta, id=indicator.id, month=indicator.target.deadline))
        for index, point in enumerate(indicator.interim):
            side = _outside(point.deadline, meta)
            if side:
                yield Problem(indicator.origin.at("interim", index, "deadline"),
                              _message("interim", side, meta, id=indicator.id, month=point.deadline))
        for index, statement in enumerate(indicator.also_stated):
            side = statement.target and _outside(statement.target.deadline, meta)
            if side:
                yield Problem(indicator.origin.at("also_stated", index, "deadline"),
                              _message("restated", side, meta, id=indicator.id, month=statement.target.deadline))
    for task in context.plan.tasks.values():
        if task.recurs:
            for label, _start, _end, due in task.occurrences(meta.period_start, meta.period_end):
                side = _outside_day(due, meta)  # never "before": an occurrence due then is not owed
                if side:
                    yield Problem(task.origin.at("due_month" if task.due_month else "recurs"),
                                  _message("occurrence", side, meta, id=task.id, occurrence=label, day=message_date(due)))
        elif task.deadline is not None:
            side = _outside_day(task.deadline, meta)
            if side:
                yield Problem(task.origin.at("deadline"),
                              _message("task", side, meta, id=task.id, day=message_date(task.deadline)))
