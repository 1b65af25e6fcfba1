"""The check rules, one module each (like yamllint's rules/).

Every rule module defines CODE, NAME, SEVERITY (the default), SCOPE, SUMMARY,
EXPLANATION and a `check(context)` that yields `Problem`s. Rules never decide their
own severity at run time: the engine stamps the one in force (default or configured).
SUMMARY and EXPLANATION are English message ids marked with N_; a Rule gives them in the
language of the run (its code and name never change).
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Callable, Iterable

from msgspec import Struct

from zzip.findings import Problem, Severity
from zzip.i18n import _

# In code order. Scope "plan" rules run in `zzip validate` (and before `zzip check`).
RULE_MODULES = (
    "unreadable_file",
    "non_utf8_file",
    "plan_schema_violation",
    "duplicate_id",
    "unknown_reference",
    "alias_collision",
    "start_after_end",
    "date_outside_period",
    "milestone_without_owner",
    "target_without_unit",
    "group_as_lead",
    "nested_group",
    "version_not_logged",
    "implausible_target",
    "control_character",
    "unknown_time_zone",
    "annual_reference",
    "annual_date_outside_year",
    "annual_owner_not_responsible",
    "annual_target_inconsistent",
    "assessment_scheme_invalid",
    # scope "submission": status files, in `zzip check`
    "status_schema_violation",
    "unknown_item",
    "not_responsible",
    "period_outside_plan",
    "plan_mismatch",
    "duplicate_entry",
    "date_after_submission",
    "folder_mismatch",
    "implausible_value",
    "submitted_after_as_of",
    "incomplete_entry",
    "conflicting_value",
    "implausible_date",
    "period_not_ended",
    "submitted_early",
    "partial_year_value",
    # scope "compliance": what is overdue, missing, late or behind, in `zzip check`
    "milestone_overdue",
    "completed_late",
    "not_reported",
    "submission_missing",
    "submission_late",
    "indicator_behind",
    "indicator_at_risk",
    "indicator_no_data",
    "cumulative_decrease",
    "status_regression",
    "done_without_evidence",
    "annual_item_overdue",
    "task_overdue",
    # scope "diff": `zzip diff OLD NEW --check`, when the plan itself is edited
    "version_not_bumped",
    "revision_not_logged",
    "deadline_moved_later",
    "target_lowered",
)


class Rule(Struct, frozen=True):
    code: str
    name: str
    severity: Severity
    scope: str
    summary_id: str  # the English SUMMARY, the catalog's message id
    explanation_id: str  # the English EXPLANATION as written (Markdown), its message id
    check: Callable[..., Iterable[Problem]]
    fatal: bool  # a finding of this rule means input could not be read: exit code 2

    @property
    def summary(self) -> str:
        """What the rule reports, in the language of the run (read each time: rules are cached)."""
        return _(self.summary_id)

    @property
    def explanation(self) -> str:
        """The rule's Markdown explanation, in the language of the run."""
        return _(self.explanation_id).strip()

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        return cls(
            code=module.CODE, name=module.NAME, severity=Severity.parse(module.SEVERITY), scope=module.SCOPE,
            summary_id=module.SUMMARY, explanation_id=module.EXPLANATION, check=module.check,
            fatal=getattr(module, "FATAL", False),
        )


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    return tuple(Rule.from_module(importlib.import_module(f"zzip.rules.{name}")) for name in RULE_MODULES)


def find_rule(key: str) -> Rule | None:
    """A rule by code (case-insensitive) or by name."""
    key = key.strip()
    for rule in all_rules():
        if rule.code.lower() == key.lower() or rule.name == key:
            return rule
    return None


def rules_in_scope(*scopes: str) -> list[Rule]:
    return [rule for rule in all_rules() if rule.scope in scopes]


def fatal_codes() -> frozenset[str]:
    """The rules whose findings mean input could not be read (exit code 2, never silenced)."""
    return frozenset(rule.code for rule in all_rules() if rule.fatal)
