"""C303: an active task or milestone missing from its lead unit's report."""

from zzip.findings import Problem
from zzip.responsibility import RESPONSIBLE, answers
from zzip.i18n import N_, _
from zzip.labels import period_words

CODE = "C303"
NAME = "not-reported"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("A lead or responsible unit's report leaves out a task, milestone or yearly item active in that period")
EXPLANATION = N_("""
## What it does
For each report, lists the tasks, milestones and yearly items (plan/annual/) that the unit
leads or is responsible for, that are active in the quarter (an ongoing milestone always is, from its start month),
and that the report has no entry for. A milestone or yearly item already reported done in an
earlier quarter is not asked for again.

## Why it matters
Silence is not progress: the office cannot tell whether the work moved.

## How to fix
Add an entry for each item; `zzip template --unit UNIT --period QUARTER` lists them.
""")


def check(context):
    plan, duties = context.plan, context.responsibilities
    answering: dict[str, list] = {}  # unit -> the duties it answers for (not those it co-operates on)
    for sub in context.usable:
        if not context.in_scope(sub):
            continue
        if sub.unit not in answering:
            answering[sub.unit] = [d for d in duties.duties.get(sub.unit, {}).values() if answers(d.role)]
        active = duties.active_items(sub.period)
        reported = {entry.id for entry in sub.entries}
        for duty in answering[sub.unit]:
            if duty.item_id not in active or duty.item_id in reported:
                continue
            earlier = [e for s, e in context.history(sub.unit, duty.item_id) if s.period < sub.period]
            if duty.kind in ("milestone", "annual") and any(e.done for e in earlier):
                continue
            item = plan.item(duty.item_id)
            title = getattr(item, "title", None) or item.text
            values = {"item": duty.item_id, "ref": item.ref, "title": title[:30], "unit": plan.unit_name(sub.unit),
                      "period": period_words(sub.period)}
            if duty.role == RESPONSIBLE:
                message = _("no entry for %(item)s (%(ref)s %(title)s), which %(unit)s is responsible for and which is "
                            "active in %(period)s", **values)
            else:
                message = _("no entry for %(item)s (%(ref)s %(title)s), which %(unit)s leads and which is active in "
                            "%(period)s", **values)
            yield Problem(sub.origin.at("entries", key=True), message, unit=sub.unit,
                          extra={"item": duty.item_id})
