"""The report as SARIF 2.1.0, read by GitHub code scanning, GitLab, VS Code's SARIF viewer and others."""

from __future__ import annotations

import json
from urllib.parse import quote

from zzip import __version__
from zzip.findings import Finding, Severity
from zzip.report import Report
from zzip.rules import find_rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(finding: Finding) -> dict:
    rule = find_rule(finding.code)
    if rule is None or rule.code != finding.code:  # a code zzip does not register: describe it from the finding
        summary, explanation, severity = finding.name, finding.name, finding.severity
    else:
        summary, explanation, severity = rule.summary, rule.explanation, rule.severity
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }


def fingerprint(finding: Finding) -> str:
    """Stable across days and wordings: see zzip/output/fingerprint.py."""
    from zzip.output.fingerprint import fingerprint as stable

    return stable(finding)


def _physical_location(finding: Finding) -> dict:
    loc = finding.location
    physical: dict = {"artifactLocation": {"uri": quote(loc.path.replace("\\", "/"), safe="/")}}
    if loc.line is not None and loc.line >= 1:
        region = {"startLine": loc.line}
        if loc.column is not None and loc.column >= 1:
            region["startColumn"] = loc.column
        physical["region"] = region
    return physical


def _location(finding: Finding) -> dict:
    """The file and region; in a workbook the region is the cell's row and column, and the sheet
    is a logical location (SARIF has no notion of sheets), named sheet!cell in full."""
    location: dict = {"physicalLocation": _physical_location(finding)}
    loc = finding.location
    if loc.sheet is not None:
        logical = {"name": loc.sheet, "kind": "sheet"}
        if loc.cell:
            logical["fullyQualifiedName"] = f"{loc.sheet}!{loc.cell}"
        location["logicalLocations"] = [logical]
    return location


def render(report: Report) -> str:
    rules: list[dict] = []
    index: dict[str, int] = {}
    results = []
    from zzip.output.fingerprint import fingerprint as stable, identity

    seen: dict[tuple, int] = {}
    for finding in report.findings:
        occurrence = seen.get(identity(finding), 0)  # two findings alike in all that identifies them
        seen[identity(finding)] = occurrence + 1
        if finding.code not in index:
            index[finding.code] = len(rules)
            rules.append(_rule_descriptor(finding))
        result = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [_location(finding)],
            "partialFingerprints": {"zzip/v2": stable(finding, occurrence)},
        }
        if finding.unit is not None:
            result["properties"] = {"unit": finding.unit}
        results.append(result)
    run: dict = {
        "tool": {"driver": {"name": "zzip", "version": __version__, "rules": rules}},
        "invocations": [{"executionSuccessful": True}],
        "results": results,
    }
    if report.summary:
        run["properties"] = dict(report.summary)
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"
