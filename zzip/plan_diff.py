"""What changed between two versions of a plan, item by item (not line by line).

A change's `detail` is one sentence in the language of the run; its kind, field, old and new
values stay as they are in the files (JSON keeps them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zzip.findings import Location
from zzip.i18n import _, ngettext
from zzip.labels import item_kind as kind_word
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
                                      _("%(kind)s %(id)s added (%(label)s)", kind=kind_word(kind), id=item_id,
                                        label=_label(item)), item.origin.location))
        for item_id, item in old_items.items():
            if item_id not in new_items:
                changes.append(Change(REMOVED, kind, item_id, "", getattr(item, "ref", item_id), None,
                                      _("%(kind)s %(id)s removed (%(label)s)", kind=kind_word(kind), id=item_id,
                                        label=_label(item)), item.origin.location))
            else:
                changes += compare(item, new_items[item_id])
    changes += _assessment(old, new)
    return changes


def _annual_item(a, b) -> list[Change]:
    """A yearly item is a step of its year: a deadline moved later needs a revision entry (D403)."""
    out: list[Change] = []
    if a.deadline != b.deadline:
        days = (b.deadline - a.deadline).days
        values = {"id": b.id, "ref": b.ref, "old": a.deadline.isoformat(), "new": b.deadline.isoformat()}
        text = (ngettext("yearly item %(id)s (%(ref)s) deadline moved %(num)s day later: %(old)s -> %(new)s",
                         "yearly item %(id)s (%(ref)s) deadline moved %(num)s days later: %(old)s -> %(new)s",
                         days, **values) if days > 0 else
                ngettext("yearly item %(id)s (%(ref)s) deadline moved %(num)s day earlier: %(old)s -> %(new)s",
                         "yearly item %(id)s (%(ref)s) deadline moved %(num)s days earlier: %(old)s -> %(new)s",
                         -days, **values))
        out.append(Change(CHANGED, "yearly item", b.id, "due", a.due_text, b.due_text, text, b.origin.at("due"),
                          later=days > 0))
    item = {"id": b.id, "ref": b.ref}
    out += _field("yearly item", a, b, "lead", a.lead, b.lead,
                  _("yearly item %(id)s (%(ref)s) lead units: %(old)s -> %(new)s", **item, old=_show(a.lead),
                    new=_show(b.lead)))
    out += _field("yearly item", a, b, "cooperating", a.cooperating, b.cooperating,
                  _("yearly item %(id)s (%(ref)s) co-operating units: %(old)s -> %(new)s", **item,
                    old=_show(a.cooperating), new=_show(b.cooperating)))
    out += _field("yearly item", a, b, "serves", a.serves, b.serves,
                  _("yearly item %(id)s (%(ref)s) re-linked: serves %(old)s -> %(new)s", **item, old=_show(a.serves),
                    new=_show(b.serves)))
    out += _field("yearly item", a, b, "text", a.text, b.text, _("yearly item %(id)s (%(ref)s) text reworded", **item))
    old_target = (a.target.indicator, a.target.value) if a.target else None
    new_target = (b.target.indicator, b.target.value) if b.target else None
    if old_target != new_target:
        lowered = bool(old_target and new_target and old_target[0] == new_target[0] and new_target[1] < old_target[1])
        out.append(Change(CHANGED, "yearly item", b.id, "target", _show(old_target and f"{old_target[0]} {old_target[1]:g}"),
                          _show(new_target and f"{new_target[0]} {new_target[1]:g}"),
                          _("yearly item %(id)s (%(ref)s) target: %(old)s -> %(new)s", id=b.id, ref=b.ref,
                            old=_said(old_target and f"{old_target[0]} {old_target[1]:g}"),
                            new=_said(new_target and f"{new_target[0]} {new_target[1]:g}")), b.origin.at("target"),
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
                       None if b is None else b.title,
                       _("assessment scheme added: %(title)s", title=scheme.title) if action == ADDED else
                       _("assessment scheme removed: %(title)s", title=scheme.title),
                       scheme.origin.location)]
    out = []
    old_summary, new_summary = _flatten(a.summary()), _flatten(b.summary())
    for key in sorted(set(old_summary) | set(new_summary)):
        x, y = old_summary.get(key), new_summary.get(key)
        if x != y:
            out.append(Change(CHANGED, "assessment", "assessment", key, x, y,
                              _("assessment scheme %(key)s: %(old)s -> %(new)s", key=key, old=_said(x), new=_said(y)),
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


def _said(value) -> str:
    """A value in a sentence: as _show, with "none" in the language of the run."""
    return _("none") if value is None else _show(value)


def _label(item) -> str:
    return getattr(item, "ref", None) or getattr(item, "name", "")


def _field(kind, item_old, item_new, field, old, new, detail=None, **extra) -> list[Change]:
    if old == new:
        return []
    text = detail or _("%(kind)s %(id)s %(field)s: %(old)s -> %(new)s", kind=kind_word(kind), id=item_new.id, field=field,
                       old=_said(old), new=_said(new))
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
            out.append(Change(CHANGED, "plan", b.id, field, x, y,
                              _("plan %(field)s: %(old)s -> %(new)s", field=field, old=_said(x), new=_said(y)),
                              b.origin.at(*field.split("."))))
    new_revisions = [r for r in b.revisions if r not in a.revisions]
    for revision in new_revisions:
        out.append(Change(ADDED, "plan", b.id, "revisions", None, revision.version,
                          _("revision %(version)s logged (%(date)s): %(change)s", version=revision.version,
                            date=revision.date, change=revision.change),
                          b.origin.at("revisions", list(b.revisions).index(revision))))
    return out


def _unit(a, b) -> list[Change]:
    return (_field("unit", a, b, "name", a.name, b.name) + _field("unit", a, b, "aliases", a.aliases, b.aliases)
            + _field("unit", a, b, "kind", a.kind, b.kind) + _field("unit", a, b, "members", a.members, b.members))


def _task(a, b) -> list[Change]:
    item = {"id": b.id, "ref": b.ref}
    return (_field("task", a, b, "lead", a.lead, b.lead, _("task %(id)s (%(ref)s) lead units: %(old)s -> %(new)s",
                                                         **item, old=_show(a.lead), new=_show(b.lead)))
            + _field("task", a, b, "cooperating", a.cooperating, b.cooperating,
                     _("task %(id)s (%(ref)s) co-operating units: %(old)s -> %(new)s", **item,
                       old=_show(a.cooperating), new=_show(b.cooperating)))
            + _field("task", a, b, "title", a.title, b.title, _("task %(id)s (%(ref)s) title reworded", **item))
            + _field("task", a, b, "text", a.text, b.text, _("task %(id)s (%(ref)s) text reworded", **item))
            + _field("task", a, b, "kind", a.kind, b.kind))


def _moved(kind: str, item_id: str, ref: str, field: str, old: Month | None, new: Month | None, location) -> list[Change]:
    if old == new:
        return []
    item = {"kind": kind_word(kind), "id": item_id, "ref": ref, "field": field}
    if old is None or new is None:  # ongoing <-> a month
        text = _("%(kind)s %(id)s (%(ref)s) %(field)s: %(old)s -> %(new)s", **item, old=old or _("ongoing"),
                 new=new or _("ongoing"))
        return [Change(CHANGED, kind, item_id, field, old, new, text, location, later=new is None)]
    months = new - old
    if months > 0:
        text = ngettext("%(kind)s %(id)s (%(ref)s) %(field)s moved %(num)s month later: %(old)s -> %(new)s",
                        "%(kind)s %(id)s (%(ref)s) %(field)s moved %(num)s months later: %(old)s -> %(new)s",
                        months, **item, old=old, new=new)
    else:
        text = ngettext("%(kind)s %(id)s (%(ref)s) %(field)s moved %(num)s month earlier: %(old)s -> %(new)s",
                        "%(kind)s %(id)s (%(ref)s) %(field)s moved %(num)s months earlier: %(old)s -> %(new)s",
                        -months, **item, old=old, new=new)
    return [Change(CHANGED, kind, item_id, field, old, new, text, location, months=months, later=months > 0)]


def _milestone(a: Milestone, b: Milestone) -> list[Change]:
    out = _moved("milestone", b.id, b.ref, "start", a.start, b.start, b.origin.at("start"))
    out += _moved("milestone", b.id, b.ref, "end", a.end, b.end, b.origin.at("end"))
    item = {"id": b.id, "ref": b.ref}
    out += _field("milestone", a, b, "tasks", a.tasks, b.tasks,
                  _("milestone %(id)s (%(ref)s) re-linked: tasks %(old)s -> %(new)s", **item, old=_show(a.tasks),
                    new=_show(b.tasks)))
    out += _field("milestone", a, b, "lead", a.lead_override, b.lead_override,
                  _("milestone %(id)s (%(ref)s) lead units: %(old)s -> %(new)s", **item, old=_show(a.lead_override),
                    new=_show(b.lead_override)))
    out += _field("milestone", a, b, "text", a.text, b.text, _("milestone %(id)s (%(ref)s) text reworded", **item))
    return out


_STRENGTH = {"stretch": 0, "about": 1, "reach": 2, "at_least": 3, "range": 2}


def _target_changes(a: Indicator, b: Indicator) -> list[Change]:
    old, new = a.target, b.target
    out = _moved("indicator", b.id, b.ref, "target.deadline", old.deadline, new.deadline, b.origin.at("target", "deadline"))
    if (old.value, old.min, old.max, old.growth_rate) != (new.value, new.min, new.max, new.growth_rate):
        sign = b.sign
        easier = sign * (new.goal - old.goal) < 0
        values = {"id": b.id, "name": b.name, "old": _amount(old), "new": f"{_amount(new)}{b.unit or ''}"}
        if b.direction == "increase":
            text = (_("indicator %(id)s (%(name)s) target lowered: %(old)s -> %(new)s", **values) if easier else
                    _("indicator %(id)s (%(name)s) target raised: %(old)s -> %(new)s", **values))
        else:
            text = (_("indicator %(id)s (%(name)s) target eased: %(old)s -> %(new)s", **values) if easier else
                    _("indicator %(id)s (%(name)s) target tightened: %(old)s -> %(new)s", **values))
        out.append(Change(CHANGED, "indicator", b.id, "target.value", _amount(old), _amount(new), text,
                          b.origin.at("target"), lowered=easier))
    if old.comparator != new.comparator:
        easier = _STRENGTH.get(new.comparator, 2) < _STRENGTH.get(old.comparator, 2)
        out.append(Change(CHANGED, "indicator", b.id, "target.comparator", old.comparator, new.comparator,
                          _("indicator %(id)s comparator: %(old)s -> %(new)s", id=b.id, old=old.comparator,
                            new=new.comparator),
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
    out += _field("indicator", a, b, "owner", a.owner, b.owner,
                  _("indicator %(id)s owner: %(old)s -> %(new)s", id=b.id, old=a.owner, new=b.owner))
    out += _field("indicator", a, b, "unit", a.unit, b.unit,
                  _("indicator %(id)s unit of measure: %(old)s -> %(new)s", id=b.id, old=a.unit, new=b.unit))
    out += _field("indicator", a, b, "tasks", a.tasks, b.tasks,
                  _("indicator %(id)s tasks: %(old)s -> %(new)s", id=b.id, old=_show(a.tasks), new=_show(b.tasks)))
    out += _field("indicator", a, b, "kind", a.kind, b.kind)
    old_base = (a.baseline.value, a.baseline.date) if a.baseline else None
    new_base = (b.baseline.value, b.baseline.date) if b.baseline else None
    if old_base != new_base:
        out.append(Change(CHANGED, "indicator", b.id, "baseline", _show(old_base and f"{old_base[0]:g} on {old_base[1]}"),
                          _show(new_base and f"{new_base[0]:g} on {new_base[1]}"),
                          _("indicator %(id)s baseline: %(old)s -> %(new)s", id=b.id, old=_baseline_said(old_base),
                            new=_baseline_said(new_base)), b.origin.at("baseline")))
    old_interim = tuple((str(p.deadline), p.value) for p in a.interim)
    new_interim = tuple((str(p.deadline), p.value) for p in b.interim)
    out += _field("indicator", a, b, "interim", old_interim, new_interim,
                  _("indicator %(id)s interim targets changed", id=b.id))
    return out


def _baseline_said(baseline) -> str:
    if baseline is None:
        return _("none")
    return _("%(value)s on %(date)s", value=f"{baseline[0]:g}", date=baseline[1])
