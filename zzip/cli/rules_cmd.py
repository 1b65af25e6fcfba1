"""`zzip rules [CODE]`: list the rules, or explain one."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from zzip.cli.common import console, fail_usage, use_colour


def rules(
    code: Annotated[Optional[str], typer.Argument(help="A rule code (P103) or name (unknown-reference) to explain.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="List the rules as JSON.")] = False,
) -> None:
    """List every check rule with its code and default severity, or explain one rule."""
    from zzip.rules import all_rules, find_rule

    if code:
        rule = find_rule(code)
        if rule is None:
            fail_usage(f"no rule '{code}'; run 'zzip rules' to list them")
        header = f"{rule.code} {rule.name} (default severity: {rule.severity}; checked by: {_scope_words(rule.scope)})"
        if use_colour():
            from rich.markdown import Markdown

            out = console()
            out.print(f"[bold]{header}[/bold]\n{rule.summary}.\n")
            out.print(Markdown(rule.explanation))
        else:
            sys.stdout.write(f"{header}\n{rule.summary}.\n\n{rule.explanation}\n")
        return
    if as_json:
        listing = [{"code": r.code, "name": r.name, "severity": str(r.severity), "scope": r.scope,
                    "summary": r.summary} for r in all_rules()]
        sys.stdout.write(json.dumps(listing, ensure_ascii=False, indent=2) + "\n")
        return
    if use_colour():
        from rich.table import Table

        table = Table("Code", "Name", "Severity", "Checked by", "What it reports")
        for r in all_rules():
            table.add_row(r.code, r.name, str(r.severity), _scope_words(r.scope), r.summary)
        console().print(table)
    else:
        for r in all_rules():
            sys.stdout.write(f"{r.code}\t{r.name}\t{r.severity}\t{_scope_words(r.scope)}\t{r.summary}\n")


def _scope_words(scope: str) -> str:
    return {"file": "all commands", "plan": "zzip validate", "submission": "zzip check",
            "compliance": "zzip check"}.get(scope, scope)
