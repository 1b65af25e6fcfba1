"""`zzip import TABLE`: a 任务分工表 (.xlsx or .csv) read into tasks.yaml entries."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.cli.common import LangOption, described, fail_usage
from zzip.filebytes import os_reason
from zzip.i18n import _


@described(_("Read a 任务分工表 (task assignment table) into tasks.\n\n"
            "Each task gets its responsible units, its ref, and its 完成时限 as deadline, ongoing or recurs keys "
            "beside the words as written; every cell that could "
            "not be read is listed with its place (sheet!cell or line:column). Exit 0 when every cell was read, "
            "1 when some were not (the tasks are written anyway, marked), 2 when the table or the plan cannot "
            "be read."))
def import_table(
    table: Annotated[Path, typer.Argument(help=_("The 任务分工表: a .xlsx workbook or a .csv file (UTF-8 or GBK) with the columns 序号, 重点任务, 责任单位, 完成时限."))],
    plan_dir: Annotated[Path, typer.Option("--plan", "-p", help=_("The plan folder whose units (names and aliases) the 责任单位 are matched against."))] = Path("plan"),
    output: Annotated[Optional[str], typer.Option("--output", "-o", help=_("Where to write the tasks ('-' or nothing: standard output). Never an input, never an existing file."))] = None,
    annex: Annotated[int, typer.Option("--annex", help=_("The annex number of the table in the document: row 3 of 附件1 gets the ref 附件1-3."))] = 1,
    kind: Annotated[str, typer.Option("--kind", help=_("The kind given to every task (key-task, or one of the plan's task_kinds)."))] = "key-task",
    lang: LangOption = None,
) -> None:
    from zzip.atomic import write_text_atomic
    from zzip.findings import printable
    from zzip.plan_loader import display_path, load_plan
    from zzip.table_import import TableUnreadable, read_rows, read_table, tasks_yaml

    shown = display_path(table)
    try:
        sheets = read_rows(table, shown)
    except TableUnreadable as exc:
        fail_usage(f"{shown}: {exc}")
    load = load_plan(plan_dir)
    if load.parse_failures or not load.plan.units:
        fail_usage(_("%(plan)s: the plan's units cannot be read; 'zzip validate %(plan)s' says why",
                     plan=display_path(plan_dir)))
    plan = load.plan

    def resolve(name: str):
        unit = plan.resolve_unit(name)
        return unit.id if unit else None

    imported = read_table(sheets, resolve)
    text = tasks_yaml(imported, annex, kind)
    if output is None or output == "-":
        sys.stdout.write(text)
    else:
        from zzip.cli.outputs import output_target

        target = Path(output)
        if target.exists() or target.is_symlink():
            fail_usage(_("%(target)s already exists; zzip import never overwrites a file", target=output))
        output_target(output, [table], trees=[plan_dir])
        try:
            write_text_atomic(target, text)
        except OSError as exc:
            fail_usage(_("cannot write %(target)s: %(reason)s", target=output, reason=os_reason(exc)))
    for problem in imported.problems:
        sys.stderr.write(printable(f"{problem.location}: {problem.message}") + "\n")
    sys.stderr.write(printable(_("%(tasks)s tasks read from %(table)s; %(problems)s cells not read",
                                 tasks=len(imported.tasks), table=shown, problems=len(imported.problems))) + "\n")
    if imported.problems:
        raise typer.Exit(1)
