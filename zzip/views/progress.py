"""`zzip progress`: one row per indicator, with a bar toward the target and a trend line."""

from __future__ import annotations

from zzip import labels
from zzip.check_context import CheckContext
from zzip.display import use_ascii
from zzip.i18n import N_, _, message_date, pgettext
from zzip.progress import (ACHIEVED, AT_RISK, BEHIND, DETERIORATING, NO_DATA, ON_TRACK, Assessment, fmt_exact,
                           fmt_short, required_at)
from zzip.views.tables import Column, ViewTable

STYLES = {ACHIEVED: "green", ON_TRACK: "green", AT_RISK: "yellow", BEHIND: "red", DETERIORATING: "bold red",
          NO_DATA: "dim"}
SPARKS = "▁▂▃▄▅▆▇█"
ASCII_SPARKS = "_.-=+*#"


def columns() -> list[Column]:
    return [
        Column("indicator", pgettext("column", "Indicator"), min_width=10),
        Column("target", pgettext("column", "Target"), min_width=10),
        Column("baseline", pgettext("column", "Baseline"), "right", no_wrap=True, optional=True),
        Column("latest", pgettext("column", "Latest (measured)"), min_width=10),
        Column("required", pgettext("column", "Required now"), "right", no_wrap=True),
        Column("status", pgettext("column", "Status"), no_wrap=True),
        Column("bar", pgettext("column", "Toward target"), no_wrap=True, optional=True),
        Column("trend", pgettext("column", "Trend"), no_wrap=True, optional=True),
        Column("owner", pgettext("column", "Owner"), min_width=6),
    ]


def bar(fraction: float | None, width: int = 10, ascii_only: bool | None = None) -> str:
    if fraction is None:
        return ""
    if ascii_only is None:
        ascii_only = use_ascii()
    full, empty = ("#", "-") if ascii_only else ("█", "░")
    fraction = max(0.0, min(1.0, fraction))
    filled = round(fraction * width)
    return full * filled + empty * (width - filled) + f" {fraction:4.0%}"


def sparkline(values: list[float], ascii_only: bool | None = None) -> str:
    if len(values) < 2:
        return ""
    marks = ASCII_SPARKS if (use_ascii() if ascii_only is None else ascii_only) else SPARKS
    low, high = min(values), max(values)
    if high == low:
        return marks[3] * len(values)
    return "".join(marks[round((v - low) / (high - low) * (len(marks) - 1))] for v in values)


def fraction_done(result: Assessment) -> float | None:
    if result.status == ACHIEVED:
        return 1.0  # achieved is a full bar, whatever the arithmetic of the last value says
    if result.latest is None:
        return None
    goal = (result.target or result.indicator.target).goal
    base = result.baseline.value if result.baseline else 0.0
    if result.indicator.sign * (goal - base) <= 0:
        return 0.0  # the baseline met the target and the value has fallen short of it: nothing is done
    return (result.latest.value - base) / (goal - base)


def build(context: CheckContext, indicator_ids: list[str] | None = None) -> tuple[list[ViewTable], dict]:
    plan = context.plan
    from zzip.i18n import prose_date

    table = ViewTable(_("Indicators as of %(date)s", date=prose_date(context.as_of)), columns())
    rows = []
    for result in context.graded():
        indicator = result.indicator
        if indicator_ids and indicator.id not in indicator_ids:
            continue
        unit, target = indicator.unit or "", result.target
        required_now = required_at(result, context.as_of)
        values = [p.value for p in result.points]
        row = {
            "indicator": indicator.name if result.role == "headline" else f"{indicator.name} ({result.key})",
            "target": target_cell(target, unit),
            "baseline": f"{fmt_short(result.baseline.value)}{unit}" if result.baseline else "",
            "latest": f"{fmt_short(result.latest.value)}{unit} ({result.latest.date.isoformat()})" if result.latest else "",
            "required": f"{fmt_short(required_now)}{unit}" if required_now is not None else "",
            "status": labels.indicator_status(result.status),
            "bar": bar(fraction_done(result)),
            "trend": sparkline(values),
            "owner": plan.unit_name(indicator.owner),
        }
        table.add(row, STYLES[result.status])
        rows.append({
            "id": indicator.id, "name": indicator.name, "unit": indicator.unit, "kind": indicator.kind,
            "target": {"value": target.value, "min": target.min, "max": target.max,
                       "comparator": target.comparator, "deadline": str(target.deadline),
                       "role": result.role, "key": result.key},
            "baseline": {"value": result.baseline.value, "date": result.baseline.date.isoformat(),
                         "source": result.baseline.source} if result.baseline else None,
            "latest": {"value": result.latest.value, "date": result.latest.date.isoformat(),
                       "source": result.latest.source} if result.latest else None,
            "required_now": required_now, "required_at_latest": result.required, "ratio": result.ratio,
            "status": result.status, "reason": result.reason, "method": result.method,
            "fraction_of_target": fraction_done(result),
            "trend": [{"date": p.date.isoformat(), "value": p.value} for p in result.points],
            "owner": indicator.owner,
        })
    counts = {status: sum(1 for r in rows if r["status"] == status)
              for status in (ACHIEVED, ON_TRACK, AT_RISK, BEHIND, DETERIORATING, NO_DATA)}
    return [table], {"as_of": context.as_of.isoformat(), "counts": counts, "indicators": rows}


