"""Start-up: a `zzip check` makes no dataclass (issue 13). Python 3.11 compiles every generated
method of a dataclass with exec, 0.45 ms a class: the model's ~45 classes cost a clean check 20 ms
of start-up. They are msgspec Structs, made in C; this holds the check path to that."""

from __future__ import annotations

from pathlib import Path

from startup_probe import modules_after

REPO = Path(__file__).resolve().parent.parent

def test_a_check_makes_no_dataclass(tmp_path):
    quarter = tmp_path / "reports" / "2025-Q3"
    quarter.mkdir(parents=True)
    argv = ["check", str(quarter), "--plan", str(REPO / "plan"), "--as-of", "2025-07-31", "--format", "json",
            "-o", str(tmp_path / "out.json")]
    modules, done = modules_after(argv, cwd=tmp_path, env={"ZZIP_LANG": "en", "ZZIP_CACHE_DIR": str(tmp_path / "cache"),
                                                           "PATH": "/usr/bin:/bin"})
    assert (tmp_path / "out.json").exists(), done.stderr  # the check ran to its report
    assert "dataclasses" not in modules
