"""A document written a piece at a time (zzip.cli.helpers.emit, output.formats.render_pieces) is
the same text, as safe, as the whole written at once."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from zzip.findings import safe_document, safe_pieces

# the characters that matter: controls, bidi and other format characters, a BOM, astral ones
TEXT = st.text(alphabet=st.sampled_from(list("ab{}\",:\n\t\r郑") + ["\x00", "\x1b", "\u202e", "\u200b", "\ufeff",
                                                                      "\U0001f600", "\U000e0001", "\x7f", "\x85"]),
               max_size=40)


@settings(max_examples=2000, deadline=None)
@given(st.lists(TEXT, max_size=6))
def test_pieces_are_the_whole_document_made_safe(pieces):
    assert "".join(safe_pieces(iter(pieces))) == safe_document("".join(pieces))


def test_a_bom_is_kept_only_at_the_very_start():
    assert "".join(safe_pieces(["\ufeffa", "\ufeffb"])) == "\ufeffa\\ufeffb"


def test_a_json_report_written_in_pieces_is_the_json_written_whole(tmp_path, monkeypatch):
    """check -o FILE (pieces) and the renderer's whole text agree, findings and all."""
    import datetime as dt
    from pathlib import Path

    from zzip.check import run_check
    from zzip.cli.helpers import emit
    from zzip.config import Config
    from zzip.output.formats import render, render_pieces

    repo = Path(__file__).resolve().parent.parent
    report, _context = run_check(repo / "plan", repo / "reports", dt.date(2025, 7, 31), Config(), None, None)
    assert len(report.findings) > 1
    target = tmp_path / "report.json"
    emit(render_pieces("json", report), target)
    whole = safe_document(render("json", report))
    assert target.read_text(encoding="utf-8") == whole
    assert len(json.loads(whole)["findings"]) == len(report.findings)
