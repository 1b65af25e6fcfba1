"""`zzip diff OLD [NEW]`: what changed in the plan, and, with --check, whether it was recorded."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from zzip.i18n import _, ngettext
from zzip.cli.common import LangOption, described, FailOn, FailOnOption, OutputFile, emit, fail_usage
from zzip.cli.view_support import ViewFormat


@dataclass
class DiffContext:
    old: object
    new: object
    changes: list
    new_revision: object = None
    files: list = field(default_factory=list)


@described(_("A semantic diff of two plans: items added and removed, targets changed, deadlines moved, units "
            "changed."))
def diff(
    old: Annotated[str, typer.Argument(help=_("The earlier plan: a folder, or a git revision such as HEAD~1 or a tag."))],
    new: Annotated[str, typer.Argument(help=_("The later plan: a folder or a git revision (default: the plan folder)."))] = "",
    plan_path: Annotated[Path, typer.Option("--plan", "-p", help=_("The plan folder, and where it lies in git revisions."))] = Path("plan"),
    check: Annotated[bool, typer.Option("--check", help=_("For CI: fail when the content changed without a version bump "
                                                           "and revision entry; warn on later deadlines and lower targets with no reason."))] = False,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=_("text, json, markdown (fits a pull-request comment) or csv."))] = ViewFormat.text,
    output: OutputFile = None,
    fail_on: FailOnOption = FailOn.error,
    lang: LangOption = None,
) -> None:
    from zzip.engine import run_rules
    from zzip.findings import Severity
    from zzip.output.text import finding_line
    from zzip.plan_diff import diff_plans
    from zzip.plan_source import SourceError, open_plan
    from zzip.report import Report
    from zzip.rules import rules_in_scope
    from zzip.views.diff import build

    from zzip.cli.outputs import run_output

    output = run_output(output, [Path(spec) for spec in (old, new) if spec and Path(spec).is_dir()] + [plan_path])
    try:
        with open_plan(old, plan_path) as old_load, open_plan(new or str(plan_path), plan_path) as new_load:
            broken = []
            for load in (old_load, new_load):
                plan_findings = run_rules(rules_in_scope("file", "plan"), load)
                broken += [f for f in plan_findings if f.severity == Severity.ERROR]
            if broken:
                for finding in broken:
                    sys.stderr.write(finding_line(finding) + "\n")
                fail_usage(_("a plan to compare has errors; fix them first ('zzip validate')"))
            changes = diff_plans(old_load.plan, new_load.plan)
            findings = []
            if check:
                meta = new_load.plan.meta
                revision = next((r for r in meta.revisions if r.version == meta.version), None)
                context = DiffContext(old_load.plan, new_load.plan, changes, revision)
                findings = run_rules(rules_in_scope("diff"), context)
            files = new_load.files
    except SourceError as exc:
        fail_usage(str(exc))

    report = Report("diff", findings, files)
    old_name, new_name = old, new or str(plan_path)
    heading = ngettext("Plan changes from %(old)s to %(new)s: %(num)s change",
                       "Plan changes from %(old)s to %(new)s: %(num)s changes", len(changes), old=old_name, new=new_name)
    if output_format == ViewFormat.json:
        emit(json.dumps({"old": old_name, "new": new_name, "changes": [c.to_dict() for c in changes],
                         "findings": [f.to_dict() for f in report.findings]}, ensure_ascii=False, indent=2) + "\n", output)
    else:
        from zzip.cli.view_support import show

        footer_lines = [finding_line(f) for f in report.findings]
        if check:
            footer_lines.append(report.headline())
        if not changes:
            footer_lines.insert(0, _("No changes."))
        show(build(changes), {}, output_format, output, heading, "\n".join(footer_lines) or None)
    raise typer.Exit(report.exit_code(fail_on.value))
