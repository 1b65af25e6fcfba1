"""Findings (and the who-is-behind standings) as CSV, for spreadsheets.

The text starts with a UTF-8 byte order mark (U+FEFF): without it, Excel on Chinese Windows
reads the file as GBK and shows the unit names and messages as mojibake. Strip it
(or read with encoding "utf-8-sig") before parsing the CSV yourself.
"""

from __future__ import annotations

import csv
import io

from zzip.report import Report

BOM = "\ufeff"
FINDING_COLUMNS = ("severity", "code", "name", "path", "line", "column", "unit", "message")
STANDING_COLUMNS = ("unit_id", "unit_name", "answers_for", "overdue", "worst_days_overdue",
                    "missing_reports", "late_reports", "indicators_behind", "indicators_at_risk", "findings")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ':
    report text comes from status files that anyone could have written."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def _table(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


def render(report: Report) -> str:
    rows = []
    for f in report.findings:
        loc = f.location
        rows.append({"severity": str(f.severity), "code": f.code, "name": f.name, "path": loc.path,
                     "line": "" if loc.line is None else loc.line,
                     "column": "" if loc.column is None else loc.column,
                     "unit": f.unit or "", "message": f.message})
    return _table(FINDING_COLUMNS, rows)


def render_standings(report: Report) -> str:
    return _table(STANDING_COLUMNS, [{c: getattr(s, c) for c in STANDING_COLUMNS} for s in report.standings])
