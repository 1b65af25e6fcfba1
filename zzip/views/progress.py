"""`zzip progress`: one row per indicator, with a bar toward the target and a trend line."""

from __future__ import annotations

from zzip.check_context import CheckContext
from zzip.progress import (ACHIEVED, AT_RISK, BEHIND, DETERIORATING, NO_DATA, ON_TRACK, Assessment, fmt_exact,
                           fmt_short, required_at)
from zzip.views.tables import Column, ViewTable

STYLES = {ACHIEVED: "green", ON_TRACK: "green", AT_RISK: "yellow", BEHIND: "red", DETERIORATING: "bold red",
          NO_DATA: "dim"}
SPARKS = "▁▂▃▄▅▆▇█"
COLUMNS = [
    Column("indicator", "Indicator"), Column("target", "Target", no_wrap=True), Column("baseline", "Baseline", "right"),
    Column("latest", "Latest (measured)", no_wrap=True), Column("required", "Required now", "right", no_wrap=True),
    Column("status", "Status", no_wrap=True), Column("bar", "Toward target", no_wrap=True),
    Column("trend", "Trend", no_wrap=True), Column("owner", "Owner", no_wrap=True),
]


def bar(fraction: float | None, width: int = 10) -> str:
    if fraction is None:
        return ""
    fraction = max(0.0, min(1.0, fraction))
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled) + f" {fraction:4.0%}"


def sparkline(values: list[float]) -> str:
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARKS[3] * len(values)
    return "".join(SPARKS[round((v - low) / (high - low) * (len(SPARKS) - 1))] for v in values)


def fraction_done(result: Assessment) -> float | None:
    if result.latest is None:
        return None
    if result.status == ACHIEVED:
        return 1.0
    goal = (result.target or result.indicator.target).goal
    base = result.baseline.value if result.baseline else 0.0
    if result.indicator.sign * (goal - base) <= 0:
        return 0.0  # the baseline met the target and the value has fallen short of it: nothing is done
    return (result.latest.value - base) / (goal - base)


def build(context: CheckContext, indicator_ids: list[str] | None = None) -> tuple[list[ViewTable], dict]:
    plan = context.plan
    table = ViewTable(f"Indicators as of {context.as_of.isoformat()}", COLUMNS)
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
            "target": target.short(unit),
            "baseline": fmt_short(result.baseline.value) if result.baseline else "",
            "latest": f"{fmt_short(result.latest.value)}{unit} ({result.latest.date.isoformat()})" if result.latest else "",
            "required": f"{fmt_short(required_now)}{unit}" if required_now is not None else "",
            "status": result.status,
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


def explain(context: CheckContext, indicator_id: str) -> list[str]:
    """Every input and intermediate number behind one indicator's status, to redo by hand."""
    result = context.assessments[indicator_id]
    indicator = result.indicator
    lines = [f"{indicator.name} ({indicator.id}), {indicator.ref}: {indicator.text}",
             f"kind {indicator.kind}, direction {indicator.direction}, unit {indicator.unit}, "
             f"owner {context.plan.unit_name(indicator.owner)}"]
    lines.append("reported values:" if result.points else "reported values: none")
    for point in result.points:
        lines.append(f"  {point.date.isoformat()}  {fmt_exact(point.value)}  ({point.source})")
    for label, value in result.steps:
        lines.append(f"{label}: {value}")
    required_now = required_at(result, context.as_of)
    if required_now is not None:
        lines.append(f"required by the as-of date {context.as_of.isoformat()}: {fmt_exact(required_now)}")
    lines.append(f"status: {result.status}: {result.reason}")
    return lines
