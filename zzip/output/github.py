"""Findings as GitHub Actions workflow commands, which GitHub shows as annotations on a pull request."""

from __future__ import annotations

from zzip.findings import Finding, Severity
from zzip.i18n import _
from zzip.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    loc = finding.location
    props = {"file": loc.path.replace("\\", "/"), "line": loc.line, "col": loc.column,
             "title": _("%(code)s %(name)s at %(place)s", code=finding.code, name=finding.name, place=loc.place)
             if loc.sheet else f"{finding.code} {finding.name}"}
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items() if value is not None)
    where = f"{loc.place}: " if loc.sheet else ""  # a workbook: the row and column alone do not name the cell
    return f"::{COMMANDS[finding.severity]} {fields}::{escape_data(where + finding.message)}"


def render(report: Report) -> str:
    # GitHub shows at most 10 errors and 10 warnings per step: the plain last line gives the real totals.
    lines = [annotation(f) for f in report.findings]
    lines.append(report.headline())
    return "\n".join(lines) + "\n"
