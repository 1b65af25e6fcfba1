"""`zzip overdue`: the list staff print between quarters."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.filebytes import os_reason
from zzip.i18n import _, ngettext, language
from zzip.cli.check_cmd import AsOfOption, ConfigOption, PlanOption
from zzip.cli.common import LangOption, described, OutputFile, fail_usage
from zzip.cli.view_support import ReportsArgument, ViewFormat, load_context, resolve_unit_or_exit, show


class OverdueFormat(str, enum.Enum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


@described(_("Overdue milestones and tasks by lead unit, worst first, with days overdue; then what falls due "
            "soon."))
def overdue(
    reports: ReportsArgument = Path("reports"),
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help=_("Only this lead unit (id, name or alias)."))] = None,
    within: Annotated[Optional[int], typer.Option("--within", min=0, max=3650, help=_("Also list what falls due within this many days (default 30)."))] = None,
    output_format: Annotated[OverdueFormat, typer.Option("--format", "-f", help=_("text, json, csv, markdown or xlsx (the 督办清单 workbook: a summary sheet and one per lead unit; needs -o)."))] = OverdueFormat.text,
    output: OutputFile = None,
    config_file: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    from zzip.views import overdue as view

    from zzip.cli.outputs import run_output

    if output_format == OverdueFormat.xlsx and (output is None or str(output) == "-"):
        fail_usage(_("--format xlsx writes a workbook: give the file with -o, e.g. -o overdue.xlsx"))
    output = run_output(output, [plan_dir], reports, config_file, reads_config=True)
    context = load_context(plan_dir, reports, as_of, config_file)
    unit_id = resolve_unit_or_exit(context.plan, unit).id if unit else None
    days = within if within is not None else context.config.due_soon_days
    tables, document = view.build(context, unit_id, days)
    count = len(document["overdue"])
    from zzip.i18n import prose_date

    severe = context.config.severe_days
    if unit_id:
        heading = ngettext("Overdue as of %(date)s for %(unit)s (severely overdue: more than %(num)s day)",
                           "Overdue as of %(date)s for %(unit)s (severely overdue: more than %(num)s days)", severe,
                           date=prose_date(context.as_of), unit=context.plan.unit_name(unit_id))
    else:
        heading = ngettext("Overdue as of %(date)s (severely overdue: more than %(num)s day)",
                           "Overdue as of %(date)s (severely overdue: more than %(num)s days)", severe,
                           date=prose_date(context.as_of))
    footer = _("%(overdue)s, %(soon)s.",
               overdue=ngettext("%(num)s overdue item", "%(num)s overdue items", count),
               soon=ngettext("%(num)s falling due within %(days)s days", "%(num)s falling due within %(days)s days",
                             len(document["due_soon"]), days=days))
    if output_format == OverdueFormat.xlsx:
        from zzip.atomic import write_bytes_atomic
        from zzip.overdue import due_items
        from zzip.output.overdue_xlsx import workbook_bytes

        overdue_items = [d for d in due_items(context, within_days=days)[0] if unit_id is None or d.unit == unit_id]
        try:
            write_bytes_atomic(output, workbook_bytes(context, overdue_items, language()))
        except OSError as exc:
            fail_usage(_("cannot write %(output)s: %(reason)s", output=output, reason=os_reason(exc)))
        return
    show(tables, document, ViewFormat(output_format.value), output, heading, footer)
