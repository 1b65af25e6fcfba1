"""The normalised plan as plain JSON-ready data: owners derived, links both ways, ISO dates."""

from __future__ import annotations

from msgspec import structs

from zzip import __version__
from zzip.plan import Plan, Target


def _target(target: Target | None) -> dict | None:
    if target is None:
        return None
    data = {"comparator": target.comparator, "deadline": str(target.deadline),
            "deadline_last_day": target.deadline.last_day.isoformat()}
    if target.growth_rate is not None:
        data["growth_rate"] = target.growth_rate
    elif target.value is not None:
        data["value"] = target.value
    else:
        data["min"], data["max"] = target.min, target.max
    for key in ("wording", "deadline_text"):
        if getattr(target, key):
            data[key] = getattr(target, key)
    return data


def export(plan: Plan) -> dict:
    meta = plan.meta
    milestones_of: dict[str, list[str]] = {}
    for milestone in plan.milestones.values():
        for task_id in milestone.tasks:
            milestones_of.setdefault(task_id, []).append(milestone.id)
    indicators_of: dict[str, list[str]] = {}
    for indicator in plan.indicators.values():
        for task_id in indicator.tasks:
            indicators_of.setdefault(task_id, []).append(indicator.id)
    return {
        "generator": f"zzip {__version__}",
        "plan": {
            "id": meta.id, "version": meta.version, "title": meta.title, "document_number": meta.document_number,
            "issuer": meta.issuer, "issued": meta.issued,
            "period": {"start": str(meta.period_start), "end": str(meta.period_end),
                       "first_day": meta.period_start.first_day.isoformat(),
                       "last_day": meta.period_end.last_day.isoformat()},
            "timezone": meta.timezone, "supervisor": meta.supervisor,
            "reporting": {"cadence": meta.cadence.name, "due_days": meta.due_days,
                          "due_on": [f"{m:02d}-{d:02d}" for m, d in meta.cadence.due_on]},
            "revisions": [structs.asdict(r) for r in meta.revisions],  # every field, in order
        } if meta else None,
        "units": [
            {"id": u.id, "name": u.name, "kind": u.kind, "aliases": list(u.aliases), "members": list(u.members),
             "source": u.source, **({"note": u.note} if u.note else {})}
            for u in plan.units.values()
        ],
        "tasks": [
            {"id": t.id, "ref": t.ref, "kind": t.kind, "title": t.title, "text": t.text,
             "lead": list(t.lead), "lead_names": [plan.unit_name(u) for u in t.lead],
             "cooperating": list(t.cooperating), "cooperating_names": [plan.unit_name(u) for u in t.cooperating],
             "milestones": milestones_of.get(t.id, []), "indicators": indicators_of.get(t.id, [])}
            for t in plan.tasks.values()
        ],
        "milestones": [
            {"id": m.id, "ref": m.ref, "text": m.text, "when": m.when, "start": str(m.start),
             "start_first_day": m.start.first_day.isoformat(),
             "end": str(m.end) if m.end else "ongoing",
             "deadline": m.deadline.isoformat() if m.deadline else None,
             "tasks": list(m.tasks), "lead": list(plan.milestone_leads(m)),
             "cooperating": list(plan.milestone_cooperators(m))}
            for m in plan.milestones.values()
        ],
        "indicators": [
            {"id": i.id, "ref": i.ref, "name": i.name, "text": i.text, "kind": i.kind, "direction": i.direction,
             "unit": i.unit, "target": _target(i.target), "owner": i.owner, "owner_name": plan.unit_name(i.owner),
             "owner_basis": i.owner_basis, "tasks": list(i.tasks),
             "also_stated": [{"ref": s.ref, "text": s.text, "target": _target(s.target)} for s in i.also_stated],
             "baseline": {"value": i.baseline.value, "date": i.baseline.date.isoformat(), "source": i.baseline.source}
             if i.baseline else None,
             "interim": [{"deadline": str(p.deadline), "value": p.value, "source": p.source} for p in i.interim],
             **({"note": i.note} if i.note else {})}
            for i in plan.indicators.values()
        ],
    }
