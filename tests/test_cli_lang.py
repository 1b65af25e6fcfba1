"""The language of a run (docs/language.md): the order of the sources at each of its edges, the
--lang option on the root and every command, and the help of every command in Chinese."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from zzip.i18n import choose_language, env_lang_warning

ZZIP = Path(sys.executable).parent / "zzip"
REPO = Path(__file__).resolve().parent.parent


def zzip(*args: str, cwd: Path = REPO, **env: str) -> subprocess.CompletedProcess:
    """The installed program with only the environment given (no inherited ZZIP_LANG or locale)."""
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "COLUMNS": "100", **env})


# --- the order: --lang, ZZIP_LANG, config lang, LC_ALL, LC_MESSAGES, LANG, else Chinese ---------

@pytest.fixture
def no_config(tmp_path: Path, monkeypatch) -> Path:
    """A folder with no zzip.toml in it or above it (a .git marks the top)."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def config_en(no_config: Path) -> Path:
    (no_config / "zzip.toml").write_text('lang = "en"\n', encoding="utf-8")
    return no_config


@pytest.fixture
def config_zh(no_config: Path) -> Path:
    (no_config / "zzip.toml").write_text('lang = "zh"\n', encoding="utf-8")
    return no_config


def test_lang_option_beats_zzip_lang(no_config) -> None:
    assert choose_language(["check", "--lang", "en"], {"ZZIP_LANG": "zh"}) == "en"
    assert choose_language(["--lang=zh", "check"], {"ZZIP_LANG": "en"}) == "zh"


def test_zzip_lang_beats_the_configuration(config_en) -> None:
    assert choose_language([], {"ZZIP_LANG": "zh"}) == "zh"
    assert choose_language([], {}) == "en"


def test_configuration_beats_lc_all(config_zh) -> None:
    assert choose_language([], {"LC_ALL": "en_US.UTF-8"}) == "zh"


def test_configuration_in_pyproject(no_config) -> None:
    (no_config / "pyproject.toml").write_text('[tool.zzip]\nlang = "en"\n', encoding="utf-8")
    assert choose_language([], {"LANG": "zh_CN.UTF-8"}) == "en"


