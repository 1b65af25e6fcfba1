"""A plain `zzip check` runs without Typer (zzip/cli/fast_check.py): its option tables must be the
Click command's, its parse Click's, and its runs the Typer path's, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from startup_probe import modules_after
from zzip.cli import app
from zzip.cli.fast_check import CHECK_ARGUMENT, CHECK_OPTIONS, ROOT_OPTIONS, parse, plain_check
from zzip.cli.helpers import lang_given
from zzip.i18n import LANGUAGES

FIXTURES = Path(__file__).parent / "fixtures"
ZZIP = Path(sys.executable).parent / "zzip"
GROUP = typer.main.get_command(app)
CHECK = GROUP.commands["check"]
# root options that never make a plain check: the fast parser must refuse them
ROOT_ONLY_TO_TYPER = {"version", "install_completion", "show_completion", "help"}


def click_params(command) -> dict:
    return {p.name: p for p in command.params}


def table_facts(option) -> dict:
    return {"names": set(option.names), "flag": option.flags is not None, "multiple": option.multiple,
            "choices": None if option.dest == "lang" else (tuple(option.choices) if option.choices else None),
            "case_sensitive": option.case_sensitive if option.choices and option.dest != "lang" else None,
            "path": option.path}


def click_facts(param) -> dict:
    kind = param.type
    path = None
    if hasattr(kind, "dir_okay"):  # Typer's Path type: what the fast parser checks as Click would
        assert not kind.exists and not kind.resolve_path and not kind.allow_dash and kind.file_okay and kind.readable
        path = "path" if kind.dir_okay and not kind.writable else "file" if not kind.dir_okay and kind.writable else "?"
    choices = getattr(kind, "choices", None)
    return {"names": {*param.opts, *param.secondary_opts}, "flag": bool(getattr(param, "is_flag", False)),
            "multiple": param.multiple, "choices": tuple(choices) if choices else None,
            "case_sensitive": kind.case_sensitive if choices else None, "path": path}


@pytest.mark.parametrize("command, table, argument", [(CHECK, CHECK_OPTIONS, CHECK_ARGUMENT), (GROUP, ROOT_OPTIONS, None)],
                         ids=["check", "root"])
def test_the_tables_are_the_click_commands_options(command, table, argument) -> None:
    params = {name: p for name, p in click_params(command).items() if name not in ROOT_ONLY_TO_TYPER}
    ours = {option.dest: option for option in table}
    if argument is not None:
        ours[argument.dest] = argument
    assert set(params) == set(ours)
    for name, param in params.items():
        assert table_facts(ours[name]) == click_facts(param), name
        if param.param_type_name == "argument":
            assert param.nargs == 1 and not param.required
        # a callback the fast path would not run: only --lang has one, and it runs lang_given
        assert param.callback is None or getattr(param.callback, "__wrapped__", param.callback) is lang_given, name
        assert param.envvar is None and not param.is_eager and param.nargs == 1, name
    for option in (o for o in table if o.flags is not None):
        param = params[option.dest]
        assert param.is_bool_flag and not param.count  # --name sets True, --no-name False
        assert option.flags == {**{name: True for name in param.opts}, **{name: False for name in param.secondary_opts}}
    if command is GROUP:
        assert ours["lang"].choices == tuple(LANGUAGES)


def test_the_defaults_are_click_defaults() -> None:
    root, check = parse(["check"])
    assert check == CHECK.make_context("check", []).params
    expected_root = GROUP.make_context("zzip", ["check"]).params
    assert {k: v for k, v in expected_root.items() if k not in ROOT_ONLY_TO_TYPER} == root


def click_parse(argv: list[str]):
    """(root params, check params) as Click reads argv, or None when Click refuses it or would not
    run a check."""
    from typer.core import _click

    try:
        root = GROUP.make_context("zzip", list(argv))
        rest = [*(getattr(root, "_protected_args", None) or getattr(root, "protected_args", None) or []), *root.args]
        if not rest or rest[0] != "check":
            return None
        check = CHECK.make_context("check", rest[1:], parent=root)
    except (_click.exceptions.ClickException, typer.Exit, SystemExit):
        return None
    root_params = {k: v for k, v in root.params.items() if k not in ROOT_ONLY_TO_TYPER}
    return root_params, check.params


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> Path:
    """A folder with a quarter folder and a status file in it, as paths in generated command lines."""
    where = tmp_path_factory.mktemp("fast")
    (where / "2025-Q3").mkdir()
    (where / "2025-Q3" / "court.yaml").write_text("unit: court\n")
    return where


# (not --install-completion: Click would write to this machine's shell configuration)
ROOT_TOKENS = ["--debug", "--color", "--color=never", "--color=ALWAYS", "--ascii", "--no-ascii", "--lang", "--lang=zh",
               "--version", "--help", "--ascii=1", "-d"]
CHECK_TOKENS = ["--plan", "-p", "--as-of", "--format", "-f", "-fjson", "--format=csv", "--output", "-o", "-o-",
                "--fail-on", "--select", "--ignore", "--select=P1", "--config", "--show", "--lang", "--lang=en",
                "--no-cache", "--no-cache=1", "--help", "-h", "--", "-", "--formats", "-x", "--plan=", "-oout.json"]
VALUES = ["check", "json", "text", "JSON", "sarif", "bogus", "2025-07-31", "2025-13-01", "en", "zh", "xx", "never",
          "always", "error", "P1", "S2", "behind", "all", "", "-1", "2025-Q3", "2025-Q3/court.yaml", "missing", ".",
          "out.json", "plan", "reports", "validate"]


OPTION_VALUES = {
    "--plan": ["plan", "p", "2025-Q3"], "-p": ["plan"], "--as-of": ["2025-07-31", "2025-13-01", "x"],
    "--format": ["text", "json", "csv", "sarif", "JSON", "bogus"], "-f": ["json", "github"],
    "--output": ["out.json", "-", "2025-Q3"], "-o": ["out.json", "2025-Q3/court.yaml"],
    "--fail-on": ["error", "warning", "nope"], "--show": ["all", "behind"], "--lang": ["zh", "en", "xx"],
    "--config": ["zzip.toml", "2025-Q3"], "--select": ["P1", "S201", "missing-report"], "--ignore": ["M3", "x"],
}
ROOT_VALUES = {"--color": ["never", "always", "Auto", "pink"], "--lang": ["zh", "en", "fr"]}


def pairs(table: dict, attached: bool):
    """An option and one of its values, as two tokens or one (--name=value, -nvalue)."""
    def written(name: str, value: str) -> list[str]:
        if not attached:
            return [name, value]
        return [f"{name}={value}"] if name.startswith("--") else [name + value]
    return st.sampled_from(sorted(table)).flatmap(lambda name: st.sampled_from(table[name]).map(
        lambda value: written(name, value)))


def command_lines(plain: bool):
    """`zzip [root] check [...]`: options with values, repeated as often as drawn; unless plain, also
    stray tokens of every kind (unknown options, values out of place, --help, --, empty ones)."""
    check_units = st.one_of(pairs(OPTION_VALUES, False), pairs(OPTION_VALUES, True),
                            st.sampled_from([["--no-cache"], ["2025-Q3"], ["."]]))
    root_units = st.one_of(pairs(ROOT_VALUES, False), pairs(ROOT_VALUES, True),
                           st.sampled_from([["--debug"], ["--ascii"], ["--no-ascii"]]))
    if not plain:
        check_units = st.one_of(check_units, st.sampled_from(CHECK_TOKENS + VALUES).map(lambda t: [t]))
        root_units = st.one_of(root_units, st.sampled_from(ROOT_TOKENS + VALUES).map(lambda t: [t]))
    return st.tuples(st.lists(root_units, max_size=3), st.booleans() if not plain else st.just(True),
                     st.lists(check_units, max_size=8)).map(
        lambda drawn: [*sum(drawn[0], []), *(["check"] if drawn[1] else []), *sum(drawn[2], [])])


def in_folder(places: Path, function):
    old = os.getcwd()
    os.chdir(places)
    try:
        return function()
    finally:
        os.chdir(old)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command_lines(plain=False))
def test_the_fast_parse_is_none_or_exactly_clicks(places: Path, argv: list[str]) -> None:
    fast = in_folder(places, lambda: parse(argv))
    if fast is not None:
        assert fast == in_folder(places, lambda: click_parse(argv)), argv


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command_lines(plain=True))
def test_a_command_line_click_takes_is_read_fast_and_as_click_reads_it(places: Path, argv: list[str]) -> None:
    """Every command line Click takes without complaint (of these options and values) is a plain
    check, read exactly as Click reads it: the fast path is not a rarity."""
    clicks = in_folder(places, lambda: click_parse(argv))
    fast = in_folder(places, lambda: parse(argv))
    if clicks is None:
        assert fast is None, argv
        return
    if len([t for t in argv[argv.index("check") + 1:] if t in ("2025-Q3", ".")]) <= 1 and "-" not in argv:
        assert fast is not None, argv
    assert fast is None or fast == clicks, argv


@pytest.mark.parametrize("argv", [
    ["check", "--help"], ["--help", "check"], ["--version", "check"], ["check", "-h"], ["check", "a", "b"],
    ["check", "--format", "JSON"], ["check", "--lang", "xx"], ["--lang", "fr", "check"], ["check", "--as-of"],
    ["check", "--as-of", "--format", "json"], ["check", "--", "reports"], ["check", "--no-cache=yes"],
    ["check", ""], ["validate", "plan"], [], ["--color", "pink", "check"], ["check", "--formats", "json"],
    ["--install-completion", "check"], ["check", "--debug"],
])
def test_anything_unusual_goes_to_typer(argv: list[str]) -> None:
    assert plain_check(argv, {}) is None


def test_the_variable_for_tests_and_completion_send_every_run_to_typer() -> None:
    assert plain_check(["check"], {}) is not None
    assert plain_check(["check"], {"ZZIP_NO_FAST_CHECK": "1"}) is None
    assert plain_check(["check"], {"_ZZIP_COMPLETE": "bash_complete"}) is None


def test_an_output_file_click_refuses_goes_to_typer(tmp_path: Path) -> None:
    assert plain_check(["check", "-o", str(tmp_path)], {}) is None  # a folder: Click says so
    assert plain_check(["check", "-o", str(tmp_path / "new.json")], {}) is not None
    assert plain_check(["check", "-o", "/dev/null"], {}) is not None


# --- the same command lines both ways, through the installed script ---------------------------

@pytest.fixture(scope="module")
def workspace_both(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("both")
    shutil.copytree(FIXTURES / "plan-minimal", where / "plan")
    shutil.copytree(FIXTURES / "reports-minimal", where / "reports")
    (where / "out").mkdir()
    return where


def run(argv: list[str], cwd: Path, typer_path: bool, env: dict | None = None) -> tuple[int, str, str]:
    environment = {"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "160",
                   "ZZIP_CACHE_DIR": os.environ["ZZIP_CACHE_DIR"], **(env or {})}
    if typer_path:
        environment["ZZIP_NO_FAST_CHECK"] = "1"
    done = subprocess.run([str(ZZIP), *argv], capture_output=True, text=True, cwd=cwd, timeout=120, env=environment)
    return done.returncode, done.stdout, done.stderr


AS_OF = ["--as-of", "2023-07-31"]
BOTH_WAYS = [
    ["check", "reports", *AS_OF],
    ["check", "reports/2023-Q1", *AS_OF, "--format", "json"],
    ["check", *AS_OF, "-f", "sarif", "--fail-on", "never"],
    ["check", *AS_OF, "--format=github", "--select", "S2", "--select=M", "--ignore", "M301"],
    ["check", *AS_OF, "--show", "behind", "--format", "csv"],
    ["check", *AS_OF, "--show", "findings", "--no-cache"],
    ["--color", "always", "--no-ascii", "check", *AS_OF],
    ["--ascii", "check", *AS_OF],
    ["--lang", "zh", "check", *AS_OF],
    ["check", *AS_OF, "--lang", "zh", "--format", "markdown"],
    ["--lang=en", "--debug", "check", *AS_OF, "--lang=zh"],
    ["check", "-p", "plan", "reports", "--as-of=2023-04-30"],
    # errors the check itself finds
    ["check", "--as-of", "2023-02-30"],
    ["check", "--as-of", "2023-7-31"],
    ["check", *AS_OF, "--fail-on", "sometimes"],
    ["check", "nowhere", *AS_OF],
    ["check", *AS_OF, "-o", "reports/2023-Q1/court.yaml"],
    ["check", *AS_OF, "-o", "plan/tasks.yaml"],
    ["check", *AS_OF, "--show", "behind", "--format", "sarif"],
    ["check", *AS_OF, "--show", "everything"],
    ["check", *AS_OF, "--select", "X999"],
    ["check", *AS_OF, "--config", "missing.toml"],
    ["check", *AS_OF, "--lang", "zh", "--fail-on", "sometimes"],
    # errors Click finds (the fast path hands these to Typer)
    ["check", *AS_OF, "--lang", "xx"],
    ["check", *AS_OF, "--format", "bogus"],
    ["check", *AS_OF, "-o", "out"],
    ["check", *AS_OF, "--unknown"],
    ["--lang", "zh", "check", "--format", "bogus"],
    ["check", "--help"],
]


@pytest.mark.parametrize("argv", BOTH_WAYS, ids=[" ".join(a) for a in BOTH_WAYS])
def test_the_fast_path_and_typer_give_the_same_output_and_exit_code(workspace_both: Path, argv: list[str]) -> None:
    typer_run = run(argv, workspace_both, typer_path=True)
    fast_run = run(argv, workspace_both, typer_path=False)
    assert fast_run == typer_run
    assert typer_run[0] in (0, 1, 2), typer_run


def test_an_output_file_is_the_same_both_ways(workspace_both: Path) -> None:
    written = {}
    for typer_path in (True, False):
        target = workspace_both / "out" / f"check-{typer_path}.json"
        code, out, err = run(["check", *AS_OF, "--format", "json", "-o", str(target)], workspace_both, typer_path)
        written[typer_path] = (code, out, err, target.read_text(encoding="utf-8"))
    assert written[True] == written[False]


def test_a_chinese_environment_is_the_same_both_ways(workspace_both: Path) -> None:
    env = {"ZZIP_LANG": "", "LANG": "C.UTF-8"}  # no language anywhere: Chinese, zzip's default
    argv = ["check", *AS_OF]
    assert run(argv, workspace_both, False, env) == run(argv, workspace_both, True, env)
    assert "zzip" in run(["check", "--as-of", "x"], workspace_both, False, env)[2]


def test_a_plain_check_loads_neither_typer_nor_click(workspace_both: Path) -> None:
    framework = {"typer", "click"}
    modules, _done = modules_after(["check", *AS_OF, "-f", "json"], cwd=workspace_both)
    assert not {m.split(".")[0] for m in modules} & framework
    modules, _done = modules_after(["check", "--format", "bogus"], cwd=workspace_both)
    assert "typer" in {m.split(".")[0] for m in modules}


# --- the guard: an internal error, an interrupt, both ways ------------------------------------

def launch(monkeypatch, argv: list[str], typer_path: bool):
    from zzip import launcher

    monkeypatch.setattr(sys, "stdout", sys.stdout)  # the guard wraps it: put back after the test
    monkeypatch.setattr(launcher, "ARGV", None)
    monkeypatch.setenv("ZZIP_DEBUG", "")  # --debug sets it for the rest of the process: unset after the test
    monkeypatch.setattr(sys, "argv", ["zzip", *argv])
    if typer_path:
        monkeypatch.setenv("ZZIP_NO_FAST_CHECK", "1")
    else:
        monkeypatch.delenv("ZZIP_NO_FAST_CHECK", raising=False)
    launcher.main()


@pytest.mark.parametrize("typer_path", [True, False], ids=["typer", "fast"])
@pytest.mark.parametrize("failure, code, words", [(RuntimeError("boom"), 3, "internal error: RuntimeError: boom"),
                                                  (KeyboardInterrupt(), 130, "")])
def test_an_internal_error_or_an_interrupt_ends_the_run_the_same_way(monkeypatch, capsys, minimal_plan: Path,
                                                                   typer_path: bool, failure, code, words) -> None:
    import zzip.check

    def explode(directory):
        raise failure

    monkeypatch.setattr(zzip.check, "load_plan", explode)
    with pytest.raises(SystemExit) as exit_info:
        launch(monkeypatch, ["check", str(minimal_plan.parent), "--plan", str(minimal_plan), *AS_OF], typer_path)
    assert exit_info.value.code == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    if not words:
        assert err == ""  # Typer ends an interrupted command with 130 and no message


@pytest.mark.parametrize("typer_path", [True, False], ids=["typer", "fast"])
def test_debug_shows_the_traceback_both_ways(monkeypatch, minimal_plan: Path, typer_path: bool) -> None:
    import zzip.check

    def explode(directory):
        raise RuntimeError("boom")

    monkeypatch.setattr(zzip.check, "load_plan", explode)
    with pytest.raises(RuntimeError, match="boom"):
        launch(monkeypatch, ["--debug", "check", str(minimal_plan.parent), "--plan", str(minimal_plan), *AS_OF],
               typer_path)
