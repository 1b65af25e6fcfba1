"""`zzip remind --period Q`: a 催报/督办 notice per unit with something missing, late or overdue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.filebytes import os_reason
from zzip.i18n import _, language, message_date, ngettext
from zzip.labels import period_words
from zzip.cli.bulletin_cmd import PeriodOption
from zzip.cli.check_cmd import AsOfOption, ConfigOption, PlanOption
from zzip.cli.common import LangOption, described, fail_usage
from zzip.cli.view_support import ReportsArgument


@described(_("Write, per unit whose report for the quarter is missing or late or whose work is overdue, a "
            "short notice listing exactly what is due: UNIT.md and UNIT.txt, and UNIT.eml (a draft to send) "
            "when plan/units.yaml gives the unit an email address."))
def remind(
    reports: ReportsArgument = Path("reports"),
    period: PeriodOption = None,
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    out_dir: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help=_("The folder to write the notices in (made if missing). Default: reminders/QUARTER."),
        file_okay=False)] = None,
    sender: Annotated[Optional[str], typer.Option("--from", help=_("The From address of the .eml drafts."))] = None,
    lang: LangOption = None,
    config_file: ConfigOption = None,
) -> None:
    from zzip.bulletin import remind as notices_module
    from zzip.cli.bulletin_cmd import load_for, parse_period

    if sender is not None and (any(ord(ch) < 32 or ord(ch) == 127 for ch in sender)
                               or not notices_module.one_address(sender)):
        fail_usage(_("--from: give one address on one line, e.g. 'IP Office <ip@example.gov.cn>'"))
    chosen = parse_period(period, None, quarter_only=True)
    quarter = chosen.span
    folder = out_dir if out_dir is not None else Path("reminders") / str(quarter)
    _refuse_inputs(folder, plan_dir, reports, config_file)
    report, context = load_for(plan_dir, reports, as_of, config_file, chosen)
    found = notices_module.notices(report, context, quarter)
    office = context.plan.unit_name(context.plan.meta.supervisor) if context.plan.meta.supervisor else ""
    from zzip.atomic import write_bytes_atomic

    # notices written earlier for units that now owe nothing would be sent by mistake: the folder
    # keeps only this run's (only files zzip names, UNIT.md/.txt/.eml for units of the plan, go)
    current = {_file_stem(n.unit_id) for n in found}
    stale = sorted(p for p in (folder.iterdir() if folder.is_dir() else ())
                   if p.suffix in (".md", ".txt", ".eml") and p.stem not in current
                   and p.stem in {_file_stem(u) for u in context.plan.units} and p.is_file() and not p.is_symlink())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path in stale:
            path.unlink()
        for notice in found:
            stem = folder / _file_stem(notice.unit_id)
            text = notices_module.render(notice, language(), office, markdown=False)
            write_bytes_atomic(stem.with_suffix(".txt"), text.encode("utf-8"))
            write_bytes_atomic(stem.with_suffix(".md"),
                               notices_module.render(notice, language(), office, markdown=True).encode("utf-8"))
            if notice.email:
                write_bytes_atomic(stem.with_suffix(".eml"), notices_module.eml(notice, language(), text, sender))
    except OSError as exc:
        fail_usage(_("cannot write in %(folder)s: %(reason)s", folder=folder, reason=os_reason(exc)))
    if stale:
        sys.stderr.write(_("zzip: removed earlier notices no longer due: %(files)s",
                           files=", ".join(p.name for p in stale)) + "\n")
    with_mail = sum(1 for n in found if n.email)
    sys.stderr.write(ngettext("zzip: %(num)s notice for %(quarter)s as of %(date)s in %(folder)s (%(mail)s with an .eml draft)",
                              "zzip: %(num)s notices for %(quarter)s as of %(date)s in %(folder)s (%(mail)s with an .eml draft)",
                              len(found), quarter=period_words(quarter), date=message_date(context.as_of), folder=folder, mail=with_mail)
                     + "\n")


def _file_stem(unit_id: str) -> str:
    """A unit id is [a-z0-9-] by the plan's schema; anything else is replaced, never a path."""
    import re

    return re.sub(r"[^a-z0-9-]", "_", unit_id) or "unit"


def _refuse_inputs(folder: Path, plan_dir: Path, reports: Path, config_file: Path | None) -> None:
    """Notices are never written in the plan or reports folders (nor over the configuration)."""
    try:
        target = folder.resolve()
    except (OSError, RuntimeError):
        return
    for source in (plan_dir, reports, *( [config_file] if config_file else [])):
        try:
            resolved = source.resolve()
        except (OSError, RuntimeError):
            continue
        if target == resolved or resolved in target.parents or (source.is_dir() and target.is_relative_to(resolved)):
            fail_usage(_("-o %(folder)s: that is inside %(source)s, an input of this run; zzip never writes among "
                         "its inputs: choose another folder", folder=folder, source=source))
    if folder.exists() and not folder.is_dir():
        fail_usage(_("-o %(folder)s: is a file; name a folder to write the notices in", folder=folder))