def target_cell(target, unit: str) -> str:
    """Compact, for a table cell: ≥7亿元 2025-12, ≈83分 2025-12, 力争14,653件 2025-06, +10% a year 2025-12."""
    if target.growth_rate is not None:  # a rate (年均增长10%): there is no level to show
        rate = pgettext("target", "%(rate)s%% a year") % {"rate": f"{target.growth_rate:+g}"}
        return f"{rate} {target.deadline}"
    amount = f"{fmt_short(target.min)}-{fmt_short(target.max)}" if target.value is None else fmt_short(target.value)
    amount += unit
    words = {"at_least": pgettext("target", "≥%(amount)s"), "about": pgettext("target", "≈%(amount)s"),
             "stretch": pgettext("target", "up to %(amount)s")}
    return f"{words.get(target.comparator, '%(amount)s') % {'amount': amount}} {target.deadline}"


def target_words(target, unit: str) -> str:
    """In prose: at least 7亿元 by 2025-12."""
    if target.growth_rate is not None:
        return target.describe(unit)
    amount = f"{fmt_short(target.min)}-{fmt_short(target.max)}" if target.value is None else fmt_short(target.value)
    amount += unit
    words = {"at_least": _("at least %(amount)s by %(deadline)s", amount=amount, deadline=target.deadline),
             "about": _("about %(amount)s by %(deadline)s", amount=amount, deadline=target.deadline),
             "stretch": _("striving for %(amount)s by %(deadline)s", amount=amount, deadline=target.deadline)}
    return words.get(target.comparator) or _("%(amount)s by %(deadline)s", amount=amount, deadline=target.deadline)


# the labels of the steps zzip.progress records, for --explain
STEP_LABELS = {"trajectory": N_("trajectory"), "required by the latest date": N_("required by the latest date"),
               "formula": N_("formula"), "observed growth": N_("observed growth"),
               "required growth": N_("required growth"), "baseline meets the target": N_("baseline meets the target"),
               "baseline": N_("baseline"), "deadline passed": N_("deadline passed"),
               "deadline reached": N_("deadline reached"), "latest value": N_("latest value"), "method": N_("method"),
               "ratio": N_("ratio"), "status": N_("status"), "target achieved": N_("target achieved"),
               "target": N_("target"), "thresholds": N_("thresholds")}


def find_indicator(plan, name: str):
    """An indicator by its id or by the name the plan gives it (whole, then ignoring spaces)."""
    if name in plan.indicators:
        return plan.indicators[name]
    named = [i for i in plan.indicators.values() if i.name == name]
    if not named:
        squeezed = "".join(name.split())
        named = [i for i in plan.indicators.values() if "".join(i.name.split()) == squeezed]
    return named[0] if len(named) == 1 else None


def explain(context: CheckContext, indicator_id: str) -> list[str]:
    """Every input and intermediate number behind one indicator's status, to redo by hand."""
    result = context.assessments[indicator_id]
    indicator = result.indicator
    lines = [_("%(name)s (%(id)s), %(ref)s: %(text)s", name=indicator.name, id=indicator.id, ref=indicator.ref,
               text=indicator.text),
             _("kind %(kind)s, direction %(direction)s, unit %(unit)s, owner %(owner)s",
               kind=_indicator_kind(indicator.kind), direction=_direction(indicator.direction),
               unit=indicator.unit or "-", owner=context.plan.unit_name(indicator.owner))]
    lines.append(_("reported values:") if result.points else _("reported values: none"))
    for point in result.points:
        lines.append(f"  {point.date.isoformat()}  {fmt_exact(point.value)}  ({point.source})")
    for label, value in result.steps:
        lines.append(_("%(label)s: %(value)s", label=_(STEP_LABELS[label]) if label in STEP_LABELS else label,
                       value=value))
    required_now = required_at(result, context.as_of)
    if required_now is not None:
        lines.append(_("required by the as-of date %(date)s: %(value)s", date=message_date(context.as_of),
                       value=fmt_exact(required_now)))
    lines.append(_("status: %(status)s: %(reason)s", status=labels.indicator_status(result.status), reason=result.reason))
    return lines


def _indicator_kind(code: str) -> str:
    words = {"stock": pgettext("indicator kind", "stock"), "flow": pgettext("indicator kind", "flow"),
             "level": pgettext("indicator kind", "level"), "increment": pgettext("indicator kind", "increment")}
    return words.get(code, code)


def _direction(code: str) -> str:
    return {"increase": pgettext("direction", "increase"), "decrease": pgettext("direction", "decrease")}.get(code, code)
