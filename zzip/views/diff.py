"""`zzip diff`: the changes as tables, grouped by what changed."""

from __future__ import annotations

from zzip import labels
from zzip.i18n import N_, _, pgettext
from zzip.plan_diff import ADDED, REMOVED, Change
from zzip.views.tables import Column, ViewTable

GROUPS = (
    (N_("Added and removed"), lambda c: c.action in (ADDED, REMOVED) and c.item_kind != "plan"),
    (N_("Targets changed"), lambda c: c.item_kind == "indicator" and c.field.startswith("target.") and c.field != "target.deadline"),
    (N_("Deadlines moved"), lambda c: c.field in ("start", "end", "target.deadline")),
    (N_("Units changed"), lambda c: c.field in ("lead", "cooperating", "owner", "members", "aliases", "name")),
    (N_("Milestones re-linked"), lambda c: c.item_kind in ("milestone", "indicator") and c.field == "tasks"),
    (N_("Plan and revision log"), lambda c: c.item_kind == "plan"),
)


def columns() -> list[Column]:
    return [Column("item", pgettext("column", "Item"), no_wrap=True), Column("change", pgettext("column", "Change"), min_width=16),
            Column("where", pgettext("column", "Where"), min_width=12)]


def _item(change: Change) -> str:
    kind = {"plan": pgettext("kind", "plan"), "unit": pgettext("kind", "unit")}.get(change.item_kind) \
        or labels.kind(change.item_kind)
    return f"{kind} {change.item_id}"


def build(changes: list[Change]) -> list[ViewTable]:
    tables, used = [], set()
    for title, belongs in GROUPS:
        table = ViewTable(_(title), columns())
        for index, change in enumerate(changes):
            if index not in used and belongs(change):
                used.add(index)
                style = "yellow" if change.later or change.lowered else None
                table.add({"item": _item(change), "change": change.detail,
                           "where": str(change.location) if change.location else ""}, style)
        if table.rows:
            tables.append(table)
    rest = ViewTable(_("Other changes"), columns())
    for index, change in enumerate(changes):
        if index not in used:
            rest.add({"item": _item(change), "change": change.detail,
                      "where": str(change.location) if change.location else ""})
    if rest.rows:
        tables.append(rest)
    return tables
