"""Run rules over a context and stamp their problems as findings."""

from __future__ import annotations

from typing import Iterable

from msgspec import Struct, field
from msgspec.structs import replace

from zzip.findings import Finding, Location, Severity, printable
from zzip.rules import Rule


class Selection(Struct, frozen=True):
    """Which rules run and at what severity (from zzip.toml or the command line)."""

    select: frozenset[str] | None = None  # None: all rules; else codes or code prefixes
    ignore: frozenset[str] = frozenset()
    severities: dict[str, Severity] = field(default_factory=dict)

    def enabled(self, rule: Rule) -> bool:
        if rule.fatal:
            return True  # an unreadable file is never silenced: its checks did not run
        if any(_matches(rule, key) for key in self.ignore):
            return False
        return self.select is None or any(_matches(rule, key) for key in self.select)

    def severity(self, rule: Rule) -> Severity:
        if rule.fatal:
            return rule.severity  # an unreadable file is never lowered either
        return self.severities.get(rule.code, rule.severity)


def split_keys(values) -> frozenset[str]:
    """--select C3,S2 and --select C3 --select S2 mean the same."""
    return frozenset(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _matches(rule: Rule, key: str) -> bool:
    key = key.strip()
    if not key:
        return False  # an empty key names no rule (it is refused before a run)
    return key.upper() == "ALL" or rule.code.upper().startswith(key.upper()) or rule.name == key


def run_rules(rules: Iterable[Rule], context, selection: Selection = Selection()) -> list[Finding]:
    findings: list[Finding] = []
    shown: dict[str, str] = {}  # a file name or unit id as printed: thousands of findings share a few hundred
    for rule in rules:
        if not selection.enabled(rule):
            continue
        severity = selection.severity(rule)
        for problem in rule.check(context):
            location = problem.location
            path = shown.get(location.path)
            if path is None:  # a file name may hold anything, even bytes that are not UTF-8
                path = shown[location.path] = printable(location.path)
            if path != location.path:
                location = replace(location, path=path)
            unit = problem.unit or None
            if unit is not None:
                unit = shown.get(unit) or shown.setdefault(unit, printable(unit))
            findings.append(Finding(rule.code, rule.name, severity, printable(problem.message), location,
                                    unit, problem.extra))
    return findings


def restamp(findings: list[Finding], selection: Selection) -> list[Finding]:
    """Findings made with the default selection, filtered and re-stamped for another one."""
    from zzip.rules import find_rule

    kept = []
    for finding in findings:
        rule = find_rule(finding.code)
        if rule is None or not selection.enabled(rule):
            continue
        severity = selection.severity(rule)
        kept.append(finding if severity == finding.severity else replace(finding, severity=severity))
    return kept
