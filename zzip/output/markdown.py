"""The report as GitHub-flavoured markdown, for a pull-request comment or a printed report."""

from __future__ import annotations

import re

from zzip.findings import Finding
from zzip.i18n import _, pgettext
from zzip.report import Report

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


def title_line(report: Report) -> str:
    """zzip check: plan zhengzhou-ip-2022-2025 version 1.1.0, as of 2025年7月31日."""
    import datetime as dt

    from zzip.i18n import prose_date

    summary = report.summary
    if not summary.get("plan"):
        return f"zzip {report.command}"
    try:
        day = prose_date(dt.date.fromisoformat(str(summary.get("as_of"))))
    except ValueError:
        day = None
    if day:
        return _("zzip %(command)s: plan %(plan)s version %(version)s, as of %(date)s", command=report.command,
                 plan=summary["plan"], version=summary.get("plan_version"), date=day)
    return _("zzip %(command)s: plan %(plan)s version %(version)s", command=report.command, plan=summary["plan"],
             version=summary.get("plan_version"))


def _behind(report: Report) -> list[str]:
    from zzip.output.check_text import behind_table

    view = behind_table(report)
    rows = [(row, style) for row, style, standing in zip(view.rows, view.styles, report.standings) if standing.behind]
    lines = [f"## {_('Who is behind')}", ""]
    if not rows:
        return lines + [_("Nobody is behind."), ""]
    return lines + table(tuple(one_line(c.header) for c in view.columns),
                         [tuple(row.get(c.key) for c in view.columns) for row, _style in rows]) + [""]


def _groups(report: Report) -> list[tuple[str, list[Finding]]]:
    """Findings by unit, the units worst first (as in the who-is-behind table), then files and the plan."""
    names = {s.unit_id: s.unit_name for s in report.standings}
    order = {s.unit_id: index for index, s in enumerate(report.standings)}
    groups: dict = {}
    for f in report.findings:
        groups.setdefault(f.unit if f.unit is not None else ("", f.location.path), []).append(f)

    def rank(key):
        if isinstance(key, tuple):
            return (2, 0, key[1])
        return (0, order[key], "") if key in order else (1, 0, key)

    result = []
    for key in sorted(groups, key=rank):
        heading = code_span(key[1]) if isinstance(key, tuple) else f"{one_line(names.get(key, key))} ({one_line(key)})"
        result.append((heading, groups[key]))
    return result


def render(report: Report) -> str:
    from zzip import labels

    lines = [f"# {one_line(title_line(report))}", "", report.headline(), ""]
    if report.standings:
        lines += _behind(report)
    lines += [f"## {_('Findings by rule')}", ""]
    counts = sorted(report.counts_by_rule().items())
    if not counts:
        lines += [_("No findings."), ""]
        return "\n".join(lines)
    lines += table((pgettext("column", "Code"), pgettext("column", "Rule"), pgettext("column", "Severity"),
                    pgettext("column", "Count")),
                   [(code, name, labels.severity(severity), n) for (code, name, severity), n in counts]) + [""]
    lines += [f"## {_('Findings')}", ""]
    for heading, findings in _groups(report):
        lines += [f"### {heading}", ""]
        lines += [f"- {code_span(str(f.location))} {f.code} **{labels.severity(f.severity)}** {one_line(f.message)}"
                  for f in findings] + [""]
    return "\n".join(lines)
