"""`zzip diff`: the changes as tables, grouped by what changed."""

from __future__ import annotations

from zzip.plan_diff import ADDED, REMOVED, Change
from zzip.views.tables import Column, ViewTable

GROUPS = (
    ("Added and removed", lambda c: c.action in (ADDED, REMOVED) and c.item_kind != "plan"),
    ("Targets changed", lambda c: c.item_kind == "indicator" and c.field.startswith("target.") and c.field != "target.deadline"),
    ("Deadlines moved", lambda c: c.field in ("start", "end", "target.deadline")),
    ("Units changed", lambda c: c.field in ("lead", "cooperating", "owner", "members", "aliases", "name")),
    ("Milestones re-linked", lambda c: c.item_kind in ("milestone", "indicator") and c.field == "tasks"),
    ("Plan and revision log", lambda c: c.item_kind == "plan"),
)
COLUMNS = [Column("item", "Item", no_wrap=True), Column("change", "Change"), Column("where", "Where", no_wrap=True)]


def build(changes: list[Change]) -> list[ViewTable]:
    tables, used = [], set()
    for title, belongs in GROUPS:
        table = ViewTable(title, COLUMNS)
        for index, change in enumerate(changes):
            if index not in used and belongs(change):
                used.add(index)
                style = "yellow" if change.later or change.lowered else None
                table.add({"item": f"{change.item_kind} {change.item_id}", "change": change.detail,
                           "where": str(change.location) if change.location else ""}, style)
        if table.rows:
            tables.append(table)
    rest = ViewTable("Other changes", COLUMNS)
    for index, change in enumerate(changes):
        if index not in used:
            rest.add({"item": f"{change.item_kind} {change.item_id}", "change": change.detail,
                      "where": str(change.location) if change.location else ""})
    if rest.rows:
        tables.append(rest)
    return tables
