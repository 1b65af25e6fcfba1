"""Findings as `path:line:col: CODE message` lines, coloured on a terminal."""

from __future__ import annotations

from zzip.findings import Finding, Severity
from zzip.report import Report

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def finding_line(finding: Finding) -> str:
    from zzip.labels import severity

    marker = "" if finding.severity == Severity.ERROR else f"[{severity(finding.severity)}] "
    return f"{finding.location}: {finding.code} {marker}{finding.message}"


def render_plain(report: Report) -> str:
    lines = [finding_line(f) for f in report.findings]
    lines.append(report.headline())
    return "\n".join(lines) + "\n"


def rich_finding_line(finding: Finding, indent: str = ""):
    """The same line as `finding_line`, with the code coloured by severity."""
    from rich.text import Text

    line = Text(indent)
    line.append(str(finding.location), style="bold")
    line.append(": ")
    line.append(finding.code, style=_STYLE[finding.severity])
    if finding.severity != Severity.ERROR:
        from zzip.labels import severity

        line.append(f" [{severity(finding.severity)}]", style=_STYLE[finding.severity])
    line.append(f" {finding.message}")
    return line


def print_rich(report: Report, console) -> None:
    from rich.text import Text

    for finding in report.findings:
        console.print(rich_finding_line(finding), soft_wrap=True, highlight=False)
    style = "bold green" if not report.findings else ("bold red" if report.count(Severity.ERROR) else "bold yellow")
    console.print(Text(report.headline(), style=style))
