"""`zzip init DIR`: a new plan folder, for an office starting its own plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.cli.common import LangOption, described, fail_usage
from zzip.filebytes import os_reason
from zzip.i18n import _


@described(_("Start a new plan folder, commented and valid at once.\n\n"
            "It holds plan.yaml, units.yaml, tasks.yaml, milestones.yaml and indicators.yaml, each commented, "
            "valid under 'zzip validate' at once. Nothing is ever overwritten.\n\n"
            "Then: fill in plan.yaml; list the units; 'zzip import TABLE --plan DIR' turns a task assignment "
            "table into tasks; 'zzip validate DIR' checks the folder; docs/plan-format.md explains every key.\n\n"
            "The comments in the files show each choice a plan makes: the reporting cadence (quarterly, "
            "half-yearly or yearly) and due dates; lead and co-operating units, or responsible units (责任单位); "
            "a task's deadline (2023年底前), ongoing (持续推进) or recurring (每年, 每季度); a target as a level "
            "or as a growth rate (年均增长10%)."))
def init(
    folder: Annotated[Path, typer.Argument(help=_("The plan folder to create, e.g. plan. It must not exist yet, or be empty."))],
    plan_id: Annotated[str, typer.Option("--id", help=_("The plan's id, which status files name: lowercase letters, digits and hyphens, e.g. taicang-ip-2022-2025."))] = "my-plan",
    name: Annotated[Optional[str], typer.Option("--name", help=_("The plan's title as the document writes it."))] = None,
    lang: LangOption = None,
) -> None:
    import datetime as dt
    import re

    from zzip.atomic import write_text_atomic
    from zzip.findings import printable
    from zzip.schema import schema_line
    from zzip.starter import starter_files

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", plan_id):
        fail_usage(_("--id %(id)s: expected lowercase ASCII letters, digits and hyphens, e.g. taicang-ip-2022-2025",
                     id=plan_id))
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        fail_usage(_("%(folder)s exists and is not a folder; zzip init writes a new folder", folder=folder))
    if folder.is_dir() and any(folder.iterdir()):
        fail_usage(_("%(folder)s is not empty; zzip init never overwrites anything: name a new folder", folder=folder))
    files = starter_files(plan_id, name or _("(the plan's title)"), dt.date.today(),
                          lambda kind: schema_line(kind, folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for filename, text in files.items():
            write_text_atomic(folder / filename, text)
    except OSError as exc:
        fail_usage(_("cannot write %(folder)s: %(reason)s", folder=folder, reason=os_reason(exc)))
    sys.stderr.write(printable(_("wrote %(folder)s: %(files)s; next: zzip validate %(folder)s",
                                 folder=folder, files=", ".join(files))) + "\n")
