"""Start-up: `zzip check` loads only its own command module, and no pydantic (issue 13)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
sys.argv = ["zzip", *{argv!r}]
from zzip.launcher import main
try:
    main()
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.startswith("zzip.cli.") and m.endswith("_cmd"))
sys.stderr.write("LOADED " + " ".join(loaded) + (" pydantic" if "pydantic" in sys.modules else "") + "\\n")
"""


def loaded(*argv: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(argv=list(argv))], capture_output=True, text=True)
    line = [row for row in done.stderr.splitlines() if row.startswith("LOADED")][-1]
    return line.split()[1:]


def test_check_loads_only_its_command():
    assert loaded("check", "--help") == ["zzip.cli.check_cmd"]


def test_help_and_unknown_commands_load_every_command():
    everything = loaded("--help")
    assert "zzip.cli.assess_cmd" in everything and "zzip.cli.plan_cmd" in everything
    assert loaded("chek") == everything  # "did you mean" needs every name


def test_no_pydantic_at_start_up():
    assert "pydantic" not in loaded("check", "--help")
