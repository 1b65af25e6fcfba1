"""The machine-readable output formats by name, each a module with `render(report) -> str`."""

from __future__ import annotations

import importlib
from typing import Iterator

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
    return _module(format_name).render(report)


def render_pieces(format_name: str, report: Report) -> Iterator[str]:
    """The same text as `render`, a piece at a time where the format can make it so (JSON: a
    report of ten thousand findings is never held whole, benchmarks/README.md)."""
    module = _module(format_name)
    pieces = getattr(module, "render_chunks", None)
    if pieces is None:
        yield module.render(report)
    else:
        yield from pieces(report)


def _module(format_name: str):
    try:
        module_name = FORMATS[format_name]
    except KeyError:
        raise ValueError(f"unknown output format {format_name!r}: expected one of {', '.join(FORMATS)}") from None
    return importlib.import_module(module_name)
