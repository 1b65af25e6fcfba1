"""The report as one JSON document, for scripts."""

from __future__ import annotations

import json

from zzip import __version__
from zzip.findings import Severity
from zzip.report import Report


def render(report: Report) -> str:
    document = {
        "tool": {"name": "zzip", "version": __version__},
        "command": report.command,
        "summary": {
            "files": len(report.files),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "notes": report.count(Severity.INFO),
            "unreadable_input": report.unreadable,
            **report.summary,
        },
        "counts_by_rule": [
            {"code": code, "name": name, "severity": str(severity), "count": count}
            for (code, name, severity), count in sorted(report.counts_by_rule().items())
        ],
        "standings": [s.to_dict() for s in report.standings],
        "findings": _FINDINGS,
        "files": report.files,
    }
    text = dumps(document)
    # Findings are serialised one by one: ten thousand of them as dicts would double the peak memory.
    compact = "\n  " not in text
    encode = (lambda f: json.dumps(f.to_dict(), ensure_ascii=False, separators=(",", ":"))) if compact else \
        (lambda f: json.dumps(f.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n    "))
    joiner = "," if compact else ",\n    "
    head, tail = text.split(json.dumps(_FINDINGS), 1)
    if compact or not report.findings:
        return "".join((head, "[", joiner.join(encode(f) for f in report.findings), "]", tail))
    return "".join((head, "[\n    ", joiner.join(encode(f) for f in report.findings), "\n  ]", tail))


_FINDINGS = "\u0000findings\u0000"  # a placeholder no report can contain: control characters are escaped


def dumps(document) -> str:
    """Indented for a person at a terminal; compact into a file or a pipe, where Python's
    C encoder writes a ten-thousand-finding report several times faster (indent forces the
    pure-Python one)."""
    import sys

    if sys.stdout.isatty():
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
