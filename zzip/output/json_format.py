"""The report as one JSON document, for scripts."""

from __future__ import annotations

import json
from typing import Iterator

from zzip import __version__
from zzip.findings import Severity
from zzip.report import Report


def render(report: Report) -> str:
    return "".join(render_chunks(report))


def render_chunks(report: Report) -> Iterator[str]:
    """The document a piece at a time, for a writer that need not hold all of it (zzip.cli.common.emit)."""
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
    # Findings are serialised a batch at a time: ten thousand of them as dicts would double the peak memory.
    compact = "\n  " not in text
    head, tail = text.split(json.dumps(_FINDINGS), 1)
    yield head
    if compact:
        yield "["
        for index, batch in enumerate(_compact_batches(report.findings)):
            yield "," + batch if index else batch
        yield "]"
    elif not report.findings:
        yield "[]"
    else:
        yield "[\n    "
        for index, finding in enumerate(report.findings):
            encoded = json.dumps(finding.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n    ")
            yield ",\n    " + encoded if index else encoded
        yield "\n  ]"
    yield tail


def _compact_batches(findings, size: int = 100):
    """The findings as compact JSON, a hundred per call of the encoder (the same text as one call
    each, at a fraction of the calls; never all of them as dicts at once, and each piece small
    enough to reuse the memory the run's records gave back rather than map new pages)."""
    for start in range(0, len(findings), size):
        batch = json.dumps([f.to_dict() for f in findings[start:start + size]], ensure_ascii=False,
                           separators=(",", ":"))
        yield batch[1:-1]


_FINDINGS = "\u0000findings\u0000"  # a placeholder no report can contain: control characters are escaped


def dumps(document) -> str:
    """Indented for a person at a terminal; compact into a file or a pipe, where Python's
    C encoder writes a ten-thousand-finding report several times faster (indent forces the
    pure-Python one)."""
    import sys

    if sys.stdout.isatty():
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
