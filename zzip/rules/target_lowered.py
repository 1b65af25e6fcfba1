"""D404: a target made easier with no reason in the revision log."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "D404"
NAME = "target-lowered"
SEVERITY = "warning"
SCOPE = "diff"
SUMMARY = N_("A target was lowered (or its comparator weakened) without a reason")
EXPLANATION = N_("""
## What it does
Reports an indicator whose target value became easier to meet (lower for an increase target,
higher for a decrease target), or whose comparator became weaker (at_least -> about or stretch),
when the revision entry of the new version has no `reason`.

## Why it matters
A lowered target turns a unit that is behind into one that is on track, on paper.

## How to fix
Give the new version's revision entry a `reason` (and an `authority`).
""")


def check(context):
    if context.new_revision and context.new_revision.reason:
        return
    for change in context.changes:
        if change.lowered:
            yield Problem(change.location, _("%(change)s, with no reason in the revision log", change=change.detail))
