"""The report as JUnit XML, read by GitLab (artifacts:reports:junit), Jenkins and other CI test views.

One testcase per (file, rule) with findings, failing; one passing testcase per checked file without any.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone

from zzip.findings import Finding
from zzip.i18n import N_, _
from zzip.report import Report

PASSED = N_("all checks passed")  # the name of a file's passing testcase, in the run's language
# Characters XML 1.0 cannot carry at all, even escaped: drop them rather than write a file no one can parse.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return _NOT_XML.sub("", text)


def _timestamp(as_of) -> str:
    """ISO 8601 without a time zone, in UTC: the as-of date of the run when there is one, else now."""
    moment = None
    if isinstance(as_of, datetime):
        moment = as_of
    elif isinstance(as_of, date):
        moment = datetime(as_of.year, as_of.month, as_of.day)
    elif isinstance(as_of, str):
        try:
            moment = datetime.fromisoformat(as_of)
        except ValueError:
            pass
    if moment is None:
        moment = datetime.now(timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat()


def _cases(report: Report) -> dict[tuple[str, str], list[Finding]]:
    cases: dict[tuple[str, str], list[Finding]] = {}
    for finding in report.findings:
        cases.setdefault((finding.location.path, f"{finding.code} {finding.name}"), []).append(finding)
    with_findings = {path for path, _ in cases}
    for path in report.files:
        if path not in with_findings:
            cases.setdefault((path, _(PASSED)), [])  # setdefault: a file listed twice is one testcase
    return dict(sorted(cases.items()))


def render(report: Report) -> str:
    cases = _cases(report)
    failures = sum(1 for findings in cases.values() if findings)
    suite = ET.Element("testsuite", {
        "name": _text(f"zzip {report.command}"), "tests": str(len(cases)), "failures": str(failures),
        "errors": "0", "skipped": "0", "time": "0",
        "timestamp": _timestamp(report.summary.get("as_of")), "hostname": "zzip",
    })
    properties = ET.SubElement(suite, "properties")
    for name, value in report.summary.items():
        ET.SubElement(properties, "property", {"name": _text(name), "value": _text(value)})
    for (classname, name), findings in cases.items():
        case = ET.SubElement(suite, "testcase", {"classname": _text(classname), "name": _text(name), "time": "0"})
        if findings:
            first = findings[0]
            failure = ET.SubElement(case, "failure", {"message": _text(first.message),
                                                      "type": str(max(f.severity for f in findings))})
            failure.text = _text("\n".join(f"{f.location}: {f.message}" for f in findings))
    ET.SubElement(suite, "system-out")
    ET.SubElement(suite, "system-err")
    ET.indent(suite)
    # Written by hand: ElementTree's own declaration for a str names the locale's encoding, not UTF-8.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
