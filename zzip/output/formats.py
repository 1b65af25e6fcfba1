"""The machine-readable output formats by name, each a module with `render(report) -> str`."""

from __future__ import annotations

import importlib

from zzip.report import Report

FORMATS = {
    "json": "zzip.output.json_format",
    "csv": "zzip.output.csv_format",
    "markdown": "zzip.output.markdown",
    "github": "zzip.output.github",
    "gitlab": "zzip.output.gitlab",
    "junit": "zzip.output.junit",
    "sarif": "zzip.output.sarif",
}


def render(format_name: str, report: Report) -> str:
    try:
        module_name = FORMATS[format_name]
    except KeyError:
        raise ValueError(f"unknown output format {format_name!r}: expected one of {', '.join(FORMATS)}") from None
    return importlib.import_module(module_name).render(report)
