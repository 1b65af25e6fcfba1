"""`zzip overdue`: what is overdue, by lead unit, worst first; and what falls due soon."""

from __future__ import annotations

from zzip.check_context import CheckContext
from zzip.overdue import SEVERELY_OVERDUE, DueItem, due_items
from zzip.views.tables import Column, ViewTable

COLUMNS = [
    Column("item", "Item", no_wrap=True), Column("ref", "Ref", no_wrap=True), Column("what", "What"),
    Column("deadline", "Due", no_wrap=True), Column("days", "Days", "right"), Column("grade", "Grade", no_wrap=True),
    Column("latest", "Latest report"), Column("cooperating", "Co-operating units"),
]


def build(context: CheckContext, unit: str | None, within: int) -> tuple[list[ViewTable], dict]:
    overdue, soon = due_items(context, within_days=within)
    if unit:
        overdue = [d for d in overdue if d.unit == unit]
        soon = [d for d in soon if d.unit == unit]
    plan = context.plan
    tables = []
    by_unit: dict[str, list[DueItem]] = {}
    for item in overdue:
        by_unit.setdefault(item.unit, []).append(item)
    for unit_id, items in sorted(by_unit.items(), key=lambda kv: (-kv[1][0].days, -len(kv[1]), plan.unit_name(kv[0]))):
        table = ViewTable(f"{plan.unit_name(unit_id)} ({unit_id}): {len(items)} overdue", COLUMNS)
        for item in items:
            table.add(_row(context, item), "bold red" if item.grade == SEVERELY_OVERDUE else "red")
        tables.append(table)
    if not overdue:
        tables.append(ViewTable("Overdue", COLUMNS, empty=f"nothing is overdue as of {context.as_of.isoformat()}."))
    upcoming = ViewTable(f"Falls due within {within} days (by {_horizon(context, within)})",
                         [Column("unit", "Lead unit", no_wrap=True), *COLUMNS], empty="nothing.")
    for item in soon:
        upcoming.add({"unit": plan.unit_name(item.unit), **_row(context, item)}, "yellow")
    tables.append(upcoming)
    document = {
        "as_of": context.as_of.isoformat(), "within_days": within,
        "overdue": [d.to_dict() for d in overdue], "due_soon": [d.to_dict() for d in soon],
    }
    return tables, document


def _row(context: CheckContext, item: DueItem) -> dict:
    plan = context.plan
    latest = "never reported" if item.status is None else f"{item.last_period}: {item.status}" + (
        f" {item.percent:g}%" if item.percent is not None else "")
    return {
        "item": f"{item.item_id} ({item.kind})", "ref": item.ref, "what": item.title[:36] + ("…" if len(item.title) > 36 else ""),
        "deadline": item.deadline.isoformat(), "days": item.days, "grade": item.grade, "latest": latest,
        "cooperating": [plan.unit_name(u) for u in item.cooperating],
    }


def _horizon(context: CheckContext, within: int) -> str:
    from zzip.overdue import days_after

    return days_after(context.as_of, within).isoformat()
