"""`zzip check` on a terminal: who is behind first, then findings by unit, then counts by rule,
and the one-line verdict last (the line people read)."""

from __future__ import annotations

import re
from collections import defaultdict

from zzip.findings import Severity
from zzip.i18n import _, ngettext, pgettext
from zzip.output.text import finding_line, rich_finding_line
from zzip.report import Report

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(report: Report, console, unit_names: dict[str, str], show: str = "all") -> None:
    """`show`: all; findings (the findings and the verdict, as the pre-commit hook wants); behind
    (the who-is-behind table alone)."""
    from rich.text import Text

    from zzip.views.tables import print_prose, print_table

    summary = report.summary
    if summary.get("partial") or show == "findings":
        _print_findings(console, report.findings)
        print_prose(console, report.headline(), _verdict_style(report))  # it says when the plan stopped the check
        return

    print_prose(console, summary_line(report), "bold")
    print_table(console, behind_table(report))
    if show == "behind":
        return

    by_unit: dict[str | None, list] = defaultdict(list)
    for finding in report.findings:
        by_unit[finding.unit].append(finding)
    order = [row.unit_id for row in report.standings if row.unit_id in by_unit]
    order += sorted(u for u in by_unit if u is not None and u not in order)
    if None in by_unit:
        order.append(None)
    if order:
        console.print(Text(_("Findings by unit"), style="bold"))
    for unit in order:
        title = _("%(name)s (%(id)s)", name=unit_names.get(unit, unit), id=unit) if unit else _("Files and the plan")
        print_prose(console, title, "bold", indent="  ")
        _print_findings(console, by_unit[unit], "    ")

    rules = rules_table(report)
    if rules.rows:
        print_table(console, rules)
    print_prose(console, report.headline(), _verdict_style(report))


def _print_findings(console, findings: list, indent: str = "") -> None:
    """One line per finding. Where nothing is styled (a file, a pipe) the lines are written as rich
    would write them, without rich's work on every character (0.5 s for 8,000 findings); a line
    holding a tab or a control character (which rich would expand or strip) goes through rich."""
    if not findings:
        return
    if console.color_system is None:
        text = "".join(f"{indent}{finding_line(finding)}\n" for finding in findings)
        if _NOT_PLAIN.search(text) is None:
            console.file.write(text)
            return
    from rich.text import Text

    console.print(Text("\n").join(rich_finding_line(finding, indent) for finding in findings),
                  soft_wrap=True, highlight=False)


_NOT_PLAIN = re.compile("[\x00-\x09\x0b-\x1f\x7f]")  # all but the line ends written above


def summary_line(report: Report) -> str:
    import datetime as dt

    from zzip.i18n import prose_date

    summary = report.summary
    from zzip.labels import period_words
    from zzip.months import parse_any_period

    quarters = [period_words(parse_any_period(q)) for q in summary.get("quarters", [])]  # 2025年第2季度 in Chinese
    span = _("%(first)s to %(last)s", first=quarters[0], last=quarters[-1]) if len(quarters) > 1 else \
        (quarters[0] if quarters else pgettext("quarters", "none"))
    try:
        day = dt.date.fromisoformat(str(summary.get("as_of")))
    except ValueError:
        day = None
    return _("Plan %(plan)s version %(version)s, as of %(date)s; reporting periods %(span)s (%(due)s past their due "
             "date); "
             "%(files)s", plan=summary.get("plan"), version=summary.get("plan_version"),
             date=prose_date(day) if day else summary.get("as_of"), span=span,
             due=len(summary.get("quarters_due", [])),
             files=ngettext("%(num)s status file", "%(num)s status files", summary.get("submissions", 0)))


def behind_table(report: Report):
    from zzip.views.tables import Column, ViewTable

    table = ViewTable(_("Who is behind"), [
        Column("unit_name", pgettext("column", "Unit"), min_width=8, names_row=True),
        Column("unit_id", pgettext("column", "Id"), no_wrap=True, under="unit_name", names_row=True),
        Column("answers_for", pgettext("column", "Answers for"), "right", no_wrap=True),
        Column("overdue", pgettext("column", "Overdue"), "right", no_wrap=True),
        Column("worst_days_overdue", pgettext("column", "Worst days overdue"), "right", no_wrap=True),
        Column("missing_reports", pgettext("column", "Missing reports"), "right", no_wrap=True),
        Column("late_reports", pgettext("column", "Late reports"), "right", no_wrap=True),
        Column("indicators_behind", pgettext("column", "Indicators behind"), "right", no_wrap=True),
        Column("indicators_at_risk", pgettext("column", "Indicators at risk"), "right", no_wrap=True),
        Column("findings", pgettext("column", "Findings"), "right", no_wrap=True),
    ], empty=_("no unit answers for anything yet."))
    for row in report.standings:
        style = "bold red" if row.overdue or row.missing_reports else ("yellow" if row.behind else "dim")
        cells = {key: _n(value) for key, value in row.to_dict().items() if isinstance(value, int)}
        table.add({**cells, "unit_name": row.unit_name, "unit_id": row.unit_id, "answers_for": str(row.answers_for)},
                  style)
    return table


def rules_table(report: Report):
    from zzip import labels
    from zzip.views.tables import Column, ViewTable

    table = ViewTable(_("Findings by rule"), [
        Column("code", pgettext("column", "Code"), no_wrap=True), Column("name", pgettext("column", "Rule"), no_wrap=True),
        Column("severity", pgettext("column", "Severity"), no_wrap=True),
        Column("count", pgettext("column", "Count"), "right", no_wrap=True)])
    for (code, name, severity), count in sorted(report.counts_by_rule().items()):
        table.add({"code": code, "name": name, "severity": labels.severity(severity), "count": str(count)},
                  _STYLE[severity])
    return table


def _verdict_style(report: Report) -> str:
    return "bold green" if not report.findings else ("bold red" if report.count(Severity.ERROR) else "bold yellow")


def _n(value: int) -> str:
    return str(value) if value else "-"
