"""The `zzip` command line. The Typer app is zzip/cli/root.py; this package itself imports no
Typer, so a plain `zzip check` (zzip/cli/fast_check.py) can run without it. `zzip.cli.app` and
`zzip.cli.main` are root.py's, loaded when first asked for."""

_FROM_ROOT = ("app", "main", "COMMANDS")


def __getattr__(name: str):
    # only these names: `from zzip.cli import check_cmd` asks the package first, and must not load Typer
    if name not in _FROM_ROOT:
        raise AttributeError(f"module 'zzip.cli' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module("zzip.cli.root"), name)
