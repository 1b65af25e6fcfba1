"""`zzip bulletin`: the 督导通报, one HTML file or a PDF, for leaders and the responsible units."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.filebytes import os_reason
from zzip.i18n import _, language, message_date
from zzip.labels import period_words
from zzip.cli.check_cmd import AsOfOption, ConfigOption, PlanOption
from zzip.cli.common import LangOption, described, fail_usage
from zzip.cli.view_support import ReportsArgument


PeriodOption = Annotated[Optional[str], typer.Option("--period", help=_(
    "A reporting period of the plan's cadence: a quarter (2025-Q2), a half-year (2025-H1) or a year (2025)."))]


def parse_period(period: str | None, year: int | None, *, quarter_only: bool = False):
    """The Period asked for, or exit 2."""
    from zzip.bulletin.model import YEAR, Period
    from zzip.months import parse_any_period

    if quarter_only:
        if period is None:
            fail_usage(_("give the quarter with --period, e.g. --period 2025-Q2"))
    elif (period is None) == (year is None):
        fail_usage(_("give either --period QUARTER (e.g. 2025-Q2) or --year YEAR (e.g. 2024)"))
    if period is not None:
        try:
            return Period.of_quarter(parse_any_period(period.strip()))  # load_for checks the plan's cadence
        except ValueError:
            fail_usage(_("--period: '%(period)s' is not a reporting period; write it like 2025-Q2, 2025-H1 or 2025",
                         period=period))
    return Period(YEAR, year)


def load_for(plan_dir: Path, reports: Path, as_of: str | None, config_file: Path | None, period):
    """What `zzip check` computes (report, context), for a period that has ended; or exit 2 (a plan
    with errors, an unreadable status file, a period outside the plan or not yet over)."""
    from zzip.cli.check_cmd import load_config_or_exit, parse_as_of_or_exit, run_check_or_exit
    from zzip.cli.view_support import report_input_problems
    from zzip.output.text import finding_line

    config = load_config_or_exit(config_file)
    as_of_date = parse_as_of_or_exit(as_of)
    if not reports.exists() and not reports.is_symlink():
        fail_usage(_("reports folder '%(reports)s' does not exist", reports=reports))
    report, context = run_check_or_exit(plan_dir, reports, as_of_date, config)
    if context is None:
        for finding in report.findings:
            sys.stderr.write(finding_line(finding) + "\n")
        fail_usage(_("the plan in '%(plan_dir)s' has errors; fix them first ('zzip validate %(plan_dir)s')", plan_dir=plan_dir))
    report_input_problems(context)
    meta = context.plan.meta
    if period.span is not None:
        try:
            context.cadence.parse(str(period.span))
        except ValueError as exc:
            fail_usage(_("--period: %(problem)s", problem=exc))
    first, last = context.plan_quarters[0], context.plan_quarters[-1]
    if period.last_day < first.first_day or period.first_day > last.last_day:
        fail_usage(_("%(period)s is outside the plan's reporting period (%(first)s to %(last)s)", period=period, first=first, last=last))
    if period.last_day > context.as_of:
        fail_usage(_("%(period)s has not ended as of %(date)s: a bulletin reports on a period that is over "
                     "(give a later --as-of, or an earlier period)", period=period_words(period), date=message_date(context.as_of)))
    del meta
    return report, context


@described(_("The 督导通报 of a quarter (--period 2025-Q2) or a year (--year 2024): headline, indicators with "
            "charts, who is behind, the 督办清单, progress by section and changes since the previous bulletin."))
def bulletin(
    reports: ReportsArgument = Path("reports"),
    period: PeriodOption = None,
    year: Annotated[Optional[int], typer.Option("--year", help=_("A year, for the yearly bulletin, e.g. 2024."))] = None,
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help=_("The file to write: FILE.html (one self-contained page) or FILE.pdf (printed by "
                                 "headless Chromium). Written atomically."), dir_okay=False)] = None,
    lang: LangOption = None,
    config_file: ConfigOption = None,
) -> None:
    from zzip.cli.outputs import run_output

    chosen = parse_period(period, year)
    if output is None or str(output) == "-":
        fail_usage(_("the bulletin is a file: give it with -o, e.g. -o bulletin.html or -o bulletin.pdf"))
    suffix = output.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        fail_usage(_("-o %(output)s: the bulletin is written as .html or .pdf, not '%(suffix)s'", output=output,
                     suffix=output.suffix or _("no suffix")))
    target = run_output(output, [plan_dir], reports, config_file, reads_config=True)
    if suffix == ".pdf":
        from zzip.bulletin import pdf

        try:
            pdf.find_browser()
            pdf.check_fonts()
        except pdf.PdfError as exc:
            fail_usage(str(exc))
    report, context = load_for(plan_dir, reports, as_of, config_file, chosen)
    page = make_page(report, context, chosen, language())
    if suffix == ".pdf":
        from zzip.bulletin import pdf

        try:
            data = pdf.print_pdf(page)
        except pdf.PdfError as exc:
            fail_usage(str(exc))
    else:
        data = page.encode("utf-8")
    from zzip.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        fail_usage(_("cannot write %(target)s: %(reason)s", target=target, reason=os_reason(exc)))
    sys.stderr.write(_("zzip: wrote the bulletin for %(period)s as of %(date)s to %(path)s", period=period_words(chosen),
                       date=message_date(context.as_of), path=target) + "\n")


def make_page(report, context, period, lang: str) -> str:
    """The bulletin's HTML, with the previous bulletin's data and the year's assessment."""
    from zzip.bulletin import model
    from zzip.bulletin.charts import Charts
    from zzip.bulletin.html import render
    from zzip.findings import safe_document

    bulletin = model.build(report, context, period, previous_context(context, period), assessment(context, period))
    charts = Charts()
    try:
        svgs = {row.id: charts.svg(row, context.as_of) for row in bulletin.indicators}
    finally:
        charts.close()
    return safe_document(render(bulletin, lang, svgs))


def previous_context(context, period):
    """The same data as of the previous bulletin's date (the as-of date a quarter, or a year,
    earlier), or None when the previous period is before the plan's first reporting quarter."""
    from zzip.bulletin.model import shift_back
    from zzip.check_context import CheckContext

    previous = period.previous()
    if previous.last_day < context.plan_quarters[0].first_day:
        return None
    as_of = shift_back(context.as_of, period.months)
    return CheckContext(plan=context.plan, load=context.load, config=context.config, as_of=as_of,
                        display_root=context.display_root, focus=context.focus)


def assessment(context, period):
    """The yearly assessment of the period's year as of the same date (zzip assess), when the plan
    has a scheme; zzip.toml does not change scores, so it is made with the default configuration."""
    scheme = context.plan.assessment
    meta = context.plan.meta
    if scheme is None or not meta.period_start.year <= period.year <= meta.period_end.year:
        return None
    from zzip.assess import assess_year
    from zzip.check_context import CheckContext
    from zzip.config import Config

    scored = CheckContext(plan=context.plan, load=context.load, config=Config(), as_of=context.as_of,
                          display_root=context.display_root, focus=context.focus)
    return assess_year(scored, scheme, period.year)
