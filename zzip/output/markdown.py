"""The report as GitHub-flavoured markdown, for a pull-request comment or a printed report."""

from __future__ import annotations

import re

from zzip.findings import Finding
from zzip.report import Report

BEHIND_HEADER = ("Unit", "Answers for", "Overdue milestones", "Worst days overdue", "Missing reports",
                 "Late reports", "Indicators behind")


_MARKUP = re.compile(r"([\\`*_\[\]<#|!~])")  # ">" is harmless inside a line: "2023-12 -> 2023-09" stays


def one_line(value) -> str:
    """Text from plan or reports, on one line, inert: markdown and HTML markup in it (a tag, a
    link, an image, emphasis) renders as the characters typed, never as markup, wherever the
    markdown is shown (a pull-request comment renders HTML tags and links)."""
    flat = re.sub(r"\r\n|\r|\n", " ", str(value)).replace("&", "&amp;")
    return _MARKUP.sub(r"\\\1", flat)


def cell(value) -> str:
    return one_line(value)


def table(header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def code_span(text: str) -> str:
    """Inline code that survives backticks in the text: fence it with one more backtick than its longest run."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _behind(report: Report) -> list[str]:
    rows = [(s.unit_name, s.answers_for, s.overdue, s.worst_days_overdue, s.missing_reports, s.late_reports,
             s.indicators_behind) for s in report.standings if s.behind]
    return ["## Who is behind", ""] + (table(BEHIND_HEADER, rows) if rows else ["Nobody is behind."]) + [""]


def _groups(report: Report) -> dict[str, list[Finding]]:
    names = {s.unit_id: s.unit_name for s in report.standings}
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        heading = one_line(names.get(f.unit, f.unit)) if f.unit is not None else code_span(f.location.path)
        groups.setdefault(heading, []).append(f)
    return groups


def render(report: Report) -> str:
    lines = [f"# zzip {report.command}", "", report.headline(), ""]
    if report.standings:
        lines += _behind(report)
    lines += ["## Findings by rule", ""]
    counts = sorted(report.counts_by_rule().items())
    if not counts:
        lines += ["No findings.", ""]
        return "\n".join(lines)
    lines += table(("Code", "Name", "Severity", "Count"),
                   [(code, name, severity, n) for (code, name, severity), n in counts]) + [""]
    lines += ["## Findings", ""]
    for heading, findings in _groups(report).items():
        lines += [f"### {heading}", ""]
        lines += [f"- {code_span(str(f.location))} {f.code} {one_line(f.message)}" for f in findings] + [""]
    return "\n".join(lines)
