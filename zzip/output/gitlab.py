"""Findings as a GitLab Code Quality report (artifacts:reports:codequality), shown in merge requests."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from zzip.findings import Severity
from zzip.report import Report

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(report: Report) -> str:
    # GitLab keys issues on the fingerprint: two findings sharing one would show as one.
    occurrences: Counter = Counter()
    issues = []
    for finding in report.findings:
        loc = finding.location
        path = loc.path.replace("\\", "/")
        key = "\0".join((finding.code, path, str(loc.line), str(loc.column), finding.message))
        occurrence = occurrences[key]
        occurrences[key] += 1
        if occurrence:  # an identical finding seen before: mix in which occurrence this is
            key += f"\0{occurrence}"
        issues.append({
            "description": f"{finding.code} {loc.place + ': ' if loc.sheet else ''}{finding.message}",
            "check_name": finding.code,
            "fingerprint": hashlib.md5(key.encode("utf-8")).hexdigest(),
            "severity": SEVERITIES[finding.severity],
            "location": {"path": path, "lines": {"begin": loc.line or 1}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
