"""P114: a group whose members include a group (a group inside a group, or a cycle of groups)."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P114"
NAME = "nested-group"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A group of units lists another group among its members")
EXPLANATION = N_("""
## What it does
Reports a group (`kind: group`) whose `members` include a unit that is itself a group, and so
also a group that lists itself or a cycle of groups (towns listing districts that list the towns).

## Why it matters
A group's members answer in its place: they are given templates, report and are chased
(docs/plan-format.md). A group cannot report, so a group among the members would be chased in
vain while the bodies inside it, who do the work, are never asked.

## How to fix
List the bodies themselves as the group's members (the districts' own members, say), or make
the inner unit a body if it reports as one.
""")


def check(context):
    plan = context.plan
    for unit in plan.units.values():
        if not unit.is_group:
            continue
        for index, member_id in enumerate(unit.members):
            member = plan.units.get(member_id)
            if member is not None and member.is_group:
                yield Problem(unit.origin.at("members", index), _(
                    "group %(group)s lists the group %(member)s ('%(name)s') among its members; a group cannot "
                    "report, so list the bodies it stands for", group=unit.id, member=member_id, name=member.name))
