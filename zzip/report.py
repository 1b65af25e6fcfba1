"""A run's result: findings plus what was read, and the exit code they imply."""

from __future__ import annotations

from collections import Counter

from msgspec import Struct, field, structs

from zzip.findings import Finding, Severity, printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3
FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


class UnitStanding(Struct, frozen=True, gc=False):
    """One row of the "who is behind" table of `zzip check`."""

    unit_id: str
    unit_name: str
    answers_for: int  # tasks and milestones the unit leads or co-operates on
    overdue: int  # overdue milestones it leads
    worst_days_overdue: int
    missing_reports: int
    late_reports: int
    indicators_behind: int  # indicators it owns that are behind or deteriorating (C306)
    findings: int  # all findings about the unit
    indicators_at_risk: int = 0  # indicators it owns that progress too slowly (C307)

    @property
    def behind(self) -> bool:
        return bool(self.overdue or self.missing_reports or self.late_reports or self.indicators_behind
                    or self.indicators_at_risk)

    def to_dict(self) -> dict:
        return structs.asdict(self)  # every field, in order


class Report(Struct):
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
        from zzip.i18n import _, ngettext

        errors, warnings, infos = (self.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        if not self.findings:
            return ngettext("All checks passed (%(num)s file checked).", "All checks passed (%(num)s files checked).",
                            len(self.files))
        parts = [text for n, text in (
            (errors, ngettext("%(num)s error", "%(num)s errors", errors)),
            (warnings, ngettext("%(num)s warning", "%(num)s warnings", warnings)),
            (infos, ngettext("%(num)s note", "%(num)s notes", infos))) if n]
        if self.summary.get("plan_errors"):  # `check` stopped at the plan: one whole sentence says so
            return ngettext("Found %(findings)s in %(num)s file; the plan has errors, so the status files were not "
                            "checked: run 'zzip validate'.",
                            "Found %(findings)s in %(num)s files; the plan has errors, so the status files were not "
                            "checked: run 'zzip validate'.", len(self.files), findings=_(", ").join(parts))
        return ngettext("Found %(findings)s in %(num)s file.", "Found %(findings)s in %(num)s files.", len(self.files),
                        findings=_(", ").join(parts))
