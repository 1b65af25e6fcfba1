"""`zzip check --show behind`: the who-is-behind table alone, for a spreadsheet or a script.

CSV: one row per unit with its id and name; the header row holds stable keys (unit_id,
unit_name, answers_for, overdue, worst_days_overdue, missing_reports, late_reports,
indicators_behind, indicators_at_risk, findings), the same in every language. JSON: the plan,
its version, the as-of date and the same rows under "standings"."""

from __future__ import annotations

import json

from zzip.report import Report


def render_behind(format_name: str, report: Report) -> str:
    if format_name == "csv":
        from zzip.output.csv_format import render_standings

        return render_standings(report)
    if format_name == "json":
        summary = report.summary
        return json.dumps({"plan": summary.get("plan"), "plan_version": summary.get("plan_version"),
                           "as_of": summary.get("as_of"), "standings": [s.to_dict() for s in report.standings]},
                          ensure_ascii=False, indent=2) + "\n"
    from zzip.output.check_text import behind_table
    from zzip.views.tables import markdown_text
    from zzip.output.markdown import title_line

    return markdown_text([behind_table(report)], title_line(report))
