"""D403: a deadline moved later with no reason in the revision log."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "D403"
NAME = "deadline-moved-later"
SEVERITY = "warning"
SCOPE = "diff"
SUMMARY = N_("A milestone's end month, a yearly item's deadline or a target's deadline moved later (or was dropped) without a reason")
EXPLANATION = N_("""
## What it does
Reports each milestone whose end month moved later (or became ongoing) and each indicator whose
deadline moved later, when the revision entry of the new version has no `reason`.

## Why it matters
Moving a deadline makes overdue work look on time. It may be right, but it must be explained
and authorised.

## How to fix
Give the new version's revision entry a `reason` (and an `authority`).
""")


def check(context):
    if context.new_revision and context.new_revision.reason:
        return
    for change in context.changes:
        if change.later and change.field in ("end", "target.deadline", "due"):
            yield Problem(change.location, _("%(change)s, with no reason in the revision log", change=change.detail))
