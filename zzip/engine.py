"""Run rules over a context and stamp their problems as findings."""

from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from typing import Iterable

from zzip.findings import Finding, Location, Severity, printable
from zzip.rules import Rule


@dataclass(frozen=True)
class Selection:
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
        return self.severities.get(rule.code, rule.severity)


def split_keys(values) -> frozenset[str]:
    """--select C3,S2 and --select C3 --select S2 mean the same."""
    return frozenset(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _matches(rule: Rule, key: str) -> bool:
    key = key.strip()
    return key.upper() == "ALL" or rule.code.upper().startswith(key.upper()) or rule.name == key


_CONTROL_IN_PATH = re.compile("[\x00-\x1f\x7f-\x9f]")


def _has_controls(path: str) -> bool:
    return _CONTROL_IN_PATH.search(path) is not None


def run_rules(rules: Iterable[Rule], context, selection: Selection = Selection()) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if not selection.enabled(rule):
            continue
        severity = selection.severity(rule)
        for problem in rule.check(context):
            location = problem.location
            if _has_controls(location.path):
                location = replace(location, path=printable(location.path))
            unit = printable(problem.unit) if problem.unit else None
            findings.append(Finding(rule.code, rule.name, severity, printable(problem.message), location,
                                    unit, problem.extra))
    return findings
