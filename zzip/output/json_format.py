"""The report as one JSON document, for scripts."""

from __future__ import annotations

import json

from zzip import __version__
from zzip.findings import Severity
from zzip.report import Report


def render(report: Report) -> str:
    document = {
        "tool": {"name": "zzip", "version": __version__},
        "command": report.command,
        "summary": {
            "files": len(report.files),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "notes": report.count(Severity.INFO),
            "unreadable_input": report.unreadable,
            **report.summary,
        },
        "counts_by_rule": [
            {"code": code, "name": name, "severity": str(severity), "count": count}
            for (code, name, severity), count in sorted(report.counts_by_rule().items())
        ],
        "standings": [s.to_dict() for s in report.standings],
        "findings": [f.to_dict() for f in report.findings],
        "files": report.files,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
