"""`zzip unit UNIT`: everything about one unit on one page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zzip.i18n import _
from zzip.cli.check_cmd import AsOfOption, ConfigOption, PlanOption
from zzip.cli.common import LangOption, described, OutputFile, fail_usage
from zzip.cli.view_support import FormatOption, ViewFormat, load_context, resolve_unit_or_exit, show


@described(_("One unit's page: what it leads, is responsible for and co-operates on, its reports by reporting "
            "period, its overdue items, its indicators."))
def unit(
    name: Annotated[str, typer.Argument(help=_("The unit: its id, the name the plan writes, or an alias."))],
    reports: Annotated[Path, typer.Option("--reports", help=_("The reports folder."))] = Path("reports"),
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    output_format: FormatOption = ViewFormat.text,
    output: OutputFile = None,
    config_file: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    from zzip.views import unit as view

    from zzip.cli.outputs import run_output

    output = run_output(output, [plan_dir], reports, config_file, reads_config=True)
    context = load_context(plan_dir, reports, as_of, config_file)
    found = resolve_unit_or_exit(context.plan, name)
    if found.is_group:
        members = "、".join(context.plan.unit_name(m) for m in found.members) or _("none listed")
        fail_usage(_("'%(name)s' is a group; ask about one of its members: %(members)s", name=found.name, members=members))
    tables, document, heading = view.build(context, found.id)
    show(tables, document, output_format, output, heading)
