"""S205: a report against another plan, or a plan version that does not exist."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date

CODE = "S205"
NAME = "plan-mismatch"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A status file names another plan, or a plan version that is not the one in force")
EXPLANATION = N_("""
## What it does
Checks `plan` against the plan id, and `plan_version` against the plan's revision log: the
version must exist, and must be the version in force on the day the report was submitted
(the latest revision dated on or before that day).

## Why it matters
A report written against an older version may answer for targets or deadlines that have
since changed; one naming a version that never existed cannot be traced at all.

## Example
```yaml
plan_version: "1.0.0"   # S205: version 1.1.0 was in force on 2025-07-10
```

## How to fix
Write the report against the current plan (`zzip template` fills in the right version).
""")


def _in_force(revisions, day):
    current = None
    for revision in revisions:
        if revision.date <= day.isoformat():
            current = revision.version
    return current


def check(context):
    meta = context.plan.meta
    known = {r.version for r in meta.revisions}
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        if sub.plan_id != meta.id:
            yield Problem(sub.origin.at("plan"), _("report names plan '%(named)s', but this plan is '%(plan)s'",
                                                   named=sub.plan_id, plan=meta.id), unit=sub.unit)
            continue
        if sub.plan_version not in known:
            yield Problem(sub.origin.at("plan_version"),
                          _("plan version %(version)s does not exist; the revision log has %(known)s",
                            version=sub.plan_version, known=", ".join(sorted(known))),
                          unit=sub.unit)
            continue
        in_force = _in_force(meta.revisions, sub.submitted)
        if in_force and sub.plan_version != in_force:
            yield Problem(sub.origin.at("plan_version"),
                          _("report answers to plan version %(version)s, but version %(in_force)s was in force "
                            "when it was submitted (%(submitted)s)", version=sub.plan_version, in_force=in_force,
                            submitted=message_date(sub.submitted)), unit=sub.unit)
