"""The `zzip` console script. It answers `zzip --version`, and runs a plain `zzip check`
(zzip/cli/fast_check.py), without loading the command-line framework (Typer and Click are a
third of a check's start-up: benchmarks/README.md); everything else goes to the Typer app."""

from __future__ import annotations

import sys

ARGV: list[str] | None = None  # the command line, once main() runs: zzip.cli registers only its command


def main() -> None:
    global ARGV
    if sys.stdout is None:  # started with no standard output (`zzip check >&-`)
        from zzip.cli.guard import ClosedStream

        sys.stdout = ClosedStream()
    if sys.stderr is None:  # nor standard error (`2>&-`): its messages go nowhere, the exit code stays
        import os

        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # open for the whole run
    if sys.argv[1:] == ["--version"]:
        from zzip import __version__

        try:
            sys.stdout.write(f"zzip {__version__}\n")
            sys.stdout.flush()
        except OSError as exc:
            from zzip.cli.guard import stdout_failed

            stdout_failed(exc)
        return
    import os

    from zzip.i18n import choose_language, env_lang_warning, set_language

    # before the command line is built: its help texts are translated as its modules load
    set_language(choose_language(sys.argv[1:], os.environ))
    warning = env_lang_warning(os.environ)
    if warning:
        sys.stderr.write(warning + "\n")
    ARGV = sys.argv[1:]
    from zzip.cli.fast_check import plain_check

    check = plain_check(ARGV, os.environ)
    if check is not None:  # a plain `zzip check`: no Typer or Click to load (zzip/cli/fast_check.py)
        from zzip.cli.guard import guarded

        guarded(check)
        return
    from zzip.cli.root import main as run

    run()
