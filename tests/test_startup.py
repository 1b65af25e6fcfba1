"""Start-up: `zzip check` loads only its own command module, and no pydantic (issue 13)."""

from __future__ import annotations

from startup_probe import modules_after

def loaded(*argv: str) -> list[str]:
    modules, _done = modules_after(list(argv))
    return sorted(m for m in modules if m.startswith("zzip.cli.") and m.endswith("_cmd")) + (
        ["pydantic"] if "pydantic" in modules else [])


def test_check_loads_only_its_command():
    assert loaded("check", "--help") == ["zzip.cli.check_cmd"]


def test_help_and_unknown_commands_load_every_command():
    everything = loaded("--help")
    assert "zzip.cli.assess_cmd" in everything and "zzip.cli.plan_cmd" in everything
    assert loaded("chek") == everything  # "did you mean" needs every name


def test_no_pydantic_at_start_up():
    assert "pydantic" not in loaded("check", "--help")
