"""`zzip assess --year Y`: the yearly assessment (推进考核, 五(三)), ranked, and explained on request."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.filebytes import os_reason
from zzip.i18n import _
from zzip.cli.check_cmd import AsOfOption, PlanOption
from zzip.cli.common import LangOption, described, OutputFile, emit, fail_usage
from zzip.cli.view_support import ReportsArgument


class AssessFormat(str, enum.Enum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


@described(_("Each responsible unit's score for a year, with its rank and band, from the scheme in "
            "plan/assessment.yaml. Scores depend only on the plan, the scheme, the reports and the as-of "
            "date."))
def assess(
    reports: ReportsArgument = Path("reports"),
    year: Annotated[int, typer.Option("--year", "-y", help=_("The year assessed, e.g. 2024."))] = ...,  # type: ignore[assignment]
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    explain: Annotated[Optional[str], typer.Option("--explain", help=_("List every point one unit (id, name or alias) gained or lost, and why."))] = None,
    output_format: Annotated[AssessFormat, typer.Option("--format", "-f", help=_("text, json, csv, markdown or xlsx (xlsx needs -o)."))] = AssessFormat.text,
    output: OutputFile = None,
    lang: LangOption = None,
) -> None:
    import json

    from zzip.assess import assess_year
    from zzip.check import prepare
    from zzip.cli.check_cmd import parse_as_of_or_exit
    from zzip.config import Config
    from zzip.output.text import finding_line
    from zzip.plan_loader import ASSESSMENT_FILE
    from zzip.views import assess as view

    from zzip.cli.outputs import run_output

    if output_format == AssessFormat.xlsx and (output is None or str(output) == "-"):
        fail_usage(_("--format xlsx writes a workbook: give the file with -o, e.g. -o assessment-2024.xlsx"))
    output = run_output(output, [plan_dir], reports)  # never over a plan file or a status file
    as_of_date = parse_as_of_or_exit(as_of)
    if not reports.exists():
        fail_usage(_("reports folder '%(reports)s' does not exist", reports=reports))
    # zzip.toml is not read: the scheme alone decides the points, grace and severe days
    _load, findings, context = prepare(plan_dir, reports, as_of_date, Config())
    if context is None:
        for finding in findings:
            sys.stderr.write(finding_line(finding) + "\n")
        fail_usage(_("the plan in '%(plan_dir)s' has errors; fix them first ('zzip validate %(plan_dir)s')", plan_dir=plan_dir))
    plan = context.plan
    if plan.assessment is None:
        fail_usage(_("the plan in '%(plan_dir)s' has no assessment scheme: add %(file)s (see "
                     "docs/assessment.md; 'zzip schema assessment' prints its schema)", plan_dir=plan_dir, file=ASSESSMENT_FILE))
    meta = plan.meta
    if not meta.period_start.year <= year <= meta.period_end.year:
        fail_usage(_("--year %(year)s is outside the plan period (%(period_start)s to %(period_end)s)", year=year, period_start=meta.period_start, period_end=meta.period_end))
    # A file that cannot be read, or that breaks the schema, in a quarter of the assessed year (or
    # outside any quarter folder) could turn a report into a missing one: it stops the scoring.
    # The same in another year's quarter cannot touch this year's score: it is said, not fatal.
    from zzip.findings import printable

    problems = [*context.parse_failures, *context.schema_problems]
    blocking = [p for p in problems if _year_of(p.location.path) in (None, year)]
    for problem in problems:
        line = f"{problem.location}: {problem.message}"
        if problem not in blocking:
            line = _("%(problem)s (another year: does not affect this assessment)", problem=line)
        sys.stderr.write(printable(line) + "\n")
    if blocking:
        fail_usage(_("%(count)s problem(s) in the %(year)s status files above: a report that cannot be read "
                     "would count as missing; fix them first ('zzip check')", count=len(blocking), year=year))

    result = assess_year(context, plan.assessment, year)
    unit_id = None
    if explain:
        from zzip.cli.view_support import resolve_unit_or_exit

        unit_id = resolve_unit_or_exit(plan, explain).id
        if not any(s.unit_id == unit_id for s in result.scores):
            fail_usage(_("%(unit)s (%(unit_id)s) had no duty in %(year)s, so it is not assessed", unit=plan.unit_name(unit_id), unit_id=unit_id, year=year))

    scheme = plan.assessment
    from zzip.i18n import prose_date

    heading = _("Assessment %(year)s: %(title)s, as of %(date)s (plan version %(version)s)", year=year,
                title=scheme.title, date=prose_date(context.as_of), version=meta.version)
    bands = _(", ").join(_("%(band)s from %(min)s", band=b.name, min=b.min)
                         for b in sorted(scheme.bands, key=lambda b: b.min, reverse=True))
    if unit_id:
        score = next(s for s in result.scores if s.unit_id == unit_id)
        tables = [view.explanation(score)]
        footer = view.reconciliation(score, scheme.places)
    else:
        tables = [view.ranking(result)]
        footer = _("%(num)s units assessed (units with no duty in %(year)s are left out). Bands: %(bands)s. "
                   "'zzip assess --explain UNIT' lists every point.", num=len(result.scores), year=year, bands=bands)

    if output_format == AssessFormat.json:
        emit(json.dumps(view.document(result, meta.version, unit_id), ensure_ascii=False, indent=2) + "\n", output)
    elif output_format == AssessFormat.xlsx:
        from zzip.atomic import write_bytes_atomic
        from zzip.output.xlsx import workbook_bytes

        sheets = [(_("Explanation") if unit_id else _("Scores"), tables[0])]
        if not unit_id:
            sheets += [(f"{s.rank:02d} {s.unit_id}", view.explanation(s, f"{s.name} ({s.unit_id}): "
                                                                          f"{view.reconciliation(s, scheme.places)}"))
                       for s in result.scores]
        try:
            write_bytes_atomic(output, workbook_bytes(sheets, heading))
        except OSError as exc:
            fail_usage(_("cannot write %(output)s: %(reason)s", output=output, reason=os_reason(exc)))
    else:
        from zzip.cli.view_support import ViewFormat, show

        show(tables, {}, ViewFormat(output_format.value), output, heading, footer)


def _year_of(path: str) -> int | None:
    """The year of the quarter folder a status file sits in, if any."""
    import re

    found = re.findall(r"(?:^|/)([0-9]{4})-Q[1-4](?:/|$)", path)
    return int(found[-1]) if found else None
