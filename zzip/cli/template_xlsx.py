"""`zzip template --format xlsx` and `zzip template --all`: workbooks (or YAML files) for one
unit or for every unit that must report in a quarter."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from zzip.i18n import _, ngettext
from zzip.labels import period_words
from zzip.cli.common import write_file_or_fail, fail_usage


def write_templates(plan, unit: str | None, quarter, reports: Path, output: str | None, force: bool,
                    file_format: str, all_units: bool) -> None:
    from zzip.check_context import CheckContext
    from zzip.clock import today_in
    from zzip.config import Config
    from zzip.plan_loader import display_path
    from zzip.responsibility import Responsibilities
    from zzip.status_loader import load_submissions

    meta = plan.meta
    first, last = meta.cadence.of(meta.period_start.first_day), meta.cadence.of(meta.period_end.last_day)
    if not first <= quarter <= last:
        fail_usage(_("%(quarter)s is outside the plan period (%(first)s to %(last)s)", quarter=period_words(quarter),
                     first=period_words(first), last=period_words(last)))
    if all_units:
        units = Responsibilities(plan).expected_reporters(quarter)
        if output == "-":
            fail_usage(_("--all writes one file per unit: give a folder with -o, not '-'"))
        folder = Path(output) if output else reports / str(quarter)
        if folder.exists() and not folder.is_dir():
            fail_usage(_("-o %(folder)s: with --all, -o names a folder, and %(folder)s is a file", folder=folder))
        from zzip.status_loader import folder_quarter

        named = folder_quarter(Path(os.path.abspath(folder)).name)
        if named is not None and named != quarter:  # its files would be read as that period's reports
            fail_usage(_("-o %(folder)s: that folder holds the reports for %(other)s; write the templates for "
                         "%(quarter)s into a folder of their own", folder=folder, other=named, quarter=quarter))
    else:
        from zzip.cli.template_cmd import reporting_unit

        units = [reporting_unit(plan, unit).id]
        if output == "-" and file_format == "xlsx":
            fail_usage(_("a workbook is not text: give a file name with -o, not '-'"))
        folder = None
    suffix = f".{file_format}"
    targets = [(u, (folder / f"{u}{suffix}") if folder is not None else
                (Path(output) if output else reports / str(quarter) / f"{u}{suffix}")) for u in units]
    from zzip.status_loader import load_submissions as read_report

    for unit_id, target in targets:  # a report sent by another unit, or for another period, is never overwritten
        held = read_report(target).submissions if target.is_file() else []
        other = next((s for s in held if s.unit != unit_id or s.period != quarter), None)
        if other is not None:
            fail_usage(_("%(target)s is the status file of %(unit)s for %(period)s; zzip does not overwrite it, even "
                         "with --force", target=target, unit=other.unit, period=other.period))
    from zzip.status_loader import STATUS_SUFFIXES, WORKBOOK_SUFFIX

    # the unit's report already there under another suffix counts too: a second file beside it
    # would make two reports of one unit for one period (S206)
    existing = [str(t) for _u, t in targets if t.exists()]
    existing += [str(t.with_suffix(other)) for u, t in targets for other in (*STATUS_SUFFIXES, WORKBOOK_SUFFIX)
                 if other != t.suffix and t.with_suffix(other).exists()]
    if existing and not force:
        fail_usage(ngettext("%(files)s already exists; use --force to overwrite",
                            "%(files)s already exist; use --force to overwrite", len(existing),
                            files=", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")))
    today = today_in(meta.timezone)
    context = None
    if reports.is_dir():
        context = CheckContext(plan=plan, load=load_submissions(reports), config=Config(), as_of=today,
                               display_root=display_path(reports))
    for unit_id, target in targets:
        if file_format == "xlsx":
            from zzip.xlsx.template import due_date, template_data
            from zzip.atomic import write_bytes_atomic
            from zzip.xlsx.writer import build_workbook

            data = template_data(plan, unit_id, quarter, context)
            book = build_workbook(data, plan, template=True, due=due_date(plan, quarter))
            write_file_or_fail(target, lambda: write_bytes_atomic(target, book))
            count = len(data["entries"])
        else:
            from zzip.atomic import write_text_atomic
            from zzip.template import render_template

            text = render_template(plan, unit_id, quarter, today, context, target.parent)
            write_file_or_fail(target, lambda: write_text_atomic(target, text))
            count = text.count("  - id: ")
        sys.stderr.write(_("wrote %(path)s: %(count)s entries for %(unit)s (%(id)s), %(quarter)s", path=target,
                           count=count, unit=plan.unit_name(unit_id), id=unit_id, quarter=period_words(quarter)) + "\n")
    if all_units:
        sys.stderr.write(_("%(count)s units must report for %(quarter)s", count=len(targets), quarter=period_words(quarter)) + "\n")
