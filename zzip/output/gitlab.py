"""Findings as a GitLab Code Quality report (artifacts:reports:codequality), shown in merge requests."""

from __future__ import annotations

import json
from collections import Counter

from zzip.findings import Severity
from zzip.output.fingerprint import fingerprint, identity
from zzip.report import Report

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(report: Report) -> str:
    # GitLab keys issues on the fingerprint: two findings sharing one would show as one. It is made
    # of what identifies the problem, never the message, so it is the same from day to day.
    occurrences: Counter = Counter()
    issues = []
    for finding in report.findings:
        loc = finding.location
        path = loc.path.replace("\\", "/")
        key = identity(finding)
        occurrence = occurrences[key]  # findings alike in all that identifies them: which one this is
        occurrences[key] += 1
        issues.append({
            "description": f"{finding.code} {loc.place + ': ' if loc.sheet else ''}{finding.message}",
            "check_name": finding.code,
            "fingerprint": fingerprint(finding, occurrence),
            "severity": SEVERITIES[finding.severity],
            "location": {"path": path, "lines": {"begin": loc.line or 1}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