def test_lc_all_beats_lc_messages_beats_lang(no_config) -> None:
    assert choose_language([], {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert choose_language([], {"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert choose_language([], {"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"
    assert choose_language([], {"LANG": "en_US.UTF-8"}) == "en"


def test_an_empty_variable_is_unset(no_config) -> None:
    assert choose_language([], {"ZZIP_LANG": "", "LC_ALL": "", "LANG": "en_US.UTF-8"}) == "en"


@pytest.mark.parametrize("locale", ["zh_CN.UTF-8", "zh_TW", "zh", "zh_CN.GB18030", "zh_HK.UTF-8@stroke"])
def test_a_chinese_locale_gives_chinese(no_config, locale) -> None:
    assert choose_language([], {"LANG": locale}) == "zh"


@pytest.mark.parametrize("locale", ["en_US.UTF-8", "de_DE", "en_GB", "fr_FR.UTF-8"])
def test_another_locale_gives_english(no_config, locale) -> None:
    assert choose_language([], {"LANG": locale}) == "en"


@pytest.mark.parametrize("environ", [{}, {"LANG": "C"}, {"LANG": "POSIX"}, {"LANG": "C.UTF-8"},
                                     {"LC_ALL": "C", "LANG": "en_US.UTF-8"}])
def test_no_locale_gives_the_default_chinese(no_config, environ) -> None:
    """A CI runner has no locale (or C): the office reads Chinese annotations there. LC_ALL=C
    overrides LANG, as it does for every program."""
    assert choose_language([], environ) == "zh"


def test_an_invalid_zzip_lang_is_passed_over_with_a_warning(no_config) -> None:
    assert choose_language([], {"ZZIP_LANG": "fr", "LANG": "en_US.UTF-8"}) == "en"
    assert "ZZIP_LANG=fr is neither zh nor en" in env_lang_warning({"ZZIP_LANG": "fr"})
    assert env_lang_warning({"ZZIP_LANG": " EN "}) is None and env_lang_warning({}) is None
    assert choose_language([], {"ZZIP_LANG": " EN "}) == "en"


def test_invalid_zzip_lang_run(tmp_path: Path) -> None:
    result = zzip("schema", "status", ZZIP_LANG="fr", LANG="en_US.UTF-8")
    assert result.returncode == 0
    assert result.stderr == ("zzip: warning: ZZIP_LANG=fr is neither zh nor en; it is ignored "
                             "(docs/language.md)\n")
    control = zzip("schema", "status", ZZIP_LANG="fr\x1b[31m", LANG="zh_CN.UTF-8")
    assert "\x1b" not in control.stderr and "\\u001b" in control.stderr and "警告" in control.stderr


# --- --lang on the command line ----------------------------------------------------------------

@pytest.mark.parametrize("args", [["--lang", "fr", "check"], ["check", "--lang", "fr"], ["--lang=fr", "rules"],
                                  ["plan", "export", "--lang", "de"]])
def test_a_wrong_lang_is_one_line_exit_two(args) -> None:
    result = zzip(*args, ZZIP_LANG="en")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--lang takes zh or en, not '" in result.stderr, result.stderr


def test_a_wrong_lang_in_chinese() -> None:
    result = zzip("check", "--lang", "fr", LANG="zh_CN.UTF-8")
    assert result.returncode == 2 and result.stderr == "zzip: 错误：--lang 的取值为 zh 或 en，不能是 'fr'\n"


@pytest.mark.parametrize("args", [["--lang", "en", "check", "--help"], ["check", "--lang", "en", "--help"],
                                  ["check", "--help", "--lang=en"]])
def test_lang_option_anywhere_beats_a_chinese_locale(args) -> None:
    result = zzip(*args, LANG="zh_CN.UTF-8")
    assert result.returncode == 0 and "Usage: zzip check" in result.stdout and "检查" not in result.stdout


def test_the_issue_commands_give_chinese() -> None:
    """issue 9: LANG=zh_CN.UTF-8 zzip check ..., and LANG=C.UTF-8 ... --lang zh, are Chinese."""
    by_locale = zzip("check", "reports", "--as-of", "2025-07-31", LANG="zh_CN.UTF-8")
    by_option = zzip("check", "reports", "--as-of", "2025-07-31", "--lang", "zh", LANG="C.UTF-8")
    assert by_locale.returncode == by_option.returncode == 1
    assert by_locale.stdout == by_option.stdout
    assert by_locale.stdout.rstrip().endswith("在251个文件中发现19个错误，13个警告，2条提示。")
    from test_language_outputs import english_lines  # the findings, headings and summary: no English sentence

    assert english_lines(by_locale.stdout + by_locale.stderr) == []
    assert english_lines(by_option.stdout + by_option.stderr) == []
    for args in (["check", "--help"], ["--help"]):
        assert "用法：zzip" in zzip(*args, LANG="C.UTF-8").stdout  # no locale: Chinese, the default
        assert "Usage: zzip" in zzip(*args, LANG="en_US.UTF-8").stdout


def test_an_invalid_config_lang_is_an_error_of_the_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "zzip.toml").write_text('fail-on = "error"\nlang = "fr"\n', encoding="utf-8")
    (tmp_path / "reports").mkdir()
    result = zzip("check", "reports", "--plan", str(REPO / "plan"), cwd=tmp_path, ZZIP_LANG="en")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith(f"{tmp_path / 'zzip.toml'}:2: lang: expected one of zh, en; found 'fr'")


def test_config_lang_applies_to_the_run(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "zzip.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = zzip("check", "missing-folder", cwd=tmp_path, LANG="zh_CN.UTF-8")
    assert result.returncode == 2 and result.stderr == "zzip: error: reports folder 'missing-folder' does not exist\n"


# --- the help of every command -----------------------------------------------------------------

def _commands() -> list[list[str]]:
    import typer.main

    from zzip.cli import app

    found: list[list[str]] = [[]]

    def walk(command, path):
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            found.append([*path, name])
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = _commands()
# what may stay in Latin letters in a Chinese help page: option names, metavars, file names,
# formats, codes, examples; an English sentence is three Latin words in a row
ALLOWED = [r"--?[\w-]+", r"<[^>]*>", r"\[[^\]]*\]", r"\w+\.(?:toml|yaml|yml|json|xlsx|html|pdf|md|txt|eml)\b",
           r"'zzip [^']*'", r"\b[\w./-]*/[\w./-]*", r"JSON Schema", r"\bdraft 2020-12\b", r"\bExcel/WPS\b"]
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,'’]+[A-Za-z]{2,}){2,}")


def _english_left(page: str) -> list[str]:
    lines = [line for line in page.splitlines() if not line.startswith("用法：")]
    text = "\n".join(lines)
    for pattern in ALLOWED:
        text = re.sub(pattern, " ", text)
    return ENGLISH.findall(text)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "zzip")
def test_help_in_chinese_has_no_english_sentence(command) -> None:
    result = zzip(*command, "--help", ZZIP_LANG="zh")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"用法：zzip {' '.join(command)}".rstrip())
    assert "选项" in result.stdout and "显示本帮助并退出。" in result.stdout
    assert _english_left(result.stdout) == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "zzip")
def test_help_in_english_is_english(command) -> None:
    result = zzip(*command, "--help", ZZIP_LANG="en")
    assert result.returncode == 0 and result.stdout.startswith("Usage: zzip")
    assert "Show this message and exit." in result.stdout and "--lang zh|en" in result.stdout
    # no Chinese but the plan's own names for its documents, and the columns of a 任务分工表 as it writes them
    chinese = re.sub(r"郑政〔2022〕34号|督导通报|督办清单|推进考核|任务分工表|序号|重点任务|责任单位|完成时限|附件1|"
                         r"2023年底前|持续推进|每年|每季度|年均增长10%",  # the phrases of a plan that init's help quotes
                     "", result.stdout)
    assert not re.search(r"[\u4e00-\u9fff]", chinese)


def test_the_english_help_checker_sees_english() -> None:
    assert _english_left("选项:\n  --plan <path>  The plan folder to read.") == ["The plan folder to read"]
    assert _english_left("  -f, --format <text|json>  输出格式。[default: text]") == []


# --- Typer's and Click's own words --------------------------------------------------------------

def test_typer_still_has_the_words_zzip_translates() -> None:
    """An upgrade of Typer that rewords these would leave them English: noticed here."""
    import typer

    from zzip.cli.click_words import HELP_WORDS, TYPER_WORDS

    source = "".join(p.read_text(encoding="utf-8") for p in Path(typer.__file__).parent.rglob("*.py"))
    for word in (*TYPER_WORDS, *HELP_WORDS):
        assert f'"{word}"' in source or f'"{word} "' in source, word


@pytest.mark.parametrize(("args", "expected"), [
    (["check", "--nope"], "zzip: 错误：没有选项：--nope（可能想用：--ignore, --no-cache）（参见 'zzip check --help'）\n"),
    (["template"], "zzip: 错误：缺少选项 '--period'。（参见 'zzip template --help'）\n"),
    (["nosuch"], "zzip: 错误：没有命令 'nosuch'。（参见 'zzip --help'）\n"),
    # Typer appends its suggestion to the translated sentence: one sentence, no English
    (["chek"], "zzip: 错误：没有命令 'chek'。是否想用 'check', 'schema'？（参见 'zzip --help'）\n"),
    (["plan", "exprt"], "zzip: 错误：没有命令 'exprt'。是否想用 'export'？（参见 'zzip plan --help'）\n"),
    (["check", "a", "b"], "zzip: 错误：多余的参数（b）（参见 'zzip check --help'）\n"),
    (["check", "--select", "Z999", "reports"], "zzip: 错误：--select：没有规则 'Z999'；运行 'zzip rules' 可列出全部规则\n"),
    (["overdue", "--within", "x"], "zzip: 错误：'--within' 的值无效：应为整数（参见 'zzip overdue --help'）\n"),
    (["check", "-f", "xx"], "zzip: 错误：'--format' / '-f' 的值无效：'xx' 不是可选值之一：'text', 'json', 'csv', "
                            "'markdown', 'github', 'gitlab', 'junit', 'sarif'（参见 'zzip check --help'）\n"),
])
def test_usage_errors_in_chinese_are_one_line(args, expected) -> None:
    result = zzip(*args, ZZIP_LANG="zh")
    assert result.returncode == 2 and result.stderr == expected


def test_usage_errors_in_english_are_clicks() -> None:
    result = zzip("check", "--nope", ZZIP_LANG="en")
    assert result.returncode == 2
    assert result.stderr.startswith("Usage: zzip check [OPTIONS] [reports]\nTry 'zzip check --help' for help.")
    assert "Error: No such option: --nope" in result.stderr


def test_no_command_shows_the_help_in_chinese() -> None:
    result = zzip(ZZIP_LANG="zh")
    assert result.returncode == 2 and result.stderr.startswith("用法：zzip [OPTIONS] COMMAND")


# --- the Chinese documentation ------------------------------------------------------------------

def _block(text: str, name: str) -> str:
    return text.split(f"<!-- {name} -->")[1].split(f"<!-- /{name} -->")[0]


def test_chinese_readme_has_the_two_commands_of_the_readme() -> None:
    english = (REPO / "README.md").read_text(encoding="utf-8")
    chinese = (REPO / "README.zh-CN.md").read_text(encoding="utf-8")
    for name in ("main-command", "test-command"):
        assert _block(chinese, name) == _block(english, name)
    assert "(README.zh-CN.md)" in english


@pytest.mark.parametrize("page", ["README.zh-CN.md", "docs/check.zh-CN.md", "docs/language.md"])
def test_chinese_pages_link_to_files_that_exist(page) -> None:
    path = REPO / page
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
        assert (path.parent / target).exists(), f"{page} links to missing {target}"


def _documented_commands() -> list[list[str]]:
    import shlex

    found = []
    for page in ("README.zh-CN.md", "docs/check.zh-CN.md"):
        text = (REPO / page).read_text(encoding="utf-8")
        for block in re.findall(r"```\n(.*?)```", text, re.S):
            for line in block.splitlines():
                line = line.split("  #")[0].strip()
                if line.startswith("zzip "):
                    found.append(shlex.split(line)[1:])
    return found


@pytest.mark.parametrize("args", _documented_commands(), ids=" ".join)
def test_the_commands_of_the_chinese_guides_are_valid(args) -> None:
    """Every command a liaison officer copies from the Chinese pages parses: its command, options
    and arguments exist (it is parsed, not run)."""
    import typer.main

    from zzip.cli import app

    command, rest = typer.main.get_command(app), list(args)
    while getattr(command, "commands", None):  # zzip, zzip plan: down to the command named
        assert rest and rest[0] in command.commands, rest
        command, rest = command.commands[rest[0]], rest[1:]
    command.make_context(args[0], rest)  # a usage error (unknown option, bad value) raises here


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "zzip")
def test_chinese_help_fits_80_columns(command) -> None:
    """Click counts characters; a Chinese character takes two columns on a terminal."""
    from zzip.cli.click_words import display_width

    result = subprocess.run([str(ZZIP), *command, "--help"], capture_output=True, text=True, timeout=60,
                            env={"PATH": str(ZZIP.parent), "ZZIP_LANG": "zh", "COLUMNS": "80"})
    too_wide = [line for line in result.stdout.splitlines() if display_width(line) > 80]
    assert result.returncode == 0 and too_wide == []


