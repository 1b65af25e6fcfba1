"""D401: the plan's content changed but its version did not."""

from zzip.findings import Problem
from zzip.i18n import N_, ngettext

CODE = "D401"
NAME = "version-not-bumped"
SEVERITY = "error"
SCOPE = "diff"
SUMMARY = N_("The plan's content changed between two revisions, but its version number did not go up")
EXPLANATION = N_("""
## What it does
`zzip diff OLD NEW --check` compares two versions of the plan item by item. If anything
changed beyond the revision log (a target, a deadline, a unit, a link, a wording) and the
`version` in plan.yaml is not higher in NEW than in OLD, this rule reports it.

## Why it matters
Status files name the plan version they answer to. Two different plans under one version number
make old reports impossible to interpret.

## How to fix
Raise `version` in plan.yaml (e.g. 1.0.0 -> 1.1.0) and add a revision entry for it.
""")


def _key(version):
    return tuple(int(part) for part in version.split("."))


def check(context):
    from zzip.plan_diff import content_changed

    old, new = context.old.meta, context.new.meta
    if old is None or new is None or not content_changed(context.changes):
        return
    if _key(new.version) <= _key(old.version):
        first = next(c for c in context.changes if not (c.item_kind == "plan" and c.field in ("version", "revisions")))
        count = len([c for c in context.changes if c.item_kind != "plan"])
        yield Problem(new.origin.at("version"),
                      ngettext("the plan changed (%(num)s item change, e.g. %(change)s) but its version is still "
                               "%(version)s; raise it and log the revision",
                               "the plan changed (%(num)s item changes, e.g. %(change)s) but its version is still "
                               "%(version)s; raise it and log the revision", count,
                               change=first.detail, version=new.version))
