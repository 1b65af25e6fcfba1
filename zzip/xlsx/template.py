"""The data of a unit's status workbook for a quarter: what `zzip template --format xlsx` writes.

The same content as the YAML template (zzip.template): exactly the tasks and steps the unit
answers for in the quarter, carried forward from its previous report, and a row for each
indicator it owns, dated as the status format asks (a yearly figure at 31 December of the last
full year). The report date is left blank for the unit to fill in on the day it sends.
"""

from __future__ import annotations

import datetime as dt

from zzip.months import Period
from zzip.responsibility import Responsibilities, answers
from zzip.template import _order, _previous_entries


def template_data(plan, unit_id: str, quarter: Period, context) -> dict:
    meta = plan.meta
    duties = Responsibilities(plan)
    previous = _previous_entries(context, unit_id, quarter)
    entries = []
    active = sorted(duties.active_duties(unit_id, quarter),
                    key=lambda d: (not answers(d.role), d.kind != "task", _order(plan, d.item_id)))
    for duty in active:
        entry = {"id": duty.item_id, "role": duty.role}
        carried = previous.get(duty.item_id)
        entry["status"] = carried.status if carried else "not-started"
        if carried:
            if carried.percent is not None:
                entry["percent"] = carried.percent
            if carried.completed:
                entry["completed"] = carried.completed.isoformat()
            if carried.evidence:
                entry["evidence"] = [{k: v for k, v in (("document", e.document), ("link", e.link), ("file", e.file),
                                                        ("title", e.title)) if v} for e in carried.evidence]
            if carried.blocker:
                entry["blocker"] = carried.blocker
        entries.append(entry)
    level_day, year_day = plan.meta.cadence.measured_days(quarter)  # never after the due date (S207, S216)
    measured, year_end = level_day.isoformat(), year_day.isoformat()
    indicators = [{"id": i.id, "value": None, "measured": year_end if i.kind == "flow" else measured}
                  for i in plan.indicators.values() if i.owner == unit_id]
    return {"format": 1, "plan": meta.id, "plan_version": meta.version, "unit": unit_id, "period": str(quarter),
            "entries": entries, "indicators": indicators}


def due_date(plan, quarter: Period) -> dt.date:
    return plan.meta.cadence.due_date(quarter)
