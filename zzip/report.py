"""A run's result: findings plus what was read, and the exit code they imply."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from zzip.findings import Finding, Severity, printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3
FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


@dataclass(frozen=True)
class UnitStanding:
    """One row of the "who is behind" table of `zzip check`."""

    unit_id: str
    unit_name: str
    answers_for: int  # tasks and milestones the unit leads or co-operates on
    overdue: int  # overdue milestones it leads
    worst_days_overdue: int
    missing_reports: int
    late_reports: int
    indicators_behind: int  # indicators it owns that are behind, at risk or deteriorating
    findings: int  # all findings about the unit

    @property
    def behind(self) -> bool:
        return bool(self.overdue or self.missing_reports or self.late_reports or self.indicators_behind)

    def to_dict(self) -> dict:
        return {**self.__dict__}


@dataclass
class Report:
    command: str
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    fatal_codes: frozenset[str] = frozenset()
    summary: dict = field(default_factory=dict)  # command-specific facts (plan id, as-of date...)
    standings: list[UnitStanding] = field(default_factory=list)  # worst first; only `zzip check` fills it

    def __post_init__(self) -> None:
        self.findings.sort(key=Finding.sort_key)
        # file names and the plan's id and version reach every output format as they stand
        self.files = [printable(path) for path in self.files]
        self.summary = {key: printable(value) if isinstance(value, str) else value for key, value in self.summary.items()}

    @property
    def unreadable(self) -> bool:
        return any(f.code in self.fatal_codes for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def counts_by_rule(self) -> Counter:
        return Counter((f.code, f.name, f.severity) for f in self.findings)

    def exit_code(self, fail_on: str = "error") -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        level = FAIL_LEVELS[fail_on]
        if level is not None and any(f.severity >= level for f in self.findings):
            return EXIT_FINDINGS
        return EXIT_CLEAN

    def headline(self) -> str:
        errors, warnings, infos = (self.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        files = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        if not self.findings:
            return f"All checks passed ({files} checked)."
        parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
                 ((errors, "error"), (warnings, "warning"), (infos, "note")) if n]
        return f"Found {', '.join(parts)} in {files}."
