"""Standard output in an encoding without the report's characters (PYTHONIOENCODING=ascii, a
redirect on a Windows whose code page lacks a character): one line and exit 2, never exit 3."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ZZIP = Path(sys.executable).with_name("zzip")


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "ZZIP_LANG": "en", "PYTHONIOENCODING": "ascii", **env}
    return subprocess.run([str(ZZIP), *args], capture_output=True, cwd=REPO, env=environment, timeout=120)


@pytest.mark.parametrize("typer", ["", "1"], ids=["plain check", "through Typer"])
def test_a_report_the_encoding_cannot_hold_is_refused_in_one_line(typer: str) -> None:
    result = run("check", "reports", "--as-of", "2025-07-31", ZZIP_NO_FAST_CHECK=typer)
    assert result.returncode == 2
    lines = result.stderr.decode("ascii").splitlines()
    assert lines[-1].startswith("zzip: error: standard output is written as ascii, which has no '\\u")
    assert "internal error" not in result.stderr.decode("ascii")


def test_the_same_report_written_to_a_file_is_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    result = run("check", "reports", "--as-of", "2025-07-31", "-o", str(target))
    assert result.returncode == 1  # the example reports' findings
    shown = run("check", "reports", "--as-of", "2025-07-31", PYTHONIOENCODING="utf-8")
    assert target.read_text(encoding="utf-8") == shown.stdout.decode("utf-8")


def test_a_report_the_encoding_can_hold_is_written() -> None:
    result = run("rules", "--format", "json", PYTHONIOENCODING="utf-8")
    assert result.returncode == 0 and result.stdout
