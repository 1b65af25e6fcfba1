"""What identifies a finding across runs, for the fingerprints of SARIF and GitLab reports.

A fingerprint must stay the same while the problem stays the same, so that code scanning and
merge requests show a finding as new only when it is new. Messages change from day to day
("due 2025-06-30, 31 days ago") and with their wording, so they are never part of it.

A finding is identified by its rule, its file, its unit, and the identifying keys its rule puts
in `extra` (the milestone, task or indicator concerned, and the reporting period). A finding of a
rule that names no such key (a schema error, a misspelt id...) is identified by its line and
column instead: those rules' findings do not depend on the check date.
"""

from __future__ import annotations

import hashlib

from zzip.findings import Finding

# The keys of Problem.extra that say *what* a finding is about; the others (days_overdue, grade,
# ratio, status, due, days_late) say how bad it is today, and change from one run to the next.
IDENTITY_KEYS = ("milestone", "item", "indicator", "period")


def identity(finding: Finding) -> tuple[str, ...]:
    loc = finding.location
    subject = [f"{key}={finding.extra[key]}" for key in IDENTITY_KEYS if key in finding.extra]
    if not subject:
        subject = [f"line={loc.line or 0}", f"column={loc.column or 0}"]
    return (finding.code, loc.path.replace("\\", "/"), f"unit={finding.unit or ''}", *subject)


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """A 32-digit hex digest of the finding's identity; `occurrence` tells identical ones apart."""
    parts = identity(finding) + ((f"occurrence={occurrence}",) if occurrence else ())
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]