def test_wrapping_by_display_width() -> None:
    from zzip.cli.click_words import display_width, wrap_display

    lines = wrap_display("配置文件。默认：当前或上级文件夹中的 zzip.toml，或 pyproject.toml 中的 [tool.zzip]。", 20, "  ")
    assert all(display_width(line) <= 20 for line in lines) and all(line.startswith("  ") for line in lines)
    assert "".join(line.strip() for line in lines).replace(" ", "") == \
        "配置文件。默认：当前或上级文件夹中的zzip.toml，或pyproject.toml中的[tool.zzip]。"
    assert not any(line.strip()[0] in "，。）" for line in lines)  # never a line starting with 。
    assert wrap_display("一。\n\n二。", 10) == ["一。", "", "二。"]


def test_configuration_errors_in_chinese(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "zzip.toml").write_text('lang = "zh"\nfail_on = "error"\n', encoding="utf-8")
    (tmp_path / "reports").mkdir()
    result = zzip("check", "reports", "--plan", str(REPO / "plan"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'zzip.toml'}:2：未知的配置项 'fail_on'；是否想写 'fail-on'？",
        "zzip: 错误：请修正上面的配置问题（见 docs/configuration.md）"]


@pytest.mark.parametrize("command", [("rules",), ("schema", "status")])
def test_an_invalid_config_lang_is_said_by_commands_that_read_only_the_language(tmp_path: Path, command) -> None:
    """`rules`, `schema`... take nothing else from the configuration: they warn and go on (in the
    next language of the order), where `check` refuses the whole file (above)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "zzip.toml").write_text("lang = 3\n", encoding="utf-8")
    result = zzip(*command, cwd=tmp_path, ZZIP_LANG="en")
    assert result.returncode == 0
    assert f"zzip: warning: lang = 3 in {tmp_path / 'zzip.toml'} is neither zh nor en; it is ignored" in result.stderr


@pytest.mark.parametrize("command", [("check", "reports", "--plan", str(REPO / "plan")), ("validate", str(REPO / "plan"))])
def test_an_invalid_config_lang_is_one_error_for_check_not_a_warning_too(tmp_path: Path, command) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "zzip.toml").write_text("lang = 3\n", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    result = zzip(*command, cwd=tmp_path, ZZIP_LANG="en")
    assert result.returncode == 2 and "warning" not in result.stderr
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'zzip.toml'}:1: lang: expected one of zh, en; found the number 3"
