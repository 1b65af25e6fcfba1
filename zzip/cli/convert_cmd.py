"""`zzip convert FILE`: a status workbook to the equivalent YAML status file, or back."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.filebytes import os_reason
from zzip.i18n import _, ngettext
from zzip.cli.common import LangOption, described, fail_usage


@described(_("Convert a status report between the workbook (.xlsx) and the YAML status file, losing nothing "
            "the status format holds. The file must read cleanly: fix what is reported first."))
def convert(
    source: Annotated[Path, typer.Argument(help=_("A status file: .xlsx (to YAML) or .yaml/.yml/.json (to a workbook)."))],
    output: Annotated[Optional[str], typer.Option("--output", "-o", help=_("Where to write ('-': standard output, YAML only). Default: beside FILE, with the other suffix."))] = None,
    plan_dir: Annotated[Path, typer.Option("--plan", "-p", help=_("The plan folder: names the items and indicators in a workbook (optional)."))] = Path("plan"),
    force: Annotated[bool, typer.Option("--force", help=_("Overwrite an existing file."))] = False,
    lang: LangOption = None,
) -> None:
    from zzip.findings import printable
    from zzip.plan_loader import display_path
    from zzip.status_loader import REFUSED_SUFFIXES, STATUS_SUFFIXES, WORKBOOK_SUFFIX, load_status_file

    suffix = source.suffix.lower()
    if suffix not in (*STATUS_SUFFIXES, WORKBOOK_SUFFIX, *REFUSED_SUFFIXES):
        fail_usage(_("%(text)s: expected a .xlsx workbook or a .yaml, .yml or .json status file", text=printable(str(source))))
    to_workbook = suffix != WORKBOOK_SUFFIX
    shown = display_path(source)
    loaded, problems = load_status_file(source, shown)
    if isinstance(loaded, list) or problems:
        found = loaded if isinstance(loaded, list) else problems
        for problem in found:
            sys.stderr.write(f"{printable(str(problem.location))}: {printable(problem.message)}\n")
        count = len(found)
        fail_usage(ngettext("%(path)s was not converted: %(num)s problem above; fix it and convert again "
                            "(zzip convert converts only a file that reads cleanly, so that nothing is lost)",
                            "%(path)s was not converted: %(num)s problems above; fix them and convert again "
                            "(zzip convert converts only a file that reads cleanly, so that nothing is lost)",
                            count, path=printable(shown)))
    if output == "-" and to_workbook:
        fail_usage(_("a workbook is not text: give a file name with -o, not '-'"))
    target = Path(output) if output and output != "-" else source.with_suffix(".xlsx" if to_workbook else ".yaml")
    if output != "-":
        if target.resolve() == source.resolve():
            fail_usage(_("%(target)s is the file being converted; zzip never overwrites its input", target=target))
        if target.exists() and not force:
            fail_usage(_("%(target)s already exists; use --force to overwrite it", target=target))
        if target.exists():  # with --force: only the same unit's report for the same quarter is replaced
            held, _problems = load_status_file(target, display_path(target))
            data = loaded.data if isinstance(loaded.data, dict) else {}
            mine = (data.get("unit"), str(data.get("period")))
            theirs = held.data if not isinstance(held, list) and isinstance(held.data, dict) else {}
            if not isinstance(held, list) and (theirs.get("unit"), str(theirs.get("period"))) != mine:
                fail_usage(printable(_("%(path)s holds the report of %(unit)s for %(period)s, not %(mine)s for "
                                       "%(mine_period)s; zzip does not overwrite it, even with --force", path=target,
                                       unit=theirs.get("unit"), period=theirs.get("period"), mine=mine[0],
                                       mine_period=mine[1])))
            if isinstance(held, list) and target.suffix.lower() in (*STATUS_SUFFIXES, WORKBOOK_SUFFIX):
                fail_usage(_("%(target)s is a status file zzip cannot read; it is not overwritten, even with --force", target=target))
    if to_workbook:
        from zzip.atomic import write_bytes_atomic
        from zzip.xlsx.writer import build_workbook

        try:
            write_bytes_atomic(target, build_workbook(_plain(loaded.data), _plan_or_none(plan_dir)))
        except OSError as exc:
            fail_usage(_("cannot write %(target)s: %(reason)s", target=target, reason=os_reason(exc)))
    else:
        from zzip.xlsx.convert import status_yaml

        text = status_yaml(_plain(loaded.data), None if output == "-" else target.parent)
        if output == "-":
            sys.stdout.write(text)
            return
        from zzip.atomic import write_text_atomic

        try:
            write_text_atomic(target, text)
        except OSError as exc:
            fail_usage(_("cannot write %(target)s: %(reason)s", target=target, reason=os_reason(exc)))
    sys.stderr.write(_("wrote %(path)s", path=target) + "\n")
    if target.parent.resolve() == source.parent.resolve() and target.stem == source.stem:
        sys.stderr.write(_("note: %(source)s and %(target)s are now both in %(folder)s; zzip check counts them as "
                           "two reports from one unit (S206): keep one", source=source.name, target=target.name,
                           folder=target.parent) + "\n")


def _plain(value):
    """The parsed file as plain dicts and lists (the positions are not converted)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _plan_or_none(plan_dir: Path):
    from zzip.plan_loader import load_plan

    if not plan_dir.is_dir():
        return None
    load = load_plan(plan_dir)
    return None if load.parse_failures or load.schema_problems or load.plan.meta is None else load.plan
