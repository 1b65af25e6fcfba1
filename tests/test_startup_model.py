"""Start-up: a `zzip check` makes no dataclass (issue 13). Python 3.11 compiles every generated
method of a dataclass with exec, 0.45 ms a class: the model's ~45 classes cost a clean check 20 ms
of start-up. They are msgspec Structs, made in C; this holds the check path to that."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import sys
sys.argv = ["zzip", *{argv!r}]
from zzip.launcher import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("DATACLASSES " + ("yes" if "dataclasses" in sys.modules else "no") + "\\n")
"""


def test_a_check_makes_no_dataclass(tmp_path):
    quarter = tmp_path / "reports" / "2025-Q3"
    quarter.mkdir(parents=True)
    argv = ["check", str(quarter), "--plan", str(REPO / "plan"), "--as-of", "2025-07-31", "--format", "json",
            "-o", str(tmp_path / "out.json")]
    done = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True,
                          cwd=tmp_path, env={"ZZIP_LANG": "en", "ZZIP_CACHE_DIR": str(tmp_path / "cache"),
                                             "PATH": "/usr/bin:/bin"})
    assert (tmp_path / "out.json").exists(), done.stderr  # the check ran to its report
    assert "DATACLASSES no" in done.stderr.splitlines(), done.stderr
