"""What a zzip run leaves imported: `modules_after(argv)` runs the `zzip` launcher in a fresh
Python and returns the names in sys.modules when it ends (the start-up tests' one probe)."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
sys.argv = ["zzip", *{argv!r}]
from zzip.launcher import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
"""


def modules_after(argv: list[str], **run) -> tuple[set[str], subprocess.CompletedProcess]:
    """(the modules loaded when `zzip ARGV` ends, the finished process); `run`: subprocess.run's cwd, env."""
    done = subprocess.run([sys.executable, "-c", _PROBE.format(argv=list(argv))], capture_output=True, text=True,
                          **run)
    lines = [row for row in done.stderr.splitlines() if row.startswith("MODULES ")]
    assert lines, done.stderr
    return set(lines[-1].split()[1:]), done
