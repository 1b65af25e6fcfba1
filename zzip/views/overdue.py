"""`zzip overdue`: what is overdue, by the unit answering for it (lead or responsible), worst first;
and what falls due soon."""

from __future__ import annotations

from zzip import labels
from zzip.check_context import CheckContext
from zzip.i18n import _, ngettext, pgettext, prose_date
from zzip.overdue import SEVERELY_OVERDUE, DueItem, due_items
from zzip.views.tables import Column, ViewTable


def columns() -> list[Column]:
    return [
        Column("item", pgettext("column", "Item"), no_wrap=True), Column("ref", pgettext("column", "Ref"), no_wrap=True),
        Column("what", pgettext("column", "What"), min_width=10),
        Column("deadline", pgettext("column", "Due"), no_wrap=True), Column("days", pgettext("column", "Days"), "right", no_wrap=True),
        Column("grade", pgettext("column", "Grade"), no_wrap=True),
        Column("latest", pgettext("column", "Latest report"), min_width=10),
        Column("cooperating", pgettext("column", "Co-operating units"), min_width=8),
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
        table = ViewTable(ngettext("%(unit)s (%(id)s): %(num)s overdue", "%(unit)s (%(id)s): %(num)s overdue",
                                   len(items), unit=plan.unit_name(unit_id), id=unit_id), columns())
        for item in items:
            table.add(_row(context, item), "bold red" if item.grade == SEVERELY_OVERDUE else "red")
        tables.append(table)
    if not overdue:
        tables.append(ViewTable(pgettext("table", "Overdue"), columns(),
                                empty=_("nothing is overdue as of %(date)s.", date=prose_date(context.as_of))))
    upcoming = ViewTable(ngettext("Falls due within %(num)s day (by %(date)s)", "Falls due within %(num)s days (by %(date)s)",
                                  within, date=prose_date(_horizon(context, within))),
                         [Column("unit", pgettext("column", "Unit"), min_width=6), *columns()], empty=_("nothing."))
    for item in soon:
        upcoming.add({"unit": plan.unit_name(item.unit), **_row(context, item)}, "yellow")
    tables.append(upcoming)
    document = {
        "as_of": context.as_of.isoformat(), "within_days": within,
        "overdue": [d.to_dict() for d in overdue], "due_soon": [d.to_dict() for d in soon],
    }
    return tables, document


def latest_report(status: str | None, period=None, percent: float | None = None) -> str:
    """never reported / 2025-Q2: in progress 60%."""
    if status is None:
        return labels.item_status(None)
    words = labels.item_status(status) + (f" {percent:g}%" if percent is not None else "")
    return f"{period}: {words}" if period else words


def _row(context: CheckContext, item: DueItem) -> dict:
    plan = context.plan
    return {
        # a recurring task's row names its occurrence: T-2 2023 (task)
        "item": f"{item.item_id}{' ' + item.occurrence if item.occurrence else ''} ({labels.kind(item.kind)})", "ref": item.ref, "what": item.title,
        "deadline": item.deadline.isoformat(), "days": item.days, "grade": labels.overdue_grade(item.grade),
        "latest": latest_report(item.status, item.last_period, item.percent),
        "cooperating": [plan.unit_name(u) for u in item.cooperating],
    }


def _horizon(context: CheckContext, within: int):
    from zzip.overdue import days_after

    return days_after(context.as_of, within)
