"""`zzip unit UNIT`: one unit's page."""

from __future__ import annotations

from zzip.check_context import CheckContext
from zzip.overdue import due_items
from zzip.progress import fmt_exact
from zzip.responsibility import answers
from zzip.views.progress import STYLES
from zzip.views.tables import Column, ViewTable


def build(context: CheckContext, unit_id: str) -> tuple[list[ViewTable], dict, str]:
    plan, duties = context.plan, context.responsibilities
    unit = plan.units[unit_id]
    groups = [g.name for g in plan.units.values() if g.is_group and unit_id in g.members]
    heading = f"{unit.name} ({unit.id})" + (f", also written {'、'.join(unit.aliases)}" if unit.aliases else "") + \
        (f"; member of {'、'.join(groups)}" if groups else "") + f"; as of {context.as_of.isoformat()}"

    work = ViewTable("What it answers for", [Column("item", "Item", no_wrap=True), Column("ref", "Ref", no_wrap=True),
                                            Column("role", "Role"), Column("what", "What"), Column("when", "When"),
                                            Column("latest", "Latest report")], empty="nothing in this plan.")
    mine = sorted(duties.duties.get(unit_id, {}).values(), key=lambda d: (not answers(d.role), ("task", "milestone", "annual").index(d.kind), d.item_id))
    for duty in mine:
        item = plan.item(duty.item_id)
        if duty.kind == "milestone":
            when = f"{item.start} to {item.end or 'ongoing'}"
        elif duty.kind == "annual":
            when = f"{item.start} to {item.deadline.isoformat()}"
        else:
            start, end = duties.task_span(item)
            when = f"{start} to {end}"
        latest = context.latest_entry(unit_id, duty.item_id)
        status = f"{latest[0].period}: {latest[1].status}" + (f" {latest[1].percent:g}%" if latest[1].percent is not None else "") \
            if latest else "-"
        role = duty.role if duty.named_directly else f"{duty.role} (as a group member)"
        title = getattr(item, "title", None) or item.text
        work.add({"item": duty.item_id, "ref": item.ref, "role": role, "what": title[:32] + ("…" if len(title) > 32 else ""),
                  "when": when, "latest": status}, None if answers(duty.role) else "dim")

    reports = ViewTable("Reports by quarter", [Column("quarter", "Quarter", no_wrap=True), Column("due", "Due"),
                                               Column("submitted", "Submitted"), Column("state", "State"),
                                               Column("file", "File")], empty="no quarter is due yet.")
    report_rows = []
    for quarter in context.plan_quarters:
        if quarter.first_day > context.as_of:
            break
        due = context.due_date(quarter)
        sub = context.by_unit_quarter.get((unit_id, quarter))
        if sub:
            late = (sub.submitted - due).days
            state = "on time" if sub.submitted <= context.late_after(quarter) else f"late by {late} days"
            style = None if state == "on time" else "yellow"
        elif context.late_after(quarter) < context.as_of:
            expected = unit_id in duties.expected_reporters(quarter, context.config.expect_reports_from)
            state, style = ("missing", "bold red") if expected else ("not required", "dim")
        else:
            state, style = f"not yet due ({(due - context.as_of).days} days left)", "dim"
        row = {"quarter": str(quarter), "due": due.isoformat(), "submitted": sub.submitted.isoformat() if sub else "",
               "state": state, "file": sub.path if sub else ""}
        reports.add(row, style)
        report_rows.append(row)

    overdue, soon = due_items(context, within_days=context.config.due_soon_days)
    late_items = ViewTable("Overdue", [Column("item", "Item", no_wrap=True), Column("ref", "Ref"), Column("deadline", "Due"),
                                       Column("days", "Days overdue", "right"), Column("grade", "Grade"),
                                       Column("latest", "Latest report")], empty="nothing.")
    for item in (d for d in overdue if d.unit == unit_id):
        late_items.add({"item": item.item_id, "ref": item.ref, "deadline": item.deadline.isoformat(), "days": item.days,
                        "grade": item.grade, "latest": item.status or "never reported"}, "red")

    indicators = ViewTable("Indicators it owns", [Column("indicator", "Indicator"), Column("target", "Target"),
                                                  Column("latest", "Latest"), Column("status", "Status"),
                                                  Column("reason", "Why")], empty="none.")
    owned = []
    for indicator in plan.indicators.values():
        if indicator.owner != unit_id:
            continue
        result = context.assessments[indicator.id]
        latest = f"{fmt_exact(result.latest.value)} ({result.latest.date.isoformat()})" if result.latest else ""
        indicators.add({"indicator": f"{indicator.name} ({indicator.id})", "target": indicator.target.describe(indicator.unit),
                        "latest": latest, "status": result.status, "reason": result.reason}, STYLES[result.status])
        owned.append({"id": indicator.id, "status": result.status, "reason": result.reason,
                      "latest": result.latest.value if result.latest else None})

    document = {
        "unit": {"id": unit.id, "name": unit.name, "aliases": list(unit.aliases), "kind": unit.kind, "groups": groups},
        "as_of": context.as_of.isoformat(),
        "answers_for": [{"item": d.item_id, "kind": d.kind, "role": d.role, "named_directly": d.named_directly} for d in mine],
        "reports": report_rows,
        "overdue": [d.to_dict() for d in overdue if d.unit == unit_id],
        "due_soon": [d.to_dict() for d in soon if d.unit == unit_id],
        "indicators": owned,
    }
    return [work, reports, late_items, indicators], document, heading
