"""`zzip schema KIND`: print a JSON Schema shipped with zzip."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from zzip.i18n import _
from zzip.cli.common import LangOption, described, OutputFile, emit


class SchemaKind(str, enum.Enum):
    plan = "plan"
    units = "units"
    indicators = "indicators"
    tasks = "tasks"
    milestones = "milestones"
    status = "status"
    annual = "annual"
    assessment = "assessment"
    config = "config"


@described(_("Print the JSON Schema (draft 2020-12) of one file kind, for editors and other tools."))
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help=_("Which file kind: plan (plan.yaml), units, indicators, tasks, milestones, status (a status file), annual (a yearly work plan, plan/annual/YYYY.yaml), assessment (plan/assessment.yaml), config (zzip.toml)."))],
    output: OutputFile = None,
    lang: LangOption = None,
) -> None:
    from zzip.cli.outputs import run_output
    from zzip.i18n import language
    from zzip.schema_words import localized_schema_file

    output = run_output(output)
    # titles and descriptions in the run's language; what the schema accepts is the same in each
    emit(localized_schema_file(kind.value, language()).read_text(encoding="utf-8"), output)
