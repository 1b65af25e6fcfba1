"""`zzip check` on a terminal: who is behind first, then findings by unit, then counts by rule,
and the one-line verdict last (the line people read)."""

from __future__ import annotations

import os
from collections import defaultdict

from zzip.findings import Severity
from zzip.output.text import finding_line, rich_finding_line
from zzip.report import Report

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(report: Report, console, unit_names: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    summary = report.summary
    if summary.get("partial"):
        for finding in report.findings:
            console.print(Text(finding_line(finding)), highlight=False, soft_wrap=True)
        console.print(Text(f"{report.headline()} {summary.get('note', '')}".strip(), style="bold red"))
        return

    quarters = summary.get("quarters", [])
    span = f"{quarters[0]} to {quarters[-1]}" if len(quarters) > 1 else (quarters[0] if quarters else "none")
    console.print(Text(f"Plan {summary['plan']} version {summary['plan_version']}, as of {summary['as_of']}; "
                       f"quarters {span} ({len(summary.get('quarters_due', []))} past their due date); "
                       f"{summary['submissions']} status files", style="bold"))

    table = Table(title="Who is behind", title_justify="left", title_style="bold")
    table.add_column("Unit", no_wrap=True)
    for header, justify in ( ("Answers for", "right"), ("Overdue", "right"),
                            ("Worst days overdue", "right"), ("Missing reports", "right"),
                            ("Late reports", "right"), ("Indicators behind", "right"), ("Findings", "right")):
        table.add_column(header, justify=justify)
    for row in report.standings:
        style = "bold red" if row.overdue or row.missing_reports else ("yellow" if row.behind else "dim")
        table.add_row(Text(f"{row.unit_name} ({row.unit_id})"), str(row.answers_for), _n(row.overdue),
                      _n(row.worst_days_overdue), _n(row.missing_reports), _n(row.late_reports),
                      _n(row.indicators_behind), _n(row.findings), style=style)
    console.print(table)

    by_unit: dict[str | None, list] = defaultdict(list)
    for finding in report.findings:
        by_unit[finding.unit].append(finding)
    order = [row.unit_id for row in report.standings if row.unit_id in by_unit]
    order += sorted(u for u in by_unit if u is not None and u not in order)
    if None in by_unit:
        order.append(None)
    if order:
        console.print(Text("Findings by unit", style="bold"))
    for unit in order:
        title = f"{unit_names.get(unit, unit)} ({unit})" if unit else "Files and the plan"
        console.print(Text(f"  {title}", style="bold"))
        for finding in by_unit[unit]:
            console.print(rich_finding_line(finding, "    "), soft_wrap=True, highlight=False)

    counts = report.counts_by_rule()
    if counts:
        rule_table = Table(title="Findings by rule", title_justify="left", title_style="bold")
        for header in ("Code", "Rule", "Severity", "Count"):
            rule_table.add_column(header, justify="right" if header == "Count" else "left")
        for (code, name, severity), count in sorted(counts.items()):
            rule_table.add_row(code, name, Text(str(severity), style=_STYLE[severity]), str(count))
        console.print(rule_table)
    style = "bold green" if not report.findings else ("bold red" if report.count(Severity.ERROR) else "bold yellow")
    console.print(Text(report.headline(), style=style))


def _n(value: int) -> str:
    return str(value) if value else "-"


def plain_width() -> int:
    """Tables for a file or a printer: wide enough for Chinese unit names."""
    try:
        return max(100, int(os.environ.get("COLUMNS", "140")))
    except ValueError:
        return 140
