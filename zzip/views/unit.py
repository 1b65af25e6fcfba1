"""`zzip unit UNIT`: one unit's page."""

from __future__ import annotations

from zzip import labels
from zzip.check_context import CheckContext
from zzip.i18n import _, ngettext, pgettext, prose_date
from zzip.overdue import due_items
from zzip.progress import fmt_exact
from zzip.responsibility import answers
from zzip.views.overdue import latest_report
from zzip.views.progress import STYLES, target_words
from zzip.views.tables import Column, ViewTable


def build(context: CheckContext, unit_id: str) -> tuple[list[ViewTable], dict, str]:
    plan, duties = context.plan, context.responsibilities
    unit = plan.units[unit_id]
    groups = [g.name for g in plan.units.values() if g.is_group and unit_id in g.members]
    heading = f"{unit.name} ({unit.id})"
    if unit.aliases:
        heading = _("%(unit)s, also written %(aliases)s", unit=heading, aliases="、".join(unit.aliases))
    if groups:
        heading = _("%(unit)s; member of %(groups)s", unit=heading, groups="、".join(groups))
    heading = _("%(unit)s; as of %(date)s", unit=heading, date=prose_date(context.as_of))

    work = ViewTable(_("What it answers for"), [
        Column("item", pgettext("column", "Item"), no_wrap=True), Column("ref", pgettext("column", "Ref"), no_wrap=True),
        Column("role", pgettext("column", "Role"), min_width=6), Column("what", pgettext("column", "What"), min_width=10),
        Column("when", pgettext("column", "When"), min_width=10),
        Column("latest", pgettext("column", "Latest report"), min_width=10)], empty=_("nothing in this plan."))
    mine = sorted(duties.duties.get(unit_id, {}).values(), key=lambda d: (not answers(d.role), ("task", "milestone", "annual").index(d.kind), d.item_id))
    for duty in mine:
        item = plan.item(duty.item_id)
        if duty.kind == "milestone":
            when = _("%(start)s to %(end)s", start=item.start, end=item.end) if item.end else \
                _("%(start)s, ongoing", start=item.start)
        elif duty.kind == "annual":
            when = _("%(start)s to %(end)s", start=item.start, end=item.deadline.isoformat())
        else:
            start, end = duties.task_span(item)
            when = _("%(start)s to %(end)s", start=start, end=end)
        latest = context.latest_entry(unit_id, duty.item_id)
        status = latest_report(latest[1].status, latest[0].period, latest[1].percent) if latest else "-"
        role = labels.role(duty.role) if duty.named_directly else \
            _("%(role)s (as a group member)", role=labels.role(duty.role))
        title = getattr(item, "title", None) or item.text
        work.add({"item": duty.item_id, "ref": item.ref, "role": role, "what": title,
                  "when": when, "latest": status}, None if answers(duty.role) else "dim")

    reports = ViewTable(_reports_heading(context.cadence.name), [
        Column("quarter", _period_column(context.cadence.name), no_wrap=True), Column("due", pgettext("column", "Due"), no_wrap=True),
        Column("submitted", pgettext("column", "Submitted"), no_wrap=True), Column("state", pgettext("column", "State"), min_width=8),
        Column("file", pgettext("column", "File"), min_width=10)], empty=_("no report is due yet."))
    report_rows = []
    for quarter in context.plan_quarters:
        if quarter.first_day > context.as_of:
            break
        due = context.due_date(quarter)
        sub = context.by_unit_quarter.get((unit_id, quarter))
        if sub:
            late = (sub.submitted - due).days
            on_time = sub.submitted <= context.late_after(quarter)
            state = pgettext("report", "on time") if on_time else \
                ngettext("late by %(num)s day", "late by %(num)s days", late)
            code, style, days = ("on-time", None, None) if on_time else ("late", "yellow", late)
        elif context.late_after(quarter) < context.as_of:
            expected = unit_id in duties.expected_reporters(quarter, context.config.expect_reports_from)
            code, style, days = ("missing", "bold red", None) if expected else ("not-required", "dim", None)
            state = pgettext("report", "missing") if expected else pgettext("report", "not required")
        else:
            left = (due - context.as_of).days
            code, style, days = "not-yet-due", "dim", left
            state = ngettext("not yet due (%(num)s day left)", "not yet due (%(num)s days left)", left)
        row = {"quarter": str(quarter), "due": due.isoformat(), "submitted": sub.submitted.isoformat() if sub else "",
               "state": state, "file": sub.path if sub else ""}
        reports.add(row, style)
        # JSON: a stable code (on-time, late, missing, not-required, not-yet-due), the days late or
        # left, and the words shown in the language of the run
        report_rows.append({**row, "state": code, "days": days, "state_text": state})

    overdue, soon = due_items(context, within_days=context.config.due_soon_days)
    late_items = ViewTable(pgettext("table", "Overdue"), [
        Column("item", pgettext("column", "Item"), no_wrap=True), Column("ref", pgettext("column", "Ref"), no_wrap=True),
        Column("deadline", pgettext("column", "Due"), no_wrap=True),
        Column("days", pgettext("column", "Days overdue"), "right", no_wrap=True),
        Column("grade", pgettext("column", "Grade"), no_wrap=True),
        Column("latest", pgettext("column", "Latest report"), min_width=8)], empty=_("nothing."))
    for item in (d for d in overdue if d.unit == unit_id):
        late_items.add({"item": f"{item.item_id} {item.occurrence}" if item.occurrence else item.item_id, "ref": item.ref, "deadline": item.deadline.isoformat(), "days": item.days,
                        "grade": labels.overdue_grade(item.grade), "latest": labels.item_status(item.status)}, "red")

    indicators = ViewTable(_("Indicators it owns"), [
        Column("indicator", pgettext("column", "Indicator"), min_width=10),
        Column("target", pgettext("column", "Target"), min_width=10),
        Column("latest", pgettext("column", "Latest"), min_width=10),
        Column("status", pgettext("column", "Status"), no_wrap=True),
        Column("reason", pgettext("column", "Why"), min_width=12)], empty=_("none."))
    owned = []
    for indicator in plan.indicators.values():
        if indicator.owner != unit_id:
            continue
        result = context.assessments[indicator.id]
        latest = f"{fmt_exact(result.latest.value)}{indicator.unit or ''} ({result.latest.date.isoformat()})" \
            if result.latest else ""
        indicators.add({"indicator": f"{indicator.name} ({indicator.id})",
                        "target": target_words(indicator.target, indicator.unit or ""),
                        "latest": latest, "status": labels.indicator_status(result.status), "reason": result.reason},
                       STYLES[result.status])
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


def _reports_heading(cadence: str) -> str:
    """The heading of the reports table, in the plan's reporting cadence."""
    return {"quarterly": _("Reports by quarter"), "half-yearly": _("Reports by half-year"),
            "yearly": _("Reports by year")}[cadence]


def _period_column(cadence: str) -> str:
    return {"quarterly": pgettext("column", "Quarter"), "half-yearly": pgettext("column", "Half-year"),
            "yearly": pgettext("column", "Year")}[cadence]
