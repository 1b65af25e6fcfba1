"""A pre-filled status file for one unit and quarter: exactly what the unit answers for,
carried forward from its previous report where there is one.

Written with ruamel.yaml's round-trip types so that every field keeps a short comment.
"""

from __future__ import annotations

from zzip.labels import period_words

import datetime as dt
import io

from zzip.check_context import CheckContext
from zzip.findings import printable
from zzip.i18n import _, message_date
from zzip.months import Period
from zzip.responsibility import Responsibilities, answers


def render_template(plan, unit_id: str, quarter: Period, today: dt.date, context: CheckContext | None,
                    folder=None) -> str:
    """The status file's text; `folder` is where it will be written (None: standard output), so
    that its `$schema` line points at the installed zzip's schema from there."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    meta = plan.meta
    unit = plan.units[unit_id]
    duties = Responsibilities(plan)
    due = meta.cadence.due_date(quarter)
    previous = _previous_entries(context, unit_id, quarter)

    doc = CommentedMap()
    doc["format"] = 1
    doc["plan"] = meta.id
    doc["plan_version"] = meta.version
    doc["unit"] = unit_id
    doc["period"] = str(quarter)
    doc["submitted"] = today.isoformat()
    doc.yaml_add_eol_comment(_one_line(_("the day you send this report (YYYY-MM-DD)")), "submitted")
    doc.yaml_add_eol_comment(_one_line(f"{unit.name}"), "unit")
    doc.yaml_add_eol_comment(_one_line(_("%(first)s to %(last)s", first=message_date(quarter.first_day),
                                          last=message_date(quarter.last_day))), "period")

    entries = CommentedSeq()
    order = {"task": 0, "milestone": 1, "annual": 2}
    active = sorted(duties.active_duties(unit_id, quarter), key=lambda d: (not answers(d.role), order[d.kind], _order(plan, d.item_id)))
    for duty in active:
        item = plan.item(duty.item_id)
        entry = CommentedMap()
        entry["id"] = duty.item_id
        entry["role"] = duty.role
        carried = previous.get(duty.item_id)
        entry["status"] = carried.status if carried else "not-started"
        if carried and carried.percent is not None:
            entry["percent"] = carried.percent
        if carried and carried.completed:
            entry["completed"] = carried.completed.isoformat()
        if carried and carried.evidence:
            evidence = CommentedSeq()
            for e in carried.evidence:
                evidence.append(CommentedMap((name, getattr(e, name)) for name in e.__struct_fields__ if getattr(e, name)))
            entry["evidence"] = evidence
        if carried and carried.blocker:
            entry["blocker"] = carried.blocker
        title = getattr(item, "title", None) or item.text
        if duty.kind in ("milestone", "annual"):
            if item.deadline:
                line = _("%(ref)s due %(date)s: %(title)s", ref=item.ref, date=message_date(item.deadline),
                         title=title[:40])
            else:
                line = _("%(ref)s ongoing: %(title)s", ref=item.ref, title=title[:40])
            entry.yaml_add_eol_comment(_one_line(line), "id")
        else:
            entry.yaml_add_eol_comment(_one_line(f"{item.ref} {title}"), "id")
        entries.append(entry)
    doc["entries"] = entries
    doc.yaml_set_comment_before_after_key(
        "entries",
        before=_("One entry per task and milestone. status: not-started | in-progress | done | blocked.\n"
                 "done needs completed: and evidence:; blocked needs blocker:.\n"
                 "percent: 0-100. note: anything the office should know."),
    )

    owned = [i for i in plan.indicators.values() if i.owner == unit_id]
    level_day, year_day = meta.cadence.measured_days(quarter)
    measured = level_day.isoformat()
    footer = ""
    if owned:  # as comments: a blank value must never be sent as a real number
        lines = [*("# " + line for line in _(
                     "Indicators you answer for: uncomment the `indicators:` line and the lines you have values for,\n"
                     "fill in the value, and keep (or correct) the date the value refers to.").split("\n")),
                 "# indicators:"]
        # a yearly (flow) figure is for a whole year: the last year that has ended by the due date (S216, S207)
        year_end = year_day.isoformat()
        for indicator in owned:
            values = {"name": indicator.name, "unit": indicator.unit or "",
                      "target": indicator.target.describe(indicator.unit)}
            if indicator.kind == "flow":
                when, about = year_end, _("%(name)s (%(unit)s; the full-year figure); target %(target)s", **values)
            else:
                when, about = measured, _("%(name)s (%(unit)s); target %(target)s", **values)
            lines.append(f"#   - {{id: {indicator.id}, value: , measured: \"{when}\"}}  " + _one_line(f"# {about}"))
        footer = "\n".join(lines) + "\n"

    from zzip.schema import schema_line

    header = (
        schema_line("status", folder)
        + _one_line("# " + _("Status report of %(unit)s (%(id)s) for %(period)s, due %(date)s.", unit=unit.name,
                                id=unit_id, period=period_words(quarter), date=message_date(due))) + "\n"
        + _one_line("# " + _("Plan: %(plan)s, version %(version)s.", plan=meta.cited_as, version=meta.version)) + "\n"
        + "# " + _("Check it before sending: %(command)s", command=f"zzip check reports/{quarter}") + "\n"
    )
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    return header + buffer.getvalue() + footer


def _one_line(text: str) -> str:
    """A comment holds one line of plain text, whatever the plan's names and titles hold."""
    return printable(text)


def _previous_entries(context: CheckContext | None, unit_id: str, quarter: Period) -> dict:
    if context is None:
        return {}
    earlier = [s for s in context.usable if s.unit == unit_id and s.period < quarter]
    if not earlier:
        return {}
    latest = max(earlier, key=lambda s: (s.period, s.submitted))
    return {entry.id: entry for entry in latest.entries}


def _order(plan, item_id: str) -> int:
    keys = list(plan.tasks) + list(plan.milestones) + list(plan.annual_items)
    return keys.index(item_id) if item_id in keys else len(keys)
