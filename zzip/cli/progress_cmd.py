"""`zzip progress`: where each indicator stands against its target."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.i18n import _
from zzip.cli.check_cmd import AsOfOption, ConfigOption, PlanOption
from zzip.cli.common import LangOption, described, OutputFile, emit, fail_usage
from zzip.cli.view_support import FormatOption, ReportsArgument, ViewFormat, load_context, show


@described(_("One row per indicator: target, baseline, latest value, value required by now, status, a bar and "
            "a trend."))
def progress(
    reports: ReportsArgument = Path("reports"),
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    explain: Annotated[Optional[str], typer.Option("--explain", help=_("Print every number behind one indicator's status."))] = None,
    output_format: FormatOption = ViewFormat.text,
    output: OutputFile = None,
    config_file: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    from zzip.views import progress as view

    from zzip.cli.outputs import run_output

    output = run_output(output, [plan_dir], reports, config_file, reads_config=True)
    context = load_context(plan_dir, reports, as_of, config_file)
    if explain:
        found = view.find_indicator(context.plan, explain)
        if found is None:
            import difflib

            names = list(context.plan.indicators) + [i.name for i in context.plan.indicators.values()]
            guess = difflib.get_close_matches(explain, names, n=1)
            fail_usage(_("no indicator '%(id)s'; did you mean '%(guess)s'?", id=explain, guess=guess[0]) if guess
                       else _("no indicator '%(id)s'", id=explain))
        explain = found.id
        text = "\n".join(view.explain(context, explain)) + "\n"
        if output_format == ViewFormat.json:
            import json

            result = context.assessments[explain]
            text = json.dumps({"indicator": explain, "status": result.status, "reason": result.reason,
                               "steps": [{"label": k, "value": v} for k, v in result.steps]},
                              ensure_ascii=False, indent=2) + "\n"
        emit(text, output)
        return
    tables, document = view.build(context)
    counts = document["counts"]
    from zzip import labels
    from zzip.i18n import ngettext

    footer = _("%(counts)s (method: %(method)s; 'zzip progress --explain ID' shows the arithmetic).",
               counts=_(", ").join(_("%(num)s %(status)s", num=n, status=labels.indicator_status(status))
                                   for status, n in counts.items() if n),
               method=context.config.progress.method)
    heading = ngettext("Progress of the plan's %(num)s indicator", "Progress of the plan's %(num)s indicators",
                       len(document["indicators"]))
    show(tables, document, output_format, output, heading, footer)
