"""What changed between two versions of a plan, item by item (not line by line)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zzip.findings import Location
from zzip.months import Month
from zzip.plan import Indicator, Milestone, Plan, Target

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    action: str  # added | removed | changed
    item_kind: str  # plan | unit | task | milestone | indicator
    item_id: str
    field: str  # what changed: "", "end", "target.value", "lead" ...
    old: Any
    new: Any
    detail: str  # one plain sentence
    location: Location | None  # where to look in the new plan (the old one for removals)
    months: int | None = None  # for a moved month: + later, - earlier
    later: bool = False  # a deadline moved later, or dropped (a month became ongoing)
    lowered: bool = False  # a target made easier to meet

    def to_dict(self) -> dict:
        data = {k: (str(v) if isinstance(v, Month) else v) for k, v in self.__dict__.items() if k != "location"}
        for key in ("old", "new"):
            if isinstance(data[key], tuple):
                data[key] = list(data[key])
        data["path"] = self.location.path if self.location else None
        data["line"] = self.location.line if self.location else None
        return data


def diff_plans(old: Plan, new: Plan) -> list[Change]:
    changes: list[Change] = []
    changes += _meta(old, new)
    for kind, old_items, new_items, compare in (
        ("unit", old.units, new.units, _unit),
        ("task", old.tasks, new.tasks, _task),
        ("milestone", old.milestones, new.milestones, _milestone),
        ("indicator", old.indicators, new.indicators, _indicator),
        ("yearly item", old.annual_items, new.annual_items, _annual_item),
    ):
        for item_id, item in new_items.items():
            if item_id not in old_items:
                changes.append(Change(ADDED, kind, item_id, "", None, getattr(item, "ref", item_id),
                                      f"{kind} {item_id} added ({_label(item)})", item.origin.location))
        for item_id, item in old_items.items():
            if item_id not in new_items:
                changes.append(Change(REMOVED, kind, item_id, "", getattr(item, "ref", item_id), None,
                                      f"{kind} {item_id} removed ({_label(item)})", item.origin.location))
            else:
                changes += compare(item, new_items[item_id])
    changes += _assessment(old, new)
    return changes


def _annual_item(a, b) -> list[Change]:
    """A yearly item is a step of its year: a deadline moved later needs a revision entry (D403)."""
    out: list[Change] = []
    if a.deadline != b.deadline:
        days = (b.deadline - a.deadline).days
        direction = "later" if days > 0 else "earlier"
        out.append(Change(CHANGED, "yearly item", b.id, "due", a.due_text, b.due_text,
                          f"yearly item {b.id} ({b.ref}) deadline moved {abs(days)} days {direction}: "
                          f"{a.deadline.isoformat()} -> {b.deadline.isoformat()}", b.origin.at("due"),
                          later=days > 0))
    out += _field("yearly item", a, b, "lead", a.lead, b.lead,
                  f"yearly item {b.id} ({b.ref}) lead units: {_show(a.lead)} -> {_show(b.lead)}")
    out += _field("yearly item", a, b, "cooperating", a.cooperating, b.cooperating,
                  f"yearly item {b.id} ({b.ref}) co-operating units: {_show(a.cooperating)} -> {_show(b.cooperating)}")
    out += _field("yearly item", a, b, "serves", a.serves, b.serves,
                  f"yearly item {b.id} ({b.ref}) re-linked: serves {_show(a.serves)} -> {_show(b.serves)}")
    out += _field("yearly item", a, b, "text", a.text, b.text, f"yearly item {b.id} ({b.ref}) text reworded")
    old_target = (a.target.indicator, a.target.value) if a.target else None
    new_target = (b.target.indicator, b.target.value) if b.target else None
    if old_target != new_target:
        lowered = bool(old_target and new_target and old_target[0] == new_target[0] and new_target[1] < old_target[1])
        out.append(Change(CHANGED, "yearly item", b.id, "target", _show(old_target and f"{old_target[0]} {old_target[1]:g}"),
                          _show(new_target and f"{new_target[0]} {new_target[1]:g}"),
                          f"yearly item {b.id} ({b.ref}) target: {_show(old_target and f'{old_target[0]} {old_target[1]:g}')} -> "
                          f"{_show(new_target and f'{new_target[0]} {new_target[1]:g}')}", b.origin.at("target"),
                          lowered=lowered))
    return out


def _assessment(old: Plan, new: Plan) -> list[Change]:
    """The assessment scheme is part of the plan: any change of points, caps, share, rounding or bands
    is a plan change (a version bump and a revision entry, D401/D402)."""
    a, b = old.assessment, new.assessment
    if a is None and b is None:
        return []
    if a is None or b is None:
        action = ADDED if a is None else REMOVED
        scheme = b or a
        return [Change(action, "assessment", "assessment", "", None if a is None else a.title,
                       None if b is None else b.title, f"assessment scheme {action}: {scheme.title}",
                       scheme.origin.location)]
    out = []
    old_summary, new_summary = _flatten(a.summary()), _flatten(b.summary())
    for key in sorted(set(old_summary) | set(new_summary)):
        x, y = old_summary.get(key), new_summary.get(key)
        if x != y:
            out.append(Change(CHANGED, "assessment", "assessment", key, x, y,
                              f"assessment scheme {key}: {_show(x)} -> {_show(y)}",
                              b.origin.doc.locate(tuple(key.split(".")) if not key.startswith("bands") else ("bands",))))
    return out


def _flatten(data, prefix: str = "") -> dict:
    out = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else key))
    elif isinstance(data, list):
        out[prefix] = ", ".join(f"{d['name']} from {d['min']}" for d in data) if data and isinstance(data[0], dict) else str(data)
    else:
        out[prefix] = data
    return out


def content_changed(changes: list[Change]) -> bool:
    """Anything beyond the version number and the revision log itself."""
    return any(not (c.item_kind == "plan" and c.field in ("version", "revisions")) for c in changes)


def _label(item) -> str:
    return getattr(item, "ref", None) or getattr(item, "name", "")


def _field(kind, item_old, item_new, field, old, new, detail=None, **extra) -> list[Change]:
    if old == new:
        return []
    text = detail or f"{kind} {item_new.id} {field}: {_show(old)} -> {_show(new)}"
    return [Change(CHANGED, kind, item_new.id, field, old, new, text, item_new.origin.at(*field.split(".")), **extra)]


def _show(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return "none" if value is None else str(value)


def _meta(old: Plan, new: Plan) -> list[Change]:
    a, b = old.meta, new.meta
    if a is None or b is None:
        return []
    out = []
    for field, x, y in (("version", a.version, b.version), ("title", a.title, b.title),
                        ("period.start", a.period_start, b.period_start), ("period.end", a.period_end, b.period_end),
                        ("reporting.cadence", a.cadence.name, b.cadence.name),
                        ("reporting.due_days", a.due_days, b.due_days),
                        ("reporting.due_on", a.cadence.describe_due() if a.cadence.due_on else None,
                         b.cadence.describe_due() if b.cadence.due_on else None),
                        ("timezone", a.timezone, b.timezone),
                        ("supervisor", a.supervisor, b.supervisor)):
        if x != y:
            out.append(Change(CHANGED, "plan", b.id, field, x, y, f"plan {field}: {_show(x)} -> {_show(y)}",
                              b.origin.at(*field.split("."))))
    new_revisions = [r for r in b.revisions if r not in a.revisions]
    for revision in new_revisions:
        out.append(Change(ADDED, "plan", b.id, "revisions", None, revision.version,
                          f"revision {revision.version} logged ({revision.date}): {revision.change}",
                          b.origin.at("revisions", list(b.revisions).index(revision))))
    return out


def _unit(a, b) -> list[Change]:
    return (_field("unit", a, b, "name", a.name, b.name) + _field("unit", a, b, "aliases", a.aliases, b.aliases)
            + _field("unit", a, b, "kind", a.kind, b.kind) + _field("unit", a, b, "members", a.members, b.members))


def _task(a, b) -> list[Change]:
    return (_field("task", a, b, "lead", a.lead, b.lead, f"task {b.id} ({b.ref}) lead units: {_show(a.lead)} -> {_show(b.lead)}")
            + _field("task", a, b, "cooperating", a.cooperating, b.cooperating,
                     f"task {b.id} ({b.ref}) co-operating units: {_show(a.cooperating)} -> {_show(b.cooperating)}")
            + _field("task", a, b, "title", a.title, b.title, f"task {b.id} ({b.ref}) title reworded")
            + _field("task", a, b, "text", a.text, b.text, f"task {b.id} ({b.ref}) text reworded")
            + _field("task", a, b, "kind", a.kind, b.kind))


def _moved(kind: str, item_id: str, ref: str, field: str, old: Month | None, new: Month | None, location) -> list[Change]:
    if old == new:
        return []
    if old is None or new is None:  # ongoing <-> a month
        text = f"{kind} {item_id} ({ref}) {field}: {old or 'ongoing'} -> {new or 'ongoing'}"
        return [Change(CHANGED, kind, item_id, field, old, new, text, location, later=new is None)]
    months = new - old
    direction = "later" if months > 0 else "earlier"
    text = f"{kind} {item_id} ({ref}) {field} moved {abs(months)} month{'s' if abs(months) != 1 else ''} {direction}: {old} -> {new}"
    return [Change(CHANGED, kind, item_id, field, old, new, text, location, months=months, later=months > 0)]


def _milestone(a: Milestone, b: Milestone) -> list[Change]:
    out = _moved("milestone", b.id, b.ref, "start", a.start, b.start, b.origin.at("start"))
    out += _moved("milestone", b.id, b.ref, "end", a.end, b.end, b.origin.at("end"))
    out += _field("milestone", a, b, "tasks", a.tasks, b.tasks,
                  f"milestone {b.id} ({b.ref}) re-linked: tasks {_show(a.tasks)} -> {_show(b.tasks)}")
    out += _field("milestone", a, b, "lead", a.lead_override, b.lead_override,
                  f"milestone {b.id} ({b.ref}) lead units: {_show(a.lead_override)} -> {_show(b.lead_override)}")
    out += _field("milestone", a, b, "text", a.text, b.text, f"milestone {b.id} ({b.ref}) text reworded")
    return out


_STRENGTH = {"stretch": 0, "about": 1, "reach": 2, "at_least": 3, "range": 2}


def _target_changes(a: Indicator, b: Indicator) -> list[Change]:
    old, new = a.target, b.target
    out = _moved("indicator", b.id, b.ref, "target.deadline", old.deadline, new.deadline, b.origin.at("target", "deadline"))
    if (old.value, old.min, old.max, old.growth_rate) != (new.value, new.min, new.max, new.growth_rate):
        sign = b.sign
        easier = sign * (new.goal - old.goal) < 0
        text = (f"indicator {b.id} ({b.name}) target {'lowered' if easier else 'raised'}: "
                f"{_amount(old)} -> {_amount(new)}{b.unit or ''}" if b.direction == "increase" else
                f"indicator {b.id} ({b.name}) target {'eased' if easier else 'tightened'}: {_amount(old)} -> {_amount(new)}{b.unit or ''}")
        out.append(Change(CHANGED, "indicator", b.id, "target.value", _amount(old), _amount(new), text,
                          b.origin.at("target"), lowered=easier))
    if old.comparator != new.comparator:
        easier = _STRENGTH.get(new.comparator, 2) < _STRENGTH.get(old.comparator, 2)
        out.append(Change(CHANGED, "indicator", b.id, "target.comparator", old.comparator, new.comparator,
                          f"indicator {b.id} comparator: {old.comparator} -> {new.comparator}",
                          b.origin.at("target", "comparator"), lowered=easier))
    return out


def _amount(target: Target) -> str:
    if target.growth_rate is not None:
        return f"{target.growth_rate:+g}% a year"
    if target.value is not None:
        return f"{target.value:g}"
    return f"{target.min:g}-{target.max:g}"


def _indicator(a: Indicator, b: Indicator) -> list[Change]:
    out = _target_changes(a, b)
    out += _field("indicator", a, b, "owner", a.owner, b.owner, f"indicator {b.id} owner: {a.owner} -> {b.owner}")
    out += _field("indicator", a, b, "unit", a.unit, b.unit, f"indicator {b.id} unit of measure: {a.unit} -> {b.unit}")
    out += _field("indicator", a, b, "tasks", a.tasks, b.tasks, f"indicator {b.id} tasks: {_show(a.tasks)} -> {_show(b.tasks)}")
    out += _field("indicator", a, b, "kind", a.kind, b.kind)
    old_base = (a.baseline.value, a.baseline.date) if a.baseline else None
    new_base = (b.baseline.value, b.baseline.date) if b.baseline else None
    if old_base != new_base:
        out.append(Change(CHANGED, "indicator", b.id, "baseline", _show(old_base and f"{old_base[0]:g} on {old_base[1]}"),
                          _show(new_base and f"{new_base[0]:g} on {new_base[1]}"),
                          f"indicator {b.id} baseline: {_show(old_base and f'{old_base[0]:g} on {old_base[1]}')} -> "
                          f"{_show(new_base and f'{new_base[0]:g} on {new_base[1]}')}", b.origin.at("baseline")))
    old_interim = tuple((str(p.deadline), p.value) for p in a.interim)
    new_interim = tuple((str(p.deadline), p.value) for p in b.interim)
    out += _field("indicator", a, b, "interim", old_interim, new_interim, f"indicator {b.id} interim targets changed")
    return out
